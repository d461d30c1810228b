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
  /** `open`: any operation (APQ on). `allowlist`: anonymous requests only run registered operations. */
  persistedQueries: "open" | "allowlist";
  /** A partner's registered operations: JSON object of sha256 → query, or an array of queries. */
  persistedQueriesFile: string | null;
  /** Where `npm run build:embed` wrote the web-component bundle and its manifest. */
  embedDir: string;
  /** Reader comments: moderation and rate limits. */
  comments: CommentConfig;
  /** What a GraphQL document may ask for, checked before anything runs. */
  limits: QueryLimits;
  /** Per-client request budgets, counted in query cost. */
  rateLimit: RateLimitConfig;
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

/** The comment policy when nothing is configured: everything PENDING, 5 a minute, 50 a day per IP. */
export const DEFAULT_COMMENT_CONFIG: CommentConfig = {
  autoApprovePublications: [],
  perMinute: 5,
  perDay: 50,
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

export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

function bool(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === "") return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${key} must be true or false, got "${raw}"`);
}

function int(env: Env, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ConfigError(`${key} must be a non-negative integer, got "${raw}"`);
  }
  return value;
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
  const value = int(env, key, fallback);
  if (value === 0) throw new ConfigError(`${key} must be a positive integer, got "0"`);
  return value;
}

/** Builds the configuration from an environment (process.env by default). Pure: no side effects. */
export function loadConfig(env: Env = process.env): AppConfig {
  const rawEnv = env.NODE_ENV ?? "development";
  if (!["development", "production", "test"].includes(rawEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${rawEnv}"`);
  }
  const nodeEnv = rawEnv as AppConfig["nodeEnv"];
  const production = nodeEnv === "production";
  const sqlitePath = path.resolve(env.SQLITE_PATH || "./data/crosstalk.sqlite");
  const database = parseDatabaseUrl(env.DATABASE_URL, sqlitePath);
  const embedded = database.engine === "sqlite";
  const port = int(env, "PORT", 4000);
  return {
    nodeEnv,
    port,
    host: env.HOST || "0.0.0.0",
    logLevel: env.LOG_LEVEL || (nodeEnv === "test" ? "silent" : "info"),
    database,
    migrateOnStart: bool(env, "MIGRATE_ON_START", embedded),
    seedOnStart: bool(env, "SEED_ON_START", embedded),
    landingPage: bool(env, "LANDING_PAGE", !production),
    introspection: bool(env, "INTROSPECTION", !production),
    shutdownTimeoutMs: int(env, "SHUTDOWN_TIMEOUT_MS", 10000),
    trustProxy: trustProxy(env.TRUST_PROXY),
    publicUrl: parsePublicUrl(env.PUBLIC_URL, port),
    editorOrigins: parseOrigins(env.EDITOR_ORIGINS),
    cacheMaxAge: int(env, "CACHE_MAX_AGE", 60),
    persistedQueries: persistedQueryMode(env.PERSISTED_QUERIES),
    persistedQueriesFile: env.PERSISTED_QUERIES_FILE
      ? path.resolve(env.PERSISTED_QUERIES_FILE)
      : null,
    embedDir: path.resolve(env.EMBED_DIR || path.join(PROJECT_ROOT, "dist", "embed")),
    comments: {
      autoApprovePublications: parseSlugList("COMMENT_AUTO_APPROVE", env.COMMENT_AUTO_APPROVE),
      perMinute: int(env, "COMMENT_RATE_PER_MINUTE", DEFAULT_COMMENT_CONFIG.perMinute),
      perDay: int(env, "COMMENT_RATE_PER_DAY", DEFAULT_COMMENT_CONFIG.perDay),
    },
    limits: {
      maxDepth: positive(env, "MAX_QUERY_DEPTH", DEFAULT_QUERY_LIMITS.maxDepth),
      maxAliases: int(env, "MAX_QUERY_ALIASES", DEFAULT_QUERY_LIMITS.maxAliases),
      maxDirectivesPerField: int(
        env,
        "MAX_DIRECTIVES_PER_FIELD",
        DEFAULT_QUERY_LIMITS.maxDirectivesPerField,
      ),
      maxTokens: positive(env, "MAX_QUERY_TOKENS", DEFAULT_QUERY_LIMITS.maxTokens),
      maxFieldRepeats: positive(env, "MAX_FIELD_REPEATS", DEFAULT_QUERY_LIMITS.maxFieldRepeats),
      maxErrors: positive(env, "MAX_RESPONSE_ERRORS", DEFAULT_QUERY_LIMITS.maxErrors),
      maxCost: positive(env, "MAX_QUERY_COST", DEFAULT_QUERY_LIMITS.maxCost),
      listMultiplier: positive(env, "COST_LIST_MULTIPLIER", DEFAULT_QUERY_LIMITS.listMultiplier),
      maxNodes: positive(env, "MAX_QUERY_NODES", DEFAULT_QUERY_LIMITS.maxNodes),
    },
    rateLimit: {
      // Test suites send many requests from 127.0.0.1; they configure a small budget where they
      // test it.
      points: int(env, "RATE_LIMIT_POINTS", nodeEnv === "test" ? 10_000_000 : 100_000),
      windowSeconds: positive(env, "RATE_LIMIT_WINDOW_SECONDS", 60),
      routeCost: int(env, "RATE_LIMIT_ROUTE_COST", 100),
      redisUrl: redisUrl(env.REDIS_URL),
      redisPrefix: env.RATE_LIMIT_REDIS_PREFIX || "crosstalk:rl:",
    },
  };
}
