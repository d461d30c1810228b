import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from "typeorm";
import { DateScalar } from "../src/core/scalars";
import { Node } from "../src/core/node";
import { BaseEntity } from "./base";
import { Community } from "./community";
import { ConferenceSeries } from "./series";
import { SLUG_MAX_LENGTH } from "../src/core/slug";

/** One edition of a conference, e.g. PyWorks 2008. */
@ObjectType({ implements: Node, description: "One edition of a conference, such as PyWorks 2008." })
@Entity({ name: "conference" })
@Index("uq_conference_slug", ["slug"], { unique: true })
@Index("ix_conference_community", ["communityId"])
@Index("ix_conference_starts_on", ["startsOn", "id"])
@Index("ix_conference_series", ["seriesId", "startsOn", "id"])
export class Conference extends BaseEntity {
  @Field({ description: "URL-safe unique key, e.g. `pyworks-2008`." })
  @Column({ type: "varchar", length: SLUG_MAX_LENGTH.Conference })
  slug!: string;

  @Field({ description: "Display name, e.g. `PyWorks 2008`." })
  @Column({ type: "varchar", length: 200 })
  name!: string;

  @Field(_type => Int, { description: "The edition's year." })
  @Column({ type: "int" })
  edition!: number;

  /** The community the conference serves. */
  @Column({ type: "int" })
  communityId!: number;

  @ManyToOne(() => Community, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({ name: "community_id", foreignKeyConstraintName: "fk_conference_community" })
  community?: Relation<Community>;

  /** The series this conference is an edition of, if any. */
  @Column({ type: "int", nullable: true })
  seriesId!: number | null;

  @ManyToOne(() => ConferenceSeries, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "series_id", foreignKeyConstraintName: "fk_conference_series" })
  series?: Relation<ConferenceSeries>;

  @Field({ description: "Who runs the conference." })
  @Column({ type: "varchar", length: 200 })
  organizer!: string;

  @Field(_type => DateScalar, { description: "First day, in the conference's time zone." })
  @Column({ type: "date" })
  startsOn!: string;

  @Field(_type => DateScalar, {
    description: "Last day (inclusive), in the conference's time zone.",
  })
  @Column({ type: "date" })
  endsOn!: string;

  @Field({ description: "IANA time zone of the venue, e.g. `America/New_York`." })
  @Column({ type: "varchar", length: 64 })
  timezone!: string;

  @Column({ type: "varchar", length: 200 })
  venueName!: string;

  @Column({ type: "varchar", length: 100 })
  venueCity!: string;

  /** ISO 3166-1 alpha-2 country code. */
  @Column({ type: "varchar", length: 2 })
  venueCountry!: string;

  @Field(_type => Int, { nullable: true, description: "How many people attended, when known." })
  @Column({ type: "int", nullable: true })
  attendance!: number | null;

  @Field({ description: "What the conference is about." })
  @Column({ type: "text" })
  description!: string;

  @Field(_type => Int, {
    description:
      "Rises by one with every change to what the program shows (see `changes`); 0 for a program never changed since it was created.",
  })
  @Column({ type: "int", name: "schedule_version", default: 0 })
  scheduleVersion!: number;
}
