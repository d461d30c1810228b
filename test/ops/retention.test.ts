import { randomUUID } from "node:crypto";
import pino from "pino";
import type { EntityTarget, ObjectLiteral } from "typeorm";
import {
  Account,
  AccountSession,
  Agenda,
  AgendaSession,
  MutationReceipt,
  OutboxEvent,
  Role,
  WebhookDelivery,
  WebhookDeliveryStatus,
  WebhookEndpoint,
  WebhookFanout,
} from "../../entities";
import {
  DEFAULT_RETENTION_CONFIG,
  loadConfig,
  RETAINED_KINDS,
  type RetentionConfig,
} from "../../src/core/config";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { toGlobalId } from "../../src/core/global-id";
import { UnknownAgendaError } from "../../src/services/agenda.service";
import { Writer } from "../../src/services/editorial/writer";
import { PRUNE_BATCH, Retention } from "../../src/services/retention";
import { TEST_ENGINE } from "../helpers/test-db";
import { startTestServer, type TestServer } from "../helpers/test-server";

const DAY = 86_400_000;
const silent = pino({ level: "silent" });

/**
 * The write path's bookkeeping rows (outbox events and their fan-out marks, finished webhook
 * deliveries, mutation receipts, expired Studio sessions) go once past their retention, and nothing
 * still of use goes with them. Real databases, both engines; the scheduled pass through a real server.
 */
describe("retention: pruning the write path's bookkeeping rows", () => {
  let server: TestServer;
  const now = new Date();
  const ago = (days: number) => new Date(now.getTime() - days * DAY);

  beforeAll(async () => {
    server = await startTestServer("retention");
  });
  afterAll(() => server.close());

  const ds = () => server.db.dataSource;
  const retention = (config: RetentionConfig = DEFAULT_RETENTION_CONFIG) =>
    new Retention(new Writer(ds()), config, silent);

  /** Sets `created_at` (written by the database's clock) `days` back, in the database's terms. */
  async function backdate(table: string, ids: number[], days: number) {
    const earlier =
      TEST_ENGINE === "mysql" ? `NOW() - INTERVAL ${days} DAY` : `datetime('now', '-${days} days')`;
    await ds().query(
      `UPDATE ${table} SET created_at = ${earlier} WHERE id IN (${ids.map(() => "?").join(", ")})`,
      ids,
    );
  }

  async function outboxEvent(days: number, fannedOut: boolean): Promise<number> {
    const eventId = randomUUID();
    const { identifiers } = await ds()
      .getRepository(OutboxEvent)
      .insert({ eventId, type: "schedule.changed", conferenceIds: [], payload: "{}" });
    const id = Number(identifiers[0].id);
    if (days > 0) await backdate("outbox_event", [id], days);
    if (fannedOut) await ds().getRepository(WebhookFanout).insert({ outboxId: id });
    return id;
  }

  let endpointId = 0;
  async function delivery(
    outboxId: number,
    status: WebhookDeliveryStatus,
    lastAttemptDaysAgo: number | null,
  ): Promise<number> {
    if (!endpointId) {
      const { identifiers } = await ds()
        .getRepository(WebhookEndpoint)
        .insert({
          url: "https://hooks.example.org/crosstalk",
          events: ["schedule.changed"],
          conferenceIds: null,
          secret: "whsec_dGVzdA==",
        });
      endpointId = Number(identifiers[0].id);
    }
    const { identifiers } = await ds()
      .getRepository(WebhookDelivery)
      .insert({
        endpointId,
        outboxId,
        eventId: randomUUID(),
        eventType: "schedule.changed",
        status,
        attempts: lastAttemptDaysAgo === null ? 0 : 1,
        nextAttemptAt: status === WebhookDeliveryStatus.PENDING ? now : null,
        lastAttemptAt: lastAttemptDaysAgo === null ? null : ago(lastAttemptDaysAgo),
        deliveredAt:
          status === WebhookDeliveryStatus.DELIVERED ? ago(lastAttemptDaysAgo as number) : null,
      });
    return Number(identifiers[0].id);
  }

  async function receipts(days: number, n: number): Promise<number[]> {
    const ids = await bulk(MutationReceipt, n, () => ({
      scope: `createSession|token:${days}`,
      clientMutationId: randomUUID(),
      resultId: 1,
    }));
    if (days > 0) await backdate("mutation_receipt", ids, days);
    return ids;
  }

  async function session(expiresDaysAgo: number, revokedDaysAgo: number | null = null) {
    const { identifiers: account } = await ds()
      .getRepository(Account)
      .insert({ email: `${randomUUID()}@example.org`, displayName: "Pruned", role: Role.EDITOR });
    const { identifiers } = await ds()
      .getRepository(AccountSession)
      .insert({
        accountId: Number(account[0].id),
        sessionHash: randomUUID().replace(/-/g, "").padEnd(64, "0"),
        expiresAt: ago(expiresDaysAgo),
        revokedAt: revokedDaysAgo === null ? null : ago(revokedDaysAgo),
      });
    return Number(identifiers[0].id);
  }

  /** An agenda created `days` ago holding `sessions` sessions; returns its id. */
  async function agenda(days: number, sessions: number): Promise<number> {
    const { identifiers } = await ds()
      .getRepository(Agenda)
      .insert({ secretHash: randomUUID().replace(/-/g, "").padEnd(64, "0") });
    const id = Number(identifiers[0].id);
    const rows: { id: number }[] = await ds().query(
      `SELECT id FROM session ORDER BY id LIMIT ${sessions}`,
    );
    for (const row of rows) {
      await ds().getRepository(AgendaSession).insert({ agendaId: id, sessionId: row.id });
    }
    if (days > 0) await backdate("agenda", [id], days);
    return id;
  }

  /** Inserts `n` rows made by `row(i)` (from `from`), 200 a statement; returns their ids. */
  async function bulk(
    entity: EntityTarget<ObjectLiteral>,
    n: number,
    row: (i: number) => Record<string, unknown>,
    from = 0,
  ): Promise<number[]> {
    const ids: number[] = [];
    for (let i = from; i < n; i += 200) {
      const rows = Array.from({ length: Math.min(200, n - i) }, (_, j) => row(i + j));
      const { identifiers } = await ds().getRepository(entity).insert(rows);
      ids.push(...identifiers.map(x => Number(x.id)));
    }
    return ids;
  }

  const exists = async (table: string, id: number, column = "id") =>
    (await ds().query(`SELECT 1 AS x FROM ${table} WHERE ${column} = ?`, [id])).length > 0;

  it("removes exactly what is past its period and of no further use, then nothing more", async () => {
    // Outbox events (7 days) and finished deliveries (30 days).
    const old = await outboxEvent(8, true);
    const notFannedOut = await outboxEvent(8, false);
    const recent = await outboxEvent(0, true);
    const withOldFailure = await outboxEvent(40, true);
    const oldFailure = await delivery(withOldFailure, WebhookDeliveryStatus.FAILED, 40);
    const withPending = await outboxEvent(40, true);
    const pending = await delivery(withPending, WebhookDeliveryStatus.PENDING, null);
    const withRetrying = await outboxEvent(40, true);
    const retrying = await delivery(withRetrying, WebhookDeliveryStatus.PENDING, 35);
    const withRecentSuccess = await outboxEvent(12, true);
    const recentSuccess = await delivery(withRecentSuccess, WebhookDeliveryStatus.DELIVERED, 10);
    const withOldSuccess = await outboxEvent(45, true);
    const oldSuccess = await delivery(withOldSuccess, WebhookDeliveryStatus.DELIVERED, 31);
    // Receipts (7 days) and sessions (30 days after they expire).
    const [oldReceipt] = await receipts(8, 1);
    const [recentReceipt] = await receipts(6, 1);
    const longExpired = await session(31);
    const signedOutLongAgo = await session(31, 40);
    const recentlyExpired = await session(29);
    const signedOutButRecent = await session(-1, 40);
    const live = await session(-1);
    // Agendas (90 days, empty only).
    const oldEmpty = await agenda(91, 0);
    const oldFull = await agenda(200, 2);
    const recentEmpty = await agenda(10, 0);

    const counts = await retention().prune(now);
    expect(counts).toEqual({
      webhookDeliveries: 2,
      outboxEvents: 3,
      mutationReceipts: 1,
      accountSessions: 2,
      emptyAgendas: 1,
    });
    // Gone: the events whose deliveries are finished and old (same pass), with their marks.
    for (const id of [old, withOldFailure, withOldSuccess]) {
      expect(await exists("outbox_event", id)).toBe(false);
      expect(await exists("webhook_fanout", id, "outbox_id")).toBe(false);
    }
    for (const id of [oldFailure, oldSuccess])
      expect(await exists("webhook_delivery", id)).toBe(false);
    expect(await exists("mutation_receipt", oldReceipt)).toBe(false);
    for (const id of [longExpired, signedOutLongAgo]) {
      expect(await exists("account_session", id)).toBe(false);
    }
    expect(await exists("agenda", oldEmpty)).toBe(false);
    // Kept: an event not yet fanned out, a recent one, and every event a kept delivery points at
    // (still due, retrying, or finished within its period); a recent receipt; sessions not long
    // expired, whether or not they were signed out.
    for (const id of [notFannedOut, recent, withPending, withRetrying, withRecentSuccess]) {
      expect(await exists("outbox_event", id)).toBe(true);
    }
    expect(await exists("webhook_fanout", recent, "outbox_id")).toBe(true);
    for (const id of [pending, retrying, recentSuccess]) {
      expect(await exists("webhook_delivery", id)).toBe(true);
    }
    expect(await exists("mutation_receipt", recentReceipt)).toBe(true);
    for (const id of [recentlyExpired, signedOutButRecent, live]) {
      expect(await exists("account_session", id)).toBe(true);
    }
    // An old agenda that holds sessions, and an empty one still young.
    for (const id of [oldFull, recentEmpty]) expect(await exists("agenda", id)).toBe(true);
    expect(await exists("agenda_session", oldFull, "agenda_id")).toBe(true);

    expect(await retention().prune(now)).toEqual({
      webhookDeliveries: 0,
      outboxEvents: 0,
      mutationReceipts: 0,
      accountSessions: 0,
      emptyAgendas: 0,
    });
  });

  it("a period of 0 keeps that kind forever", async () => {
    const event = await outboxEvent(400, true);
    const [receipt] = await receipts(400, 1);
    const keepOutbox = retention({
      everyMs: 0,
      days: { ...DEFAULT_RETENTION_CONFIG.days, outboxEvents: 0 },
    });
    expect((await keepOutbox.prune(now)).outboxEvents).toBe(0);
    expect(await exists("outbox_event", event)).toBe(true);
    expect(await exists("mutation_receipt", receipt)).toBe(false);
    expect((await retention().prune(now)).outboxEvents).toBe(1);
  });

  it("works in batches: a pass stops after its batches, and the next one goes on", async () => {
    const ids = await receipts(9, 2 * PRUNE_BATCH + 7);
    const pruner = retention();
    expect((await pruner.prune(now, 2)).mutationReceipts).toBe(2 * PRUNE_BATCH);
    expect((await pruner.prune(now, 2)).mutationReceipts).toBe(7);
    expect(pruner.removed.mutationReceipts).toBe(2 * PRUNE_BATCH + 7);
    const [{ n }] = await ds().query(
      `SELECT COUNT(*) AS n FROM mutation_receipt WHERE id IN (${ids.join(", ")})`,
    );
    expect(Number(n)).toBe(0);
  });

  it("stopping ends a pass after its batch in flight", async () => {
    await receipts(9, 3 * PRUNE_BATCH);
    // Receipts only, so that the batch in flight when it stops is theirs.
    const days = { ...DEFAULT_RETENTION_CONFIG.days };
    for (const kind of RETAINED_KINDS) if (kind !== "mutationReceipts") days[kind] = 0;
    const pruner = retention({ everyMs: 0, days });
    const pass = pruner.prune(now, 100);
    await pruner.stop();
    expect((await pass).mutationReceipts).toBe(PRUNE_BATCH);
    // What is left goes at the next pass.
    expect((await retention().prune(now)).mutationReceipts).toBe(2 * PRUNE_BATCH);
  });

  it("two pruners at once remove each row once", async () => {
    await receipts(9, PRUNE_BATCH + 50);
    const event = await outboxEvent(9, true);
    // One writer, as in one process (SQLite's single connection takes one transaction at a time);
    // on MySQL their transactions still run side by side, as two processes' would.
    const writer = new Writer(ds());
    const [a, b] = await Promise.all(
      [0, 1].map(() => new Retention(writer, DEFAULT_RETENTION_CONFIG, silent).prune(now)),
    );
    expect(a.mutationReceipts + b.mutationReceipts).toBe(PRUNE_BATCH + 50);
    expect(a.outboxEvents + b.outboxEvents).toBe(1);
    expect(await exists("webhook_fanout", event, "outbox_id")).toBe(false);
  });

  (TEST_ENGINE === "mysql" ? it : it.skip)(
    "an agenda changed while it is pruned: the change wins, or finds it gone (MySQL)",
    async () => {
      const agendas = server.app.services.editorial.agendas;
      const ctx = server.app.createContext(undefined, LOCAL_OPERATOR);
      const [first, second] = (await ds().query("SELECT id FROM session ORDER BY id LIMIT 2")) as {
        id: number;
      }[];
      const old = async () => {
        const created = await agendas.create(ctx);
        await backdate("agenda", [created.agenda.id], 100);
        return created;
      };
      // Until `statement` (SQL LIKE) has run for 200 ms in this database, held up by the other
      // side's lock, while `work` (the side expected to wait) has not settled.
      const blocked = async (statement: string, work: Promise<unknown>) => {
        let settled: unknown = null;
        work.then(
          result => (settled = { result }),
          (err: unknown) => (settled = { err }),
        );
        const deadline = Date.now() + 10_000;
        while (Date.now() < deadline && settled === null) {
          const [{ n }] = await ds().query(
            `SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST
              WHERE DB = DATABASE() AND INFO LIKE ? AND INFO NOT LIKE '%PROCESSLIST%' AND TIME_MS > 200`,
            [statement],
          );
          if (Number(n) > 0) return;
          await new Promise(resolve => setTimeout(resolve, 20));
        }
        throw new Error(`nothing waited for the lock: ${String(JSON.stringify(settled))}`);
      };
      // Only agendas: the other kinds' batches would only delay the one that matters here.
      const agendasOnly = () =>
        retention({
          everyMs: 0,
          days: {
            webhookDeliveries: 0,
            outboxEvents: 0,
            mutationReceipts: 0,
            accountSessions: 0,
            emptyAgendas: 90,
          },
        });

      // A session is being added (its transaction open, as AgendaWriter.add leaves it before
      // commit) when the pass looks: the pass's delete waits, sees the session, keeps the agenda.
      const adding = await old();
      const add = ds().createQueryRunner();
      await add.connect();
      try {
        await add.startTransaction();
        await add.query("SELECT id FROM agenda WHERE id = ? LOCK IN SHARE MODE", [
          adding.agenda.id,
        ]);
        await add.query("INSERT INTO agenda_session (agenda_id, session_id) VALUES (?, ?)", [
          adding.agenda.id,
          first.id,
        ]);
        const pass = agendasOnly().prune(now);
        await blocked("DELETE FROM `agenda`%", pass);
        await add.commitTransaction();
        expect((await pass).emptyAgendas).toBe(0);
      } finally {
        await add.release();
      }
      expect(await exists("agenda", adding.agenda.id)).toBe(true);

      // The pass deletes first (its transaction open): an add waits for it, then finds no agenda,
      // and says so (NOT_FOUND), not a foreign-key failure.
      const pruned = await old();
      const prune = ds().createQueryRunner();
      await prune.connect();
      try {
        await prune.startTransaction();
        await prune.query("DELETE FROM agenda WHERE id = ?", [pruned.agenda.id]);
        const late = agendas.add(ctx, pruned.secret, toGlobalId("Session", second.id));
        const outcome = late.then(
          () => "added",
          (err: unknown) => err,
        );
        await blocked("%agenda%", outcome);
        await prune.commitTransaction();
        expect(await outcome).toBeInstanceOf(UnknownAgendaError);
      } finally {
        await prune.release();
      }
      expect(await exists("agenda_session", pruned.agenda.id, "agenda_id")).toBe(false);
    },
  );

  (TEST_ENGINE === "mysql" ? it : it.skip)(
    "reads each kind by its index (EXPLAIN, MySQL)",
    async () => {
      // Enough rows that a table scan would cost more than the index: rows kept, and a few to go.
      const events = await bulk(OutboxEvent, 2000, () => ({
        eventId: randomUUID(),
        type: "schedule.changed",
        conferenceIds: [],
        payload: "{}",
      }));
      // Recent events, fanned out as nearly all are: the marks' table is as large as the outbox.
      await bulk(WebhookFanout, 2000, i => ({ outboxId: events[i] }));
      await delivery(events[0], WebhookDeliveryStatus.PENDING, null); // the endpoint
      await bulk(
        WebhookDelivery,
        2000,
        i => ({
          endpointId,
          outboxId: events[i],
          eventId: randomUUID(),
          eventType: "schedule.changed",
          status: i % 2 ? WebhookDeliveryStatus.PENDING : WebhookDeliveryStatus.DELIVERED,
          attempts: 1,
          nextAttemptAt: now,
          lastAttemptAt: now,
        }),
        1,
      );
      await bulk(MutationReceipt, 2000, () => ({
        scope: "createSession|token:1",
        clientMutationId: randomUUID(),
        resultId: 1,
      }));
      const { identifiers: account } = await ds()
        .getRepository(Account)
        .insert({ email: `${randomUUID()}@example.org`, displayName: "Many", role: Role.EDITOR });
      await bulk(AccountSession, 2000, () => ({
        accountId: Number(account[0].id),
        sessionHash: randomUUID().replace(/-/g, "").padEnd(64, "0"),
        expiresAt: new Date(now.getTime() + DAY),
        revokedAt: null,
      }));
      await bulk(Agenda, 2000, () => ({
        secretHash: randomUUID().replace(/-/g, "").padEnd(64, "0"),
      }));
      await agenda(100, 0);
      await receipts(9, 3);
      await outboxEvent(9, true);
      await delivery(await outboxEvent(40, true), WebhookDeliveryStatus.FAILED, 40);
      await session(40);
      await ds().query(
        "ANALYZE TABLE outbox_event, webhook_fanout, webhook_delivery, mutation_receipt, account_session, agenda, agenda_session",
      );
      const { statements } = await server.db.sql.capture(() => retention().prune(now));
      const selects = statements.filter(s =>
        /^SELECT/.test(s.sql.replace(/^SET STATEMENT [^F]+FOR /, "")),
      );
      const expected: Record<string, string> = {
        webhook_delivery: "ix_webhook_delivery_finished",
        outbox_event: "ix_outbox_event_created",
        mutation_receipt: "ix_mutation_receipt_created",
        account_session: "ix_account_session_expires",
        agenda: "ix_agenda_created",
      };
      const seen = new Set<string>();
      for (const { sql, parameters } of selects) {
        const table = /FROM `(\w+)`/.exec(sql)?.[1] as string;
        const plan: { table: string; key: string | null; type: string }[] = await ds().query(
          `EXPLAIN ${sql.replace(/^SET STATEMENT [^F]+FOR /, "")}`,
          parameters,
        );
        const context = `${sql} ${JSON.stringify(plan)}`;
        // The table pruned is read by its index; the outbox's EXISTS look-ups by key or index.
        const main = plan.find(row => ["o", "d", "r", "s", "g"].includes(row.table));
        expect([main?.key, context]).toEqual([expected[table], context]);
        for (const row of plan) expect([row.type, context]).not.toEqual(["ALL", context]);
        seen.add(table);
      }
      expect([...seen].sort()).toEqual(Object.keys(expected).sort());
    },
  );

  it("a server prunes every PRUNE_EVERY_MS, and counts it on /metrics", async () => {
    const config = loadConfig({ NODE_ENV: "test", PRUNE_EVERY_MS: "1000" });
    expect(config.retention.everyMs).toBe(1000);
    const pruning = await startTestServer("retention_server", {
      seed: false,
      config: { retention: config.retention },
    });
    try {
      const db = pruning.db.dataSource;
      const { identifiers } = await db
        .getRepository(MutationReceipt)
        .insert({ scope: "createSession|token:1", clientMutationId: randomUUID(), resultId: 1 });
      const id = Number(identifiers[0].id);
      const earlier =
        TEST_ENGINE === "mysql" ? "NOW() - INTERVAL 8 DAY" : "datetime('now', '-8 days')";
      await db.query(`UPDATE mutation_receipt SET created_at = ${earlier} WHERE id = ?`, [id]);
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const rows = await db.query("SELECT id FROM mutation_receipt WHERE id = ?", [id]);
        if (rows.length === 0) break;
        await new Promise(resolve => setTimeout(resolve, 100));
      }
      expect(await db.query("SELECT id FROM mutation_receipt WHERE id = ?", [id])).toEqual([]);
      const metrics = await (await fetch(`${pruning.url}/metrics`)).text();
      expect(metrics).toMatch(/crosstalk_pruned_rows_total\{kind="mutationReceipts"\} 1\b/);
      expect(metrics).toMatch(/crosstalk_pruned_rows_total\{kind="outboxEvents"\} 0\b/);
    } finally {
      await pruning.close();
    }
  });
});
