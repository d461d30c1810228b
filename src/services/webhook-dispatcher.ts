import { randomUUID } from "node:crypto";
import os from "node:os";
import type { Logger } from "pino";
import type { DataSource } from "typeorm";
import {
  OutboxEvent,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookFanout,
  WebhookStatus,
} from "../../entities";
import type { WebhookConfig } from "../core/config";
import { ConflictError } from "../core/errors";
import { DOMAIN_EVENT_TYPES, type DomainEvent, type DomainEventType } from "../core/events";
import { isUniqueViolation, type Writer } from "./editorial/writer";
import { sendWebhook, signWebhook, type SendOptions, type SendResult } from "./webhook-sender";
import { databaseNowMinus } from "../db/engine";
import { withFields } from "../core/objects";

/** Outbox rows fanned out per scan, and deliveries claimed per round. */
const FANOUT_BATCH = 100;
const CLAIM_BATCH = 10;
/**
 * Outbox rows older than this are certainly committed or gone, so the scan's lower bound may pass
 * them (a transaction holding a lower id open longer than this is not possible under the request
 * time budget). Younger rows are always looked at again.
 */
const FLOOR_LAG_MS = 5 * 60_000;

/** True for an error that means "another process got there first" (or a Galera certification loss). */
export function isLostRace(err: unknown): boolean {
  const e = err as {
    driverError?: { code?: string; errno?: number };
    code?: string;
    errno?: number;
  };
  const code = e?.driverError?.code ?? e?.code;
  const errno = e?.driverError?.errno ?? e?.errno;
  return (
    isUniqueViolation(err) ||
    err instanceof ConflictError ||
    code === "ER_LOCK_DEADLOCK" ||
    errno === 1213 ||
    code === "ER_LOCK_WAIT_TIMEOUT" ||
    code === "SQLITE_CONSTRAINT_PRIMARYKEY"
  );
}

/** The delay before attempt `attempt + 1`: exponential, capped, with "equal jitter" (half fixed). */
export function retryDelayMs(
  attempt: number,
  config: Pick<WebhookConfig, "retryBaseMs" | "retryMaxMs">,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(config.retryMaxMs, config.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/**
 * The JSON body of a delivery, in Standard Webhooks' shape: `type`, `timestamp` (when the event
 * happened) and `data` (the event's public payload, as the contract defines it: never a draft or a
 * pending comment).
 */
export function webhookBody(event: DomainEvent): string {
  return JSON.stringify({ type: event.type, timestamp: event.occurredAt, data: event.data });
}

/**
 * Delivers the outbox to webhook endpoints, from inside the server process.
 *
 * 1. **Fan-out.** Each outbox event not yet fanned out becomes one PENDING delivery per endpoint that
 *    subscribes to it, in one transaction with a `webhook_fanout` row whose primary key is the event:
 *    of two processes doing it at once, one commits and the other fails on that key (or, on a
 *    Galera cluster, with deadlock 1213 at commit) and moves on.
 * 2. **Claim.** A due delivery (PENDING and due, or SENDING with an expired lease: its process died)
 *    is claimed by a conditional UPDATE that sets this process as the lease owner, checked by its
 *    affected-row count: exactly one process wins each attempt, on MySQL, MariaDB, Galera or SQLite.
 * 3. **Send**, signed as Standard Webhooks specifies, then record the outcome if the lease is still
 *    ours: DELIVERED on 2xx; otherwise PENDING again after an exponential, jittered delay, or FAILED
 *    after the last attempt. Failed attempts in a row mark the endpoint failing; a success clears it.
 *
 * At least once: a process killed after sending but before recording sends again after the lease
 * expires, with the same `webhook-id`, so receivers can drop the duplicate.
 */
export class WebhookDispatcher {
  /** This process's name on the leases it takes. */
  readonly owner = `${os.hostname().slice(0, 30)}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private floor = 0;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly writer: Writer,
    private readonly config: WebhookConfig,
    private readonly log: Logger,
    private readonly send: (
      url: string,
      headers: Record<string, string>,
      body: string,
      options: SendOptions,
    ) => Promise<SendResult> = sendWebhook,
  ) {}

  /** Starts the loop: a round now, then one every `pollMs` or whenever `kick` is called. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.kick();
  }

  /** Runs a round as soon as possible (after a commit that emitted events, say). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.loop().finally(() => {
      this.running = null;
      if (this.stopped) return;
      if (this.again) return this.kick();
      this.timer = setTimeout(() => this.kick(), this.config.pollMs);
      this.timer.unref();
    });
  }

  /**
   * Stops the loop and waits up to `graceMs` for the round under way. An attempt still unfinished
   * then is sent again by the next dispatcher once its lease expires (at least once).
   */
  async stop(graceMs = 2000): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.running) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.running,
      new Promise(resolve => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        const busy = await this.round();
        if (busy) this.again = true;
      } catch (err) {
        this.log.error({ err }, "webhook dispatcher round failed; retrying at the next poll");
      }
    } while (this.again && !this.stopped);
  }

  /** One round: fan out, then claim and send what is due. True when a batch was full. */
  async round(now: () => Date = () => new Date()): Promise<boolean> {
    const fanned = await this.fanOut(now());
    const claimed = await this.claim(now());
    await Promise.all(claimed.map(id => this.attempt(id)));
    return fanned >= FANOUT_BATCH || claimed.length >= CLAIM_BATCH;
  }

  /** Turns outbox events into deliveries. Returns how many events it looked at. */
  async fanOut(now: Date): Promise<number> {
    const rows = await this.dataSource
      .createQueryBuilder()
      .select("o.id", "id")
      .addSelect("o.payload", "payload")
      .from(OutboxEvent, "o")
      .leftJoin(WebhookFanout, "f", "f.outbox_id = o.id")
      .where("o.id > :floor", { floor: this.floor })
      .andWhere("f.outbox_id IS NULL")
      .orderBy("o.id", "ASC")
      .limit(FANOUT_BATCH)
      .getRawMany<{ id: number | string; payload: string }>();
    let complete = true;
    for (const row of rows) {
      const outboxId = Number(row.id);
      try {
        await this.fanOutOne(outboxId, JSON.parse(row.payload) as DomainEvent, now);
      } catch (err) {
        if (isLostRace(err)) continue;
        complete = false;
        this.log.error({ err, outboxId }, "webhook fan-out failed; will retry");
      }
    }
    if (complete && rows.length < FANOUT_BATCH) await this.raiseFloor();
    return rows.length;
  }

  private async fanOutOne(outboxId: number, event: DomainEvent, now: Date): Promise<void> {
    await this.writer.transaction(async manager => {
      await manager.insert(WebhookFanout, { outboxId });
      if (!DOMAIN_EVENT_TYPES.includes(event.type)) return;
      const endpoints = await manager.getRepository(WebhookEndpoint).find();
      const targets = endpoints.filter(e => subscribes(e, event.type, event.conferenceIds));
      if (!targets.length) return;
      await manager.insert(
        WebhookDelivery,
        targets.map(e => ({
          endpointId: e.id,
          outboxId,
          eventId: event.id,
          eventType: event.type,
          status: WebhookDeliveryStatus.PENDING,
          attempts: 0,
          nextAttemptAt: now,
        })),
      );
    });
  }

  /** Lets later scans skip outbox rows that are old enough to be settled and are all fanned out. */
  private async raiseFloor(): Promise<void> {
    const cutoff = databaseNowMinus(this.dataSource, FLOOR_LAG_MS / 1000);
    const [row] = await this.dataSource
      .createQueryBuilder()
      .select("MAX(o.id)", "id")
      .from(OutboxEvent, "o")
      .where(`o.id > :floor AND o.created_at < ${cutoff}`, { floor: this.floor })
      .getRawMany<{ id: number | string | null }>();
    if (row?.id !== null && row?.id !== undefined) this.floor = Number(row.id);
  }

  /** Claims due deliveries of active endpoints with a lease; returns the ids won. */
  async claim(now: Date): Promise<number[]> {
    const due = `((d.status = :pending AND d.next_attempt_at <= :now) OR (d.status = :sending AND d.lease_until < :now))`;
    const params = {
      pending: WebhookDeliveryStatus.PENDING,
      sending: WebhookDeliveryStatus.SENDING,
      now,
    };
    const candidates = await this.dataSource
      .createQueryBuilder()
      .select("d.id", "id")
      .from(WebhookDelivery, "d")
      .innerJoin(WebhookEndpoint, "e", "e.id = d.endpoint_id")
      .where("e.status = :active", { active: WebhookStatus.ACTIVE })
      .andWhere(due, params)
      .orderBy("d.next_attempt_at", "ASC")
      .addOrderBy("d.id", "ASC")
      .limit(CLAIM_BATCH)
      .getRawMany<{ id: number | string }>();
    const won: number[] = [];
    for (const { id } of candidates) {
      try {
        const affected = await this.writer.transaction(async manager => {
          const result = await manager
            .createQueryBuilder()
            .update(WebhookDelivery)
            .set({
              status: WebhookDeliveryStatus.SENDING,
              leaseOwner: this.owner,
              leaseUntil: new Date(now.getTime() + this.config.leaseMs),
              lastAttemptAt: now,
              attempts: () => "attempts + 1",
              version: () => "version + 1",
            })
            .where(
              `id = :id AND ${due.replace(/d\./g, "")}`,
              withFields({ id: Number(id) }, params),
            )
            .execute();
          return result.affected ?? 0;
        });
        if (affected === 1) won.push(Number(id));
      } catch (err) {
        if (!isLostRace(err)) throw err;
      }
    }
    return won;
  }

  /** Sends one claimed delivery and records the outcome (if the lease is still ours). */
  private async attempt(id: number): Promise<void> {
    const delivery = await this.dataSource.getRepository(WebhookDelivery).findOneBy({ id });
    if (!delivery || delivery.leaseOwner !== this.owner) return;
    const endpoint = await this.dataSource
      .getRepository(WebhookEndpoint)
      .findOneBy({ id: delivery.endpointId });
    const outbox = await this.dataSource
      .getRepository(OutboxEvent)
      .findOneBy({ id: delivery.outboxId });
    if (!endpoint) return;
    let result: SendResult;
    if (!outbox) {
      result = { status: null, error: "the event is no longer in the outbox" };
    } else {
      const event = JSON.parse(outbox.payload) as DomainEvent;
      const body = webhookBody(event);
      const timestamp = Math.floor(Date.now() / 1000);
      result = await this.send(
        endpoint.url,
        {
          "webhook-id": event.id,
          "webhook-timestamp": String(timestamp),
          "webhook-signature": signWebhook(endpoint.secret, event.id, timestamp, body),
        },
        body,
        { timeoutMs: this.config.timeoutMs, allowPrivate: this.config.allowPrivateAddresses },
      );
    }
    await this.record(delivery, result, outbox !== null);
  }

  private async record(delivery: WebhookDelivery, result: SendResult, retryable: boolean) {
    const now = new Date();
    const ok = result.status !== null && result.status >= 200 && result.status < 300;
    const error = ok
      ? null
      : result.status !== null
        ? result.status >= 300 && result.status < 400
          ? `HTTP ${result.status} (redirects are not followed)`
          : `HTTP ${result.status}`
        : result.error;
    const last = !retryable || delivery.attempts >= this.config.maxAttempts;
    const values = ok
      ? { status: WebhookDeliveryStatus.DELIVERED, deliveredAt: now, nextAttemptAt: null }
      : last
        ? { status: WebhookDeliveryStatus.FAILED, nextAttemptAt: null }
        : {
            status: WebhookDeliveryStatus.PENDING,
            nextAttemptAt: new Date(now.getTime() + retryDelayMs(delivery.attempts, this.config)),
          };
    await this.writer.transaction(async manager => {
      const updated = await manager
        .createQueryBuilder()
        .update(WebhookDelivery)
        .set(
          withFields(values, {
            responseStatus: result.status,
            lastError: error === null ? null : error.slice(0, 500),
            leaseOwner: null,
            leaseUntil: null,
            version: () => "version + 1",
          }),
        )
        .where("id = :id AND status = :sending AND lease_owner = :owner", {
          id: delivery.id,
          sending: WebhookDeliveryStatus.SENDING,
          owner: this.owner,
        })
        .execute();
      // The lease ran out and another process took the attempt over: its outcome counts.
      if (updated.affected !== 1) return;
      const endpoints = manager.createQueryBuilder().update(WebhookEndpoint);
      if (ok) {
        await endpoints
          .set({ consecutiveFailures: 0, failing: false })
          .where("id = :id AND (consecutive_failures <> 0 OR failing = :yes)", {
            id: delivery.endpointId,
            yes: true,
          })
          .execute();
      } else {
        await endpoints
          .set({ consecutiveFailures: () => "consecutive_failures + 1" })
          .where("id = :id", { id: delivery.endpointId })
          .execute();
        await manager
          .createQueryBuilder()
          .update(WebhookEndpoint)
          .set({ failing: true })
          .where("id = :id AND consecutive_failures >= :n AND failing = :no", {
            id: delivery.endpointId,
            n: this.config.failingAfter,
            no: false,
          })
          .execute();
      }
    });
    const line = {
      deliveryId: delivery.id,
      endpointId: delivery.endpointId,
      attempt: delivery.attempts,
    };
    if (ok) this.log.info(withFields(line, { status: result.status }), "webhook delivered");
    else
      this.log.warn(
        withFields(line, { status: result.status, error, final: last }),
        "webhook attempt failed",
      );
  }
}

/** Whether an endpoint receives an event: it subscribes to the type, and to one of its conferences. */
function subscribes(endpoint: WebhookEndpoint, type: DomainEventType, conferenceIds: number[]) {
  if (!endpoint.events.includes(type)) return false;
  if (!endpoint.conferenceIds?.length) return true;
  return endpoint.conferenceIds.some(id => conferenceIds.includes(id));
}
