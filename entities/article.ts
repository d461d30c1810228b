import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from "typeorm";
import { Node } from "../src/core/node";
import { BaseEntity } from "./base";
import { ArticleKind, ArticleStatus } from "./enums";
import { Publication } from "./publication";
import { SLUG_MAX_LENGTH } from "../src/core/slug";

/**
 * A magazine article. Public only when PUBLISHED with a `publishedAt` in the past; a future
 * `publishedAt` schedules it.
 */
@ObjectType({
  implements: Node,
  description: "A magazine article, linked to the conferences, sessions and people it covers.",
})
@Entity({ name: "article" })
@Index("uq_article_slug", ["slug"], { unique: true })
@Index("ix_article_published", ["status", "publishedAt", "id"])
@Index("ix_article_title", ["status", "title", "id"])
@Index("ix_article_publication", ["publicationId", "publishedAt"])
export class Article extends BaseEntity {
  @Field({ description: "URL-safe unique key." })
  @Column({ type: "varchar", length: SLUG_MAX_LENGTH.Article })
  slug!: string;

  @Field({ description: "Headline." })
  @Column({ type: "varchar", length: 300 })
  title!: string;

  @Field(_type => ArticleKind, { description: "The editorial form of the article." })
  @Column({ type: "varchar", length: 16 })
  kind!: ArticleKind;

  @Field({ description: "A short summary (plain text)." })
  @Column({ type: "text" })
  excerpt!: string;

  @Field({ description: "The article body in Markdown, as written." })
  @Column({ type: "text" })
  body!: string;

  /** DRAFT or PUBLISHED; the public sees only published articles whose publishedAt has passed. */
  @Column({ type: "varchar", length: 16, default: ArticleStatus.DRAFT })
  status!: ArticleStatus;

  /** When the article goes (or went) public, in UTC. Null for a draft never scheduled. */
  @Column({ type: "datetime", nullable: true })
  publishedAt!: Date | null;

  @Column({ type: "int" })
  publicationId!: number;

  @ManyToOne(() => Publication, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "publication_id", foreignKeyConstraintName: "fk_article_publication" })
  publication?: Relation<Publication>;
}

/**
 * When the public may first see an article: its `publishedAt` while it is PUBLISHED (a future one
 * schedules it), and null for a draft, which the public never sees. The rule in code, on one row's
 * values (`publishedAt` as the entity or the driver holds it); `wherePublic` in
 * services/article-visibility.ts states it in SQL.
 */
export function publicSince<T>(status: ArticleStatus, publishedAt: T | null): T | null {
  return status === ArticleStatus.PUBLISHED ? publishedAt : null;
}
