import { Writable } from "node:stream";
import pino from "pino";
import type { DataSource } from "typeorm";
import { Webhook } from "standardwebhooks";
import { LOCAL_OPERATOR } from "../../src/core/context";
import { DEFAULT_WEBHOOK_CONFIG } from "../../src/core/config";
import { domainEvent } from "../../src/core/events";
import { openDataSource } from "../../src/db/data-source";
import { Writer } from "../../src/services/editorial/writer";
import { WebhookDispatcher } from "../../src/services/webhook-dispatcher";
import { sendWebhook } from "../../src/services/webhook-sender";
import { WebhookService } from "../../src/services/webhook.service";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../helpers/test-db";
import { eventually, Receiver } from "./receiver";

/** Collects log lines, to prove that losing a race is not an error. */
class Capture extends Writable {
  lines: { level: number; msg: string }[] = [];
  override _write(chunk: Buffer, _enc: string, done: () => void) {
    for (const line of chunk.toString().split("\n").filter(Boolean))
      this.lines.push(JSON.parse(line));
    done();
  }
}

describe("several dispatchers on one database", () => {
  let db: TestDatabase;
  let receiver: Receiver;
  const extra: DataSource[] = [];
  beforeAll(async () => {
    db = await createTestDatabase("webhooks_race", { seed: false });
    receiver = await new Receiver().start();
  });
  afterAll(async () => {
    for (const ds of extra) if (ds.isInitialized) await ds.destroy();
    await db?.drop();
    await receiver?.close();
  });

  it("delivers each event exactly once per endpoint, whichever dispatcher claims it", async () => {
    const log = pino({ level: "info" }, new Capture());
    const capture = new Capture();
    const logger = pino({ level: "warn" }, capture);
    const ctx = { viewer: LOCAL_OPERATOR, now: new Date(), log };
    const service = new WebhookService(db.dataSource, { allowPrivateAddresses: true });
    const one = await service.create(ctx, {
      url: `${receiver.url}/one`,
      events: ["schedule.changed"],
    });
    const two = await service.create(ctx, {
      url: `${receiver.url}/two`,
      events: ["schedule.changed"],
    });

    const writer = new Writer(db.dataSource);
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const event = domainEvent("schedule.changed", { conferenceIds: [1], data: { n: i } });
      ids.push(event.id);
      await writer.transaction(manager => writer.emit(manager, event));
    }

    // MySQL: three processes' worth of connections and writers. SQLite is one process: three
    // dispatchers share its connection and its writer's queue.
    const config = {
      ...DEFAULT_WEBHOOK_CONFIG,
      allowPrivateAddresses: true,
      pollMs: 20,
      leaseMs: 30_000,
    };
    const dispatchers: WebhookDispatcher[] = [];
    const sends = [0, 0, 0];
    for (let i = 0; i < 3; i++) {
      let ds = db.dataSource;
      let w = writer;
      if (TEST_ENGINE === "mysql") {
        ds = await openDataSource(db.config);
        extra.push(ds);
        w = new Writer(ds);
      }
      const n = i;
      dispatchers.push(
        new WebhookDispatcher(ds, w, config, logger, (...args) => {
          sends[n]++;
          return sendWebhook(...args);
        }),
      );
    }
    dispatchers.forEach(d => d.start());
    try {
      await eventually(async () => {
        const [row] = await db.dataSource.query(
          "SELECT COUNT(*) AS n FROM webhook_delivery WHERE status = 'DELIVERED'",
        );
        return Number(row.n) === 48;
      }, 60_000);
    } finally {
      await Promise.all(dispatchers.map(d => d.stop()));
    }

    for (const [path, secret] of [
      ["/one", one.secret],
      ["/two", two.secret],
    ] as const) {
      const got = receiver.at(path);
      expect(got).toHaveLength(24);
      expect(new Set(got.map(r => r.headers["webhook-id"]))).toEqual(new Set(ids));
      for (const r of got) {
        new Webhook(secret).verify(r.body, {
          "webhook-id": r.headers["webhook-id"],
          "webhook-timestamp": r.headers["webhook-timestamp"],
          "webhook-signature": r.headers["webhook-signature"],
        });
      }
    }
    const rows: { attempts: number }[] = await db.dataSource.query(
      "SELECT attempts FROM webhook_delivery",
    );
    expect(rows.map(r => Number(r.attempts))).toEqual(Array(48).fill(1));
    const [fanned] = await db.dataSource.query("SELECT COUNT(*) AS n FROM webhook_fanout");
    expect(Number(fanned.n)).toBe(24);
    // Losing a race (a duplicate fan-out, a claim another process won) is not worth a warning.
    expect(capture.lines).toEqual([]);
    // Nobody sent anything twice, not even an attempt that went nowhere.
    expect(sends.reduce((a, b) => a + b, 0)).toBe(48);
  }, 90_000);
});
