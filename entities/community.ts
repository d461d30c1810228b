import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from "typeorm";
import { Node } from "../src/core/node";
import { BaseEntity } from "./base";
import { SLUG_MAX_LENGTH } from "../src/core/slug";

/**
 * A community of practice: a language (Python, PHP) or a project within one (TurboGears, Zope/Grok).
 * Communities form a forest through `parentId`.
 */
@ObjectType({
  implements: Node,
  description: "A community of practice, such as Python, PHP or a project community within one.",
})
@Entity({ name: "community" })
@Index("uq_community_slug", ["slug"], { unique: true })
@Index("ix_community_parent", ["parentId"])
export class Community extends BaseEntity {
  @Field({ description: "URL-safe unique key, e.g. `python`." })
  @Column({ type: "varchar", length: SLUG_MAX_LENGTH.Community })
  slug!: string;

  @Field({ description: "Display name." })
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field({ description: "What the community is about (Markdown-free plain text)." })
  @Column({ type: "text" })
  description!: string;

  /** The parent community's id; null for a root such as Python or PHP. */
  @Column({ type: "int", nullable: true })
  parentId!: number | null;

  @ManyToOne(() => Community, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "parent_id", foreignKeyConstraintName: "fk_community_parent" })
  parent?: Relation<Community> | null;
}
