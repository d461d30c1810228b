import { Ctx, Query, Resolver } from "type-graphql";
import { Topic } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { NodeFields } from "./node-fields";

@Resolver(_of => Topic)
export class TopicResolver extends NodeFields(Topic, "Topic") {
  @Query(_returns => [Topic], { description: "Every topic, by name." })
  topics(@Ctx() ctx: AppContext): Promise<Topic[]> {
    return ctx.services.topics.all();
  }
}
