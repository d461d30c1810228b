import { OneRoundInput } from "../../src/core/input-problems";
import { Field, InputType, ID } from "type-graphql";
import { Publication } from "../../entities";
import { Connection } from "./connection";
import { IsOptional, Length, MaxLength } from "class-validator";
import { SLUG_MAX_LENGTH } from "../../src/core/slug";
import { Present, SlugRule, VersionedChanges, GENERATED_SLUG } from "./editorial";

export const PublicationConnection = Connection(Publication, "Publication", "publications");

@OneRoundInput()
@InputType({ description: "A new publication." })
export class CreatePublicationInput {
  @Field(_type => String, GENERATED_SLUG("name", SLUG_MAX_LENGTH.Publication))
  @SlugRule("Publication")
  slug?: string | null;

  @Field({ description: "Display name (1 to 200 characters)." })
  @Length(1, 200)
  name!: string;

  @Field({ nullable: true, description: "What it covers. Default: empty." })
  @IsOptional()
  @MaxLength(20000)
  description?: string;

  @Field(_type => ID, { description: "The community it serves." })
  community!: string;
}

@OneRoundInput()
@InputType({ description: "Changes to a publication; `version` must be the version you read." })
export class UpdatePublicationInput extends VersionedChanges {
  @Field(_type => String, { nullable: true, description: "New slug." })
  @SlugRule("Publication")
  slug?: string | null;

  @Field({ nullable: true, description: "Display name (1 to 200 characters)." })
  @Present()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true, description: "What it covers." })
  @Present()
  @MaxLength(20000)
  description?: string;

  @Field(_type => ID, { nullable: true, description: "The community it serves." })
  @Present()
  @Length(1, 64)
  community?: string;
}
