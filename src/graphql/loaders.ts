import DataLoader from "dataloader";
import type {
  Article,
  Comment,
  Conference,
  Person,
  Publication,
  Session,
  Topic,
} from "../../entities";
import type { RequestContext } from "../core/context";
import type { Services } from "../services";
import type { CommunityTree } from "../services/community.service";
import { MAX_BATCH_KEYS } from "../db/statement-chunks";

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
  return {
    /** The community forest, read once per request. */
    communityTree: (): Promise<CommunityTree> => (tree ??= services.communities.tree()),
    /** Every publication (a short list), read once per request. */
    publications: (): Promise<Publication[]> => (publications ??= services.publications.all()),
    conferenceById: new DataLoader<number, Conference | null>(
      ids => services.conferences.byIds(ids),
      BOUNDED,
    ),
    colocatedIds: new DataLoader<number, number[]>(
      ids => services.conferences.colocatedIds(ids),
      BOUNDED,
    ),
    sessionById: new DataLoader<number, Session | null>(ids => sessions.byIds(ids), BOUNDED),
    personById: new DataLoader<number, Person | null>(ids => services.people.byIds(ids), BOUNDED),
    publicationById: new DataLoader<number, Publication | null>(
      ids => services.publications.byIds(ids),
      BOUNDED,
    ),
    articleById: new DataLoader<number, Article | null>(ids => articles.byIds(ctx, ids), BOUNDED),
    topicById: new DataLoader<number, Topic | null>(ids => services.topics.byIds(ids), BOUNDED),
    commentById: new DataLoader<number, Comment | null>(
      ids => services.comments.byIds(ctx, ids),
      BOUNDED,
    ),
    speakersBySessionId: mapLoader<Person[]>(ids => sessions.speakers(ids), []),
    programsBySessionId: mapLoader<Conference[]>(ids => sessions.programs(ids), []),
    audienceIdsBySessionId: mapLoader<number[]>(ids => sessions.audienceIds(ids), []),
    topicsBySessionId: mapLoader<Topic[]>(ids => sessions.topics(ids), []),
    authorsByArticleId: mapLoader<Person[]>(ids => articles.authors(ids), []),
    topicsByArticleId: mapLoader<Topic[]>(ids => articles.topics(ids), []),
    conferencesByArticleId: mapLoader<Conference[]>(ids => articles.coveredConferences(ids), []),
    sessionsByArticleId: mapLoader<Session[]>(ids => articles.coveredSessions(ids), []),
    peopleByArticleId: mapLoader<Person[]>(ids => articles.coveredPeople(ids), []),
    communityIdsByArticleId: mapLoader<number[]>(ids => articles.coveredCommunityIds(ids), []),
    commentCountByArticleId: mapLoader<number>(ids => services.comments.counts(ctx, ids), 0),
    /**
     * A loader for a per-parent list or count, shared by every parent that asks with the same
     * arguments (`name` + serialised args), so a list of parents is served by one batch.
     */
    keyed<V>(
      name: string,
      args: unknown,
      batch: (keys: readonly number[]) => Promise<Map<number, V>>,
    ): DataLoader<number, V> {
      const cacheKey = `${name}:${JSON.stringify(args)}`;
      let loader = keyed.get(cacheKey) as DataLoader<number, V> | undefined;
      if (!loader) {
        loader = new DataLoader<number, V>(async keys => {
          const map = await batch(keys);
          return keys.map(k => map.get(k) as V);
        });
        keyed.set(cacheKey, loader as DataLoader<number, unknown>);
      }
      return loader;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
