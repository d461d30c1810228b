import { Field, InputType, Int } from "type-graphql";

@InputType({ description: "Narrows a conference list. Given fields combine with AND." })
export class ConferenceFilterInput {
  @Field({
    nullable: true,
    description: "Only conferences serving this community (by slug) or one below it.",
  })
  community?: string;

  @Field(_type => Int, { nullable: true, description: "Only this edition year." })
  year?: number;
}
