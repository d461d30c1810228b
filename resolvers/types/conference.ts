import { OneRoundInput } from "../../src/core/input-problems";
import { Field, Int, ObjectType, InputType, ID } from "type-graphql";
import { Conference, Session, Track } from "../../entities";
import { DateScalar } from "../../src/core/scalars";
import { Connection } from "./connection";
import { DerivedFrom } from "../../src/graphql/cache-hint";
import {
  IsInt,
  IsOptional,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from "class-validator";
import { Present, SlugRule, VersionedChanges, SLUG_FROM_NAME } from "./editorial";

@ObjectType({ description: "Where a conference takes place." })
export class Venue {
  @Field({ description: "Name of the venue, e.g. a hotel or conference centre." })
  name!: string;

  @Field({ description: "City." })
  city!: string;

  @Field({ description: "ISO 3166-1 alpha-2 country code, e.g. `US`." })
  country!: string;
}

export const ConferenceConnection = Connection(Conference, "Conference", "conferences");

@ObjectType({ description: "Counts that describe a conference." })
@DerivedFrom("Session", "Person", "Community")
export class ConferenceStats {
  @Field(_type => Int, { description: "Sessions in the program." })
  sessionCount!: number;

  @Field(_type => Int, {
    description: "Program sessions whose audiences span more than one root community.",
  })
  crossCommunitySessionCount!: number;

  @Field(_type => Int, { description: "Distinct people speaking in the program." })
  speakerCount!: number;

  @Field(_type => Int, { nullable: true, description: "Reported attendance, when known." })
  attendance!: number | null;

  /** Whose stats these are (for the fields resolved on demand). */
  conferenceId!: number;
}

@ObjectType({ description: "How many program sessions one track has." })
export class TrackSessionCount {
  @Field(_type => Track, {
    nullable: true,
    description: "The track; null for the sessions that have none.",
  })
  track!: Track | null;

  @Field(_type => Int, { description: "Program sessions in the track." })
  sessionCount!: number;
}

@ObjectType({ description: "One day of a conference, in the conference's time zone." })
export class ConferenceDay {
  @Field(_type => DateScalar, { description: "The calendar date, in the conference's time zone." })
  date!: string;

  @Field(_type => [Session], {
    description: "The program's sessions that overlap this day, earliest first.",
  })
  sessions!: Session[];
}

@InputType({ description: "Narrows a conference list. Given fields combine with AND." })
export class ConferenceFilterInput {
  @Field({
    nullable: true,
    description: "Only conferences serving this community (by slug) or one below it.",
  })
  community?: string;

  @Field(_type => Int, { nullable: true, description: "Only this edition year." })
  year?: number;

  @Field({
    nullable: true,
    description:
      "Only conferences whose name contains each of these words (case-insensitive, anywhere in the name; punctuation ignored).",
  })
  @MaxLength(200)
  text?: string;
}

@InputType({ description: "Where a conference takes place." })
export class VenueInput {
  @Field({ description: "Venue name (1 to 200 characters)." })
  @Length(1, 200)
  name!: string;

  @Field({ description: "City (1 to 100 characters)." })
  @Length(1, 100)
  city!: string;

  @Field({ description: "ISO 3166-1 alpha-2 country code, e.g. `US`." })
  @Matches(/^[A-Za-z]{2}$/, { message: "country must be a two-letter ISO 3166-1 code" })
  country!: string;
}

@OneRoundInput()
@InputType({ description: "A new conference edition." })
export class CreateConferenceInput {
  @Field(_type => String, SLUG_FROM_NAME)
  @SlugRule("Conference")
  slug?: string | null;

  @Field({ description: "Display name (1 to 200 characters)." })
  @Length(1, 200)
  name!: string;

  @Field(_type => Int, { description: "The edition's year." })
  @IsInt()
  @Min(1900)
  @Max(2200)
  edition!: number;

  @Field(_type => ID, { description: "The community the conference serves." })
  community!: string;

  @Field({ description: "Who runs the conference (1 to 200 characters)." })
  @Length(1, 200)
  organizer!: string;

  @Field(_type => DateScalar, { description: "First day, in the conference's time zone." })
  startsOn!: string;

  @Field(_type => DateScalar, { description: "Last day (inclusive); not before startsOn." })
  endsOn!: string;

  @Field({ description: "IANA time zone of the venue, e.g. `America/New_York`." })
  @Length(1, 64)
  timezone!: string;

  @Field(_type => VenueInput, { description: "Where it takes place." })
  @ValidateNested()
  venue!: VenueInput;

  @Field(_type => Int, { nullable: true, description: "How many attended, when known." })
  @IsOptional()
  @IsInt()
  @Min(0)
  attendance?: number | null;

  @Field(_type => ID, {
    nullable: true,
    description:
      "The series this conference is an edition of (see `createConferenceSeries`); null for none.",
  })
  @IsOptional()
  @Length(1, 64)
  series?: string | null;

  @Field({ nullable: true, description: "What the conference is about. Default: empty." })
  @IsOptional()
  @MaxLength(20000)
  description?: string;
}

@OneRoundInput()
@InputType({
  description:
    "Changes to a conference. Omitted fields stay as they are; `version` must be the version you read.",
})
export class UpdateConferenceInput extends VersionedChanges {
  @Field(_type => String, { nullable: true, description: "New slug (format as for create)." })
  @SlugRule("Conference")
  slug?: string | null;

  @Field({ nullable: true, description: "Display name (1 to 200 characters)." })
  @Present()
  @Length(1, 200)
  name?: string;

  @Field(_type => Int, { nullable: true, description: "The edition's year." })
  @Present()
  @IsInt()
  @Min(1900)
  @Max(2200)
  edition?: number;

  @Field(_type => ID, { nullable: true, description: "The community the conference serves." })
  @Present()
  @Length(1, 64)
  community?: string;

  @Field({ nullable: true, description: "Who runs the conference." })
  @Present()
  @Length(1, 200)
  organizer?: string;

  @Field(_type => DateScalar, { nullable: true, description: "First day." })
  @Present()
  @Length(10, 10)
  startsOn?: string;

  @Field(_type => DateScalar, { nullable: true, description: "Last day (inclusive)." })
  @Present()
  @Length(10, 10)
  endsOn?: string;

  @Field({ nullable: true, description: "IANA time zone of the venue." })
  @Present()
  @Length(1, 64)
  timezone?: string;

  @Field(_type => VenueInput, { nullable: true, description: "Where it takes place." })
  @IsOptional()
  @ValidateNested()
  venue?: VenueInput | null;

  @Field(_type => Int, { nullable: true, description: "Attendance; null when unknown." })
  @IsOptional()
  @IsInt()
  @Min(0)
  attendance?: number | null;

  @Field(_type => ID, {
    nullable: true,
    description:
      "The series this conference is an edition of (see `createConferenceSeries`); null for none.",
  })
  @IsOptional()
  @Length(1, 64)
  series?: string | null;

  @Field({ nullable: true, description: "What the conference is about." })
  @Present()
  @MaxLength(20000)
  description?: string;
}
