/** One limit: at most `limit` events per `windowMs` (a limit of 0 turns the window off). */
export interface RateWindow {
  limit: number;
  windowMs: number;
}

/** The outcome of asking for one more event. */
export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Sliding-window rate limits per key (a client IP), held in this process's memory. Each allowed
 * event is recorded with its time; an event is allowed when every window still has room. Refused
 * events are not recorded, so a client that keeps trying is not locked out for longer.
 *
 * In memory means: per process, and reset on restart. Several processes behind one balancer each
 * allow the full limit.
 */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();
  private readonly longest: number;
  private lastSweep = 0;

  constructor(
    private readonly windows: RateWindow[],
    private readonly clock: () => number = Date.now,
  ) {
    this.longest = Math.max(0, ...windows.filter(w => w.limit > 0).map(w => w.windowMs));
  }

  /** Records one event for `key` if every window allows it. */
  take(key: string): RateDecision {
    const now = this.clock();
    this.sweep(now);
    const times = (this.hits.get(key) ?? []).filter(t => t > now - this.longest);
    let retryAfterMs = 0;
    for (const w of this.windows) {
      if (w.limit <= 0) continue;
      const inWindow = times.filter(t => t > now - w.windowMs);
      if (inWindow.length >= w.limit) {
        // Room opens when the oldest event that still counts leaves the window.
        const oldest = inWindow[inWindow.length - w.limit];
        retryAfterMs = Math.max(retryAfterMs, oldest + w.windowMs - now);
      }
    }
    if (retryAfterMs > 0) {
      this.hits.set(key, times);
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) };
    }
    times.push(now);
    this.hits.set(key, times);
    return { allowed: true };
  }

  /** Drops keys with no event inside the longest window, at most once a minute. */
  private sweep(now: number): void {
    if (now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, times] of this.hits) {
      if (!times.some(t => t > now - this.longest)) this.hits.delete(key);
    }
  }
}
