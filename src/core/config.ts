import path from "node:path";
import { PROJECT_ROOT } from "./paths";
import { isSlug } from "./slug";

/** The database engines Crosstalk runs on. */
export type DatabaseEngine = "mysql" | "sqlite";

export interface DatabaseConfig {
  engine: DatabaseEngine;
  /** mysql://user:pass@host:port/db when engine is mysql. */
  url?: string;
  /**
   * For engine mysql: whether the server is MariaDB, which TypeORM must know to read the schema right.
   * `mariadb://` URLs set it; otherwise `detectMariaDb` asks the server once at start.
   */
  mariadb?: boolean;
  /** Path of the SQLite file (or ":memory:") when engine is sqlite. */
  sqlitePath: string;
  /** Limits on the connection and its pool; defaults in DEFAULT_DATABASE_LIMITS. */
  limits?: DatabaseLimits;
  /**
   * Read replicas of the primary (`url`), engine mysql only: reads go to them, writes and the reads
   * of a request that has written go to the primary. Empty or absent: everything on the primary.
   */
  replicaUrls?: string[];
}

/** Bounds on talking to the database (MySQL/MariaDB; SQLite reads only `statementTimeoutMs`). */
export interface DatabaseLimits {
  /** Server-side limit on each read statement, in ms (MAX_EXECUTION_TIME / max_statement_time). 0: none. */
  statementTimeoutMs: number;
  /** How long opening a connection may take, in ms. */
  connectTimeoutMs: number;
  /** Connections in the pool. */
  poolSize: number;
  /**
   * Statements that may wait for a pooled connection; past it, 503 at once. A request that reads
   * several lists at a level has several waiting (the three-level session page, up to five), so the
   * bound is in statements, not requests: 1,000 lets 50 such requests wait at once with room to
   * spare, and is still only a few hundred milliseconds of work for a pool of ten.
   */
  queueLimit: number;
  /**
   * Prepared statements each pooled connection keeps for hot reads (least recently used closed
   * past it); 0: hot reads go as plain text statements. Prepared (the default, 64), the server
   * parses a hot read once per connection, and this process escapes no parameters into SQL text:
   * the program page costs the server less CPU, and runs ~5% faster (MariaDB 10.11). The server's
   * `max_prepared_stmt_count` (16,382 by default) is shared by every connection of every process:
   * pool size × this × processes should stay below it; past it, reads go as text.
   */
  preparedStatements: number;
}

/** The database bounds when nothing is configured. */
export const DEFAULT_DATABASE_LIMITS: DatabaseLimits = {
  statementTimeoutMs: 5000,
  connectTimeoutMs: 5000,
  poolSize: 10,
  queueLimit: 1000,
  preparedStatements: 64,
};

/** How the HTTP server treats slow or numerous clients (Node's http.Server settings). */
export interface HttpLimits {
  /** Most time to receive a request's headers, in ms (`server.headersTimeout`). */
  headersTimeoutMs: number;
  /** Most time to receive a whole request, body included, in ms (`server.requestTimeout`). */
  bodyTimeoutMs: number;
  /** How long an idle keep-alive connection stays open, in ms (`server.keepAliveTimeout`). */
  keepAliveTimeoutMs: number;
  /** Most simultaneous connections (`server.maxConnections`); more are closed at once. */
  maxConnections: number;
}

/** Everything Crosstalk reads from its environment, read once. */
export interface AppConfig {
  nodeEnv: "development" | "production" | "test";
  port: number;
  host: string;
  logLevel: string;
  database: DatabaseConfig;
  /** Run pending migrations at start (always on for the embedded SQLite default). */
  migrateOnStart: boolean;
  /** Load the demo graph at start when the database is empty. */
  seedOnStart: boolean;
  /** Serve the Apollo Sandbox landing page at GET /graphql. */
  landingPage: boolean;
  /** Answer introspection queries. */
  introspection: boolean;
  /** How long graceful shutdown waits for in-flight requests, in milliseconds. */
  shutdownTimeoutMs: number;
  /**
   * Each request's time budget, in ms: past it the request is answered 503 `TIMEOUT` and its
   * remaining resolvers do not run. Must be below SHUTDOWN_TIMEOUT_MS.
   */
  requestTimeoutMs: number;
  /** How long start-up keeps retrying an unreachable database (with backoff), in ms. */
  databaseStartRetryMs: number;
  /** Timeouts and the connection cap of the HTTP server. */
  http: HttpLimits;
  /**
   * Which proxies' X-Forwarded-For to believe when working out a client's address (rate limits,
   * anonymous retry scopes): Express's `trust proxy` value — a hop count, or addresses/subnets/names
   * such as `loopback, 10.0.0.0/8`. Default `loopback`.
   */
  trustProxy: number | string;
  /** Public base URL (no trailing slash) used for links in feeds, e.g. `https://crosstalk.example`. */
  publicUrl: string;
  /** Origins (scheme://host[:port]) whose browsers may send Authorization to the API (CORS). */
  editorOrigins: string[];
  /** max-age, in seconds, of public GraphQL GETs, embeds and feeds. */
  cacheMaxAge: number;
  /** The server-side cache of anonymous query responses and the reference-data bus. */
  responseCache: ResponseCacheConfig;
  /**
   * HEAP_GROWTH_PERCENT: how far V8 lets the heap grow past what a full GC found alive, in percent
   * (V8's `--heap-growing-percent`). Default 50, which holds peak RSS under load near 1.5 times the
   * live heap; each request leaves little in the old generation (patches/README.md), so full
   * collections stay rare at that bound (one in a minute of the program page at c=10). 0 leaves
   * V8's own factor (up to 4×).
   */
  heapGrowthPercent: number;
  /** The most sessions one feed may list; a larger feed is refused (422) with how to narrow it. */
  feedMaxSessions: number;
  /** `open`: any operation (APQ on). `allowlist`: anonymous requests only run registered operations. */
  persistedQueries: "open" | "allowlist";
  /** A partner's registered operations: JSON object of sha256 → query, or an array of queries. */
  persistedQueriesFile: string | null;
  /** Where `npm run build:embed` wrote the web-component bundle and its manifest. */
  embedDir: string;
  /** Where the Studio's build (`npm run build`, Vite) is, served at /studio/. */
  studioDir: string;
  /** Where the API explorer's build (GraphiQL, Vite) is, served at /studio/explorer/ to accounts. */
  explorerDir: string;
  /** Reader comments: moderation and rate limits. */
  comments: CommentConfig;
  /** Personal agendas. */
  agendas: AgendaConfig;
  /** Webhook deliveries. */
  webhooks: WebhookConfig;
  /** How long the write path's bookkeeping rows are kept, and how often they are pruned. */
  retention: RetentionConfig;
  /** Studio accounts: sessions, invitations and sign-in limits. */
  accounts: AccountConfig;
  /** What a GraphQL document may ask for, checked before anything runs. */
  limits: QueryLimits;
  /** How operations are executed: interpreted, or compiled once they repeat. */
  execution: ExecutionConfig;
  /** Per-client request budgets, counted in query cost. */
  rateLimit: RateLimitConfig;
  /** The Prometheus `/metrics` endpoint. */
  metrics: MetricsConfig;
  /** GraphQL subscriptions over WebSocket and the event bus behind them. */
  live: LiveConfig;
}

/** Subscriptions (graphql-ws on /graphql) and the bus that carries committed events to them. */
export interface LiveConfig {
  /** Most subscriptions one WebSocket connection may hold at once (SUBSCRIPTIONS_PER_CONNECTION). */
  maxSubscriptionsPerConnection: number;
  /** Most WebSocket connections one client IP may hold to this process (WS_CONNECTIONS_PER_CLIENT). */
  maxConnectionsPerClient: number;
  /** Interval of the server's WebSocket pings, in ms; a peer silent for two is dropped (WS_KEEPALIVE_MS). */
  keepAliveMs: number;
  /**
   * How often each signed-in WebSocket connection's credential is checked again, in ms: a token
   * revoked or expired, or a session ended, since the connection opened closes it (4403) within this
   * time, with its subscriptions (WS_RECHECK_MS).
   */
  recheckMs: number;
  /** Redis pub/sub channel of committed events when REDIS_URL is set (EVENTS_REDIS_CHANNEL). */
  redisChannel: string;
}

/** Where `/metrics` is served and how many operation names become labels. */
export interface MetricsConfig {
  /** Serve `/metrics` at all (METRICS_ENABLED, default true). */
  enabled: boolean;
  /** 0: on the main port; otherwise a separate listener on this port (METRICS_PORT). */
  port: number;
  /** Bind address of the separate listener (METRICS_HOST, default HOST). */
  host: string;
  /**
   * Operation names first seen at run time that become labels, beyond the registered ones and the
   * examples'; later names are counted as `other` (METRICS_OPERATION_NAMES).
   */
  operationNameCap: number;
}

/**
 * Bounds on one GraphQL request, all checked before execution (no resolver runs, no SQL is sent when
 * one is exceeded). See `src/graphql/limits.ts` and `src/graphql/cost.ts` for how each is measured.
 */
export interface QueryLimits {
  /** Deepest field nesting (fragments expanded; a leaf field counts as a level). */
  maxDepth: number;
  /** Aliased fields in the whole document, `__typename` aliases included. */
  maxAliases: number;
  /** Directives on any one field, fragment spread or inline fragment. */
  maxDirectivesPerField: number;
  /** Lexical tokens in the document (Apollo's `parseOptions.maxTokens`). */
  maxTokens: number;
  /** How often the same response key may appear in one selection set. */
  maxFieldRepeats: number;
  /** Most errors one response lists; the rest are summed up in a last QUERY_TOO_MANY_ERRORS entry. */
  maxErrors: number;
  /** Most cost one operation may have (page sizes from the variables multiply nested selections). */
  maxCost: number;
  /** The multiplier for a list field without paging arguments (`speakers`, `programs`, …). */
  listMultiplier: number;
  /** Most field nodes the cost walk visits (fragments expanded) before refusing the document. */
  maxNodes: number;
}

/** The server-side response cache (in process, or in Redis when REDIS_URL is set). */
export interface ResponseCacheConfig {
  /** RESPONSE_CACHE: store and serve anonymous GET and persisted-query responses. Default on. */
  enabled: boolean;
  /** RESPONSE_CACHE_MAX_ENTRIES: most responses held in process memory (LRU). Default 5000. */
  maxEntries: number;
  /** RESPONSE_CACHE_MAX_BYTES: most bytes of responses held in process memory. Default 32 MiB. */
  maxBytes: number;
  /**
   * CACHE_REDIS_PREFIX: prefix of the cache's Redis keys, and the pub/sub channel (`<prefix>drop`)
   * on which reference-data drops reach every process. Default `crosstalk:cache:`.
   */
  redisPrefix: string;
}

/** A per-client budget of query cost per time window, shared through Redis when `redisUrl` is set. */
export interface RateLimitConfig {
  /** Cost points one client (token, else IP) may spend per window; 0 turns the budget off. */
  points: number;
  /** Length of the window, in seconds. */
  windowSeconds: number;
  /** What one request to a feed or the no-JS embed page costs. */
  routeCost: number;
  /** Redis holding the counters (shared by every process); null keeps them in this process. */
  redisUrl: string | null;
  /** Prefix of every Redis key the limiter writes. */
  redisPrefix: string;
}

/**
 * Compiled execution (src/server/compiled-execution.ts): an operation that repeats is compiled to
 * a function of its own (graphql-jit), which runs it several times faster than graphql-js walks it.
 */
export interface ExecutionConfig {
  /**
   * GRAPHQL_COMPILE_AFTER: on which run of the same operation (document and operation name) it is
   * compiled; earlier runs are interpreted. Default 2, so a one-off document costs no compilation;
   * 1 under NODE_ENV=test, so that the suites run what production runs; 0 never compiles.
   */
  compileAfter: number;
  /** GRAPHQL_COMPILED_MAX: most compiled operations kept (least recently used go). Default 500. */
  maxCompiled: number;
}

/** The query limits when nothing is configured. */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxDepth: 15,
  maxAliases: 30,
  maxDirectivesPerField: 4,
  maxTokens: 2000,
  maxFieldRepeats: 5,
  maxErrors: 20,
  maxCost: 20000,
  listMultiplier: 5,
  maxNodes: 5000,
};

/** How reader comments are moderated and rate-limited. */
export interface CommentConfig {
  /** Slugs of publications whose articles' comments are APPROVED at once instead of PENDING. */
  autoApprovePublications: string[];
  /** Most comments one client IP may post per minute (0: no per-minute limit). */
  perMinute: number;
  /** Most comments one client IP may post per day (0: no per-day limit). */
  perDay: number;
}

/** Studio accounts: how long sessions and invitations last, and how sign-in is throttled. */
export interface AccountConfig {
  /** How long a sign-in lasts, in hours (SESSION_TTL_HOURS, default 12). */
  sessionTtlHours: number;
  /** How long an invitation link can be used, in hours (INVITE_TTL_HOURS, default 72). */
  inviteTtlHours: number;
  /** Sign-in attempts per client IP per minute (SIGN_IN_PER_MINUTE, default 10). */
  signInPerMinute: number;
  /** Wrong passwords in a row that lock an account (SIGN_IN_LOCKOUT_AFTER, default 5). */
  lockoutAfter: number;
  /** How long a locked account stays locked, in minutes (SIGN_IN_LOCKOUT_MINUTES, default 15). */
  lockoutMinutes: number;
  /**
   * Prefix of the Redis keys of Studio sessions, kept in Redis when REDIS_URL is set
   * (SESSION_REDIS_PREFIX, default `crosstalk:sessions:`).
   */
  redisPrefix: string;
}

/** The account policy when nothing is configured. */
export const DEFAULT_ACCOUNT_CONFIG: AccountConfig = {
  sessionTtlHours: 12,
  inviteTtlHours: 72,
  signInPerMinute: 10,
  lockoutAfter: 5,
  lockoutMinutes: 15,
  redisPrefix: "crosstalk:sessions:",
};

/** The comment policy when nothing is configured: everything PENDING, 5 a minute, 50 a day per IP. */
export const DEFAULT_COMMENT_CONFIG: CommentConfig = {
  autoApprovePublications: [],
  perMinute: 5,
  perDay: 50,
};

/** Personal agendas (no account). */
export interface AgendaConfig {
  /** Agendas one client IP may create per hour (AGENDA_RATE_PER_HOUR; 0: no limit). */
  perHour: number;
}

/** How webhook deliveries are made (see the README's Webhooks section). */
export interface WebhookConfig {
  /** Run the dispatcher in this process (WEBHOOK_DISPATCH; default on, off under NODE_ENV=test). */
  dispatch: boolean;
  /** Let deliveries reach private, loopback and link-local addresses (WEBHOOK_ALLOW_PRIVATE). */
  allowPrivateAddresses: boolean;
  /** Most time one delivery attempt may take, in ms (WEBHOOK_TIMEOUT_MS). */
  timeoutMs: number;
  /** Attempts per delivery before it is FAILED (WEBHOOK_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** Delay before the first retry, in ms; each further retry doubles it (WEBHOOK_RETRY_BASE_MS). */
  retryBaseMs: number;
  /** The longest delay between two attempts, in ms (WEBHOOK_RETRY_MAX_MS). */
  retryMaxMs: number;
  /** How often the dispatcher looks for work when no write wakes it, in ms (WEBHOOK_POLL_MS). */
  pollMs: number;
  /** How long a claimed attempt belongs to its process before another may take it over (WEBHOOK_LEASE_MS). */
  leaseMs: number;
  /** Failed attempts in a row after which an endpoint is marked failing (WEBHOOK_FAILING_AFTER). */
  failingAfter: number;
}

/** The kinds of rows pruned after their retention period (see src/services/retention.ts). */
export const RETAINED_KINDS = [
  "webhookDeliveries",
  "outboxEvents",
  "mutationReceipts",
  "accountSessions",
  "emptyAgendas",
] as const;
export type RetainedKind = (typeof RETAINED_KINDS)[number];

/** Retention of the write path's bookkeeping rows (see the README's Retention section). */
export interface RetentionConfig {
  /** How often this process prunes, in ms (PRUNE_EVERY_MS; 0: never, run `npm run prune`). */
  everyMs: number;
  /**
   * Days each kind is kept (0: forever): RETENTION_DELIVERY_DAYS, RETENTION_OUTBOX_DAYS,
   * RETENTION_RECEIPT_DAYS, RETENTION_SESSION_DAYS and RETENTION_EMPTY_AGENDA_DAYS.
   */
  days: Record<RetainedKind, number>;
}

/** The retention settings when nothing is configured. */
export const DEFAULT_RETENTION_CONFIG: RetentionConfig = {
  everyMs: 3600_000,
  days: {
    webhookDeliveries: 30,
    outboxEvents: 7,
    mutationReceipts: 7,
    accountSessions: 30,
    emptyAgendas: 90,
  },
};

/** The environment variable of each kind's retention in days. */
export const RETENTION_DAYS_VARIABLES: Record<RetainedKind, string> = {
  webhookDeliveries: "RETENTION_DELIVERY_DAYS",
  outboxEvents: "RETENTION_OUTBOX_DAYS",
  mutationReceipts: "RETENTION_RECEIPT_DAYS",
  accountSessions: "RETENTION_SESSION_DAYS",
  emptyAgendas: "RETENTION_EMPTY_AGENDA_DAYS",
};

/** The webhook settings when nothing is configured. */
export const DEFAULT_WEBHOOK_CONFIG: WebhookConfig = {
  dispatch: true,
  allowPrivateAddresses: false,
  timeoutMs: 10_000,
  maxAttempts: 10,
  retryBaseMs: 30_000,
  retryMaxMs: 6 * 3600_000,
  pollMs: 2000,
  leaseMs: 60_000,
  failingAfter: 5,
};

/** Parses a comma-separated list of slugs (COMMENT_AUTO_APPROVE). */
export function parseSlugList(key: string, raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === "") return [];
  const slugs = raw
    .split(",")
    .map(s => s.trim())
    .filter(Boolean);
  for (const slug of slugs) {
    if (!isSlug(slug)) {
      throw new ConfigError(`${key} must be a comma-separated list of slugs, got "${slug}"`);
    }
  }
  return [...new Set(slugs)];
}

/** A configuration problem; `problems` lists every one found (loadConfig reports them all at once). */
export class ConfigError extends Error {
  override name = "ConfigError";
  readonly problems: string[];
  constructor(problems: string | string[]) {
    const list = typeof problems === "string" ? [problems] : problems;
    super(list.join("; "));
    this.problems = list;
  }
}

type Env = Record<string, string | undefined>;

function bool(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${key} must be true or false, got "${raw}"`);
}

function int(env: Env, key: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER) {
  const raw = env[key];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!/^\s*\d+\s*$/.test(raw) || !Number.isSafeInteger(value) || value < min || value > max) {
    throw new ConfigError(
      max === Number.MAX_SAFE_INTEGER
        ? `${key} must be an integer of at least ${min}, got "${raw}"`
        : `${key} must be an integer from ${min} to ${max}, got "${raw}"`,
    );
  }
  return value;
}

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"];

function logLevel(raw: string | undefined, fallback: string): string {
  if (raw === undefined || raw === "") return fallback;
  if (!LOG_LEVELS.includes(raw)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}, got "${raw}"`);
  }
  return raw;
}

/** Validates PUBLIC_URL (http or https, no query or fragment) and drops any trailing slash. */
export function parsePublicUrl(raw: string | undefined, port: number): string {
  if (raw === undefined || raw === "") return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  if (!/^https?:$/.test(url.protocol) || url.search || url.hash) {
    throw new ConfigError(
      `PUBLIC_URL must be an http(s) URL without query or fragment, got "${raw}"`,
    );
  }
  return url.toString().replace(/\/+$/, "");
}

/** Parses EDITOR_ORIGINS: comma-separated http(s) origins, each without path, query or fragment. */
export function parseOrigins(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(",")
    .map(part => part.trim())
    .filter(Boolean)
    .map(part => {
      let url: URL;
      try {
        url = new URL(part);
      } catch {
        throw new ConfigError(
          `EDITOR_ORIGINS: "${part}" is not an origin such as https://a.example`,
        );
      }
      if (!/^https?:$/.test(url.protocol) || url.origin !== part.replace(/\/$/, "")) {
        throw new ConfigError(
          `EDITOR_ORIGINS: "${part}" must be an http(s) origin, without a path`,
        );
      }
      return url.origin;
    });
}

/** Parses a DATABASE_URL (or its absence) into the engine to use. */
export function parseDatabaseUrl(url: string | undefined, sqlitePath: string): DatabaseConfig {
  if (!url) return { engine: "sqlite", sqlitePath };
  if (/^(mysql|mariadb):\/\//i.test(url)) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      // reported below
    }
    if (!parsed || !parsed.hostname || !/^\/[^/]+$/.test(parsed.pathname)) {
      throw new ConfigError(
        "DATABASE_URL must look like mysql://user:password@host:port/database (host and database required)",
      );
    }
    const mariadb = /^mariadb:/i.test(url) ? true : undefined;
    return { engine: "mysql", url: url.replace(/^mariadb:/i, "mysql:"), mariadb, sqlitePath };
  }
  if (/^sqlite:/i.test(url)) {
    const file = url.replace(/^sqlite:(\/\/)?/i, "");
    return { engine: "sqlite", sqlitePath: file || sqlitePath };
  }
  throw new ConfigError(
    `DATABASE_URL must start with mysql:// (or mariadb://, or sqlite:); got "${url.split(":")[0]}:…"`,
  );
}

/** DATABASE_REPLICA_URLS: comma-separated mysql:// URLs of read replicas (MySQL/MariaDB only). */
export function parseReplicaUrls(raw: string | undefined, primary: DatabaseConfig): string[] {
  const urls = (raw ?? "")
    .split(",")
    .map(u => u.trim())
    .filter(Boolean);
  if (!urls.length) return [];
  if (primary.engine !== "mysql") {
    throw new ConfigError(
      "DATABASE_REPLICA_URLS needs a MySQL/MariaDB DATABASE_URL (the embedded SQLite has no replicas)",
    );
  }
  return urls.map((url, i) => {
    try {
      const parsed = parseDatabaseUrl(url, "");
      if (parsed.engine === "mysql" && parsed.url) return parsed.url;
    } catch {
      // reported below
    }
    throw new ConfigError(
      `DATABASE_REPLICA_URLS: replica ${i + 1} must look like mysql://user:password@host:port/database`,
    );
  });
}

function persistedQueryMode(raw: string | undefined): AppConfig["persistedQueries"] {
  if (raw === undefined || raw === "" || raw === "open") return "open";
  if (raw === "allowlist") return "allowlist";
  throw new ConfigError(`PERSISTED_QUERIES must be open or allowlist, got "${raw}"`);
}

/** TRUST_PROXY: a hop count, or a comma-separated list of addresses, subnets or Express's names. */
function trustProxy(raw: string | undefined): number | string {
  if (raw === undefined || raw.trim() === "") return "loopback";
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim());
  const parts = raw
    .split(",")
    .map(p => p.trim())
    .filter(Boolean);
  for (const part of parts) {
    if (!/^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/.test(part)) {
      throw new ConfigError(
        `TRUST_PROXY must be a hop count or addresses/subnets (or loopback, linklocal, uniquelocal), got "${part}"`,
      );
    }
  }
  return parts.join(", ");
}

/** REDIS_URL: a redis:// or rediss:// URL, or nothing. */
function redisUrl(raw: string | undefined): string | null {
  if (raw === undefined || raw.trim() === "") return null;
  if (!/^rediss?:\/\//i.test(raw.trim())) {
    throw new ConfigError(
      `REDIS_URL must start with redis:// or rediss://, got "${raw.split(":")[0]}:…"`,
    );
  }
  return raw.trim();
}

/** Like int(), but refuses 0 too. */
function positive(env: Env, key: string, fallback: number): number {
  return int(env, key, fallback, 1);
}

function retentionConfig(
  env: Env,
  nodeEnv: AppConfig["nodeEnv"],
  read: <T>(fn: () => T, fallback: T) => T,
): RetentionConfig {
  const D = DEFAULT_RETENTION_CONFIG;
  const days = {} as RetentionConfig["days"];
  for (const kind of RETAINED_KINDS) {
    const key = RETENTION_DAYS_VARIABLES[kind];
    days[kind] = read(() => int(env, key, D.days[kind], 0, 36_500), D.days[kind]);
  }
  // Test servers would otherwise prune in the background of every test.
  const everyMs = read(() => {
    const ms = int(env, "PRUNE_EVERY_MS", nodeEnv === "test" ? 0 : D.everyMs, 0, 7 * 86_400_000);
    if (ms > 0 && ms < 1000) {
      throw new ConfigError(`PRUNE_EVERY_MS must be 0 (never) or at least 1000, got "${ms}"`);
    }
    return ms;
  }, 0);
  return { everyMs, days };
}

function webhookConfig(
  env: Env,
  nodeEnv: AppConfig["nodeEnv"],
  read: <T>(fn: () => T, fallback: T) => T,
): WebhookConfig {
  const D = DEFAULT_WEBHOOK_CONFIG;
  return {
    // Test servers would otherwise poll their database in the background of every test.
    dispatch: read(() => bool(env, "WEBHOOK_DISPATCH", nodeEnv !== "test"), false),
    allowPrivateAddresses: read(() => bool(env, "WEBHOOK_ALLOW_PRIVATE", false), false),
    timeoutMs: read(() => positive(env, "WEBHOOK_TIMEOUT_MS", D.timeoutMs), 1),
    maxAttempts: read(() => int(env, "WEBHOOK_MAX_ATTEMPTS", D.maxAttempts, 1, 100), 1),
    retryBaseMs: read(() => positive(env, "WEBHOOK_RETRY_BASE_MS", D.retryBaseMs), 1),
    retryMaxMs: read(() => positive(env, "WEBHOOK_RETRY_MAX_MS", D.retryMaxMs), 1),
    pollMs: read(() => int(env, "WEBHOOK_POLL_MS", D.pollMs, 10), 10),
    leaseMs: read(() => positive(env, "WEBHOOK_LEASE_MS", D.leaseMs), 1),
    failingAfter: read(() => positive(env, "WEBHOOK_FAILING_AFTER", D.failingAfter), 1),
  };
}

/**
 * Builds the configuration from an environment (process.env by default). Pure: no side effects.
 * Every problem is collected, so a ConfigError lists them all at once.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const problems: string[] = [];
  const read = <T>(fn: () => T, fallback: T): T => {
    try {
      return fn();
    } catch (err) {
      if (!(err instanceof ConfigError)) throw err;
      problems.push(...err.problems);
      return fallback;
    }
  };
  const rawEnv = env.NODE_ENV ?? "development";
  const nodeEnv = read(() => {
    if (!["development", "production", "test"].includes(rawEnv)) {
      throw new ConfigError(`NODE_ENV must be development, production or test, got "${rawEnv}"`);
    }
    return rawEnv as AppConfig["nodeEnv"];
  }, "development");
  const production = nodeEnv === "production";
  const sqlitePath = path.resolve(env.SQLITE_PATH || "./data/crosstalk.sqlite");
  const database = read(() => parseDatabaseUrl(env.DATABASE_URL, sqlitePath), {
    engine: "sqlite",
    sqlitePath,
  } as DatabaseConfig);
  database.replicaUrls = read(() => parseReplicaUrls(env.DATABASE_REPLICA_URLS, database), []);
  const D = DEFAULT_DATABASE_LIMITS;
  database.limits = {
    statementTimeoutMs: read(() => int(env, "DB_STATEMENT_TIMEOUT_MS", D.statementTimeoutMs), 0),
    connectTimeoutMs: read(() => int(env, "DB_CONNECT_TIMEOUT_MS", D.connectTimeoutMs, 1), 1),
    poolSize: read(() => int(env, "DB_POOL_SIZE", D.poolSize, 1), 1),
    queueLimit: read(() => int(env, "DB_POOL_QUEUE_LIMIT", D.queueLimit, 1), 1),
    preparedStatements: read(
      () => int(env, "DB_PREPARED_STATEMENTS", D.preparedStatements, 0, 1000),
      D.preparedStatements,
    ),
  };
  const embedded = database.engine === "sqlite";
  const port = read(() => int(env, "PORT", 4000, 0, 65535), 4000);
  const shutdownTimeoutMs = read(() => int(env, "SHUTDOWN_TIMEOUT_MS", 10000, 1), 10000);
  const requestTimeoutMs = read(() => int(env, "REQUEST_TIMEOUT_MS", 8000, 1), 8000);
  if (requestTimeoutMs >= shutdownTimeoutMs) {
    problems.push(
      `REQUEST_TIMEOUT_MS (${requestTimeoutMs}) must be below SHUTDOWN_TIMEOUT_MS (${shutdownTimeoutMs}), so that shutdown can wait for a request's whole budget`,
    );
  }
  const http: HttpLimits = {
    headersTimeoutMs: read(() => int(env, "HTTP_HEADERS_TIMEOUT_MS", 10000, 1), 1),
    bodyTimeoutMs: read(() => int(env, "HTTP_BODY_TIMEOUT_MS", 15000, 1), 1),
    keepAliveTimeoutMs: read(() => int(env, "HTTP_KEEP_ALIVE_TIMEOUT_MS", 5000, 1), 1),
    maxConnections: read(() => int(env, "HTTP_MAX_CONNECTIONS", 1000, 1), 1),
  };
  if (http.headersTimeoutMs > http.bodyTimeoutMs) {
    problems.push(
      `HTTP_HEADERS_TIMEOUT_MS (${http.headersTimeoutMs}) must not exceed HTTP_BODY_TIMEOUT_MS (${http.bodyTimeoutMs})`,
    );
  }
  const config: AppConfig = {
    nodeEnv,
    port,
    host: env.HOST || "0.0.0.0",
    logLevel: read(() => logLevel(env.LOG_LEVEL, nodeEnv === "test" ? "silent" : "info"), "info"),
    database,
    migrateOnStart: read(() => bool(env, "MIGRATE_ON_START", embedded), embedded),
    seedOnStart: read(() => bool(env, "SEED_ON_START", embedded), embedded),
    landingPage: read(() => bool(env, "LANDING_PAGE", !production), false),
    introspection: read(() => bool(env, "INTROSPECTION", !production), false),
    shutdownTimeoutMs,
    requestTimeoutMs,
    databaseStartRetryMs: read(() => int(env, "DB_START_RETRY_MS", 30000), 0),
    http,
    trustProxy: read(() => trustProxy(env.TRUST_PROXY), "loopback"),
    publicUrl: read(() => parsePublicUrl(env.PUBLIC_URL, port), ""),
    editorOrigins: read(() => parseOrigins(env.EDITOR_ORIGINS), []),
    cacheMaxAge: read(() => int(env, "CACHE_MAX_AGE", 60), 60),
    heapGrowthPercent: read(() => int(env, "HEAP_GROWTH_PERCENT", 50, 0, 1000), 50),
    responseCache: {
      enabled: read(() => bool(env, "RESPONSE_CACHE", true), true),
      maxEntries: read(() => positive(env, "RESPONSE_CACHE_MAX_ENTRIES", 5000), 1),
      maxBytes: read(() => int(env, "RESPONSE_CACHE_MAX_BYTES", 32 * 1024 * 1024, 1024), 1024),
      redisPrefix: env.CACHE_REDIS_PREFIX || "crosstalk:cache:",
    },
    feedMaxSessions: read(() => int(env, "FEED_MAX_SESSIONS", 2000, 1), 1),
    persistedQueries: read(() => persistedQueryMode(env.PERSISTED_QUERIES), "open"),
    persistedQueriesFile: env.PERSISTED_QUERIES_FILE
      ? path.resolve(env.PERSISTED_QUERIES_FILE)
      : null,
    embedDir: path.resolve(env.EMBED_DIR || path.join(PROJECT_ROOT, "dist", "embed")),
    studioDir: path.resolve(env.STUDIO_DIR || path.join(PROJECT_ROOT, "dist", "studio")),
    explorerDir: path.resolve(env.EXPLORER_DIR || path.join(PROJECT_ROOT, "dist", "explorer")),
    comments: {
      autoApprovePublications: read(
        () => parseSlugList("COMMENT_AUTO_APPROVE", env.COMMENT_AUTO_APPROVE),
        [],
      ),
      perMinute: read(
        () => int(env, "COMMENT_RATE_PER_MINUTE", DEFAULT_COMMENT_CONFIG.perMinute),
        0,
      ),
      perDay: read(() => int(env, "COMMENT_RATE_PER_DAY", DEFAULT_COMMENT_CONFIG.perDay), 0),
    },
    agendas: {
      perHour: read(() => int(env, "AGENDA_RATE_PER_HOUR", 20), 0),
    },
    webhooks: webhookConfig(env, nodeEnv, read),
    retention: retentionConfig(env, nodeEnv, read),
    accounts: {
      sessionTtlHours: read(
        () => positive(env, "SESSION_TTL_HOURS", DEFAULT_ACCOUNT_CONFIG.sessionTtlHours),
        1,
      ),
      inviteTtlHours: read(
        () => positive(env, "INVITE_TTL_HOURS", DEFAULT_ACCOUNT_CONFIG.inviteTtlHours),
        1,
      ),
      signInPerMinute: read(
        () => positive(env, "SIGN_IN_PER_MINUTE", DEFAULT_ACCOUNT_CONFIG.signInPerMinute),
        1,
      ),
      lockoutAfter: read(
        () => positive(env, "SIGN_IN_LOCKOUT_AFTER", DEFAULT_ACCOUNT_CONFIG.lockoutAfter),
        1,
      ),
      lockoutMinutes: read(
        () => positive(env, "SIGN_IN_LOCKOUT_MINUTES", DEFAULT_ACCOUNT_CONFIG.lockoutMinutes),
        1,
      ),
      redisPrefix: env.SESSION_REDIS_PREFIX || DEFAULT_ACCOUNT_CONFIG.redisPrefix,
    },
    limits: {
      maxDepth: read(() => positive(env, "MAX_QUERY_DEPTH", DEFAULT_QUERY_LIMITS.maxDepth), 1),
      maxAliases: read(() => int(env, "MAX_QUERY_ALIASES", DEFAULT_QUERY_LIMITS.maxAliases), 1),
      maxDirectivesPerField: read(
        () => int(env, "MAX_DIRECTIVES_PER_FIELD", DEFAULT_QUERY_LIMITS.maxDirectivesPerField),
        1,
      ),
      maxTokens: read(() => positive(env, "MAX_QUERY_TOKENS", DEFAULT_QUERY_LIMITS.maxTokens), 1),
      maxFieldRepeats: read(
        () => positive(env, "MAX_FIELD_REPEATS", DEFAULT_QUERY_LIMITS.maxFieldRepeats),
        1,
      ),
      maxErrors: read(
        () => positive(env, "MAX_RESPONSE_ERRORS", DEFAULT_QUERY_LIMITS.maxErrors),
        1,
      ),
      maxCost: read(() => positive(env, "MAX_QUERY_COST", DEFAULT_QUERY_LIMITS.maxCost), 1),
      listMultiplier: read(
        () => positive(env, "COST_LIST_MULTIPLIER", DEFAULT_QUERY_LIMITS.listMultiplier),
        1,
      ),
      maxNodes: read(() => positive(env, "MAX_QUERY_NODES", DEFAULT_QUERY_LIMITS.maxNodes), 1),
    },
    execution: {
      compileAfter: read(
        () => int(env, "GRAPHQL_COMPILE_AFTER", nodeEnv === "test" ? 1 : 2, 0, 1000),
        2,
      ),
      maxCompiled: read(() => int(env, "GRAPHQL_COMPILED_MAX", 500, 1, 100_000), 500),
    },
    rateLimit: {
      // Test suites send many requests from 127.0.0.1; they configure a small budget where they
      // test it.
      points: read(
        () => int(env, "RATE_LIMIT_POINTS", nodeEnv === "test" ? 10_000_000 : 100_000),
        1,
      ),
      windowSeconds: read(() => positive(env, "RATE_LIMIT_WINDOW_SECONDS", 60), 1),
      routeCost: read(() => int(env, "RATE_LIMIT_ROUTE_COST", 100), 1),
      redisUrl: read(() => redisUrl(env.REDIS_URL), null),
      redisPrefix: env.RATE_LIMIT_REDIS_PREFIX || "crosstalk:rl:",
    },
    live: {
      maxSubscriptionsPerConnection: read(
        () => int(env, "SUBSCRIPTIONS_PER_CONNECTION", 20, 1, 1000),
        20,
      ),
      maxConnectionsPerClient: read(() => int(env, "WS_CONNECTIONS_PER_CLIENT", 10, 1, 10_000), 10),
      keepAliveMs: read(() => int(env, "WS_KEEPALIVE_MS", 12_000, 1000, 600_000), 12_000),
      recheckMs: read(() => int(env, "WS_RECHECK_MS", 60_000, 1000, 3_600_000), 60_000),
      redisChannel: env.EVENTS_REDIS_CHANNEL || "crosstalk:events",
    },
    metrics: {
      enabled: read(() => bool(env, "METRICS_ENABLED", true), true),
      port: read(() => int(env, "METRICS_PORT", 0, 0, 65535), 0),
      host: env.METRICS_HOST || env.HOST || "0.0.0.0",
      operationNameCap: read(() => int(env, "METRICS_OPERATION_NAMES", 200, 0, 10_000), 200),
    },
  };
  if (config.webhooks.leaseMs <= config.webhooks.timeoutMs) {
    problems.push(
      `WEBHOOK_LEASE_MS (${config.webhooks.leaseMs}) must exceed WEBHOOK_TIMEOUT_MS (${config.webhooks.timeoutMs}), so that no attempt still under way is taken over`,
    );
  }
  if (config.metrics.enabled && config.metrics.port !== 0 && config.metrics.port === port) {
    problems.push(
      `METRICS_PORT (${config.metrics.port}) must differ from PORT; set it to 0 to serve /metrics on the main port`,
    );
  }
  if (problems.length) throw new ConfigError(problems);
  return config;
}
