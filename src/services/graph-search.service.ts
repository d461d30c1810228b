import type { Article, Community, Person, Session } from "../../entities";
import type { RequestContext } from "../core/context";
import { BadUserInputError } from "../core/errors";
import { encodeCursor, Page, type PageRequest } from "../db/pagination";
import type { ArticleService } from "./article.service";
import { publicCutoff } from "./article-visibility";
import type { CommunityTree } from "./community.service";
import type { PersonService } from "./person.service";
import {
  compareHits,
  SEARCH_KINDS,
  type SearchHit,
  type SearchKind,
  type SearchScope,
  type SearchService,
} from "./search.service";
import type { SessionService } from "./session.service";

/** What a search's whole result set holds: counts by kind and by root community. */
export interface SearchFacets {
  /** Results per kind, in SEARCH_KINDS order (kinds with none left out). */
  byKind: { kind: SearchKind; count: number }[];
  /** Results per root community, most first (a result may count under several). */
  byCommunity: { community: Community; count: number }[];
}

/** A page of search results with the facets of the whole result set, computed when asked for. */
export type SearchPage<T> = Page<T> & { facets: () => Promise<SearchFacets> };

/**
 * One search over sessions, people and articles: full-text matches (from the engine's index), cut to
 * what the viewer may see and to a community, ranked by relevance and paged by a keyset cursor
 * (score, kind, id). Statements: the index's (one to three, see SearchService.match), which also
 * say what the public sees; with a community, one per kind to check the records' links.
 */
export class GraphSearchService {
  constructor(
    private readonly fullText: SearchService,
    private readonly sessions: SessionService,
    private readonly people: PersonService,
    private readonly articles: ArticleService,
  ) {}

  /**
   * A page of results, each with its record loaded (one statement per kind on the page). `kinds`
   * empty or missing means all; `communitySlug` narrows to that community and those below it (an
   * unknown slug matches nothing).
   */
  async search(
    ctx: RequestContext,
    tree: CommunityTree,
    query: string,
    options: { kinds?: readonly SearchKind[] | null; communitySlug?: string | null },
    page: PageRequest,
  ): Promise<SearchPage<{ node: Session | Person | Article; score: number }>> {
    const community =
      options.communitySlug == null ? undefined : tree.bySlug(options.communitySlug);
    const scope: SearchScope = {
      kinds: options.kinds?.length ? options.kinds : SEARCH_KINDS,
      communityIds:
        options.communitySlug == null
          ? undefined
          : community
            ? tree.selfAndDescendantIds(community.id)
            : [],
    };
    const hits = await this.page(ctx, tree, query, scope, page);
    const ids = (kind: SearchKind) =>
      hits.edges.filter(e => e.node.kind === kind).map(e => e.node.id);
    const [sessions, people, articles] = await Promise.all([
      this.sessions.byIds(ids("Session")),
      this.people.byIds(ids("Person")),
      this.articles.byIds(ctx, ids("Article")),
    ]);
    const loaded = new Map<string, Session | Person | Article>();
    for (const row of [...sessions, ...people, ...articles]) {
      if (row) loaded.set(`${row.constructor.name}:${row.id}`, row);
    }
    const edges = hits.edges.flatMap(e => {
      const node = loaded.get(`${e.node.kind}:${e.node.id}`);
      return node ? [{ cursor: e.cursor, node: { node, score: e.node.score } }] : [];
    });
    return Object.assign(new Page(edges, hits.pageInfo, () => hits.totalCount), {
      facets: hits.facets,
    });
  }

  /** A page of hits (kind, id, score) the viewer may see. */
  async page(
    ctx: RequestContext,
    tree: CommunityTree,
    query: string,
    scope: SearchScope,
    page: PageRequest,
  ): Promise<SearchPage<SearchHit>> {
    // The index knows what the public sees; a community filter needs the records' links.
    // Best first (see `match`); filtering keeps that order.
    const hits = await this.fullText.match(query, scope.kinds, publicCutoff(ctx));
    let visible = hits;
    if (scope.communityIds) {
      const allowed = await this.allowed(ctx, tree, hits, scope);
      visible = hits.filter(h => allowed[h.kind].has(h.id));
    }
    let start = 0;
    let end = visible.length;
    if (page.cursor) {
      const at = cursorHit(page.cursor);
      const position = visible.findIndex(h => compareHits(h, at) >= 0);
      const index = position === -1 ? visible.length : position;
      if (page.backward) end = index;
      else start = visible[index] && compareHits(visible[index], at) === 0 ? index + 1 : index;
    }
    const slice = page.backward
      ? visible.slice(Math.max(start, end - page.size), end)
      : visible.slice(start, start + page.size);
    const first = visible.indexOf(slice[0]);
    const last = visible.indexOf(slice[slice.length - 1]);
    const edges = slice.map(hit => ({ node: hit, cursor: encodeHitCursor(hit) }));
    let facets: Promise<SearchFacets> | null = null;
    return Object.assign(
      new Page(
        edges,
        {
          hasPreviousPage: slice.length ? first > 0 : start > 0,
          hasNextPage: slice.length ? last < visible.length - 1 : end < visible.length,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges[edges.length - 1]?.cursor ?? null,
        },
        async () => visible.length,
      ),
      { facets: () => (facets ??= this.facets(tree, visible)) },
    );
  }

  /**
   * Counts of the whole result set (not the page): by kind, in memory, and by root community, in
   * one grouped statement over the results' communities — a session's audiences, an article's
   * covered communities and its publication's, a person's audiences as a speaker — each mapped to
   * its root by a CASE built from the tree. A record counts once per root it belongs to.
   */
  async facets(tree: CommunityTree, hits: readonly SearchHit[]): Promise<SearchFacets> {
    const byKind = SEARCH_KINDS.map(kind => ({
      kind,
      count: hits.filter(h => h.kind === kind).length,
    })).filter(f => f.count > 0);
    const cases = tree.all
      .map(c => `WHEN ${Number(c.id)} THEN ${Number(tree.rootId(c.id))}`)
      .join(" ");
    const counts = await this.fullText.countByRoot(
      hits,
      column => `CASE ${column} ${cases || "WHEN 0 THEN 0"} END`,
    );
    const rows = [...counts].map(([root, n]) => ({ root, n }));
    const byCommunity = rows
      .map(r => ({ community: tree.get(Number(r.root)), count: Number(r.n) }))
      .filter((f): f is { community: Community; count: number } => f.community !== null)
      .sort((a, b) => b.count - a.count || a.community.name.localeCompare(b.community.name));
    return { byKind, byCommunity };
  }

  private async allowed(
    ctx: RequestContext,
    tree: CommunityTree,
    hits: SearchHit[],
    scope: SearchScope,
  ) {
    const idsOf = (kind: SearchHit["kind"]) => hits.filter(h => h.kind === kind).map(h => h.id);
    const pluck = async (
      qb: { select(s: string, a: string): { getRawMany(): Promise<{ id: unknown }[]> } },
      alias: string,
    ) => new Set((await qb.select(`${alias}.id`, "id").getRawMany()).map(r => Number(r.id)));
    const empty = new Set<number>();
    const sessionIds = idsOf("Session");
    const personIds = idsOf("Person");
    const articleIds = idsOf("Article");
    const [Session, Person, Article] = await Promise.all([
      sessionIds.length
        ? pluck(
            this.sessions.scoped({ ids: sessionIds, audienceIds: scope.communityIds }, tree),
            "s",
          )
        : empty,
      personIds.length
        ? scope.communityIds
          ? pluck(
              this.people.scoped(ctx, {
                ids: personIds,
                speakingForCommunityIds: scope.communityIds,
              }),
              "p",
            )
          : new Set(personIds)
        : empty,
      articleIds.length
        ? pluck(
            this.articles.scoped(ctx, { ids: articleIds, communityIds: scope.communityIds }),
            "a",
          )
        : empty,
    ]);
    return { Session, Person, Article };
  }
}

function encodeHitCursor(hit: SearchHit): string {
  return encodeCursor([hit.score, hit.kind, hit.id]);
}

function cursorHit(cursor: unknown[]): SearchHit {
  // parsePageArgs decoded the generic envelope; search cursors carry [score, kind, id] inside it.
  const [score, kind, id] = cursor;
  if (typeof score === "number" && SEARCH_KINDS.includes(kind as never) && Number.isInteger(id)) {
    return { score, kind: kind as SearchHit["kind"], id: id as number };
  }
  throw new BadUserInputError("The cursor does not belong to this search", [
    { field: "after", message: "is not a search cursor" },
  ]);
}
