import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { AppConfig } from "../core/config";
import { DOMAIN_EVENT_TYPES, type DomainEvent, type EventBus } from "../core/events";
import { connectRedis } from "./rate-limit";

/** Delivers events to this process's listeners; a failing listener is logged, never thrown. */
class LocalListeners {
  private readonly listeners = new Set<(event: DomainEvent) => void>();

  constructor(private readonly log: Logger) {}

  subscribe(listener: (event: DomainEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  deliver(events: DomainEvent[]): void {
    for (const event of events) {
      for (const listener of [...this.listeners]) {
        try {
          listener(event);
        } catch (err) {
          this.log.error({ err, event: event.id }, "an event subscriber failed");
        }
      }
    }
  }
}

/** The bus, how long to wait for it at start, and how to close it. */
export interface OpenedEventBus {
  bus: EventBus;
  ready: Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens the process's event bus. Without REDIS_URL it is in process: a committed write's events
 * reach this process's subscribers only. With REDIS_URL every process publishes its events on the
 * channel `EVENTS_REDIS_CHANNEL` and hears everyone's there, so a subscriber on process B receives a
 * change written through process A. The publisher's own subscribers get its events at once, not
 * through Redis, so that they keep receiving them while Redis is away; an outage is logged (once,
 * and its end once) and each event that could not reach the other processes is logged as lost for
 * them, never thrown.
 */
export function openEventBus(
  config: AppConfig,
  log: Logger,
  /** The app's command connection (the rate limiter's); null without Redis. */
  commands: Redis | null,
): OpenedEventBus {
  const local = new LocalListeners(log);
  const url = config.rateLimit.redisUrl;
  if (!url || !commands) {
    return {
      bus: { publish: events => local.deliver(events), subscribe: l => local.subscribe(l) },
      ready: Promise.resolve(),
      close: async () => {},
    };
  }
  const channel = config.live.redisChannel;
  const origin = randomUUID();
  let closing = false;
  const subscriber = connectRedis(url, log, () => closing, {
    down: "event bus: cannot reach Redis; subscribers here still get this process's events, other processes' events are missed until it is back",
    back: "event bus: reached Redis again; events flow between processes",
  });
  subscriber.on("ready", () => {
    subscriber
      .subscribe(channel)
      .catch((err: unknown) => log.warn({ err, channel }, "event bus: subscribe failed"));
  });
  subscriber.on("message", (from: string, message: string) => {
    if (from !== channel) return;
    let parsed: { origin?: unknown; events?: unknown };
    try {
      parsed = JSON.parse(message) as typeof parsed;
    } catch {
      log.warn({ channel }, "event bus: ignored a message that is not JSON");
      return;
    }
    if (parsed.origin === origin || !Array.isArray(parsed.events)) return;
    local.deliver((parsed.events as DomainEvent[]).filter(isDomainEvent));
  });
  return {
    bus: {
      publish(events) {
        local.deliver(events);
        commands
          .publish(channel, JSON.stringify({ origin, events }))
          .catch((err: unknown) =>
            log.error(
              { err, events: events.map(e => e.id) },
              "event bus: events could not reach the other processes through Redis; their subscribers miss them (webhooks still deliver them from the outbox)",
            ),
          );
      },
      subscribe: l => local.subscribe(l),
    },
    ready: subscribedOrTimeout(subscriber, channel, 2000),
    async close() {
      closing = true;
      try {
        await subscriber.quit();
      } catch {
        subscriber.disconnect();
      }
    },
  };
}

/** Resolves once `channel` is subscribed, on a connection error, or after `ms`. */
function subscribedOrTimeout(redis: Redis, channel: string, ms: number): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(done, ms);
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
    redis.once("error", done);
  });
}

function isDomainEvent(value: unknown): value is DomainEvent {
  const e = value as DomainEvent;
  return (
    typeof e === "object" &&
    e !== null &&
    typeof e.id === "string" &&
    DOMAIN_EVENT_TYPES.includes(e.type) &&
    Array.isArray(e.conferenceIds) &&
    typeof e.data === "object"
  );
}
