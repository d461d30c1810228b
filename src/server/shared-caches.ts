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
  if (!url || !commands)
    return { responses: memory, ready: Promise.resolve(), close: async () => {} };

  let closing = false;
  const origin = randomUUID();
  const channel = `${prefix}drop`;
  const subscriber = connectRedis(url, log, () => closing, null);
  // Commands fail while disconnected (no offline queue), so subscribe once the connection is ready
  // (again after a reconnect; a second SUBSCRIBE to the same channel is harmless).
  subscriber.on("ready", () => {
    subscriber
      .subscribe(channel)
      .catch((err: unknown) => log.warn({ err }, "cache drop channel: subscribe failed"));
  });
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
  const unlisten = references.onDrop(kinds => {
    commands
      .publish(channel, JSON.stringify({ origin, kinds }))
      .catch(err => log.error({ err, kinds }, "cache drop could not reach other processes"));
  });
  return {
    responses: config.responseCache.enabled ? new RedisResponseStore(commands, prefix) : null,
    ready: subscribed(subscriber, channel),
    async close() {
      closing = true;
      unlisten();
      await quit(subscriber);
    },
  };
}

/** Resolves once `channel` is subscribed, on a connection error, or after at most 2 s. */
function subscribed(redis: Redis, channel: string): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(done, 2000);
    function done() {
      clearTimeout(timer);
      redis.off("subscribe", onSubscribe);
      redis.off("error", done);
      resolve();
    }
    function onSubscribe(name: string) {
      if (name === channel) done();
    }
    redis.on("subscribe", onSubscribe);
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
