import type { Article, Conference, Person, Session } from "../../entities";
import type { RequestContext } from "../core/context";
import { withFields } from "../core/objects";
import type { Page, PageRequest } from "../db/pagination";
import type {
  ArticleFilter,
  ArticleFilterSpec,
  ArticleOrder,
  ArticleService,
} from "./article.service";
import type { CommunityTree } from "./community.service";
import type { ConferenceFilter, ConferenceService } from "./conference.service";
import type { PersonFilterSpec, PersonService } from "./person.service";
import type { SearchService } from "./search.service";
import type {
  SessionFilter,
  SessionFilterSpec,
  SessionOrder,
  SessionService,
} from "./session.service";
import type { StructureService } from "./structure.service";

/** Whose sessions a list shows: every session, or one parent's (many parents share one batch). */
export type SessionParent =
  | { kind: "all" }
  /** A conference's program; `includeColocated` widens it to the whole co-located event. */
  | { kind: "conference"; includeColocated?: boolean }
  /** Sessions aimed at a community or any community below it. */
  | { kind: "community" }
  /** Sessions a person speaks at. */
  | { kind: "speaker" }
  /** Sessions in a room (record). */
  | { kind: "room" }
  /** Sessions in a track. */
  | { kind: "track" };

/** Whose articles a list shows. */
export type ArticleParent =
  | "conference"
  | "session"
  /** Covering the community or one below it, or from a publication serving one of them. */
  | "community"
  | "author"
  /** Covering the person (article_person). */
  | "person"
  | "publication";

/** One parent's own session filter and, for `filter.day`, the zone its days are in. */
export interface SessionScope {
  filter: SessionFilter;
  zone?: string;
}

/**
 * How a listing reads conferences. GraphQL passes its request loaders (shared with other fields);
 * feeds and embeds pass what they have already loaded.
 */
export interface ConferenceReads {
  conferences(ids: readonly number[]): Promise<Pick<Conference, "id" | "timezone">[]>;
  colocatedIds(ids: readonly number[]): Promise<number[][]>;
}

/** The services a listing reads through. */
export interface ListingDependencies {
  articles: ArticleService;
  conferences: ConferenceService;
  people: PersonService;
  search: SearchService;
  sessions: SessionService;
  structure: StructureService;
}

/** Keeps the ids of `own` that `wanted` also names; no `wanted` keeps all of `own`. */
function within(own: number[], wanted: number[] | undefined): number[] {
  return wanted ? wanted.filter(id => own.includes(id)) : own;
}

/**
 * The read rules of every list: a client's filter resolved once (slugs to ids, words to search
 * matches), each parent's scope (a conference's program, widened by co-location on request; a
 * community with those below it; a speaker; an author …) and the day's time zone. GraphQL (through
 * its loaders), the feeds and the embeds call these same methods.
 */
export class ListingService {
  constructor(private readonly deps: ListingDependencies) {}

  /**
   * The programs that make up each conference's listing: its own and, with `includeColocated`,
   * those of the conferences co-located with it (the whole event).
   */
  async programIds(
    ids: readonly number[],
    includeColocated: boolean,
    reads: Pick<ConferenceReads, "colocatedIds">,
  ): Promise<number[][]> {
    const colocated = includeColocated ? await reads.colocatedIds(ids) : [];
    return ids.map((id, i) => [id, ...(colocated[i] ?? [])]);
  }

  /** `base` narrowed to each parent's sessions, with the zone that parent's days are in. */
  async sessionScopes(
    tree: CommunityTree,
    parent: SessionParent,
    ids: readonly number[],
    base: SessionFilter,
    reads: ConferenceReads,
  ): Promise<SessionScope[]> {
    switch (parent.kind) {
      case "all":
        return ids.map(() => ({ filter: base }));
      case "conference": {
        const [conferences, programs] = await Promise.all([
          reads.conferences(ids),
          this.programIds(ids, parent.includeColocated ?? false, reads),
        ]);
        return ids.map((_id, i) => ({
          filter: withFields(base, { programIds: within(programs[i], base.programIds) }),
          zone: conferences[i].timezone,
        }));
      }
      case "community":
        return ids.map(id => ({
          filter: withFields(base, {
            audienceIds: within(tree.selfAndDescendantIds(id), base.audienceIds),
          }),
        }));
      case "speaker":
        return ids.map(id => ({
          filter: withFields(base, { speakerIds: within([id], base.speakerIds) }),
        }));
      case "room":
        return ids.map(id => ({
          filter: withFields(base, { roomIds: within([id], base.roomIds) }),
        }));
      case "track":
        return ids.map(id => ({
          filter: withFields(base, { trackIds: within([id], base.trackIds) }),
        }));
    }
  }

  /**
   * One page of sessions per parent, in one statement. `spec` is the client's filter: resolved once
   * for all parents; `spec.day` is a day in the parent's zone, else in the zone of `spec.conference`.
   */
  async sessionPages(
    ctx: RequestContext,
    tree: CommunityTree,
    parent: SessionParent,
    ids: readonly number[],
    spec: SessionFilterSpec,
    order: SessionOrder,
    page: PageRequest,
    reads: ConferenceReads,
  ): Promise<Map<number, Page<Session>>> {
    const { sessions, search } = this.deps;
    const { day, ...rest } = spec;
    const base = await sessions.resolveFilter(
      rest,
      tree,
      text => search.ids(text, "Session"),
      slug => this.deps.structure.trackIdsBySlug(slug),
    );
    const scopes = await this.sessionScopes(tree, parent, ids, base, reads);
    const fallbackZone =
      day && spec.conference !== undefined ? await sessions.zoneOf(spec.conference) : undefined;
    // Without a zone from the parent or the filter, a day is each session's day in its own zone.
    const zones =
      day && !fallbackZone && scopes.some(s => !s.zone) ? await sessions.zonesInUse() : [];
    const members = ids.map((id, i) => ({
      key: id,
      filter: day
        ? sessions.narrowToDay(scopes[i].filter, day, scopes[i].zone ?? fallbackZone, zones)
        : scopes[i].filter,
    }));
    return sessions.pages(ctx, tree, members, order, page);
  }

  /** One parent's article filter. */
  articleScope(tree: CommunityTree, parent: ArticleParent, id: number): ArticleFilter {
    switch (parent) {
      case "conference":
        return { conferenceIds: [id] };
      case "session":
        return { sessionIds: [id] };
      case "community":
        return { communityIds: tree.selfAndDescendantIds(id) };
      case "author":
        return { authorIds: [id] };
      case "person":
        return { personIds: [id] };
      case "publication":
        return { publicationIds: [id] };
    }
  }

  /** One page of the viewer's visible articles per parent, in one statement. */
  articlePages(
    ctx: RequestContext,
    tree: CommunityTree,
    parent: ArticleParent,
    ids: readonly number[],
    order: ArticleOrder,
    page: PageRequest,
  ): Promise<Map<number, Page<Article>>> {
    const members = ids.map(id => ({ key: id, filter: this.articleScope(tree, parent, id) }));
    return this.deps.articles.pages(ctx, members, order, page);
  }

  /** The root article list: the client's filter resolved (search included), one page. */
  async articles(
    ctx: RequestContext,
    tree: CommunityTree,
    spec: ArticleFilterSpec,
    order: ArticleOrder,
    page: PageRequest,
  ): Promise<Page<Article>> {
    const { articles, search } = this.deps;
    const filter = await articles.resolveFilter(spec, tree, text => search.ids(text, "Article"));
    return (await articles.pages(ctx, [{ key: 0, filter }], order, page)).get(0) as Page<Article>;
  }

  /** The root people list: the client's filter resolved (search included), one page. */
  async people(
    ctx: RequestContext,
    tree: CommunityTree,
    spec: PersonFilterSpec,
    page: PageRequest,
  ): Promise<Page<Person>> {
    const { people, search } = this.deps;
    const filter = await people.resolveFilter(spec, tree, text => search.ids(text, "Person"));
    return (await people.pages(ctx, [{ key: 0, filter }], page)).get(0) as Page<Person>;
  }

  /** The people speaking in each conference's program, by name, in one statement. */
  speakerPages(
    ctx: RequestContext,
    conferenceIds: readonly number[],
    page: PageRequest,
  ): Promise<Map<number, Page<Person>>> {
    const members = conferenceIds.map(id => ({
      key: id,
      filter: { speakingAtConferenceIds: [id] },
    }));
    return this.deps.people.pages(ctx, members, page);
  }

  /** The root conference list, earliest first. */
  conferences(
    ctx: RequestContext,
    tree: CommunityTree,
    spec: { community?: string; year?: number; text?: string },
    page: PageRequest,
  ): Promise<Page<Conference>> {
    const { conferences } = this.deps;
    return conferences.page(ctx, conferences.resolveFilter(spec, tree), page);
  }

  /** The conferences serving each community or one below it, earliest first, in one statement. */
  communityConferencePages(
    ctx: RequestContext,
    tree: CommunityTree,
    communityIds: readonly number[],
    page: PageRequest,
  ): Promise<Map<number, Page<Conference>>> {
    const members = communityIds.map(id => ({
      key: id,
      filter: { communityIds: tree.selfAndDescendantIds(id) } satisfies ConferenceFilter,
    }));
    return this.deps.conferences.pages(ctx, members, page);
  }
}
