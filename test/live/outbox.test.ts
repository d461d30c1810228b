import { LOCAL_OPERATOR } from "../../src/core/context";
import { domainEvent, type DomainEvent } from "../../src/core/events";
import { Writer } from "../../src/services/editorial/writer";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../helpers/test-db";

describe(`Writer.emit and the outbox on ${TEST_ENGINE}`, () => {
  let db: TestDatabase;
  let writer: Writer;
  let heard: DomainEvent[][];

  beforeAll(async () => {
    db = await createTestDatabase("outbox");
  });
  afterAll(() => db.drop());
  beforeEach(() => {
    writer = new Writer(db.dataSource);
    heard = [];
    writer.onCommitted(events => heard.push(events));
  });

  const outboxIds = async (): Promise<string[]> =>
    (
      (await db.dataSource.query("SELECT event_id FROM outbox_event ORDER BY id")) as {
        event_id: string;
      }[]
    ).map(r => r.event_id);

  const event = (n: number) =>
    domainEvent("schedule.changed", { conferenceIds: [2, 1, 2], data: { n } });

  it("writes the row and publishes after a commit, with the payload intact", async () => {
    const e = event(1);
    const result = await writer.transaction(async manager => {
      await writer.emit(manager, e);
      // Not yet: the transaction is still open.
      expect(heard).toEqual([]);
      return "done";
    });
    expect(result).toBe("done");
    expect(heard).toEqual([[e]]);
    expect(e.conferenceIds).toEqual([1, 2]);
    const rows: { type: string; conference_ids: string; payload: string }[] =
      await db.dataSource.query(
        "SELECT type, conference_ids, payload FROM outbox_event WHERE event_id = ?",
        [e.id],
      );
    expect(rows).toHaveLength(1);
    expect(rows[0].type).toBe("schedule.changed");
    expect(JSON.parse(rows[0].conference_ids)).toEqual([1, 2]);
    expect(JSON.parse(rows[0].payload)).toEqual(e);
  });

  it("leaves no row and publishes nothing when the transaction rolls back", async () => {
    const before = await outboxIds();
    const e = event(2);
    await expect(
      writer.transaction(async manager => {
        await writer.emit(manager, e);
        throw new Error("refused after emitting");
      }),
    ).rejects.toThrow("refused after emitting");
    expect(heard).toEqual([]);
    expect(await outboxIds()).toEqual(before);
  });

  it("keeps overlapping transactions apart: each commit publishes only its own events", async () => {
    const a = event(3);
    const b = event(4);
    const c = event(5);
    const results = await Promise.allSettled([
      writer.transaction(async m => {
        await writer.emit(m, a);
        await writer.emit(m, b);
      }),
      writer.transaction(async m => {
        await writer.emit(m, c);
        throw new Error("rolled back");
      }),
    ]);
    expect(results.map(r => r.status)).toEqual(["fulfilled", "rejected"]);
    expect(heard).toEqual([[a, b]]);
    const ids = await outboxIds();
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(ids).not.toContain(c.id);
  });

  it("publishes a retried create once, and nothing for its replay", async () => {
    const ctx = { viewer: LOCAL_OPERATOR, now: new Date() } as never;
    const e = event(6);
    const create = async (m: import("typeorm").EntityManager) => {
      await writer.emit(m, e);
      return 41;
    };
    expect(await writer.createOnce(ctx, "test", "same-attempt", create)).toEqual({
      id: 41,
      replayed: false,
    });
    expect(await writer.createOnce(ctx, "test", "same-attempt", create)).toEqual({
      id: 41,
      replayed: true,
    });
    expect(heard).toEqual([[e]]);
  });

  it("refuses an emit outside a writer transaction, and a failing listener does not fail the write", async () => {
    await expect(writer.emit(db.dataSource.manager, event(7))).rejects.toThrow(
      /Writer.transaction/,
    );
    const errors: unknown[] = [];
    writer.listenerError = err => errors.push(err);
    writer.onCommitted(() => {
      throw new Error("listener broke");
    });
    const e = event(8);
    await writer.transaction(m => writer.emit(m, e));
    expect(errors).toHaveLength(1);
    expect(heard).toEqual([[e]]);
    expect(await outboxIds()).toContain(e.id);
  });
});
