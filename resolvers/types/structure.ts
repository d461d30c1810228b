import { Field, ID, InputType, Int } from "type-graphql";
import { IsEnum, IsInt, IsOptional, IsUrl, Length, Matches, MaxLength, Min } from "class-validator";
import { ConferenceSeries, Room, SessionLinkKind, Track } from "../../entities";
import { GENERATED_SLUG, Present, SlugRule, VersionedChanges } from "./editorial";
import { SLUG_MESSAGE, SLUG_PATTERN } from "../../src/core/slug";
import { Connection } from "./connection";

export const ConferenceSeriesConnection = Connection(
  ConferenceSeries,
  "ConferenceSeries",
  "conference series",
);

const COLOR = /^#[0-9a-fA-F]{6}$/;

@InputType({ description: "A new conference series." })
export class CreateConferenceSeriesInput implements Partial<Pick<ConferenceSeries, "name">> {
  @Field(_type => String, GENERATED_SLUG("name", 100))
  @SlugRule("ConferenceSeries")
  slug?: string | null;

  @Field({ description: "Display name (1 to 200 characters), e.g. `PyWorks`." })
  @Length(1, 200)
  name!: string;

  @Field(_type => ID, { description: "The community the series serves." })
  community!: string;
}

@InputType({ description: "A new track of one conference's program." })
export class CreateTrackInput implements Partial<Pick<Track, "name" | "color">> {
  @Field(_type => ID, { description: "The conference whose program has the track." })
  conference!: string;

  @Field({ description: "Display name (1 to 100 characters)." })
  @Length(1, 100)
  name!: string;

  @Field(_type => String, {
    nullable: true,
    description:
      "URL-safe key, unique within the conference. Made from the name when omitted (with -2, -3, … if taken).",
  })
  @IsOptional()
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  @MaxLength(100)
  slug?: string | null;

  @Field(_type => String, { nullable: true, description: "Colour, `#rrggbb`." })
  @IsOptional()
  @Matches(COLOR, { message: "color must be #rrggbb" })
  color?: string | null;
}

@InputType({ description: "Changes to a track; `version` must be the version you read." })
export class UpdateTrackInput extends VersionedChanges {
  @Field({ nullable: true, description: "Display name." })
  @Present()
  @Length(1, 100)
  name?: string;

  @Field(_type => String, { nullable: true, description: "Colour, `#rrggbb`; null clears it." })
  @IsOptional()
  @Matches(COLOR, { message: "color must be #rrggbb" })
  color?: string | null;
}

@InputType({ description: "A new room at a conference's venue." })
export class CreateRoomInput {
  @Field(_type => ID, {
    description:
      "A conference at the venue. The room belongs to the venue, so conferences at the same venue share it.",
  })
  conference!: string;

  @Field({ description: "Display name (1 to 100 characters), unique at the venue." })
  @Length(1, 100)
  name!: string;

  @Field(_type => Int, { nullable: true, description: "Seats, if known." })
  @IsOptional()
  @IsInt()
  @Min(0)
  capacity?: number | null;

  @Field(_type => Int, {
    nullable: true,
    description: "Where it sorts in the venue's list (default: last).",
  })
  @IsOptional()
  @IsInt()
  position?: number | null;
}

@InputType({
  description:
    "Changes to a room; a new name is copied to its sessions' `room`. `version` must be the version you read.",
})
export class UpdateRoomInput
  extends VersionedChanges
  implements Partial<Pick<Room, "name" | "capacity" | "position">>
{
  @Field({ nullable: true, description: "Display name, unique at the venue." })
  @Present()
  @Length(1, 100)
  name?: string;

  @Field(_type => Int, { nullable: true, description: "Seats; null when unknown." })
  @IsOptional()
  @IsInt()
  @Min(0)
  capacity?: number | null;

  @Field(_type => Int, { nullable: true, description: "Where it sorts in the venue's list." })
  @IsOptional()
  @IsInt()
  position?: number;
}

@InputType({ description: "A link to a session's material." })
export class SessionLinkInput {
  @Field(_type => SessionLinkKind, { description: "What the link leads to." })
  @IsEnum(SessionLinkKind)
  kind!: SessionLinkKind;

  @Field({ description: "Absolute http(s) URL (at most 2000 characters)." })
  @IsUrl({ protocols: ["http", "https"], require_protocol: true, require_tld: false })
  @MaxLength(2000)
  url!: string;

  @Field(_type => String, { nullable: true, description: "A title for the link." })
  @IsOptional()
  @MaxLength(300)
  title?: string | null;
}
