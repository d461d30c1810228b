import { Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";
import type { AppContext } from "../src/graphql/context";
import { fromGlobalId } from "../src/core/global-id";
import { Page, parsePageArgs } from "../src/db/pagination";
import type { SearchKind } from "../src/services/search.service";
import { ConnectionArgs } from "./types/connection";
import { SearchConnection, SearchType } from "./types/search";
import { Node } from "../src/core/node";

@Resolver()
export class NodeResolver {
  @Query(_returns => Node, {
    nullable: true,
    description:
      "Fetches any object by its global id; null when it does not exist or is not visible.",
  })
  node(
    @Arg("id", _type => ID, { description: "A global id from any `id` field." }) id: string,
    @Ctx() ctx: AppContext,
  ) {
    return loadNode(ctx, id);
  }

  @Query(_returns => [Node], {
    nullable: "items",
    description:
      "Fetches several objects by global id, in the same order; null for each that does not exist or is not visible.",
  })
  nodes(
    @Arg("ids", _type => [ID], { description: "Global ids (at most 100)." }) ids: string[],
    @Ctx() ctx: AppContext,
  ) {
    return Promise.all(ids.slice(0, 100).map(id => loadNode(ctx, id)));
  }

  @Query(_returns => SearchConnection, {
    description:
      "Full-text search over sessions, people and published articles, most relevant first. Every word must match, as a prefix; punctuation, one-letter words and a few stopwords are ignored. At most 500 results of each type.",
  })
  async search(
    @Arg("query", { description: "Words to look for." }) query: string,
    @Arg("types", _type => [SearchType], {
      nullable: true,
      description: "Only these kinds (default: all).",
    })
    types: SearchType[] | null,
    @Arg("community", _type => String, {
      nullable: true,
      description: "Only results for this community (by slug) or one below it.",
    })
    community: string | null,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: AppContext,
  ) {
    const page = await ctx.services.graphSearch.search(
      ctx,
      await ctx.loaders.communityTree(),
      query,
      { kinds: types as SearchKind[] | null, communitySlug: community },
      parsePageArgs(args),
    );
    // Edges carry their score beside the node, as SearchEdge declares.
    return Object.assign(
      new Page(
        page.edges.map(e => ({ cursor: e.cursor, node: e.node.node, score: e.node.score })),
        page.pageInfo,
        () => page.totalCount,
      ),
      { facets: page.facets },
    );
  }
}

/** Resolves a global id through the request's loaders, applying the same visibility as lists. */
function loadNode(ctx: AppContext, globalId: string): Promise<object | null> {
  const { type, id } = fromGlobalId(globalId);
  return ctx.loaders.node(type, id);
}
