import { OneRoundInput } from "../../src/core/input-problems";
import { Field, InputType } from "type-graphql";
import { Topic } from "../../entities";
import { Connection } from "./connection";
import { Length } from "class-validator";
import { SLUG_MAX_LENGTH } from "../../src/core/slug";
import { Present, SlugRule, VersionedChanges, GENERATED_SLUG } from "./editorial";

export const TopicConnection = Connection(Topic, "Topic", "topics");

@OneRoundInput()
@InputType({ description: "A new topic." })
export class CreateTopicInput {
  @Field(_type => String, GENERATED_SLUG("name", SLUG_MAX_LENGTH.Topic))
  @SlugRule("Topic")
  slug?: string | null;

  @Field({ description: "Display name (1 to 200 characters)." })
  @Length(1, 200)
  name!: string;
}

@OneRoundInput()
@InputType({ description: "Changes to a topic; `version` must be the version you read." })
export class UpdateTopicInput extends VersionedChanges {
  @Field(_type => String, { nullable: true, description: "New slug." })
  @SlugRule("Topic")
  slug?: string | null;

  @Field({ nullable: true, description: "Display name (1 to 200 characters)." })
  @Present()
  @Length(1, 200)
  name?: string;
}
