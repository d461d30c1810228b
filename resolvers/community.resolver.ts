import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from "type-graphql";
import { Publication } from "../entities";
import { ArticleConnection, ArticleConnectionArgs } from "./types/article";
import { CommunityStats } from "./types/community";
import { ConferenceConnection } from "./types/conference";
import { SessionConnection } from "./types/session";
import { ConnectionArgs } from "./types/connection";
import { SessionConnectionArgs } from "./types/session";
import { Community } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { NodeFields } from "./node-fields";

@Resolver(_of => Community)
export class CommunityResolver extends NodeFields(Community, "Community") {
  @Query(_returns => [Community], {
    description:
      "The root communities (e.g. Python, PHP), each with its `children`. Ordered by name.",
  })
  async communities(@Ctx() ctx: AppContext): Promise<Community[]> {
    return (await ctx.loaders.communityTree()).roots();
  }

  @Query(_returns => Community, { nullable: true, description: "One community by slug, or null." })
  async community(
    @Arg("slug", { description: "The community's slug, e.g. `python`." }) slug: string,
    @Ctx() ctx: AppContext,
  ): Promise<Community | null> {
    return (await ctx.loaders.communityTree()).bySlug(slug);
  }

  @FieldResolver(_returns => Community, {
    nullable: true,
    description: "The community this one belongs to; null for a root.",
  })
  async parent(
    @Root() community: Pick<Community, "parentId">,
    @Ctx() ctx: AppContext,
  ): Promise<Community | null> {
    return community.parentId == null
      ? null
      : (await ctx.loaders.communityTree()).get(community.parentId);
  }

  @FieldResolver(_returns => [Community], {
    description: "Communities directly below this one, by name.",
  })
  async children(
    @Root() community: Pick<Community, "id">,
    @Ctx() ctx: AppContext,
  ): Promise<Community[]> {
    return (await ctx.loaders.communityTree()).childrenOf(community.id);
  }

  @FieldResolver(_returns => [Community], {
    description:
      "Every community below this one at any depth, depth-first with each level by name (a parent before its children).",
  })
  async descendants(
    @Root() community: Pick<Community, "id">,
    @Ctx() ctx: AppContext,
  ): Promise<Community[]> {
    return (await ctx.loaders.communityTree()).descendantsOf(community.id);
  }

  @FieldResolver(_returns => SessionConnection, {
    description:
      "Every session aimed at this community or any community below it (Python includes Zope/Grok).",
  })
  sessions(
    @Root() community: Pick<Community, "id">,
    @Args() args: SessionConnectionArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.loaders.sessionPage({ kind: "community" }, args, community.id, info);
  }

  @FieldResolver(_returns => ConferenceConnection, {
    description: "Conferences serving this community or one below it, earliest first.",
  })
  conferences(
    @Root() community: Pick<Community, "id">,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: AppContext,
  ) {
    return ctx.loaders.conferencesOf(args).load(community.id);
  }

  @FieldResolver(_returns => [Publication], {
    description: "Publications serving this community, by name.",
  })
  async publications(
    @Root() community: Pick<Community, "id">,
    @Ctx() ctx: AppContext,
  ): Promise<Publication[]> {
    const all = await ctx.loaders.publications();
    return all.filter(p => p.communityId === community.id);
  }

  @FieldResolver(_returns => ArticleConnection, {
    description:
      "Published articles about this community or one below it: covering it, or from a publication serving it.",
  })
  articles(
    @Root() community: Pick<Community, "id">,
    @Args() args: ArticleConnectionArgs,
    @Ctx() ctx: AppContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    return ctx.loaders.articlePage("community", args, community.id, info);
  }

  @FieldResolver(_returns => CommunityStats, {
    description: "Counts for this community and those below it.",
  })
  stats(@Root() community: Pick<Community, "id">, @Ctx() ctx: AppContext): Promise<CommunityStats> {
    return ctx.loaders.communityStats.load(community.id);
  }
}
