import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from "typeorm";
import { Node } from "../src/core/node";
import { BaseEntity } from "./base";
import { Conference } from "./conference";

/** The longest track slug. */
export const TRACK_SLUG_MAX_LENGTH = 100;

/** A thematic strand of one conference's program (web, databases, …). Slugs are unique per conference. */
@ObjectType({
  implements: Node,
  description: "A thematic strand of one conference's program, such as Web or Databases.",
})
@Entity({ name: "track" })
@Index("uq_track_conference_slug", ["conferenceId", "slug"], { unique: true })
export class Track extends BaseEntity {
  /** The conference whose program the track belongs to. */
  @Column({ type: "int" })
  conferenceId!: number;

  @ManyToOne(() => Conference, { nullable: false, onDelete: "CASCADE" })
  @JoinColumn({ name: "conference_id", foreignKeyConstraintName: "fk_track_conference" })
  conference?: Relation<Conference>;

  @Field({ description: "URL-safe key, unique within the conference." })
  @Column({ type: "varchar", length: TRACK_SLUG_MAX_LENGTH })
  slug!: string;

  @Field({ description: "Display name." })
  @Column({ type: "varchar", length: 100 })
  name!: string;

  @Field(_type => String, {
    nullable: true,
    description: "Colour for schedules, `#rrggbb` (lowercase hex).",
  })
  @Column({ type: "varchar", length: 7, nullable: true })
  color!: string | null;
}
