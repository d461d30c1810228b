import DataLoader from "dataloader";
import type { GraphQLResolveInfo } from "graphql";
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
import { remembered, valueNow, type MaybePromise } from "../core/maybe-promise";
import { parsePageArgs, type Page, type PageArgs } from "../db/pagination";
import { MAX_BATCH_KEYS } from "../db/statement-chunks";
import { connectionNodeFields } from "./node-selection";
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

/** How many program sessions a conference has on one track (null: none). */
type TrackCount = { trackId: number | null; count: number };

/** Loaders that turn their keys into an IN list batch at most this many keys per statement. */
const BOUNDED = { maxBatchSize: MAX_BATCH_KEYS };

/**
 * A DataLoader that also answers at once for the keys its batches have already answered (`now`),
 * so a field resolver on every node of a page costs no promise once its page loaded them ahead
 * (see `RequestLoaders.withNodeChildren`).
 */
export class SettledLoader<V> extends DataLoader<number, V> {
  private readonly settled = new Map<number, V>();
  /** The keys `settle` was given this tick, and the answer to them all. */
  private pending: Set<number> | null = null;
  private pendingDone: Promise<unknown> | null = null;

  constructor(
    private readonly batch: (keys: readonly number[]) => Promise<Map<number, V>>,
    private readonly empty: V,
  ) {
    super(async keys => {
      const map = await batch(keys);
      return keys.map(k => {
        const value = map.get(k) ?? empty;
        this.settled.set(k, value);
        return value;
      });
    }, BOUNDED);
  }

  /** The value for `key` now if a batch has answered it, else `load(key)`. */
  now(key: number): MaybePromise<V> {
    const value = this.settled.get(key);
    return value !== undefined || this.settled.has(key) ? (value as V) : this.load(key);
  }

  /** `now`, always as a promise: a key a batch has answered costs no batch and no cache entry. */
  override load(key: number): Promise<V> {
    return this.settled.has(key) ? Promise.resolve(this.settled.get(key) as V) : super.load(key);
  }

  /**
   * Answers `keys` (those not answered yet) without a promise or a cache entry per key, as `load`
   * per key would cost: for a page's keys, known together. Like DataLoader, the keys of every
   * `settle` of one tick (the pages of all parents of a level) go in the same batches, of at most
   * MAX_BATCH_KEYS. A batch that fails leaves its keys to `now`, which reports the error where it
   * is read.
   */
  settle(keys: readonly number[]): Promise<unknown> {
    if (!this.pending) {
      const pending = new Set<number>();
      this.pending = pending;
      // After the promise jobs queued now, as DataLoader schedules its batches.
      this.pendingDone = Promise.resolve()
        .then(() => new Promise<void>(resolve => process.nextTick(resolve)))
        .then(() => {
          this.pending = null;
          return this.answer([...pending]);
        });
    }
    for (const k of keys) if (!this.settled.has(k)) this.pending.add(k);
    return this.pendingDone!;
  }

  private answer(keys: number[]): Promise<unknown> {
    const batches: Promise<void>[] = [];
    for (let i = 0; i < keys.length; i += MAX_BATCH_KEYS) {
      const chunk = keys.slice(i, i + MAX_BATCH_KEYS);
      batches.push(
        this.batch(chunk).then(map => {
          for (const k of chunk) this.settled.set(k, map.get(k) ?? this.empty);
        }),
      );
    }
    return Promise.all(batches);
  }
}

/** A loader whose batch returns a Map keyed like its input. */
function mapLoader<V>(batch: (keys: readonly number[]) => Promise<Map<number, V>>, empty: V) {
  return new SettledLoader<V>(batch, empty);
}

/** The child lists of a page's nodes that `withNodeChildren` can load with the page. */
export type NodeKind = "Session" | "Article";

/**
 * DataLoaders for one request. Field resolvers read through these so that a query touches the
 * database once per field *level*, however many parent rows there are. Loaders that return articles
 * or comments apply the request's viewer (visibility) in their service. Each loader is built on
 * first use: a request builds only those its fields read.
 */
export function createLoaders(services: Services, ctx: RequestContext): RequestLoaders {
  return new RequestLoaders(services, ctx);
}

class RequestLoaders {
  private tree: Promise<CommunityTree> | null = null;
  private allPublications: Promise<Publication[]> | null = null;
  // Memoised per-args loaders for paginated child lists (one per distinct argument set).
  private keyed: Map<string, DataLoader<number, unknown>> | null = null;
  private _conferenceReads?: ConferenceReads;
  private _conferenceById?: DataLoader<number, Conference | null>;
  private _colocatedIds?: DataLoader<number, number[]>;
  private _sessionById?: DataLoader<number, Session | null>;
  private _personById?: DataLoader<number, Person | null>;
  private _publicationById?: DataLoader<number, Publication | null>;
  private _articleById?: DataLoader<number, Article | null>;
  private _topicById?: DataLoader<number, Topic | null>;
  private _commentById?: DataLoader<number, Comment | null>;
  private _seriesById?: DataLoader<number, ConferenceSeries | null>;
  private _trackById?: DataLoader<number, Track | null>;
  private _roomById?: DataLoader<number, Room | null>;
  private _editionsBySeriesId?: DataLoader<number, Conference[]>;
  private _tracksByConferenceId?: DataLoader<number, Track[]>;
  private _roomsByConferenceId?: DataLoader<number, Room[]>;
  private _sessionsPerTrackByConferenceId?: DataLoader<number, TrackCount[]>;
  private _linksBySessionId?: DataLoader<number, SessionLink[]>;
  private _speakersBySessionId?: SettledLoader<Person[]>;
  private _programsBySessionId?: DataLoader<number, Conference[]>;
  private _audienceIdsBySessionId?: SettledLoader<number[]>;
  private _topicsBySessionId?: DataLoader<number, Topic[]>;
  private _authorsByArticleId?: SettledLoader<Person[]>;
  private _topicsByArticleId?: DataLoader<number, Topic[]>;
  private _conferencesByArticleId?: DataLoader<number, Conference[]>;
  private _sessionsByArticleId?: DataLoader<number, Session[]>;
  private _peopleByArticleId?: DataLoader<number, Person[]>;
  private _communityIdsByArticleId?: DataLoader<number, number[]>;
  private _commentCountByArticleId?: DataLoader<number, number>;
  private _translationsBySessionId?: DataLoader<number, Translation[]>;
  private _translationsByArticleId?: DataLoader<number, Translation[]>;
  private _zoneById?: DataLoader<number, string | undefined>;
  private _speakersByRootOfConference?: DataLoader<number, SpeakersForCommunity[]>;

  constructor(
    private readonly services: Services,
    private readonly ctx: RequestContext,
  ) {}

  /**
   * A loader for a per-parent list or count, shared by every parent that asks with the same
   * arguments (`cacheKey`), so a list of parents is served by one batch.
   */
  private keyedLoader<V>(
    cacheKey: string,
    batch: (keys: readonly number[]) => Promise<Map<number, V>>,
  ): DataLoader<number, V> {
    const keyed = (this.keyed ??= new Map());
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

  /** What listings read conferences through: this request's loaders. */
  private get conferenceReads(): ConferenceReads {
    return (this._conferenceReads ??= {
      conferences: async (ids: readonly number[]) =>
        (await this.conferenceById.loadMany(ids)) as Conference[],
      colocatedIds: async (ids: readonly number[]) =>
        (await this.colocatedIds.loadMany(ids)) as number[][],
    });
  }

  /** The community forest, read once per request. */
  communityTree(): Promise<CommunityTree> {
    return (this.tree ??= remembered(this.services.communities.tree()));
  }

  /** The community forest, at once when this request has read it. */
  communityTreeNow(): MaybePromise<CommunityTree> {
    return valueNow(this.communityTree());
  }

  /** Every publication (a short list), read once per request. */
  publications(): Promise<Publication[]> {
    return (this.allPublications ??= remembered(this.services.publications.all()));
  }

  /** Every publication, at once when this request has read them. */
  publicationsAtOnce(): MaybePromise<Publication[]> {
    return valueNow(this.publications());
  }

  /**
   * `page`, once the child lists of its nodes that `fields` name (see `connectionNodeFields`) are
   * loaded too: a Session's speakers and audiences, an Article's authors and publication. They
   * are read in the same batches the nodes' own field resolvers would have made (one statement
   * per child list for every page that resolves together), but before graphql-js completes the
   * nodes, so those resolvers answer at once (`SettledLoader.now`) and a page of nodes costs no
   * promise per node. A child list that fails to load here is left to its field, which then fails
   * with the error where it belongs.
   */
  withNodeChildren<T extends { id: number }>(
    kind: NodeKind,
    fields: ReadonlySet<string>,
    page: Promise<Page<T>>,
  ): Promise<Page<T>> {
    // A failure here is the field's to report (see `settle`).
    const loads: ((ids: number[]) => Promise<unknown>)[] = [];
    if (kind === "Session") {
      if (fields.has("speakers")) loads.push(ids => this.speakersBySessionId.settle(ids));
      if (fields.has("audiences") || fields.has("isCrossCommunity")) {
        loads.push(ids =>
          Promise.all([this.audienceIdsBySessionId.settle(ids), this.communityTree()]),
        );
      }
    } else {
      if (fields.has("authors")) loads.push(ids => this.authorsByArticleId.settle(ids));
      if (fields.has("publication")) loads.push(() => this.publications());
    }
    if (loads.length === 0) return page;
    return page.then(async loaded => {
      const ids = loaded.edges.map(edge => edge.node.id);
      if (ids.length) await Promise.all(loads.map(load => load(ids).catch(() => undefined)));
      return loaded;
    });
  }

  get conferenceById(): DataLoader<number, Conference | null> {
    return (this._conferenceById ??= new DataLoader(
      ids => this.services.conferences.byIds(ids),
      BOUNDED,
    ));
  }

  get colocatedIds(): DataLoader<number, number[]> {
    return (this._colocatedIds ??= new DataLoader(
      ids => this.services.conferences.colocatedIds(ids),
      BOUNDED,
    ));
  }

  get sessionById(): DataLoader<number, Session | null> {
    return (this._sessionById ??= new DataLoader(
      ids => this.services.sessions.byIds(ids),
      BOUNDED,
    ));
  }

  get personById(): DataLoader<number, Person | null> {
    return (this._personById ??= new DataLoader(ids => this.services.people.byIds(ids), BOUNDED));
  }

  get publicationById(): DataLoader<number, Publication | null> {
    return (this._publicationById ??= new DataLoader(
      ids => this.services.publications.byIds(ids),
      BOUNDED,
    ));
  }

  get articleById(): DataLoader<number, Article | null> {
    return (this._articleById ??= new DataLoader(
      ids => this.services.articles.byIds(this.ctx, ids),
      BOUNDED,
    ));
  }

  get topicById(): DataLoader<number, Topic | null> {
    return (this._topicById ??= new DataLoader(ids => this.services.topics.byIds(ids), BOUNDED));
  }

  get commentById(): DataLoader<number, Comment | null> {
    return (this._commentById ??= new DataLoader(
      ids => this.services.comments.byIds(this.ctx, ids),
      BOUNDED,
    ));
  }

  get seriesById(): DataLoader<number, ConferenceSeries | null> {
    return (this._seriesById ??= new DataLoader(
      ids => this.services.structure.seriesByIds(ids),
      BOUNDED,
    ));
  }

  get trackById(): DataLoader<number, Track | null> {
    return (this._trackById ??= new DataLoader(
      ids => this.services.structure.trackByIds(ids),
      BOUNDED,
    ));
  }

  get roomById(): DataLoader<number, Room | null> {
    return (this._roomById ??= new DataLoader(
      ids => this.services.structure.roomByIds(ids),
      BOUNDED,
    ));
  }

  /** Each series' editions, earliest first. */
  get editionsBySeriesId(): DataLoader<number, Conference[]> {
    return (this._editionsBySeriesId ??= mapLoader<Conference[]>(
      ids => this.services.structure.editions(ids),
      [],
    ));
  }

  /** Each conference's tracks, by name. */
  get tracksByConferenceId(): DataLoader<number, Track[]> {
    return (this._tracksByConferenceId ??= mapLoader<Track[]>(
      ids => this.services.structure.tracks(ids),
      [],
    ));
  }

  /** The rooms at each conference's venue, in order. */
  get roomsByConferenceId(): DataLoader<number, Room[]> {
    return (this._roomsByConferenceId ??= mapLoader<Room[]>(async ids => {
      const conferences = (await this.conferenceById.loadMany(ids)).filter(
        (c): c is Conference => c !== null && !(c instanceof Error),
      );
      const rooms = await this.services.structure.roomsAt(conferences);
      return new Map(conferences.map((c, i) => [c.id, rooms[i]]));
    }, []));
  }

  /** Program sessions per track of each conference (see StructureService.sessionsPerTrack). */
  get sessionsPerTrackByConferenceId(): DataLoader<number, TrackCount[]> {
    return (this._sessionsPerTrackByConferenceId ??= mapLoader<TrackCount[]>(
      ids => this.services.structure.sessionsPerTrack(ids),
      [],
    ));
  }

  /** Each session's links (materials), in order. */
  get linksBySessionId(): DataLoader<number, SessionLink[]> {
    return (this._linksBySessionId ??= mapLoader<SessionLink[]>(
      ids => this.services.structure.links(ids),
      [],
    ));
  }

  get speakersBySessionId(): SettledLoader<Person[]> {
    return (this._speakersBySessionId ??= mapLoader<Person[]>(
      ids => this.services.sessions.speakers(ids, this.ctx.columnNeeds?.of?.("Person")),
      [],
    ));
  }

  get programsBySessionId(): DataLoader<number, Conference[]> {
    return (this._programsBySessionId ??= mapLoader<Conference[]>(
      ids => this.services.sessions.programs(ids),
      [],
    ));
  }

  get audienceIdsBySessionId(): SettledLoader<number[]> {
    return (this._audienceIdsBySessionId ??= mapLoader<number[]>(
      ids => this.services.sessions.audienceIds(ids),
      [],
    ));
  }

  get topicsBySessionId(): DataLoader<number, Topic[]> {
    return (this._topicsBySessionId ??= mapLoader<Topic[]>(
      ids => this.services.sessions.topics(ids),
      [],
    ));
  }

  get authorsByArticleId(): SettledLoader<Person[]> {
    return (this._authorsByArticleId ??= mapLoader<Person[]>(
      ids => this.services.articles.authors(ids, this.ctx.columnNeeds?.of?.("Person")),
      [],
    ));
  }

  get topicsByArticleId(): DataLoader<number, Topic[]> {
    return (this._topicsByArticleId ??= mapLoader<Topic[]>(
      ids => this.services.articles.topics(ids),
      [],
    ));
  }

  get conferencesByArticleId(): DataLoader<number, Conference[]> {
    return (this._conferencesByArticleId ??= mapLoader<Conference[]>(
      ids => this.services.articles.coveredConferences(ids),
      [],
    ));
  }

  get sessionsByArticleId(): DataLoader<number, Session[]> {
    return (this._sessionsByArticleId ??= mapLoader<Session[]>(
      ids => this.services.articles.coveredSessions(ids),
      [],
    ));
  }

  get peopleByArticleId(): DataLoader<number, Person[]> {
    return (this._peopleByArticleId ??= mapLoader<Person[]>(
      ids => this.services.articles.coveredPeople(ids),
      [],
    ));
  }

  get communityIdsByArticleId(): DataLoader<number, number[]> {
    return (this._communityIdsByArticleId ??= mapLoader<number[]>(
      ids => this.services.articles.coveredCommunityIds(ids),
      [],
    ));
  }

  get commentCountByArticleId(): DataLoader<number, number> {
    return (this._commentCountByArticleId ??= mapLoader<number>(
      ids => this.services.comments.counts(this.ctx, ids),
      0,
    ));
  }

  /** Every translation of a session (all fields and locales: one statement per batch). */
  get translationsBySessionId(): DataLoader<number, Translation[]> {
    return (this._translationsBySessionId ??= mapLoader<Translation[]>(
      ids => this.services.translations.bySubjects("Session", ids),
      [],
    ));
  }

  /** Every translation of an article. */
  get translationsByArticleId(): DataLoader<number, Translation[]> {
    return (this._translationsByArticleId ??= mapLoader<Translation[]>(
      ids => this.services.translations.bySubjects("Article", ids),
      [],
    ));
  }

  /** Per conference, its time zone (the misses of `zoneOf`). */
  private get zoneById(): DataLoader<number, string | undefined> {
    return (this._zoneById ??= mapLoader<string | undefined>(
      ids => this.services.sessions.zonesByIds(ids),
      undefined,
    ));
  }

  /**
   * Any object by type and id, with the same visibility as lists: null when it does not exist or
   * the viewer may not see it (a comment only when its article is visible too).
   */
  async node(type: NodeTypeName, id: number): Promise<object | null> {
    const { services, ctx } = this;
    switch (type) {
      case "Conference":
        return this.conferenceById.load(id);
      case "Community":
        return (await this.communityTree()).get(id);
      case "Session":
        return this.sessionById.load(id);
      case "Person":
        return this.personById.load(id);
      case "Publication":
        return this.publicationById.load(id);
      case "Article":
        return this.articleById.load(id);
      case "Topic":
        return this.topicById.load(id);
      case "ConferenceSeries":
        return this.seriesById.load(id);
      case "Track":
        return this.trackById.load(id);
      case "Room":
        return this.roomById.load(id);
      case "ApiToken":
        return services.tokens.byIdForViewer(ctx, id);
      case "WebhookEndpoint":
        return services.webhooks.byIdForViewer(ctx, id);
      case "WebhookDelivery":
        return services.webhooks.deliveryByIdForViewer(ctx, id);
      case "Account":
        return services.accounts.byIdForViewer(ctx, id);
      case "Comment": {
        const comment = await this.commentById.load(id);
        return comment && (await this.articleById.load(comment.articleId)) ? comment : null;
      }
    }
  }

  /** The conference hosting a session: always one of its programs, so usually already loaded. */
  async hostOf(session: Pick<Session, "id" | "hostConferenceId">): Promise<Conference | null> {
    const programs = await this.programsBySessionId.load(session.id);
    return (
      programs.find(c => c.id === session.hostConferenceId) ??
      this.conferenceById.load(session.hostConferenceId)
    );
  }

  /**
   * A conference's time zone, held per process (returned as itself once held); the misses of one
   * tick share a statement.
   */
  zoneOf(conferenceId: number): MaybePromise<string | undefined> {
    return this.services.sessions.zoneOfId(conferenceId, id => this.zoneById.load(id));
  }

  /** The conferences co-located with one. */
  async colocatedWith(conferenceId: number): Promise<Conference[]> {
    const ids = await this.colocatedIds.load(conferenceId);
    return (await this.conferenceById.loadMany(ids)).filter(
      (c): c is Conference => c !== null && !(c instanceof Error),
    );
  }

  /** Each parent's page of sessions, one statement for all parents asking with the same arguments. */
  sessionsOf(parent: SessionParent, args: SessionListArgs): DataLoader<number, Page<Session>> {
    const { filter, orderBy, ...pageArgs } = args;
    const page = parsePageArgs(pageArgs);
    return this.keyedLoader(`sessions:${JSON.stringify({ parent, args })}`, async ids =>
      this.services.listings.sessionPages(
        this.ctx,
        await this.communityTree(),
        parent,
        ids,
        filter ?? {},
        orderBy,
        page,
        this.conferenceReads,
      ),
    );
  }

  /** One parent's page of sessions, with the child lists `info`'s operation reads on them. */
  sessionPage(
    parent: SessionParent,
    args: SessionListArgs,
    id: number,
    info: GraphQLResolveInfo,
  ): Promise<Page<Session>> {
    const page = this.sessionsOf(parent, args).load(id);
    return this.withNodeChildren("Session", connectionNodeFields(info), page);
  }

  /** One parent's page of visible articles, with the child lists `info`'s operation reads on them. */
  articlePage(
    parent: ArticleParent,
    args: ArticleListArgs,
    id: number,
    info: GraphQLResolveInfo,
  ): Promise<Page<Article>> {
    const page = this.articlesOf(parent, args).load(id);
    return this.withNodeChildren("Article", connectionNodeFields(info), page);
  }

  /** Each parent's page of visible articles. */
  articlesOf(parent: ArticleParent, args: ArticleListArgs): DataLoader<number, Page<Article>> {
    const { orderBy, ...pageArgs } = args;
    const page = parsePageArgs(pageArgs);
    return this.keyedLoader(`articles:${JSON.stringify({ parent, args })}`, async ids =>
      this.services.listings.articlePages(
        this.ctx,
        await this.communityTree(),
        parent,
        ids,
        orderBy,
        page,
      ),
    );
  }

  /** Each conference's page of speakers. */
  speakersOf(args: PageArgs): DataLoader<number, Page<Person>> {
    const page = parsePageArgs(args);
    return this.keyedLoader(`speakers:${JSON.stringify(args)}`, ids =>
      this.services.listings.speakerPages(this.ctx, ids, page),
    );
  }

  /** Each community's page of conferences (its own and those below it). */
  conferencesOf(args: PageArgs): DataLoader<number, Page<Conference>> {
    const page = parsePageArgs(args);
    return this.keyedLoader(`conferences:${JSON.stringify(args)}`, async ids =>
      this.services.listings.communityConferencePages(
        this.ctx,
        await this.communityTree(),
        ids,
        page,
      ),
    );
  }

  /** Each article's page of comments the viewer may see. */
  commentsOf(args: PageArgs): DataLoader<number, Page<Comment>> {
    const page = parsePageArgs(args);
    return this.keyedLoader(`comments:${JSON.stringify(args)}`, ids =>
      this.services.comments.pages(this.ctx, ids, page),
    );
  }

  /** Each conference's whole program (for `days`); refuses programs over PROGRAM_DAY_LIMIT. */
  get programOf(): DataLoader<number, Session[]> {
    return this.keyedLoader<Session[]>("program", async ids =>
      this.services.sessions.fullPrograms(
        this.ctx,
        await this.communityTree(),
        ids,
        PROGRAM_DAY_LIMIT,
      ),
    );
  }

  get conferenceStats(): DataLoader<number, ConferenceCounts> {
    return this.keyedLoader<ConferenceCounts>("conferenceStats", async ids =>
      this.services.stats.forConferences(this.ctx, await this.communityTree(), ids),
    );
  }

  get communityStats(): DataLoader<number, CommunityCounts> {
    return this.keyedLoader<CommunityCounts>("communityStats", async ids =>
      this.services.stats.forCommunities(this.ctx, await this.communityTree(), ids),
    );
  }

  /** Per conference, its program's speakers by root community. */
  get speakersByRootOfConference(): DataLoader<number, SpeakersForCommunity[]> {
    return (this._speakersByRootOfConference ??= mapLoader<SpeakersForCommunity[]>(
      async ids => this.services.stats.speakersByRoot(await this.communityTree(), ids),
      [],
    ));
  }
}

export type Loaders = ReturnType<typeof createLoaders>;
