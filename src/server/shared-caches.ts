import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { AppConfig } from "../core/config";
import {
  REFERENCE_KINDS,
  type ReferenceCache,
  type ReferenceKind,
} from "../services/reference-cache";
import { connectRedis } from "./rate-limit";
import { MemoryResponseStore, RedisResponseStore, type ResponseStore } from "./response-store";

/** The process's caches and how they reach other processes. */
export interface SharedCaches {
  /** Responses: in memory, or in Redis with REDIS_URL; null when RESPONSE_CACHE is off. */
  responses: ResponseStore | null;
  /** Resolves once Redis is ready (or after at most 2 s). */
  ready: Promise<void>;
  /**
   * Resolves once every reference-data drop made so far has reached Redis (or failed to): a mutation
   * awaits it before answering, so that a client that then asks another process gets fresh data.
   * Null without Redis: a drop is then made in this process only, before the mutation answers.
   */
  settled: (() => Promise<void>) | null;
  close(): Promise<void>;
}

/**
 * Opens the response store and, with REDIS_URL, the pub/sub channel `<CACHE_REDIS_PREFIX>drop`: a
 * reference-data drop in this process is published there, and drops published by other processes are
 * applied here. Subscribing takes a connection of its own (a subscribed Redis connection can do
 * nothing else).
 */
export function openSharedCaches(
  config: AppConfig,
  references: ReferenceCache,
  log: Logger,
  /** The app's Redis connection (the rate limiter's: its outage is logged there, once). */
  commands: Redis | null,
): SharedCaches {
  const url = config.rateLimit.redisUrl;
  const prefix = config.responseCache.redisPrefix;
  const memory = config.responseCache.enabled
    ? new MemoryResponseStore(config.responseCache.maxEntries, config.responseCache.maxBytes)
    : null;
  if (!url || !commands) {
    return {
      responses: memory,
      ready: Promise.resolve(),
      settled: null,
      close: async () => {},
    };
  }

  let closing = false;
  const origin = randomUUID();
  const channel = `${prefix}drop`;
  const subscriber = connectRedis(url, log, () => closing, null);
  // Reference data is held only while drops from other processes can arrive: until the channel is
  // subscribed, and whenever it is lost, every read loads afresh (README, "Operations: Redis").
  references.hold(false);
  let onSubscribed: () => void = () => {};
  const firstSubscribe = new Promise<void>(resolve => (onSubscribed = resolve));
  // Commands fail while disconnected (no offline queue), so subscribe once the connection is ready
  // (again after a reconnect; a second SUBSCRIBE to the same channel is harmless).
  subscriber.on("ready", () => {
    subscriber
      .subscribe(channel)
      .then(() => {
        references.hold(true);
        onSubscribed();
      })
      .catch((err: unknown) => log.warn({ err }, "cache drop channel: subscribe failed"));
  });
  subscriber.on("close", () => references.hold(false));
  subscriber.on("message", (from: string, message: string) => {
    if (from !== channel) return;
    try {
      const drop = JSON.parse(message) as { origin?: string; kinds?: unknown };
      if (drop.origin === origin || !Array.isArray(drop.kinds)) return;
      references.dropLocal(
        drop.kinds.filter((k): k is ReferenceKind => REFERENCE_KINDS.includes(k as ReferenceKind)),
      );
    } catch {
      log.warn({ channel }, "cache drop channel: ignored a message that is not JSON");
    }
  });
  const pending = new Set<Promise<unknown>>();
  const unlisten = references.onDrop(kinds => {
    const sent = commands
      .publish(channel, JSON.stringify({ origin, kinds }))
      .catch(err => log.error({ err, kinds }, "cache drop could not reach other processes"))
      .finally(() => pending.delete(sent));
    pending.add(sent);
  });
  const responses = config.responseCache.enabled ? new RedisResponseStore(commands, prefix) : null;
  // Purges cannot run while Redis is away, so entries stored before an outage may be stale after
  // it: the first process to reconnect empties the shared cache (every process does; it is cheap).
  let wasDown = false;
  const onClose = () => {
    if (!closing) wasDown = true;
  };
  const onReady = () => {
    if (!wasDown || !responses) return;
    wasDown = false;
    responses
      .clear()
      .then(removed => log.info({ removed }, "response cache emptied after the Redis outage"))
      .catch(err => log.warn({ err }, "response cache could not be emptied after the outage"));
  };
  commands.on("close", onClose);
  commands.on("ready", onReady);
  return {
    responses,
    ready: subscribed(subscriber, firstSubscribe),
    settled: async () => {
      await Promise.all([...pending]);
    },
    async close() {
      closing = true;
      unlisten();
      commands.off("close", onClose);
      commands.off("ready", onReady);
      await quit(subscriber);
    },
  };
}

/** Resolves once the channel is first subscribed, on a connection error, or after at most 2 s. */
function subscribed(redis: Redis, first: Promise<void>): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(done, 2000);
    function done() {
      clearTimeout(timer);
      redis.off("error", done);
      resolve();
    }
    void first.then(done);
    // Refused or unreachable: no reason to wait; ioredis keeps reconnecting in the background.
    redis.once("error", done);
  });
}

async function quit(redis: Redis) {
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
