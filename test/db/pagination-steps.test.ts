import { Article, Session } from "../../entities";
import { BadUserInputError } from "../../src/core/errors";
import {
  buildArm,
  buildPage,
  cursorOf,
  cursorParams,
  hydrate,
  keysetCondition,
  resolveSortKeys,
} from "../../src/db/keyset";
import { decodeCursor, parsePageArgs, type SortKey } from "../../src/db/page-args";
import { chunkParts, runUnionAll } from "../../src/db/statement-chunks";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../helpers/test-db";

/**
 * pageMany's steps one by one (src/db/page-args.ts, keyset.ts, statement-chunks.ts), each on its
 * own, against a real migrated and seeded database where SQL is involved.
 */
describe(`pagination steps on ${TEST_ENGINE}`, () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("pagination_steps", { seed: true });
  });
  afterAll(() => db.drop());

  const q = (name: string) => db.dataSource.driver.escape(name);
  const BY_START: SortKey<Session>[] = [
    { property: "startsAt", direction: "ASC" },
    { property: "id", direction: "ASC" },
  ];
  const BY_START_DESC: SortKey<Session>[] = [
    { property: "startsAt", direction: "DESC" },
    { property: "id", direction: "DESC" },
  ];
  const keysOf = <T>(entity: typeof Session | typeof Article, alias: string, sort: SortKey<T>[]) =>
    resolveSortKeys(db.dataSource, db.dataSource.getMetadata(entity), alias, sort);

  describe("1. parsePageArgs", () => {
    it("defaults to 20 forwards, and reads last/before as backwards", () => {
      expect(parsePageArgs({})).toEqual({ size: 20, backward: false, cursor: null });
      expect(parsePageArgs({ last: 3 })).toEqual({ size: 3, backward: true, cursor: null });
    });

    it("refuses mixed directions, sizes out of range and foreign cursors as BAD_USER_INPUT", () => {
      for (const args of [
        { first: 1, last: 1 },
        { first: 101 },
        { first: -1 },
        { last: 2, after: "x" },
        { after: "bm90LWEtY3Vyc29y" },
      ]) {
        expect(() => parsePageArgs(args)).toThrow(BadUserInputError);
      }
    });
  });

  describe("2. resolveSortKeys", () => {
    it("sorts on the escaped column, or on the SQL a key names instead", () => {
      const keys = keysOf(Session, "s", BY_START);
      expect(keys.map(k => k.expr)).toEqual([
        `${q("s")}.${q("starts_at")}`,
        `${q("s")}.${q("id")}`,
      ]);
      const driven = keysOf(Session, "s", [{ ...BY_START[0], sql: "d.starts_at" }]);
      expect(driven[0].expr).toBe("d.starts_at");
    });

    it("wraps a nullable key in COALESCE with its stand-in as a parameter", () => {
      const [key] = keysOf<Article>(Article, "a", [
        { property: "publishedAt", direction: "DESC", nullsAs: new Date("9999-12-31T23:59:59Z") },
      ]);
      expect(key.expr).toMatch(/^COALESCE\(.*published_at.*, (CAST\()?:__n0( AS DATETIME\))?\)$/);
      expect(key.nullParam).toBeDefined();
    });

    it("refuses a property the entity does not have", () => {
      expect(() => keysOf(Session, "s", [{ property: "nope" as never, direction: "ASC" }])).toThrow(
        /no column nope/,
      );
    });
  });

  describe("3. cursorParams", () => {
    const keys = () => keysOf(Session, "s", BY_START);

    it("is null without a cursor, and converts a cursor's values for the driver", () => {
      expect(cursorParams(db.dataSource, keys(), parsePageArgs({ first: 2 }))).toBeNull();
      const after = cursorOf({ startsAt: new Date("2008-11-12T14:00:00Z"), id: 7 }, keys());
      const params = cursorParams(db.dataSource, keys(), parsePageArgs({ first: 2, after }));
      expect(params).toHaveLength(2);
      expect(params![1]).toBe(7);
    });

    it("refuses a cursor of another sort (length) or another connection (types)", () => {
      const shortCursor = cursorOf({ id: 7 }, [{ property: "id" }]);
      const titleCursor = cursorOf({ title: "A", id: 7 }, [
        { property: "title" },
        { property: "id" },
      ]);
      for (const after of [shortCursor, titleCursor]) {
        expect(() =>
          cursorParams(db.dataSource, keys(), parsePageArgs({ first: 2, after })),
        ).toThrow(BadUserInputError);
      }
    });
  });

  describe("4. keysetCondition and buildArm", () => {
    it("writes the keyset as an OR, with a leading bound on the first key", () => {
      const keys = keysOf(Session, "s", BY_START);
      const a = (s: string) => `${q("s")}.${q(s)}`;
      expect(keysetCondition(keys, parsePageArgs({ first: 1 }))).toBe(
        `${a("starts_at")} >= :__k0 AND ((${a("starts_at")} > :__k0) OR (${a("starts_at")} = :__k0 AND ${a("id")} > :__k1))`,
      );
      // Descending keys, and backwards over ascending keys, compare with <.
      expect(keysetCondition(keys, parsePageArgs({ last: 1 }))).toContain(`${a("id")} < :__k1`);
      const desc = keysOf(Session, "s", BY_START_DESC);
      expect(keysetCondition(desc, parsePageArgs({ first: 1 }))).toMatch(/^\S+ <= :__k0 AND/);
      const single = keysOf(Session, "s", [{ property: "id", direction: "ASC" }]);
      expect(keysetCondition(single, parsePageArgs({ first: 1 }))).toBe(`(${a("id")} > :__k0)`);
    });

    it("builds an arm with no window function that reads size + 1 rows after the cursor in order", async () => {
      const metadata = db.dataSource.getMetadata(Session);
      const keys = keysOf(Session, "s", BY_START);
      const qb = () => db.dataSource.getRepository(Session).createQueryBuilder("s");
      const all = await qb().orderBy("s.starts_at").addOrderBy("s.id").getMany();
      expect(all.length).toBeGreaterThan(6);

      const page = parsePageArgs({ first: 3, after: cursorOf(all[1], keys) });
      const cursor = cursorParams(db.dataSource, keys, page);
      const arm = buildArm(
        metadata,
        "s",
        { index: 4, qb: qb() },
        keys,
        cursor,
        page,
        db.dataSource,
      );
      expect(arm.sql).not.toMatch(/ROW_NUMBER|OVER\s*\(/i);
      expect(arm.sql).toMatch(/LIMIT 4$/);
      expect(arm.sql).toContain(`ORDER BY ${keys[0].expr} ASC, ${keys[1].expr} ASC`);

      const rows: Record<string, unknown>[] = await db.dataSource.query(arm.sql, arm.params);
      expect(rows.map(r => Number(r.__member))).toEqual([4, 4, 4, 4]);
      // 5. hydrate: explicit aliases back to typed entities, equal to what TypeORM loads.
      const sessions = rows.map(r => hydrate<Session>(db.dataSource, metadata, r));
      expect(sessions).toEqual(all.slice(2, 6));
      expect(sessions[0].startsAt).toBeInstanceOf(Date);
    });
  });

  describe("4b. arms of a known form", () => {
    it("reuse their SQL text with the new parameters: the same statement as a fresh build", async () => {
      const metadata = db.dataSource.getMetadata(Session);
      const ids: { id: number }[] = await db.dataSource.query(
        "SELECT id FROM conference ORDER BY id",
      );
      expect(ids.length).toBeGreaterThan(1);
      const program = (conference: number) =>
        db.dataSource
          .getRepository(Session)
          .createQueryBuilder("s")
          .innerJoin("session_program", "d", "d.session_id = s.id AND d.conference_id = :driver", {
            driver: conference,
          });
      for (const sort of [BY_START, BY_START_DESC]) {
        const keys = keysOf(Session, "s", sort);
        const all = await program(Number(ids[0].id))
          .orderBy("s.starts_at", sort[0].direction)
          .addOrderBy("s.id", sort[0].direction)
          .getMany();
        for (const args of [
          { first: 2 },
          { first: 2, after: cursorOf(all[1], keys) },
          { last: 2, before: cursorOf(all[3], keys) },
        ]) {
          const page = parsePageArgs(args);
          const cursor = cursorParams(db.dataSource, keys, page);
          for (const { id } of ids) {
            const arm = (shape?: string) =>
              buildArm(
                metadata,
                "s",
                { index: 1, qb: program(Number(id)), shape },
                keys,
                cursor,
                page,
                db.dataSource,
              );
            const fresh = arm();
            arm("test:program"); // the first of its form writes the SQL
            const reused = arm("test:program");
            expect(reused).toEqual(fresh);
            expect(await db.dataSource.query(reused.sql, reused.params)).toEqual(
              await db.dataSource.query(fresh.sql, fresh.params),
            );
          }
        }
      }
    });
  });

  describe("6. buildPage", () => {
    const keys = [{ property: "id" }];
    const count = async () => 99;

    it("turns the extra row into hasNextPage, and a cursor into hasPreviousPage", async () => {
      const rows = [{ id: 1 }, { id: 2 }, { id: 3 }];
      const page = buildPage(rows, keys, { size: 2, backward: false, cursor: [0] }, count);
      expect(page.nodes).toEqual([{ id: 1 }, { id: 2 }]);
      expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
      expect(decodeCursor(page.pageInfo.endCursor!, "after")).toEqual([2]);
      expect(await page.totalCount).toBe(99);
    });

    it("reverses a backward page into forward order", () => {
      const rows = [{ id: 9 }, { id: 8 }, { id: 7 }];
      const page = buildPage(rows, keys, { size: 2, backward: true, cursor: null }, count);
      expect(page.nodes).toEqual([{ id: 8 }, { id: 9 }]);
      expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    });
  });

  describe("chunking (statement-chunks.ts)", () => {
    const part = (sql: string, params = 1) => ({ sql, params: new Array(params).fill(1) });

    it("cuts at 100 arms, at the parameter budget and at the text budget, never dropping a part", () => {
      const sizes = (chunks: unknown[][]) => chunks.map(c => c.length);
      expect(sizes(chunkParts(Array.from({ length: 250 }, () => part("x"))))).toEqual([
        100, 100, 50,
      ]);
      const limits = { maxArms: 100, maxParams: 10, maxChars: 20 };
      expect(sizes(chunkParts([part("a", 6), part("b", 6), part("c", 2)], limits))).toEqual([1, 2]);
      expect(sizes(chunkParts([part("a".repeat(15)), part("b".repeat(15))], limits))).toEqual([
        1, 1,
      ]);
      expect(sizes(chunkParts([part("huge", 50)], limits))).toEqual([1]);
    });

    it("runs 250 arms as 3 UNION ALL statements that the engine accepts", async () => {
      const parts = Array.from({ length: 250 }, (_, i) => ({
        sql: `SELECT ${i} AS n FROM session WHERE id > ? ORDER BY id LIMIT 1`,
        params: [0],
      }));
      const { result, statements } = await db.sql.count(() => runUnionAll(db.dataSource, parts));
      expect(statements).toBe(3);
      expect(result.map(r => Number(r.n)).sort((a, b) => a - b)).toEqual(parts.map((_, i) => i));
    });
  });
});
