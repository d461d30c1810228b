import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { Node } from "../src/core/node";
import { BaseEntity } from "./base";
import { SLUG_MAX_LENGTH } from "../src/core/slug";

/** A subject shared by sessions and articles (git, databases, WSGI, …). */
@ObjectType({
  implements: Node,
  description: "A subject shared by sessions and articles, such as git or WSGI.",
})
@Entity({ name: "topic" })
@Index("uq_topic_slug", ["slug"], { unique: true })
export class Topic extends BaseEntity {
  @Field({ description: "URL-safe unique key, e.g. `git`." })
  @Column({ type: "varchar", length: SLUG_MAX_LENGTH.Topic })
  slug!: string;

  @Field({ description: "Display name." })
  @Column({ type: "varchar", length: 200 })
  name!: string;
}
