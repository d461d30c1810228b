import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from "typeorm";
import { Node } from "../src/core/node";
import { BaseEntity } from "./base";
import { Community } from "./community";
import { SLUG_MAX_LENGTH } from "../src/core/slug";

/**
 * A conference that recurs: PyWorks, PyCon. Its editions are the conferences whose `seriesId` points
 * here, ordered by their first day.
 */
@ObjectType({
  implements: Node,
  description: "A recurring conference, such as PyCon; its editions are conferences.",
})
@Entity({ name: "conference_series" })
@Index("uq_conference_series_slug", ["slug"], { unique: true })
@Index("ix_conference_series_community", ["communityId"])
export class ConferenceSeries extends BaseEntity {
  @Field({ description: "URL-safe unique key, e.g. `pycon`." })
  @Column({ type: "varchar", length: SLUG_MAX_LENGTH.ConferenceSeries })
  slug!: string;

  @Field({ description: "Display name, e.g. `PyCon`." })
  @Column({ type: "varchar", length: 200 })
  name!: string;

  /** The community the series serves. */
  @Column({ type: "int" })
  communityId!: number;

  @ManyToOne(() => Community, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "community_id", foreignKeyConstraintName: "fk_conference_series_community" })
  community?: Relation<Community>;
}
