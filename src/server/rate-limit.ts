import onHeaders from "on-headers";
import type { RequestHandler } from "express";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { AppConfig } from "../core/config";
import { RateLimits, type BudgetState } from "../services/rate-limits";

/** The rate limiter and what must be closed with the app. */
export interface RateLimitStore {
  limits: RateLimits;
  /**
   * Resolves once Redis is ready, or fails to connect, or after at most 2 s (counting stays in memory until it
   * comes): so that a process does not start on private counters while Redis is still connecting.
   */
  ready: Promise<void>;
  /** The Redis connection (REDIS_URL), shared with the response cache; null without Redis. */
  redis: Redis | null;
  /** Disconnects from Redis, if any. */
  close(): Promise<void>;
}

/**
 * Builds the per-client limits: in this process's memory, or in Redis when REDIS_URL is set. A Redis
 * that goes away never fails a request or the process: the limits fall back to memory (per process)
 * while ioredis reconnects in the background, and the outage is logged once, its end once.
 */
export function openRateLimits(config: AppConfig, log: Logger): RateLimitStore {
  let closing = false;
  const redis = config.rateLimit.redisUrl
    ? connectRedis(config.rateLimit.redisUrl, log, () => closing)
    : null;
  const limits = new RateLimits({
    budget: { points: config.rateLimit.points, windowSeconds: config.rateLimit.windowSeconds },
    comments: config.comments,
    agendasPerHour: config.agendas.perHour,
    signInPerMinute: config.accounts.signInPerMinute,
    redis,
    prefix: config.rateLimit.redisPrefix,
    log,
  });
  return {
    limits,
    redis,
    ready: redis ? readyOrTimeout(redis, 2000) : Promise.resolve(),
    async close() {
      if (!redis) return;
      closing = true;
      try {
        await redis.quit();
      } catch {
        redis.disconnect();
      }
    },
  };
}

export function readyOrTimeout(redis: Redis, ms: number): Promise<void> {
  if (redis.status === "ready") return Promise.resolve();
  return new Promise(resolve => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      redis.off("ready", done);
      redis.off("error", done);
      resolve();
    }
    // Refused or unreachable: no reason to wait; ioredis keeps reconnecting in the background.
    redis.once("ready", done);
    redis.once("error", done);
  });
}

/** What a Redis outage and its end mean for the connection's user, for the log. */
export interface RedisOutageMessages {
  down: string;
  back: string;
}

// One connection serves the rate limits, the response cache, the persisted queries and the Studio
// sessions: its outage line says what each does meanwhile (README, "Operations: Redis").
const RATE_LIMIT_MESSAGES: RedisOutageMessages = {
  down:
    "Redis unreachable: until it returns, rate limits are counted in this process's memory, " +
    "the response cache is bypassed, persisted queries are looked up in this process only, " +
    "cache drops do not reach other processes and Studio sessions are refused (503)",
  back: "Redis is back: rate limits, the response cache, persisted queries and Studio sessions are shared again",
};

/**
 * A Redis connection that fails commands at once while disconnected, reconnects in the background
 * and logs an outage once and its end once (or not at all with `messages` null: a second connection
 * to the same Redis, whose outage the first one already reports).
 */
export function connectRedis(
  url: string,
  log: Logger,
  closing: () => boolean,
  messages: RedisOutageMessages | null = RATE_LIMIT_MESSAGES,
): Redis {
  // ioredis is loaded only when REDIS_URL asks for it: a process without Redis never holds its code.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { Redis: RedisClient } = require("ioredis") as typeof import("ioredis");
  const redis = new RedisClient(url, {
    // Commands fail at once while disconnected, so the in-memory insurance answers instead.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    // A Redis that accepts but does not answer (frozen, overloaded) fails a command after 1 s,
    // like one that is down, instead of holding the request.
    commandTimeout: 1000,
    retryStrategy: attempt => Math.min(attempt * 200, 5000),
  });
  const target = redactedTarget(url);
  let down = false;
  const wentDown = (reason: string) => {
    if (down || closing() || !messages) return;
    down = true;
    log.warn({ redis: target, reason }, messages.down);
  };
  // Without an "error" listener, ioredis's errors would crash the process.
  redis.on("error", (err: Error) => wentDown(err.message));
  redis.on("close", () => wentDown("connection closed"));
  redis.on("ready", () => {
    if (down && messages) log.info({ redis: target }, messages.back);
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

/** Sets the IETF RateLimit-Policy and RateLimit headers (draft-ietf-httpapi-ratelimit-headers). */
export function rateLimitHeaders(
  limits: RateLimits,
  state: BudgetState | null,
): [string, string][] {
  const policy = limits.policy;
  if (!state || !policy) return [];
  return [
    ["ratelimit-policy", `"default";q=${policy.points};w=${policy.windowSeconds}`],
    ["ratelimit", `"default";r=${state.remaining};t=${state.resetSeconds}`],
  ];
}

/**
 * Gives the RateLimit headers to the answers that leave before the limits plugin has run (a 401 for
 * a bad token, a CSRF or content-type refusal, a malformed body): the budget is read, not spent,
 * when the request arrives, and written into the headers only if nothing else wrote them.
 */
export function rateLimitHeadersOnEveryAnswer(limits: RateLimits): RequestHandler {
  // With the budget off (RATE_LIMIT_POINTS=0) no answer carries the headers: nothing to read.
  if (!limits.policy) return (_req, _res, next) => next();
  return async (req, res, next) => {
    const state = await limits.peek(`ip:${req.ip}`);
    onHeaders(res, () => {
      if (res.hasHeader("ratelimit")) return;
      for (const [name, value] of rateLimitHeaders(limits, state)) res.setHeader(name, value);
    });
    next();
  };
}

/**
 * The budget for routes outside GraphQL (feeds, the no-JS embed): each request spends `cost`
 * points of its IP's budget, carries the RateLimit headers, and gets a JSON 429 with Retry-After
 * when the budget is spent.
 */
export function routeBudget(
  limits: RateLimits,
  cost: number,
  onRefused?: () => void,
): RequestHandler {
  return async (req, res, next) => {
    const state = await limits.spend(`ip:${req.ip}`, cost);
    for (const [name, value] of rateLimitHeaders(limits, state)) res.setHeader(name, value);
    if (!state || state.allowed) return next();
    onRefused?.();
    res.setHeader("retry-after", String(state.resetSeconds));
    res.status(429).json({
      errors: [
        {
          message: `Too many requests from your address; try again in ${state.resetSeconds} s`,
          extensions: { code: "RATE_LIMITED", retryAfterSeconds: state.resetSeconds },
        },
      ],
    });
  };
}
