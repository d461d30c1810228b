import { OneRoundInput } from "../../src/core/input-problems";
import { Field, InputType } from "type-graphql";
import { Person } from "../../entities";
import { Connection } from "./connection";
import {
  ArrayMaxSize,
  IsOptional,
  IsUrl,
  Length,
  MaxLength,
  ValidateNested,
} from "class-validator";
import { Present, SlugRule, VersionedChanges } from "./editorial";

export const PersonConnection = Connection(Person, "Person", "people");

@InputType({ description: "Narrows a people list. Given fields combine with AND." })
export class PersonFilterInput {
  @Field({
    nullable: true,
    description: "Only people speaking in this conference's program (by slug).",
  })
  conference?: string;

  @Field({
    nullable: true,
    description: "Only people speaking at sessions for this community (by slug) or one below it.",
  })
  community?: string;

  @Field({ nullable: true, description: "true: only people who speak at some session." })
  isSpeaker?: boolean;

  @Field({ nullable: true, description: "true: only people who wrote a published article." })
  isAuthor?: boolean;

  @Field({
    nullable: true,
    description: "Only people matching these words (full-text search on name and bio).",
  })
  text?: string;
}

@InputType({ description: "A labelled link on a person's profile." })
export class PersonLinkInput {
  @Field({ description: "What the link is, e.g. `Website` (1 to 50 characters)." })
  @Length(1, 50)
  label!: string;

  @Field({ description: "Absolute http(s) URL." })
  @IsUrl({ protocols: ["http", "https"], require_protocol: true })
  @MaxLength(500)
  url!: string;
}

@OneRoundInput()
@InputType({ description: "A new person (speaker, author or both)." })
export class CreatePersonInput {
  @Field(_type => String, {
    nullable: true,
    description:
      "URL-safe unique key. Generated from the name when omitted (with -2, -3, … if taken); a taken slug given here is CONFLICT.",
  })
  @SlugRule("Person")
  slug?: string | null;

  @Field({ description: "Full name (1 to 200 characters)." })
  @Length(1, 200)
  name!: string;

  @Field({ nullable: true, description: "Short biography (plain text). Default: empty." })
  @IsOptional()
  @MaxLength(10000)
  bio?: string;

  @Field(_type => String, { nullable: true, description: "Employer or project represented." })
  @IsOptional()
  @MaxLength(200)
  affiliation?: string | null;

  @Field(_type => [PersonLinkInput], { nullable: true, description: "Profile links." })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  links?: PersonLinkInput[];
}

@OneRoundInput()
@InputType({
  description:
    "Changes to a person. Omitted fields stay as they are; `version` must be the version you read.",
})
export class UpdatePersonInput extends VersionedChanges {
  @Field(_type => String, { nullable: true, description: "New slug (format as for create)." })
  @SlugRule("Person")
  slug?: string | null;

  @Field({ nullable: true, description: "Full name (1 to 200 characters)." })
  @Present()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true, description: "Short biography (plain text)." })
  @Present()
  @MaxLength(10000)
  bio?: string;

  @Field(_type => String, { nullable: true, description: "Affiliation; null clears it." })
  @IsOptional()
  @MaxLength(200)
  affiliation?: string | null;

  @Field(_type => [PersonLinkInput], { nullable: true, description: "Replaces the links." })
  @Present()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  links?: PersonLinkInput[];
}
