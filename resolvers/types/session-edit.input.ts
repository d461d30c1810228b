import {
  ArrayMaxSize,
  ArrayMinSize,
  IsDate,
  IsEnum,
  IsOptional,
  Length,
  MaxLength,
} from "class-validator";
import { Field, ID, InputType, ObjectType } from "type-graphql";
import { Session, SessionKind, SessionLevel } from "../../entities";
import { DateTimeScalar } from "../../src/core/scalars";
import { CLIENT_MUTATION_ID, ClientMutationIdLength, Present, SlugRule } from "./editorial.types";
import { VersionedChanges } from "./versioned.input";

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

  @Field(_type => String, { nullable: true, description: "Room at the venue." })
  @IsOptional()
  @MaxLength(100)
  room?: string | null;

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

  @Field(_type => String, { nullable: true, description: "Room; null clears it." })
  @IsOptional()
  @MaxLength(100)
  room?: string | null;

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
