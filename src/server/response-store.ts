import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { withFields } from "../core/objects";

/** One cached GraphQL response. */
export interface CachedResponse {
  /** The response's JSON body (`{ data }`), without the newline Apollo sends after it. */
  body: string;
  /** The weak ETag of the body as sent (absent in entries stored by older versions). */
  etag?: string;
  /** When it was stored and when it expires (epoch ms). */
  storedAt: number;
  expiresAt: number;
}

/**
 * Where cached responses live: this process's memory, or Redis (shared by every process). Each entry
 * carries tags (`Session:12`, `Session:list`); `purge` drops every entry holding one of the tags.
 * `generation` changes on every purge: a response computed while a purge ran is not stored.
 */
export interface ResponseStore {
  get(key: string): Promise<CachedResponse | null>;
  /** `get` without a promise, for a store that holds its entries in this process. */
  peek?(key: string): CachedResponse | null;
  generation(): Promise<string>;
  /** Stores unless a purge happened since `generation` was read. */
  set(key: string, entry: CachedResponse, tags: string[], generation: string): Promise<void>;
  purge(tags: string[]): Promise<void>;
  /** False while the store cannot be reached: the cache is then skipped without a try. */
  available?(): boolean;
}

/**
 * A bounded LRU in this process, by entries and by bytes (bodies and tags, as UTF-16 strings take
 * them); entries expire at their own max-age.
 */
export class MemoryResponseStore implements ResponseStore {
  private readonly entries: LRUCache<string, CachedResponse & { tags: string[] }>;
  private readonly byTag = new Map<string, Set<string>>();
  private purges = 0;

  constructor(maxEntries: number, maxBytes = 32 * 1024 * 1024) {
    this.entries = new LRUCache({
      max: maxEntries,
      maxSize: maxBytes,
      sizeCalculation: entry =>
        Math.max(1, 2 * (entry.body.length + entry.tags.reduce((n, tag) => n + tag.length, 0))),
      dispose: (entry, key) => {
        for (const tag of entry.tags) {
          const keys = this.byTag.get(tag);
          keys?.delete(key);
          if (keys?.size === 0) this.byTag.delete(tag);
        }
      },
    });
  }

  async get(key: string): Promise<CachedResponse | null> {
    return this.peek(key);
  }

  peek(key: string): CachedResponse | null {
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAt <= Date.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry;
  }

  async generation(): Promise<string> {
    return String(this.purges);
  }

  async set(key: string, entry: CachedResponse, tags: string[], generation: string) {
    if (generation !== String(this.purges)) return;
    this.entries.set(key, withFields(entry, { tags }));
    for (const tag of tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }
  }

  async purge(tags: string[]) {
    this.purges++;
    for (const tag of tags) {
      for (const key of [...(this.byTag.get(tag) ?? [])]) this.entries.delete(key);
    }
  }

  /** How many entries are held (for tests). */
  get size(): number {
    return this.entries.size;
  }
}

// Stores only if no purge ran since the generation was read; each tag set lives as long as its
// longest entry. KEYS: generation, entry. ARGV: generation, body, ttl ms, tag keys...
const SET_SCRIPT = `
if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
local ttl = tonumber(ARGV[3])
for i = 4, #ARGV do
  redis.call('SADD', ARGV[i], KEYS[2])
  if redis.call('PTTL', ARGV[i]) < ttl then redis.call('PEXPIRE', ARGV[i], ttl) end
end
return 1`;

// KEYS: generation, tag keys... Bumps the generation, then deletes the tags' entries and the tags.
const PURGE_SCRIPT = `
redis.call('INCR', KEYS[1])
for i = 2, #KEYS do
  local members = redis.call('SMEMBERS', KEYS[i])
  for j = 1, #members, 500 do
    redis.call('DEL', unpack(members, j, math.min(j + 499, #members)))
  end
  redis.call('DEL', KEYS[i])
end
return 1`;

/** Responses in Redis under `prefix`, shared by every process; expiry is Redis's own (PX). */
export class RedisResponseStore implements ResponseStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  available(): boolean {
    return this.redis.status === "ready";
  }

  /**
   * Deletes every entry and tag (after an outage, during which purges could not run) and bumps the
   * generation, so that nothing stored before the outage is served after it. Returns how many keys
   * went.
   */
  async clear(): Promise<number> {
    await this.redis.incr(`${this.prefix}gen`);
    let removed = 0;
    for (const pattern of [`${this.prefix}e:*`, `${this.prefix}t:*`]) {
      let cursor = "0";
      do {
        const [next, keys] = await this.redis.scan(cursor, "MATCH", pattern, "COUNT", 500);
        cursor = next;
        if (keys.length) removed += await this.redis.unlink(...keys);
      } while (cursor !== "0");
    }
    return removed;
  }

  async get(key: string): Promise<CachedResponse | null> {
    const raw = await this.redis.get(`${this.prefix}e:${key}`);
    if (!raw) return null;
    const entry = JSON.parse(raw) as CachedResponse;
    return entry.expiresAt > Date.now() ? entry : null;
  }

  async generation(): Promise<string> {
    return (await this.redis.get(`${this.prefix}gen`)) ?? "0";
  }

  async set(key: string, entry: CachedResponse, tags: string[], generation: string) {
    const ttl = entry.expiresAt - Date.now();
    if (ttl <= 0) return;
    await this.redis.eval(
      SET_SCRIPT,
      2,
      `${this.prefix}gen`,
      `${this.prefix}e:${key}`,
      generation,
      JSON.stringify(entry),
      String(ttl),
      ...tags.map(tag => `${this.prefix}t:${tag}`),
    );
  }

  async purge(tags: string[]) {
    await this.redis.eval(
      PURGE_SCRIPT,
      1 + tags.length,
      `${this.prefix}gen`,
      ...tags.map(tag => `${this.prefix}t:${tag}`),
    );
  }
}
