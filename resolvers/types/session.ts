import { OneRoundInput } from "../../src/core/input-problems";
import { Field, ObjectType, ArgsType, InputType, registerEnumType, ID } from "type-graphql";
import { Session, SessionKind, SessionLevel } from "../../entities";
import { DateScalar, DateTimeScalar } from "../../src/core/scalars";
import { Connection, ConnectionArgs } from "./connection";
import { SessionOrder } from "../../src/services/session.service";
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDate,
  IsEnum,
  IsBoolean,
  IsOptional,
  Length,
  MaxLength,
  ValidateNested,
} from "class-validator";
import { SessionLinkInput } from "./structure";
import {
  CLIENT_MUTATION_ID,
  ClientMutationIdLength,
  Present,
  SlugRule,
  VersionedChanges,
} from "./editorial";

export const SessionConnection = Connection(Session, "Session", "sessions");

registerEnumType(SessionOrder, {
  name: "SessionOrder",
  description: "How a session list is sorted. Every order ends with the id, so paging is stable.",
  valuesConfig: {
    START_TIME_ASC: { description: "Earliest first (the default)." },
    START_TIME_DESC: { description: "Latest first." },
    TITLE_ASC: { description: "By title, A to Z." },
  },
});

/** Narrows a session list. Every field is optional; given fields combine with AND. */
@InputType({ description: "Narrows a session list. Given fields combine with AND." })
export class SessionFilterInput {
  @Field({ nullable: true, description: "Only this conference's program (by slug)." })
  conference?: string;

  @Field({
    nullable: true,
    description: "Only sessions for this community (by slug) or any community below it.",
  })
  community?: string;

  @Field(_type => [SessionKind], { nullable: true, description: "Only sessions of these kinds." })
  kinds?: SessionKind[];

  @Field({ nullable: true, description: "Only sessions with this topic (by slug)." })
  topic?: string;

  @Field({ nullable: true, description: "Only sessions this person speaks at (by slug)." })
  speaker?: string;

  @Field({ nullable: true, description: "Only sessions in this room (exact name)." })
  room?: string;

  @Field({
    nullable: true,
    description:
      "Only sessions in the track with this slug (in any conference that has one; combine with `conference` for one).",
  })
  track?: string;

  @Field(_type => DateScalar, {
    nullable: true,
    description:
      "Only sessions overlapping this calendar day: in the listed or filtered conference's time zone, else in each session's own host conference's zone.",
  })
  day?: string;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description: "Only sessions still running at or after this instant.",
  })
  from?: Date;

  @Field(_type => DateTimeScalar, {
    nullable: true,
    description: "Only sessions starting before this instant.",
  })
  to?: Date;

  @Field({
    nullable: true,
    description:
      "true: only sessions whose audiences span more than one root community (e.g. Python and PHP); false: only the others.",
  })
  crossCommunity?: boolean;

  @Field({
    nullable: true,
    description: "Only sessions matching these words (full-text search on title and abstract).",
  })
  text?: string;
}

/** Arguments of every session connection: paging, a filter and an order. */
@ArgsType()
export class SessionConnectionArgs extends ConnectionArgs {
  @Field(_type => SessionFilterInput, { nullable: true, description: "Narrows the list." })
  filter?: SessionFilterInput | null;

  @Field(_type => SessionOrder, {
    defaultValue: SessionOrder.START_TIME_ASC,
    description: "Sort order.",
  })
  orderBy!: SessionOrder;
}

@OneRoundInput()
@InputType({
  description:
    "A new session with its programs, audiences, speakers and topics, stored together or not at all.",
})
export class CreateSessionInput {
  @Field(_type => String, {
    nullable: true,
    description:
      "URL-safe unique key (lowercase letters, digits, single hyphens). Generated from the title when omitted (with -2, -3, … if taken); a taken slug given here is CONFLICT.",
  })
  @SlugRule("Session")
  slug?: string | null;

  @Field({ description: "Title as listed in the program (1 to 300 characters)." })
  @Length(1, 300)
  title!: string;

  @Field({ nullable: true, description: "What the session covers (plain text). Default: empty." })
  @IsOptional()
  @MaxLength(20000)
  abstract?: string;

  @Field(_type => SessionKind, { description: "What sort of slot this is." })
  @IsEnum(SessionKind)
  kind!: SessionKind;

  @Field(_type => SessionLevel, { nullable: true, description: "Default: ALL." })
  @IsOptional()
  @IsEnum(SessionLevel)
  level?: SessionLevel;

  @Field(_type => DateTimeScalar, {
    description:
      "Start. Must be before endsAt; unless the kind is SPRINT, MEETUP or SOCIAL, the session must lie within the host conference's days in its time zone.",
  })
  @IsDate()
  startsAt!: Date;

  @Field(_type => DateTimeScalar, { description: "End; after startsAt." })
  @IsDate()
  endsAt!: Date;

  @Field(_type => String, {
    nullable: true,
    description:
      "Room at the host's venue, by name: an unknown name makes a room record there (see `roomRecord`).",
  })
  @IsOptional()
  @MaxLength(100)
  room?: string | null;

  @Field(_type => ID, {
    nullable: true,
    description:
      "The room record (see `Conference.rooms`); sets `room` to its name. null clears the room. Wins over `room`.",
  })
  @IsOptional()
  @Length(1, 64)
  roomRecord?: string | null;

  @Field(_type => ID, {
    nullable: true,
    description: "A track of one of the session's programs; null for none.",
  })
  @IsOptional()
  @Length(1, 64)
  track?: string | null;

  @Field(_type => [SessionLinkInput], {
    nullable: true,
    description: "Slides, video, code … in order; a list given replaces the whole list.",
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  links?: SessionLinkInput[];

  @Field(_type => Boolean, {
    nullable: true,
    description: "The speakers asked not to be recorded or streamed. Default: false.",
  })
  @IsOptional()
  @IsBoolean()
  doNotRecord?: boolean;

  @Field(_type => String, { nullable: true, description: "Where an off-site session happens." })
  @IsOptional()
  @MaxLength(300)
  location?: string | null;

  @Field(_type => ID, { description: "The hosting conference; must be one of `programs`." })
  hostConference!: string;

  @Field(_type => [ID], {
    description: "Conferences whose programs list the session (at least one).",
  })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  programs!: string[];

  @Field(_type => [ID], { description: "Communities the session is aimed at (at least one)." })
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  audiences!: string[];

  @Field(_type => [ID], {
    nullable: true,
    description: "Speakers, in billing order. Default: none.",
  })
  @IsOptional()
  @ArrayMaxSize(50)
  speakers?: string[];

  @Field(_type => [ID], { nullable: true, description: "Topics. Default: none." })
  @IsOptional()
  @ArrayMaxSize(50)
  topics?: string[];

  @Field(_type => String, CLIENT_MUTATION_ID)
  @IsOptional()
  @ClientMutationIdLength()
  clientMutationId?: string | null;
}

@OneRoundInput()
@InputType({
  description:
    "Changes to a session. Omitted fields stay as they are; a list given replaces the whole list. `version` must be the version you read.",
})
export class UpdateSessionInput extends VersionedChanges {
  @Field(_type => String, { nullable: true, description: "New slug (format as for create)." })
  @SlugRule("Session")
  slug?: string | null;

  @Field({ nullable: true, description: "Title (1 to 300 characters)." })
  @Present()
  @Length(1, 300)
  title?: string;

  @Field({ nullable: true, description: "What the session covers (plain text)." })
  @Present()
  @MaxLength(20000)
  abstract?: string;

  @Field(_type => SessionKind, { nullable: true, description: "What sort of slot this is." })
  @Present()
  @IsEnum(SessionKind)
  kind?: SessionKind;

  @Field(_type => SessionLevel, { nullable: true, description: "The experience it assumes." })
  @Present()
  @IsEnum(SessionLevel)
  level?: SessionLevel;

  @Field(_type => DateTimeScalar, { nullable: true, description: "Start." })
  @Present()
  @IsDate()
  startsAt?: Date;

  @Field(_type => DateTimeScalar, { nullable: true, description: "End." })
  @Present()
  @IsDate()
  endsAt?: Date;

  @Field(_type => String, {
    nullable: true,
    description: "Room by name (made at the host's venue when new); null clears it.",
  })
  @IsOptional()
  @MaxLength(100)
  room?: string | null;

  @Field(_type => ID, {
    nullable: true,
    description:
      "The room record (see `Conference.rooms`); sets `room` to its name. null clears the room. Wins over `room`.",
  })
  @IsOptional()
  @Length(1, 64)
  roomRecord?: string | null;

  @Field(_type => ID, {
    nullable: true,
    description: "A track of one of the session's programs; null for none.",
  })
  @IsOptional()
  @Length(1, 64)
  track?: string | null;

  @Field(_type => [SessionLinkInput], {
    nullable: true,
    description: "Slides, video, code … in order; a list given replaces the whole list.",
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  links?: SessionLinkInput[];

  @Field(_type => Boolean, {
    nullable: true,
    description: "The speakers asked not to be recorded or streamed.",
  })
  @Present()
  @IsBoolean()
  doNotRecord?: boolean;

  @Field(_type => String, { nullable: true, description: "Off-site location; null clears it." })
  @IsOptional()
  @MaxLength(300)
  location?: string | null;

  @Field(_type => ID, { nullable: true, description: "The hosting conference." })
  @Present()
  @Length(1, 64)
  hostConference?: string;

  @Field(_type => [ID], { nullable: true, description: "Replaces the programs (at least one)." })
  @Present()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  programs?: string[];

  @Field(_type => [ID], { nullable: true, description: "Replaces the audiences (at least one)." })
  @Present()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  audiences?: string[];

  @Field(_type => [ID], { nullable: true, description: "Replaces the speakers, in billing order." })
  @Present()
  @ArrayMaxSize(50)
  speakers?: string[];

  @Field(_type => [ID], { nullable: true, description: "Replaces the topics." })
  @Present()
  @ArrayMaxSize(50)
  topics?: string[];
}

@ObjectType({ description: "The result of createSession." })
export class CreateSessionPayload {
  @Field(_type => Session, { description: "The session created (or, on a repeat, created first)." })
  session!: Session;

  @Field(_type => String, { nullable: true, description: "The clientMutationId you sent." })
  clientMutationId!: string | null;

  @Field({
    description:
      "True when this was a repeat of an earlier clientMutationId and nothing new was made.",
  })
  replayed!: boolean;
}
