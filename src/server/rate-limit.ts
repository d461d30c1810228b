import { Redis } from "ioredis";
import type { Logger } from "pino";
import type { AppConfig } from "../core/config";
import { RateLimits } from "../services/rate-limits";

/** The rate limiter and what must be closed with the app. */
export interface RateLimitStore {
  limits: RateLimits;
  /** Disconnects from Redis, if any. */
  close(): Promise<void>;
}

/**
 * Builds the per-client limits: in this process's memory, or in Redis when REDIS_URL is set. A Redis
 * that goes away never fails a request or the process: the limits fall back to memory (per process)
 * while ioredis reconnects in the background, and the outage is logged once, its end once.
 */
export function openRateLimits(config: AppConfig, log: Logger): RateLimitStore {
  const redis = config.rateLimit.redisUrl ? connectRedis(config.rateLimit.redisUrl, log) : null;
  const limits = new RateLimits({
    budget: { points: config.rateLimit.points, windowSeconds: config.rateLimit.windowSeconds },
    comments: config.comments,
    redis,
    prefix: config.rateLimit.redisPrefix,
    log,
  });
  return {
    limits,
    async close() {
      if (!redis) return;
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    },
  };
}

function connectRedis(url: string, log: Logger): Redis {
  const redis = new Redis(url, {
    // Commands fail at once while disconnected, so the in-memory insurance answers instead.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: attempt => Math.min(attempt * 200, 5000),
  });
  const target = redactedTarget(url);
  let down = false;
  redis.on("error", (err: Error) => {
    if (down) return;
    down = true;
    log.warn(
      { err: { message: err.message }, redis: target },
      "Redis unreachable: rate limits are counted in this process's memory until it returns",
    );
  });
  redis.on("ready", () => {
    if (down) log.info({ redis: target }, "Redis is back: rate limits are shared again");
    down = false;
  });
  return redis;
}

/** host:port of a Redis URL, never its password. */
function redactedTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 6379}`;
  } catch {
    return "redis";
  }
}
