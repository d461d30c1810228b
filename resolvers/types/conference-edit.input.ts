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
import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "../../src/core/scalars";
import { Present, SlugRule } from "./editorial.types";
import { VersionedChanges } from "./versioned.input";

const SLUG = {
  nullable: true,
  description:
    "URL-safe unique key (lowercase letters, digits, single hyphens). Generated from the name when omitted; a slug another record of this kind has is CONFLICT.",
} as const;

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

@InputType({ description: "A new conference edition." })
export class CreateConferenceInput {
  @Field(_type => String, SLUG)
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

  @Field({ nullable: true, description: "What the conference is about. Default: empty." })
  @IsOptional()
  @MaxLength(20000)
  description?: string;
}

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

  @Field({ nullable: true, description: "What the conference is about." })
  @Present()
  @MaxLength(20000)
  description?: string;
}

@InputType({ description: "A new community." })
export class CreateCommunityInput {
  @Field(_type => String, SLUG)
  @SlugRule("Community")
  slug?: string | null;

  @Field({ description: "Display name (1 to 200 characters)." })
  @Length(1, 200)
  name!: string;

  @Field({ nullable: true, description: "What the community is about. Default: empty." })
  @IsOptional()
  @MaxLength(20000)
  description?: string;

  @Field(_type => ID, { nullable: true, description: "The parent community; omit for a root." })
  @IsOptional()
  parent?: string | null;
}

@InputType({
  description:
    "Changes to a community. Omitted fields stay as they are; `version` must be the version you read.",
})
export class UpdateCommunityInput extends VersionedChanges {
  @Field(_type => String, { nullable: true, description: "New slug (format as for create)." })
  @SlugRule("Community")
  slug?: string | null;

  @Field({ nullable: true, description: "Display name (1 to 200 characters)." })
  @Present()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true, description: "What the community is about." })
  @Present()
  @MaxLength(20000)
  description?: string;

  @Field(_type => ID, {
    nullable: true,
    description:
      "The new parent; null makes it a root. It may not be the community itself or one below it.",
  })
  @IsOptional()
  parent?: string | null;
}
