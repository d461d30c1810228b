import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { Node } from "../src/core/node";
import { BaseEntity } from "./base";
import { SLUG_MAX_LENGTH } from "../src/core/slug";

/** A link on a person's profile. */
@ObjectType({ description: "A labelled link on a person's profile." })
export class PersonLink {
  @Field({ description: "What the link is, e.g. `Website` or `Blog`." })
  label!: string;

  @Field({ description: "Absolute URL." })
  url!: string;
}

/** A person: the same record whether they speak, write or both. */
@ObjectType({
  implements: Node,
  description: "A person: one record whether they speak at conferences, write articles, or both.",
})
@Entity({ name: "person" })
@Index("uq_person_slug", ["slug"], { unique: true })
@Index("ix_person_name", ["name", "id"])
export class Person extends BaseEntity {
  @Field({ description: "URL-safe unique key, e.g. `brandon-rhodes`." })
  @Column({ type: "varchar", length: SLUG_MAX_LENGTH.Person })
  slug!: string;

  @Field({ description: "Full name as displayed." })
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field({ description: "Short biography (plain text)." })
  @Column({ type: "text" })
  bio!: string;

  @Field(_type => String, {
    nullable: true,
    description: "Employer or project the person represents.",
  })
  @Column({ type: "varchar", length: 200, nullable: true })
  affiliation!: string | null;

  @Field(_type => [PersonLink], { description: "Links to the person's sites and profiles." })
  @Column({ type: "simple-json" })
  links!: PersonLink[];
}
