import { Ctx, Query, Resolver } from "type-graphql";
import type { Role } from "../entities";
import { CacheHint } from "../src/graphql/cache-hint";
import type { AppContext } from "../src/graphql/context";
import { Viewer } from "./types/viewer";

@Resolver(_of => Viewer)
export class ViewerResolver {
  @CacheHint({ scope: "PRIVATE" })
  @Query(_returns => Viewer, {
    description: "Who is asking: the role of the bearer token sent, if any. Open to everyone.",
  })
  viewer(@Ctx() ctx: AppContext): Viewer {
    return { role: ctx.viewer.role as Role | null };
  }
}
