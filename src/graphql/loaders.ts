import DataLoader from "dataloader";
import type {
  Article,
  Comment,
  Conference,
  ConferenceSeries,
  Person,
  Publication,
  Room,
  Session,
  SessionLink,
  Topic,
  Translation,
  Track,
} from "../../entities";
import type { RequestContext } from "../core/context";
import type { NodeTypeName } from "../core/global-id";
import { parsePageArgs, type Page, type PageArgs } from "../db/pagination";
import { MAX_BATCH_KEYS } from "../db/statement-chunks";
import type { Services } from "../services";
import type { ArticleOrder } from "../services/article.service";
import type { CommunityTree } from "../services/community.service";
import type { ArticleParent, ConferenceReads, SessionParent } from "../services/listing.service";
import type { SessionFilterSpec, SessionOrder } from "../services/session.service";
import type {
  CommunityCounts,
  ConferenceCounts,
  SpeakersForCommunity,
} from "../services/stats.service";

/** The arguments of a session connection, as GraphQL passes them. */
export interface SessionListArgs extends PageArgs {
  filter?: SessionFilterSpec | null;
  orderBy: SessionOrder;
}

/** The arguments of an article connection, as GraphQL passes them. */
export interface ArticleListArgs extends PageArgs {
  orderBy: ArticleOrder;
}

/** Most sessions `Conference.days` lays out per conference (as for feeds); larger programs must be paged. */
export const PROGRAM_DAY_LIMIT = 2000;

/** Loaders that turn their keys into an IN list batch at most this many keys per statement. */
const BOUNDED = { maxBatchSize: MAX_BATCH_KEYS };

/** A loader whose batch returns a Map keyed like its input. */
function mapLoader<V>(batch: (keys: readonly number[]) => Promise<Map<number, V>>, empty: V) {
  return new DataLoader<number, V>(async keys => {
    const map = await batch(keys);
    return keys.map(k => map.get(k) ?? empty);
  }, BOUNDED);
}

/**
 * DataLoaders for one request. Field resolvers read through these so that a query touches the
 * database once per field *level*, however many parent rows there are. Loaders that return articles
 * or comments apply the request's viewer (visibility) in their service.
 */
export function createLoaders(services: Services, ctx: RequestContext) {
  let tree: Promise<CommunityTree> | null = null;
  let publications: Promise<Publication[]> | null = null;
  // Memoised per-args loaders for paginated child lists (one per distinct argument set).
  const keyed = new Map<string, DataLoader<number, unknown>>();
  const { sessions, articles } = services;
  const communityTree = (): Promise<CommunityTree> => (tree ??= services.communities.tree());
  /**
   * A loader for a per-parent list or count, shared by every parent that asks with the same
   * arguments (`cacheKey`), so a list of parents is served by one batch.
   */
  function keyedLoader<V>(
    cacheKey: string,
    batch: (keys: readonly number[]) => Promise<Map<number, V>>,
  ): DataLoader<number, V> {
    let loader = keyed.get(cacheKey) as DataLoader<number, V> | undefined;
    if (!loader) {
      loader = new DataLoader<number, V>(async keys => {
        const map = await batch(keys);
        return keys.map(k => map.get(k) as V);
      });
      keyed.set(cacheKey, loader as DataLoader<number, unknown>);
    }
    return loader;
  }
  const conferenceById = new DataLoader<number, Conference | null>(
    ids => services.conferences.byIds(ids),
    BOUNDED,
  );
  const colocatedIds = new DataLoader<number, number[]>(
    ids => services.conferences.colocatedIds(ids),
    BOUNDED,
  );
  const sessionById = new DataLoader<number, Session | null>(ids => sessions.byIds(ids), BOUNDED);
  const personById = new DataLoader<number, Person | null>(
    ids => services.people.byIds(ids),
    BOUNDED,
  );
  const articleById = new DataLoader<number, Article | null>(
    ids => articles.byIds(ctx, ids),
    BOUNDED,
  );
  const topicById = new DataLoader<number, Topic | null>(
    ids => services.topics.byIds(ids),
    BOUNDED,
  );
  const commentById = new DataLoader<number, Comment | null>(
    ids => services.comments.byIds(ctx, ids),
    BOUNDED,
  );
  const { structure } = services;
  const seriesById = new DataLoader<number, ConferenceSeries | null>(
    ids => structure.seriesByIds(ids),
    BOUNDED,
  );
  const trackById = new DataLoader<number, Track | null>(ids => structure.trackByIds(ids), BOUNDED);
  const roomById = new DataLoader<number, Room | null>(ids => structure.roomByIds(ids), BOUNDED);
  const programsBySessionId = mapLoader<Conference[]>(ids => sessions.programs(ids), []);
  const zoneById = mapLoader<string | undefined>(ids => sessions.zonesByIds(ids), undefined);
  const publicationById = new DataLoader<number, Publication | null>(
    ids => services.publications.byIds(ids),
    BOUNDED,
  );
  const conferenceReads: ConferenceReads = {
    conferences: async ids => (await conferenceById.loadMany(ids)) as Conference[],
    colocatedIds: async ids => (await colocatedIds.loadMany(ids)) as number[][],
  };
  return {
    /** The community forest, read once per request. */
    communityTree,
    /** Every publication (a short list), read once per request. */
    publications: (): Promise<Publication[]> => (publications ??= services.publications.all()),
    conferenceById,
    colocatedIds,
    sessionById,
    personById,
    publicationById,
    articleById,
    topicById,
    commentById,
    seriesById,
    trackById,
    roomById,
    /** Each series' editions, earliest first. */
    editionsBySeriesId: mapLoader<Conference[]>(ids => structure.editions(ids), []),
    /** Each conference's tracks, by name. */
    tracksByConferenceId: mapLoader<Track[]>(ids => structure.tracks(ids), []),
    /** The rooms at each conference's venue, in order. */
    roomsByConferenceId: mapLoader<Room[]>(async ids => {
      const conferences = (await conferenceById.loadMany(ids)).filter(
        (c): c is Conference => c !== null && !(c instanceof Error),
      );
      const rooms = await structure.roomsAt(conferences);
      return new Map(conferences.map((c, i) => [c.id, rooms[i]]));
    }, []),
    /** Program sessions per track of each conference (see StructureService.sessionsPerTrack). */
    sessionsPerTrackByConferenceId: mapLoader<{ trackId: number | null; count: number }[]>(
      ids => structure.sessionsPerTrack(ids),
      [],
    ),
    /** Each session's links (materials), in order. */
    linksBySessionId: mapLoader<SessionLink[]>(ids => structure.links(ids), []),
    speakersBySessionId: mapLoader<Person[]>(
      ids => sessions.speakers(ids, ctx.columnNeeds?.of?.("Person")),
      [],
    ),
    programsBySessionId,
    audienceIdsBySessionId: mapLoader<number[]>(ids => sessions.audienceIds(ids), []),
    topicsBySessionId: mapLoader<Topic[]>(ids => sessions.topics(ids), []),
    authorsByArticleId: mapLoader<Person[]>(
      ids => articles.authors(ids, ctx.columnNeeds?.of?.("Person")),
      [],
    ),
    topicsByArticleId: mapLoader<Topic[]>(ids => articles.topics(ids), []),
    conferencesByArticleId: mapLoader<Conference[]>(ids => articles.coveredConferences(ids), []),
    sessionsByArticleId: mapLoader<Session[]>(ids => articles.coveredSessions(ids), []),
    peopleByArticleId: mapLoader<Person[]>(ids => articles.coveredPeople(ids), []),
    communityIdsByArticleId: mapLoader<number[]>(ids => articles.coveredCommunityIds(ids), []),
    commentCountByArticleId: mapLoader<number>(ids => services.comments.counts(ctx, ids), 0),
    /** Every translation of a session (all fields and locales: one statement per batch). */
    translationsBySessionId: mapLoader<Translation[]>(
      ids => services.translations.bySubjects("Session", ids),
      [],
    ),
    /** Every translation of an article. */
    translationsByArticleId: mapLoader<Translation[]>(
      ids => services.translations.bySubjects("Article", ids),
      [],
    ),
    /**
     * Any object by type and id, with the same visibility as lists: null when it does not exist or
     * the viewer may not see it (a comment only when its article is visible too).
     */
    async node(type: NodeTypeName, id: number): Promise<object | null> {
      switch (type) {
        case "Conference":
          return conferenceById.load(id);
        case "Community":
          return (await communityTree()).get(id);
        case "Session":
          return sessionById.load(id);
        case "Person":
          return personById.load(id);
        case "Publication":
          return publicationById.load(id);
        case "Article":
          return articleById.load(id);
        case "Topic":
          return topicById.load(id);
        case "ConferenceSeries":
          return seriesById.load(id);
        case "Track":
          return trackById.load(id);
        case "Room":
          return roomById.load(id);
        case "ApiToken":
          return services.tokens.byIdForViewer(ctx, id);
        case "WebhookEndpoint":
          return services.webhooks.byIdForViewer(ctx, id);
        case "WebhookDelivery":
          return services.webhooks.deliveryByIdForViewer(ctx, id);
        case "Account":
          return services.accounts.byIdForViewer(ctx, id);
        case "Comment": {
          const comment = await commentById.load(id);
          return comment && (await articleById.load(comment.articleId)) ? comment : null;
        }
      }
    },
    /** The conference hosting a session: always one of its programs, so usually already loaded. */
    async hostOf(session: Pick<Session, "id" | "hostConferenceId">): Promise<Conference | null> {
      const programs = await programsBySessionId.load(session.id);
      return (
        programs.find(c => c.id === session.hostConferenceId) ??
        conferenceById.load(session.hostConferenceId)
      );
    },
    /** A conference's time zone, held per process; the misses of one tick share a statement. */
    zoneOf: (conferenceId: number): Promise<string | undefined> =>
      sessions.zoneOfId(conferenceId, id => zoneById.load(id)),
    /** The conferences co-located with one. */
    async colocatedWith(conferenceId: number): Promise<Conference[]> {
      const ids = await colocatedIds.load(conferenceId);
      return (await conferenceById.loadMany(ids)).filter(
        (c): c is Conference => c !== null && !(c instanceof Error),
      );
    },
    /** Each parent's page of sessions, one statement for all parents asking with the same arguments. */
    sessionsOf(parent: SessionParent, args: SessionListArgs): DataLoader<number, Page<Session>> {
      const { filter, orderBy, ...pageArgs } = args;
      const page = parsePageArgs(pageArgs);
      return keyedLoader(`sessions:${JSON.stringify({ parent, args })}`, async ids =>
        services.listings.sessionPages(
          ctx,
          await communityTree(),
          parent,
          ids,
          filter ?? {},
          orderBy,
          page,
          conferenceReads,
        ),
      );
    },
    /** Each parent's page of visible articles. */
    articlesOf(parent: ArticleParent, args: ArticleListArgs): DataLoader<number, Page<Article>> {
      const { orderBy, ...pageArgs } = args;
      const page = parsePageArgs(pageArgs);
      return keyedLoader(`articles:${JSON.stringify({ parent, args })}`, async ids =>
        services.listings.articlePages(ctx, await communityTree(), parent, ids, orderBy, page),
      );
    },
    /** Each conference's page of speakers. */
    speakersOf(args: PageArgs): DataLoader<number, Page<Person>> {
      const page = parsePageArgs(args);
      return keyedLoader(`speakers:${JSON.stringify(args)}`, ids =>
        services.listings.speakerPages(ctx, ids, page),
      );
    },
    /** Each community's page of conferences (its own and those below it). */
    conferencesOf(args: PageArgs): DataLoader<number, Page<Conference>> {
      const page = parsePageArgs(args);
      return keyedLoader(`conferences:${JSON.stringify(args)}`, async ids =>
        services.listings.communityConferencePages(ctx, await communityTree(), ids, page),
      );
    },
    /** Each article's page of comments the viewer may see. */
    commentsOf(args: PageArgs): DataLoader<number, Page<Comment>> {
      const page = parsePageArgs(args);
      return keyedLoader(`comments:${JSON.stringify(args)}`, ids =>
        services.comments.pages(ctx, ids, page),
      );
    },
    /** Each conference's whole program (for `days`); refuses programs over PROGRAM_DAY_LIMIT. */
    programOf: keyedLoader<Session[]>("program", async ids =>
      sessions.fullPrograms(ctx, await communityTree(), ids, PROGRAM_DAY_LIMIT),
    ),
    conferenceStats: keyedLoader<ConferenceCounts>("conferenceStats", async ids =>
      services.stats.forConferences(ctx, await communityTree(), ids),
    ),
    communityStats: keyedLoader<CommunityCounts>("communityStats", async ids =>
      services.stats.forCommunities(ctx, await communityTree(), ids),
    ),
    /** Per conference, its program's speakers by root community. */
    speakersByRootOfConference: mapLoader<SpeakersForCommunity[]>(
      async ids => services.stats.speakersByRoot(await communityTree(), ids),
      [],
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
