import { createHash } from "node:crypto";
import fs from "node:fs";
import type { ApolloServerPlugin } from "@apollo/server";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import { EMBED_OPERATIONS, LEGACY_EMBED_OPERATIONS } from "../../embed/src/operations";
import { ConfigError, type AppConfig } from "../core/config";
import type { AppContext } from "../graphql/context";
import { PersistedQueryNotAllowedError } from "../core/errors";
import { sameListenerEveryRequest } from "./shared-listener";

/** sha256 (hex) of an operation's text: the hash Apollo's automatic persisted queries use. */
export function queryHash(query: string): string {
  return createHash("sha256").update(query).digest("hex");
}

/**
 * The registered operations, by hash: the embeds' own plus a partner file (PERSISTED_QUERIES_FILE),
 * which is either an object of sha256 → query or an array of queries. A hash that does not match its
 * query is a configuration error, caught at start.
 */
export function loadRegisteredOperations(file: string | null): Map<string, string> {
  const registered = new Map<string, string>();
  for (const query of [...Object.values(EMBED_OPERATIONS), ...LEGACY_EMBED_OPERATIONS]) {
    registered.set(queryHash(query), query);
  }
  if (!file) return registered;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    throw new ConfigError(`PERSISTED_QUERIES_FILE ${file}: ${(err as Error).message}`);
  }
  const entries: [string | null, unknown][] = Array.isArray(parsed)
    ? parsed.map(q => [null, q])
    : parsed && typeof parsed === "object"
      ? Object.entries(parsed)
      : [];
  if (!entries.length && !Array.isArray(parsed)) {
    throw new ConfigError(`PERSISTED_QUERIES_FILE ${file}: expected an object or an array`);
  }
  for (const [hash, query] of entries) {
    if (typeof query !== "string" || !query.trim()) {
      throw new ConfigError(`PERSISTED_QUERIES_FILE ${file}: every query must be a string`);
    }
    const actual = queryHash(query);
    if (hash !== null && hash.toLowerCase() !== actual) {
      throw new ConfigError(
        `PERSISTED_QUERIES_FILE ${file}: ${hash} is not the sha256 of its query`,
      );
    }
    registered.set(actual, query);
  }
  return registered;
}

/** How long a learned (not registered) operation stays in Redis: a day; clients re-register after. */
export const LEARNED_TTL_SECONDS = 86_400;

/** Where learned operations are shared between processes (REDIS_URL). */
export interface SharedPersistedQueries {
  redis: Redis;
  /** Key prefix; Apollo's own `apq:` and the hash follow it. */
  prefix: string;
  log: Logger;
}

/**
 * The APQ store Apollo reads hashes from: registered operations always answer (so an embed's first
 * hash-only GET is a hit even after a restart); other hashes are learned when a client registers
 * them. Learned operations live in a bounded map in this process and, with REDIS_URL, in Redis too,
 * so that a hash registered on one process runs on every other. A hash never changes its text, so
 * the local map is a safe first look. Redis unreachable: lookups fall back to this process's map (a
 * miss asks the client to send the text again, as the APQ protocol provides) and nothing fails.
 * Implements Apollo's KeyValueCache shape; keys carry Apollo's prefix, so they end in the hash.
 */
export class PersistedQueryStore {
  /** Learned operations by hash (Apollo's keys end in the hash). */
  private readonly learned = new Map<string, string>();

  constructor(
    private readonly registered: ReadonlyMap<string, string>,
    private readonly capacity = 1000,
    /** Told of every lookup, found or not (the metrics' cache hits and misses). */
    private readonly onLookup?: (hit: boolean) => void,
    private readonly shared: SharedPersistedQueries | null = null,
  ) {}

  async get(key: string): Promise<string | undefined> {
    let query = this.registered.get(key.slice(-64)) ?? this.learned.get(key.slice(-64));
    if (query === undefined && this.shared) {
      query = (await this.fromRedis(key)) ?? undefined;
      if (query !== undefined) this.remember(key, query);
    }
    this.onLookup?.(query !== undefined);
    return query;
  }

  async set(key: string, value: string, options?: { ttl?: number | null }): Promise<void> {
    if (this.registered.has(key.slice(-64))) return;
    this.remember(key, value);
    if (!this.shared) return;
    const { redis, prefix, log } = this.shared;
    const ttl = options?.ttl && options.ttl > 0 ? options.ttl : LEARNED_TTL_SECONDS;
    try {
      await redis.set(`${prefix}${key}`, value, "EX", ttl);
    } catch (err) {
      // The outage itself is logged once by the connection; this request's client is unaffected.
      log.debug({ err }, "persisted query kept in this process only (Redis unavailable)");
    }
  }

  async delete(key: string): Promise<boolean> {
    const local = this.learned.delete(key.slice(-64));
    if (!this.shared) return local;
    try {
      return (await this.shared.redis.del(`${this.shared.prefix}${key}`)) > 0 || local;
    } catch {
      return local;
    }
  }

  private async fromRedis(key: string): Promise<string | null> {
    const { redis, prefix, log } = this.shared as SharedPersistedQueries;
    try {
      return await redis.get(`${prefix}${key}`);
    } catch (err) {
      log.debug({ err }, "persisted query lookup in this process only (Redis unavailable)");
      return null;
    }
  }

  /**
   * Whether this process can run `hash` without Redis: registered, or learned here. The cached-GET
   * fast path answers a hash-only request only then, so a hash it answered keeps running through a
   * Redis outage.
   */
  knows(hash: string): boolean {
    return this.registered.has(hash) || this.learned.has(hash);
  }

  private remember(key: string, value: string) {
    const hash = key.slice(-64);
    this.learned.delete(hash);
    this.learned.set(hash, value);
    if (this.learned.size > this.capacity) {
      this.learned.delete(this.learned.keys().next().value as string);
    }
  }
}

/**
 * PERSISTED_QUERIES=allowlist: anonymous requests may only run registered operations (by hash, or by
 * sending a registered query's exact text). Requests with a valid bearer token are not restricted.
 * Refused with HTTP 403 and `extensions.code: PERSISTED_QUERY_NOT_ALLOWED`, before execution and
 * before an unregistered query can be stored as a persisted query.
 */
export function persistedQueryAllowListPlugin(
  config: Pick<AppConfig, "persistedQueries">,
  registered: ReadonlyMap<string, string>,
): ApolloServerPlugin<AppContext> {
  // Only in allow-list mode is there anything to check: otherwise no hook at all.
  if (config.persistedQueries !== "allowlist") return {};
  return sameListenerEveryRequest({
    async didResolveOperation({ contextValue, queryHash: hash }) {
      if (contextValue.viewer.role !== null) return;
      if (hash && registered.has(hash)) return;
      throw new PersistedQueryNotAllowedError();
    },
  });
}
