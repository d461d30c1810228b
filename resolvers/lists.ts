import type { Article, Session } from "../entities";
import type { AppContext } from "../src/graphql/context";
import { parsePageArgs, type Page } from "../src/db/pagination";
import type { ArticleFilter } from "../src/services/article.service";
import type { CommunityTree } from "../src/services/community.service";
import type { SessionFilter } from "../src/services/session.service";
import type { ArticleConnectionArgs } from "./types/article.types";
import type { SessionConnectionArgs } from "./types/session.input";

// Child connections (a conference's sessions, a person's articles, …) are served through a loader
// keyed by field and arguments, so a list of parents is paged in one batch: one SQL statement for
// the pages of all of them (see pageMany in src/pagination.ts).

/** One parent's own session filter and, for `filter.day`, the zone its days are in. */
export interface SessionScope {
  filter: SessionFilter;
  zone?: string;
}

/**
 * The sessions of one parent. The client's filter is resolved once per batch; `narrow` turns it into
 * each parent's own scope (its program, its audiences, …). `filter.day` is a day in the parent's
 * zone, else in the zone of `filter.conference`.
 */
export function sessionsOf(
  ctx: AppContext,
  field: string,
  args: SessionConnectionArgs,
  parentId: number,
  narrow: (
    ids: readonly number[],
    base: SessionFilter,
    tree: CommunityTree,
  ) => Promise<SessionScope[]> | SessionScope[],
  extraKey: unknown = null,
): Promise<Page<Session>> {
  const { filter, orderBy, ...pageArgs } = args;
  const page = parsePageArgs(pageArgs);
  return ctx.loaders
    .keyed<Page<Session>>(field, { args, extraKey }, async ids => {
      const tree = await ctx.loaders.communityTree();
      const { day, ...rest } = filter ?? {};
      const base = await ctx.services.sessions.resolveFilter(rest, tree, text =>
        ctx.services.search.ids(text, "Session"),
      );
      const scopes = await narrow(ids, base, tree);
      const sessions = ctx.services.sessions;
      const fallbackZone =
        day && filter?.conference !== undefined
          ? await sessions.zoneOf(filter.conference)
          : undefined;
      const members = ids.map((id, i) => ({
        key: id,
        filter: day
          ? sessions.narrowToDay(scopes[i].filter, day, scopes[i].zone ?? fallbackZone)
          : scopes[i].filter,
      }));
      return ctx.services.sessions.pages(ctx, tree, members, orderBy, page);
    })
    .load(parentId);
}

/** The published articles of one parent; `filterFor` gives each parent's filter. */
export function articlesOf(
  ctx: AppContext,
  field: string,
  args: ArticleConnectionArgs,
  parentId: number,
  filterFor: (id: number, tree: CommunityTree) => ArticleFilter,
): Promise<Page<Article>> {
  const { orderBy, ...pageArgs } = args;
  const page = parsePageArgs(pageArgs);
  return ctx.loaders
    .keyed<Page<Article>>(field, args, async ids => {
      const tree = await ctx.loaders.communityTree();
      const members = ids.map(id => ({ key: id, filter: filterFor(id, tree) }));
      return ctx.services.articles.pages(ctx, members, orderBy, page);
    })
    .load(parentId);
}
