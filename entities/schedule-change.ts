import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { ScheduleChangeKind } from "./enums";

/** One field a change touched, with its value before and after (as text; see ScheduleChange). */
@ObjectType({ description: "One field a schedule change touched, before and after." })
export class ScheduleFieldChange {
  @Field({ description: "The field's name as the API spells it, e.g. `startsAt` or `programs`." })
  field!: string;

  @Field(_type => String, {
    nullable: true,
    description:
      "The value before (null: none). Instants are ISO-8601 in UTC; lists of records are JSON arrays of global ids; long texts are cut at 500 characters.",
  })
  oldValue!: string | null;

  @Field(_type => String, { nullable: true, description: "The value after (null: none)." })
  newValue!: string | null;
}

/**
 * One change to what a conference's program shows, written in the same transaction as the write
 * that made it. A change to a combined session writes one row per program that lists it, each with
 * the schedule version it produced in that conference. Append-only.
 */
@ObjectType({
  description:
    "One change to what a conference's program shows. A change to a combined session appears once per program that lists it.",
})
@Entity({ name: "schedule_change" })
@Index("uq_schedule_change_version", ["conferenceId", "scheduleVersion"], { unique: true })
@Index("ix_schedule_change_time", ["conferenceId", "changedAt"])
export class ScheduleChange {
  @PrimaryGeneratedColumn({ type: "int" })
  id!: number;

  /** The conference whose program changed. */
  @Column({ type: "int", name: "conference_id" })
  conferenceId!: number;

  @Field(_type => Int, { description: "The conference's schedule version this change produced." })
  @Column({ type: "int", name: "schedule_version" })
  scheduleVersion!: number;

  /** The subject's global id (a Session or the Conference); kept after the subject is deleted. */
  @Column({ type: "varchar", length: 100, name: "subject_id" })
  subjectId!: string;

  @Field(_type => ScheduleChangeKind, { description: "What the change did." })
  @Column({ type: "varchar", length: 16 })
  kind!: ScheduleChangeKind;

  @Field(_type => [ScheduleFieldChange], {
    description: "The fields that changed, with old and new values (every field for CREATED).",
  })
  @Column({ type: "simple-json" })
  fields!: ScheduleFieldChange[];

  /** When the change was written (UTC). */
  @Column({ type: "datetime", name: "changed_at" })
  changedAt!: Date;
}
