import { Field, Int, ObjectType } from "type-graphql";
import { Community } from "../../entities";

@ObjectType({ description: "A count for one root community." })
export class CommunityCount {
  @Field(_type => Community, { description: "The root community." })
  community!: Community;

  @Field(_type => Int, { description: "How many." })
  count!: number;
}
