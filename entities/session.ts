import { Field, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from "typeorm";
import { Node } from "../src/core/node";
import { BaseEntity } from "./base";
import { Conference } from "./conference";
import { Room } from "./room";
import { Track } from "./track";
import { SessionKind, SessionLevel, SessionStatus } from "./enums";
import { SLUG_MAX_LENGTH } from "../src/core/slug";

/**
 * A slot in one or more conference programs. A combined session (say, an introduction to git at
 * PyWorks and php|works) is one row, listed in several programs through `SessionProgram` and aimed at
 * several communities through `SessionAudience`.
 */
@ObjectType({
  implements: Node,
  description: "A talk, tutorial, keynote or side event, listed in one or more programs.",
})
@Entity({ name: "session" })
@Index("uq_session_slug", ["slug"], { unique: true })
@Index("ix_session_host", ["hostConferenceId", "startsAt"])
@Index("ix_session_starts_at", ["startsAt", "id"])
@Index("ix_session_track", ["trackId", "startsAt", "id"])
@Index("ix_session_room", ["roomId", "startsAt", "id"])
export class Session extends BaseEntity {
  @Field({ description: "URL-safe unique key." })
  @Column({ type: "varchar", length: SLUG_MAX_LENGTH.Session })
  slug!: string;

  @Field({ description: "Title as listed in the program." })
  @Column({ type: "varchar", length: 300 })
  title!: string;

  @Field({ description: "What the session covers (plain text)." })
  @Column({ type: "text", name: "abstract" })
  abstract!: string;

  @Field(_type => SessionKind, { description: "What sort of slot this is." })
  @Column({ type: "varchar", length: 16 })
  kind!: SessionKind;

  @Field(_type => SessionLevel, { description: "The experience the session assumes." })
  @Column({ type: "varchar", length: 16, default: SessionLevel.ALL })
  level!: SessionLevel;

  @Field(_type => SessionStatus, {
    description: "SCHEDULED, or CANCELLED (a cancelled session stays in its programs).",
  })
  @Column({ type: "varchar", length: 16, default: SessionStatus.SCHEDULED })
  status!: SessionStatus;

  /** Start instant, stored in UTC. Exposed through a field resolver that formats it in a zone. */
  @Column({ type: "datetime" })
  startsAt!: Date;

  /** End instant, stored in UTC. */
  @Column({ type: "datetime" })
  endsAt!: Date;

  @Field(_type => String, {
    nullable: true,
    description: "The name of the room at the venue, when on site (see `roomRecord` for the room).",
  })
  @Column({ type: "varchar", length: 100, nullable: true })
  room!: string | null;

  /** The room record; `room` keeps a copy of its name, written with it. */
  @Column({ type: "int", nullable: true })
  roomId!: number | null;

  @ManyToOne(() => Room, { nullable: true, onDelete: "RESTRICT" })
  @JoinColumn({ name: "room_id", foreignKeyConstraintName: "fk_session_room" })
  roomEntity?: Relation<Room>;

  /** The host conference's track the session belongs to, if any. */
  @Column({ type: "int", nullable: true })
  trackId!: number | null;

  @ManyToOne(() => Track, { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "track_id", foreignKeyConstraintName: "fk_session_track" })
  track?: Relation<Track>;

  @Field({ description: "True when the speakers asked not to be recorded or streamed." })
  @Column({ type: "boolean", default: false })
  doNotRecord!: boolean;

  @Field(_type => String, {
    nullable: true,
    description: "Where an off-site session happens (a user-group venue, a sprint location).",
  })
  @Column({ type: "varchar", length: 300, nullable: true })
  location!: string | null;

  /** The conference that hosts the session; always one of its programs. */
  @Column({ type: "int" })
  hostConferenceId!: number;

  @ManyToOne(() => Conference, { nullable: false, onDelete: "RESTRICT" })
  @JoinColumn({
    name: "host_conference_id",
    foreignKeyConstraintName: "fk_session_host_conference",
  })
  hostConference?: Relation<Conference>;
}
