import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from "typeorm";
import { Node } from "../src/core/node";
import { BaseEntity } from "./base";
import { Community } from "./community";
import { SLUG_MAX_LENGTH } from "../src/core/slug";

/** A magazine or other outlet that publishes articles, e.g. Python Magazine. */
@ObjectType({
  implements: Node,
  description: "A magazine or other outlet that publishes articles.",
})
@Entity({ name: "publication" })
@Index("uq_publication_slug", ["slug"], { unique: true })
@Index("ix_publication_community", ["communityId"])
export class Publication extends BaseEntity {
  @Field({ description: "URL-safe unique key, e.g. `python-magazine`." })
  @Column({ type: "varchar", length: SLUG_MAX_LENGTH.Publication })
  slug!: string;

  @Field({ description: "Display name." })
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field({ description: "What the publication covers." })
  @Column({ type: "text" })
  description!: string;

  /** The community the publication serves. */
  @Column({ type: "int" })
  communityId!: number;

  @ManyToOne(() => Community, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "community_id", foreignKeyConstraintName: "fk_publication_community" })
  community?: Relation<Community>;
}
