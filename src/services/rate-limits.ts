import type { Redis } from "ioredis";
import type { Logger } from "pino";
import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { CommentConfig } from "../core/config";

/** A budget of `points` per window of `windowSeconds`. */
export interface BudgetPolicy {
  points: number;
  windowSeconds: number;
}

/** What a client's budget looks like after asking to spend. */
export interface BudgetState {
  allowed: boolean;
  /** The window's budget (the policy's `q`). */
  limit: number;
  /** Points left in the current window (the `r` of the RateLimit header). */
  remaining: number;
  /** Seconds until the window resets (`t`; also Retry-After when refused). */
  resetSeconds: number;
}

/** The outcome of asking to post `n` comments. */
export type CommentDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export interface RateLimitOptions {
  /** The per-client request budget, in query cost; `points: 0` turns it off. */
  budget: BudgetPolicy;
  /** Comments per minute and per day per client IP (0 turns a window off). */
  comments: Pick<CommentConfig, "perMinute" | "perDay">;
  /** Personal agendas one client IP may create per hour (0 or absent: no limit). */
  agendasPerHour?: number;
  /** Sign-in attempts per client IP per minute; absent or 0: not limited. */
  signInPerMinute?: number;
  /** Where counters live; null or absent: this process's memory. */
  redis?: Redis | null;
  /** Prefix of every key (Redis keys and in-memory ones alike). */
  prefix?: string;
  log?: Logger;
}

/**
 * Per-client counters: the request budget (spent in query cost) and the comment windows. They live
 * in Redis when a client is given, so every process shares one budget; each Redis limiter is
 * insured by an in-memory one, so while Redis is unreachable the limits still hold, per process.
 * Counting is by fixed windows. A refused request spends nothing: its points are given back.
 */
export class RateLimits {
  private readonly budget: RateLimiterAbstract | null;
  private readonly commentWindows: { limiter: RateLimiterAbstract; points: number }[];
  private readonly agendaWindows: { limiter: RateLimiterAbstract; points: number }[];
  private readonly signIns: RateLimiterAbstract | null;

  constructor(private readonly options: RateLimitOptions) {
    const prefix = options.prefix ?? "crosstalk:rl:";
    const make = (name: string, points: number, duration: number): RateLimiterAbstract => {
      const keyPrefix = `${prefix}${name}`;
      const memory = new RateLimiterMemory({ keyPrefix, points, duration });
      if (!options.redis) return memory;
      return new RateLimiterRedis({
        storeClient: options.redis,
        keyPrefix,
        points,
        duration,
        // Not ready (down, reconnecting): count in memory at once rather than queue.
        rejectIfRedisNotReady: true,
        insuranceLimiter: memory,
      });
    };
    const { points, windowSeconds } = options.budget;
    this.budget = points > 0 ? make("budget", points, windowSeconds) : null;
    this.commentWindows = [
      { points: options.comments.perMinute, duration: 60, name: "comments-minute" },
      { points: options.comments.perDay, duration: 86_400, name: "comments-day" },
    ]
      .filter(w => w.points > 0)
      .map(w => ({ limiter: make(w.name, w.points, w.duration), points: w.points }));
    const agendas = options.agendasPerHour ?? 0;
    this.agendaWindows =
      agendas > 0 ? [{ limiter: make("agendas-hour", agendas, 3600), points: agendas }] : [];
    const signIns = options.signInPerMinute ?? 0;
    this.signIns = signIns > 0 ? make("sign-in", signIns, 60) : null;
  }

  /**
   * Counts one sign-in attempt from `ip`; refused (with seconds to wait) past the per-minute limit.
   * Refused attempts keep counting, so hammering does not shorten the wait.
   */
  async takeSignIn(ip: string): Promise<CommentDecision> {
    if (!this.signIns) return { allowed: true };
    try {
      await this.signIns.consume(ip, 1);
      return { allowed: true };
    } catch (rejected) {
      if (!(rejected instanceof RateLimiterRes)) {
        this.storeFailed(rejected, 0);
        return { allowed: true };
      }
      return {
        allowed: false,
        retryAfterSeconds: Math.max(1, Math.ceil(rejected.msBeforeNext / 1000)),
      };
    }
  }

  /** The policy every response advertises; null when the budget is off. */
  get policy(): BudgetPolicy | null {
    return this.budget ? this.options.budget : null;
  }

  /**
   * Spends `cost` points of `key`'s budget if they are all there; otherwise spends nothing and
   * reports when the window resets. A request costing more than a whole window is always refused.
   */
  async spend(key: string, cost: number): Promise<BudgetState | null> {
    if (!this.budget) return null;
    const limit = this.options.budget.points;
    const points = Math.max(1, Math.ceil(cost));
    try {
      const res = await this.budget.consume(key, points);
      return state(true, limit, res);
    } catch (rejected) {
      if (!(rejected instanceof RateLimiterRes)) return this.storeFailed(rejected, limit);
      await this.giveBack(this.budget, key, points);
      return state(false, limit, rejected, points);
    }
  }

  /**
   * `key`'s budget as it stands, spending nothing: for answers refused before their cost is known
   * (a bad token, a CSRF refusal, a malformed body), which still carry the RateLimit headers. Null
   * when the budget is off or its store cannot be read.
   */
  async peek(key: string): Promise<BudgetState | null> {
    if (!this.budget) return null;
    const limit = this.options.budget.points;
    try {
      const res = await this.budget.get(key);
      if (!res) return { allowed: true, limit, remaining: limit, resetSeconds: 0 };
      return state(true, limit, res);
    } catch {
      return null;
    }
  }

  /** Takes `count` comments from `ip`'s windows, all or none. */
  takeComments(ip: string, count: number): Promise<CommentDecision> {
    return this.take(this.commentWindows, ip, count);
  }

  /** Takes `count` agenda creations from `ip`'s hourly window, all or none. */
  takeAgendas(ip: string, count: number): Promise<CommentDecision> {
    return this.take(this.agendaWindows, ip, count);
  }

  private async take(
    windows: { limiter: RateLimiterAbstract; points: number }[],
    ip: string,
    count: number,
  ): Promise<CommentDecision> {
    const taken: RateLimiterAbstract[] = [];
    let retryAfterMs = 0;
    for (const { limiter, points } of windows) {
      try {
        await limiter.consume(ip, count);
        taken.push(limiter);
      } catch (rejected) {
        if (!(rejected instanceof RateLimiterRes)) {
          this.storeFailed(rejected, points);
          continue;
        }
        await this.giveBack(limiter, ip, count);
        retryAfterMs = Math.max(
          retryAfterMs,
          count > points ? limiter.duration * 1000 : rejected.msBeforeNext,
        );
      }
    }
    if (retryAfterMs === 0) return { allowed: true };
    await Promise.all(taken.map(limiter => this.giveBack(limiter, ip, count)));
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
  }

  private async giveBack(limiter: RateLimiterAbstract, key: string, points: number) {
    try {
      await limiter.reward(key, points);
    } catch (err) {
      this.options.log?.warn({ err }, "rate limiter could not give points back");
    }
  }

  /** Insurance failed too (should not happen): let the request through rather than fail it. */
  private storeFailed(err: unknown, limit: number): BudgetState {
    this.options.log?.error({ err }, "rate limiter store failed; request let through uncounted");
    return { allowed: true, limit, remaining: limit, resetSeconds: 0 };
  }
}

function state(
  allowed: boolean,
  limit: number,
  res: RateLimiterRes,
  refundedPoints = 0,
): BudgetState {
  const consumed = Math.max(0, res.consumedPoints - refundedPoints);
  return {
    allowed,
    limit,
    remaining: Math.max(0, limit - consumed),
    resetSeconds: Math.max(allowed ? 0 : 1, Math.ceil(res.msBeforeNext / 1000)),
  };
}
