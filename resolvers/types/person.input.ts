import { Field, InputType } from "type-graphql";

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
