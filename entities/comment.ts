import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from "typeorm";
import { Article } from "./article";
import { Node } from "../src/core/node";
import { BaseEntity } from "./base";
import { CommentStatus } from "./enums";

/** A reader's comment on an article. The email is stored for moderation and never exposed. */
@ObjectType({ implements: Node, description: "A reader's comment on an article." })
@Entity({ name: "comment" })
@Index("ix_comment_article", ["articleId", "status", "createdAt", "id"])
@Index("ix_comment_status", ["status", "id"])
export class Comment extends BaseEntity {
  @Column({ type: "int" })
  articleId!: number;

  @ManyToOne(() => Article, { nullable: false, onDelete: "CASCADE" })
  @JoinColumn({ name: "article_id", foreignKeyConstraintName: "fk_comment_article" })
  article?: Relation<Article>;

  @Field({ description: "The name the reader chose to show." })
  @Column({ type: "varchar", length: 100 })
  authorName!: string;

  /** Never exposed through the API. */
  @Column({ type: "varchar", length: 254, nullable: true })
  email!: string | null;

  @Field({ description: "The comment as plain text. Render it escaped." })
  @Column({ type: "text" })
  body!: string;

  @Column({ type: "varchar", length: 16, default: CommentStatus.PENDING })
  status!: CommentStatus;
}
