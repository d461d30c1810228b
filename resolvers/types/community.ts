import { OneRoundInput } from "../../src/core/input-problems";
import { Field, Int, ObjectType, ID, InputType } from "type-graphql";
import { Community } from "../../entities";
import { Connection } from "./connection";
import { DerivedFrom } from "../../src/graphql/cache-hint";
import { IsOptional, Length, MaxLength } from "class-validator";
import { Present, SlugRule, VersionedChanges, SLUG_FROM_NAME } from "./editorial";

export const CommunityConnection = Connection(Community, "Community", "communities");

@ObjectType({
  description: "Counts that describe a community, including the communities below it.",
})
@DerivedFrom("Session", "Person", "Conference", "Article", "Community")
export class CommunityStats {
  @Field(_type => Int, { description: "Sessions aimed at this community or one below it." })
  sessionCount!: number;

  @Field(_type => Int, {
    description: "Of those, sessions whose audiences span more than one root community.",
  })
  crossCommunitySessionCount!: number;

  @Field(_type => Int, { description: "Conferences serving this community or one below it." })
  conferenceCount!: number;

  @Field(_type => Int, { description: "Published articles about this community or one below it." })
  articleCount!: number;

  @Field(_type => Int, {
    description: "People speaking at sessions for this community or one below it.",
  })
  speakerCount!: number;
}

@OneRoundInput()
@InputType({ description: "A new community." })
export class CreateCommunityInput {
  @Field(_type => String, SLUG_FROM_NAME)
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

@OneRoundInput()
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
