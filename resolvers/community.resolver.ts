import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { Conference } from "../entities";
import { Publication } from "../entities";
import { parsePageArgs, type Page } from "../src/db/pagination";
import { ArticleConnection, ArticleConnectionArgs } from "./types/article.types";
import { CommunityStats, ConferenceConnection, SessionConnection } from "./types/conference.types";
import { ConnectionArgs } from "./types/connection";
import { SessionConnectionArgs } from "./types/session.input";
import { Community } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { NodeFields } from "./node-fields";
import { articlesOf, sessionsOf } from "./lists";

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

  @FieldResolver(_returns => SessionConnection, {
    description:
      "Every session aimed at this community or any community below it (Python includes Zope/Grok).",
  })
  sessions(
    @Root() community: Pick<Community, "id">,
    @Args() args: SessionConnectionArgs,
    @Ctx() ctx: AppContext,
  ) {
    return sessionsOf(ctx, "Community.sessions", args, community.id, (ids, base, tree) =>
      ids.map(id => {
        const own = tree.selfAndDescendantIds(id);
        return {
          filter: {
            ...base,
            audienceIds: base.audienceIds ? base.audienceIds.filter(a => own.includes(a)) : own,
          },
        };
      }),
    );
  }

  @FieldResolver(_returns => ConferenceConnection, {
    description: "Conferences serving this community or one below it, earliest first.",
  })
  conferences(
    @Root() community: Pick<Community, "id">,
    @Args() args: ConnectionArgs,
    @Ctx() ctx: AppContext,
  ) {
    const page = parsePageArgs(args);
    return ctx.loaders
      .keyed<Page<Conference>>("Community.conferences", args, async ids => {
        const tree = await ctx.loaders.communityTree();
        return ctx.services.conferences.pages(
          ctx,
          ids.map(id => ({ key: id, filter: { communityIds: tree.selfAndDescendantIds(id) } })),
          page,
        );
      })
      .load(community.id);
  }

  @FieldResolver(_returns => [Publication], {
    description: "Publications serving this community, by name.",
  })
  async publications(
    @Root() community: Pick<Community, "id">,
    @Ctx() ctx: AppContext,
  ): Promise<Publication[]> {
    const all = await ctx.loaders
      .keyed<Publication[]>("publications", {}, async ids => {
        const list = await ctx.services.publications.all();
        return new Map(ids.map(id => [id, list]));
      })
      .load(0);
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
  ) {
    return articlesOf(ctx, "Community.articles", args, community.id, (id, tree) => ({
      communityIds: tree.selfAndDescendantIds(id),
    }));
  }

  @FieldResolver(_returns => CommunityStats, {
    description: "Counts for this community and those below it.",
  })
  stats(@Root() community: Pick<Community, "id">, @Ctx() ctx: AppContext): Promise<CommunityStats> {
    return ctx.loaders
      .keyed<CommunityStats>("Community.stats", {}, async ids =>
        ctx.services.stats.forCommunities(ctx, await ctx.loaders.communityTree(), ids),
      )
      .load(community.id);
  }
}
