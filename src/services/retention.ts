import type { Logger } from "pino";
import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import {
  AccountSession,
  Agenda,
  MutationReceipt,
  OutboxEvent,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookFanout,
} from "../../entities";
import { RETAINED_KINDS, type RetainedKind, type RetentionConfig } from "../core/config";
import { databaseNowMinus } from "../db/engine";
import type { Writer } from "./editorial/writer";

/** Rows one batch looks at and removes, in one short transaction. */
export const PRUNE_BATCH = 500;

/** Rows removed, by kind. */
export type PruneCounts = Record<RetainedKind, number>;

const none = (): PruneCounts =>
  Object.fromEntries(RETAINED_KINDS.map(kind => [kind, 0])) as PruneCounts;

/**
 * Removes the bookkeeping rows the write path leaves behind once they can no longer be used, so that
 * no table grows with the service's age. Each kind has its own period (`RETENTION_*_DAYS`, 0 keeps it
 * forever):
 *
 * - **webhook deliveries** DELIVERED or FAILED, whose last attempt began before the period;
 * - **outbox events** written before the period, fanned out, and with no delivery left that could
 *   need their payload (a redelivery does); their `webhook_fanout` rows go with them, in the same
 *   transaction, so the dispatcher never sees an event without its mark and sends it again;
 * - **mutation receipts** written before the period: a retry that late creates anew;
 * - **Studio sessions** (in the database) that expired before the period (signed out or not);
 * - **personal agendas** created before the period that hold no session (never filled, emptied, or
 *   whose sessions were all deleted): anyone may create them, so this keeps the table bounded by
 *   what people keep. Their secrets then answer as unknown ones.
 *
 * Work is in batches of PRUNE_BATCH rows, each a transaction of its own through the writer (one
 * after another on SQLite), that select by an index and delete what they found, the condition
 * checked again: a delivery redelivered meanwhile stays. Safe in every process at once: two
 * processes pruning the same rows delete them once. The server runs a pass every PRUNE_EVERY_MS;
 * `npm run prune` runs one to the end.
 */
export class Retention {
  /** Rows this process removed since it started, by kind (the metrics' counter). */
  readonly removed: PruneCounts = none();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  /** Set by `stop`: no pass is scheduled, and one under way ends after its batch in flight. */
  private stopped = false;

  constructor(
    private readonly writer: Writer,
    private readonly config: RetentionConfig,
    private readonly log: Logger,
  ) {}

  /**
   * One pass: every kind in turn, batch after batch until a batch finds fewer rows than it may
   * take, or `maxBatches` batches of a kind (the next pass goes on), or `stop` is called. Returns
   * the rows removed.
   */
  async prune(now: Date = new Date(), maxBatches = 20): Promise<PruneCounts> {
    const counts = none();
    for (const kind of RETAINED_KINDS) {
      const days = this.config.days[kind];
      if (days === 0) continue;
      const cutoff = new Date(now.getTime() - days * 86_400_000);
      for (let batch = 0; batch < maxBatches; batch++) {
        if (this.stopped) return counts;
        const removed = await this.writer.transaction(manager =>
          BATCHES[kind](manager, cutoff, days),
        );
        counts[kind] += removed;
        this.removed[kind] += removed;
        if (removed < PRUNE_BATCH) break;
      }
    }
    return counts;
  }

  /** Starts pruning every `everyMs`, the first pass within a minute (spread over processes). */
  start(): void {
    if (this.timer || this.running || this.config.everyMs === 0) return;
    this.stopped = false;
    this.schedule(Math.round(Math.random() * Math.min(60_000, this.config.everyMs)));
  }

  /**
   * Stops, and waits for a pass under way to end after its batch in flight (which commits or rolls
   * back whole): shutting down never waits for a long backlog.
   */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = null;
      this.running = this.prune()
        .then(counts => {
          const total = Object.values(counts).reduce((n, c) => n + c, 0);
          if (total > 0) this.log.info({ removed: counts }, "pruned rows past their retention");
        })
        .catch(err => this.log.error({ err }, "pruning failed; trying again at the next pass"))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.schedule(this.config.everyMs);
        });
    }, delayMs);
    this.timer.unref();
  }
}

/** Ids of the first PRUNE_BATCH rows a condition selects. */
async function ids(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  alias: string,
  where: string,
  params: Record<string, unknown>,
): Promise<number[]> {
  const rows = await manager
    .createQueryBuilder()
    .select(`${alias}.id`, "id")
    .from(entity, alias)
    .where(where, params)
    .limit(PRUNE_BATCH)
    .getRawMany<{ id: number | string }>();
  return rows.map(row => Number(row.id));
}

/** Deletes the `found` rows of a table that still meet `where`, if given; returns how many went. */
async function remove(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  found: number[],
  where?: string,
  params: Record<string, unknown> = {},
): Promise<number> {
  if (found.length === 0) return 0;
  const result = await manager
    .createQueryBuilder()
    .delete()
    .from(entity)
    .where(
      where ? `id IN (:...found) AND ${where}` : "id IN (:...found)",
      Object.assign({ found }, params),
    )
    .execute();
  return result.affected ?? 0;
}

const FINISHED = [WebhookDeliveryStatus.DELIVERED, WebhookDeliveryStatus.FAILED];

/**
 * One batch of each kind: the rows it removed. Served by the indexes of migrations Retention and
 * AgendaRetention.
 */
const BATCHES: Record<
  RetainedKind,
  (manager: EntityManager, cutoff: Date, days: number) => Promise<number>
> = {
  // ix_webhook_delivery_finished (status, last_attempt_at)
  webhookDeliveries: async (manager, cutoff) => {
    const where = (a: string) => `${a}status IN (:...finished) AND ${a}last_attempt_at < :cutoff`;
    const params = { finished: FINISHED, cutoff };
    const found = await ids(manager, WebhookDelivery, "d", where("d."), params);
    return remove(manager, WebhookDelivery, found, where(""), params);
  },
  // ix_outbox_event_created (created_at); the fan-out mark by its key; ix_webhook_delivery_outbox.
  outboxEvents: async (manager, _cutoff, days) => {
    const found = await ids(
      manager,
      OutboxEvent,
      "o",
      `o.created_at < ${databaseNowMinus(manager, days * 86_400)}` +
        " AND EXISTS (SELECT 1 FROM webhook_fanout f WHERE f.outbox_id = o.id)" +
        " AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.outbox_id = o.id)",
      {},
    );
    if (found.length === 0) return 0;
    // A delivery is only ever made in the fan-out's transaction, so none can appear after it: the
    // event goes first, its mark second, both or neither.
    const removed = await remove(manager, OutboxEvent, found);
    await manager
      .createQueryBuilder()
      .delete()
      .from(WebhookFanout)
      .where("outbox_id IN (:...found)", { found })
      .execute();
    return removed;
  },
  // ix_mutation_receipt_created (created_at)
  mutationReceipts: async (manager, _cutoff, days) => {
    const where = (a: string) => `${a}created_at < ${databaseNowMinus(manager, days * 86_400)}`;
    const found = await ids(manager, MutationReceipt, "r", where("r."), {});
    return remove(manager, MutationReceipt, found, where(""), {});
  },
  // ix_account_session_expires (expires_at). A session ends at the latest when it expires, so one
  // signed out early goes with the rest, the period after its expiry.
  accountSessions: async (manager, cutoff) => {
    const found = await ids(manager, AccountSession, "s", "s.expires_at < :cutoff", { cutoff });
    return remove(manager, AccountSession, found);
  },
  // ix_agenda_created (created_at); agenda_session by its key (agenda_id, session_id). The delete
  // checks emptiness again: on MySQL its subquery reads the latest rows under a lock, so a session
  // added meanwhile keeps the agenda (an add waits for the delete, then finds no agenda).
  emptyAgendas: async (manager, _cutoff, days) => {
    const where = (a: string) =>
      `${a}created_at < ${databaseNowMinus(manager, days * 86_400)}` +
      ` AND NOT EXISTS (SELECT 1 FROM agenda_session x WHERE x.agenda_id = ${a || "agenda."}id)`;
    const found = await ids(manager, Agenda, "g", where("g."), {});
    return remove(manager, Agenda, found, where(""), {});
  },
};
