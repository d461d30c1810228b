import type { DataSource } from "typeorm";
import { DEFAULT_COMMENT_CONFIG, type AccountConfig, type CommentConfig } from "../core/config";
import { AccountService } from "./account.service";
import { AgendaService } from "./agenda.service";
import { ArticleService, PublicationService } from "./article.service";
import { CommentService } from "./comment.service";
import { GraphSearchService } from "./graph-search.service";
import { CommunityService } from "./community.service";
import { ConferenceService } from "./conference.service";
import { EmbedService } from "./embed.service";
import { FeedService } from "./feed.service";
import { ListingService } from "./listing.service";
import { PersonService } from "./person.service";
import { ScheduleChangeService } from "./schedule-change.service";
import { SearchService } from "./search.service";
import { SessionService } from "./session.service";
import { StatsService } from "./stats.service";
import { StructureService } from "./structure.service";
import { TokenService } from "./token.service";
import { TopicService } from "./topic.service";
import { TranslationService } from "./translation.service";
import { WebhookService } from "./webhook.service";
import { createEditorialServices, type EditorialServices } from "./editorial";
import { ReferenceCache } from "./reference-cache";
import { createSessionStore, type RedisSessionOptions } from "./session-store";

/** Every service, built once per process over one data source. */
export interface Services {
  dataSource: DataSource;
  communities: CommunityService;
  conferences: ConferenceService;
  sessions: SessionService;
  people: PersonService;
  topics: TopicService;
  articles: ArticleService;
  publications: PublicationService;
  comments: CommentService;
  search: SearchService;
  graphSearch: GraphSearchService;
  stats: StatsService;
  /** Series, tracks, rooms and session materials. */
  structure: StructureService;
  tokens: TokenService;
  /** Translations of session and article text. */
  translations: TranslationService;
  /** The schedule change log (Conference.changes, root changes, the Atom feed of changes). */
  changes: ScheduleChangeService;
  /** Studio accounts, invitations and sign-in sessions. */
  accounts: AccountService;
  /** Every list's read rules (filters, parents' scopes, days), shared by GraphQL, feeds and embeds. */
  listings: ListingService;
  /** The sessions behind the iCalendar and schedule feeds. */
  feeds: FeedService;
  /** Webhook endpoints and their deliveries (admins); the dispatcher sends. */
  webhooks: WebhookService;
  /** Personal agendas, read by secret (writes: `editorial.agendas`). */
  agendas: AgendaService;
  /** The sessions behind the no-JavaScript embed page. */
  embeds: EmbedService;
  /** The write side: validated, versioned, transactional mutations. */
  editorial: EditorialServices;
  /** Reference data held per process; the editorial writers drop what they change. */
  references: ReferenceCache;
}

/** Settings the services take from the configuration. */
export interface ServiceOptions {
  comments?: CommentConfig;
  /** Session and sign-in policy of Studio accounts. */
  accounts?: AccountConfig;
  /** Keep Studio sessions in Redis (REDIS_URL); absent or null: in the database. */
  sessionRedis?: RedisSessionOptions | null;
  /** The most sessions one feed may list (FEED_MAX_SESSIONS). */
  feedMaxSessions?: number;
  /** Webhooks: whether endpoints may be private addresses, and whom to wake for a redelivery. */
  webhooks?: { allowPrivateAddresses: boolean; onQueued?: () => void };
  /** The process's reference-data cache (a fresh one by default). */
  references?: ReferenceCache;
}

export function createServices(dataSource: DataSource, options: ServiceOptions = {}): Services {
  const references = options.references ?? new ReferenceCache();
  const articles = new ArticleService(dataSource);
  const sessions = new SessionService(dataSource, references);
  const people = new PersonService(dataSource);
  const search = new SearchService(dataSource);
  const conferences = new ConferenceService(dataSource);
  const communities = new CommunityService(dataSource, references);
  const topics = new TopicService(dataSource, references);
  const structure = new StructureService(dataSource);

  const listings = new ListingService({
    articles,
    conferences,
    people,
    search,
    sessions,
    structure,
  });
  const feeds = new FeedService(
    { communities, conferences, people, sessions, listings, structure },
    options.feedMaxSessions,
  );
  return {
    dataSource,
    communities,
    conferences,
    sessions,
    people,
    topics,
    articles,
    publications: new PublicationService(dataSource, references),
    comments: new CommentService(dataSource),
    search,
    graphSearch: new GraphSearchService(search, sessions, people, articles),
    stats: new StatsService(sessions, people, conferences, articles, dataSource),
    structure,
    tokens: new TokenService(dataSource),
    translations: new TranslationService(dataSource),
    changes: new ScheduleChangeService(dataSource),
    accounts: new AccountService(
      dataSource,
      createSessionStore(dataSource, options.sessionRedis),
      options.accounts,
    ),
    listings,
    feeds,
    agendas: new AgendaService(dataSource, { feeds, communities }),
    webhooks: new WebhookService(dataSource, options.webhooks ?? { allowPrivateAddresses: false }),
    embeds: new EmbedService({
      communities,
      conferences,
      people,
      sessions,
      topics,
      listings,
      feeds,
      structure,
    }),
    editorial: createEditorialServices(
      dataSource,
      options.comments ?? DEFAULT_COMMENT_CONFIG,
      references,
    ),
    references,
  };
}
