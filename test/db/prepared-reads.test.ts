import { QueryFailedError, type DataSource } from "typeorm";
import { DEFAULT_DATABASE_LIMITS } from "../../src/core/config";
import { readRows } from "../../src/db/read-rows";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../helpers/test-db";

const describeOnMysql = TEST_ENGINE === "mysql" ? describe : describe.skip;

/** The parts of a mysql2 pool connection used here (callback API, as TypeORM's pool holds it). */
interface Connection {
  query(sql: string, params: unknown[], cb: (err: Error | null, rows: unknown) => void): void;
  execute(sql: string, params: unknown[], cb: (err: Error | null, rows: unknown) => void): void;
  release(): void;
  _statements: { size: number };
}

function pool(dataSource: DataSource) {
  return (
    dataSource.driver as unknown as {
      pool: { getConnection(cb: (err: Error | null, c: Connection) => void): void };
    }
  ).pool;
}

/** A connection of the data source's pool; with a pool of one, the one readRows uses. */
function connection(dataSource: DataSource): Promise<Connection> {
  return new Promise((resolve, reject) =>
    pool(dataSource).getConnection((err, c) => (err ? reject(err) : resolve(c))),
  );
}

/** `sql` as a text statement (the protocol readRows used before prepared statements). */
async function asText(dataSource: DataSource, sql: string, params: unknown[] = []) {
  const c = await connection(dataSource);
  try {
    return await new Promise<unknown>((resolve, reject) =>
      c.query(sql, params, (err, rows) => (err ? reject(err) : resolve(rows))),
    );
  } finally {
    c.release();
  }
}

/** mysql2's `execute` on the pool's connections, watched (and still run). */
function watchExecute(c: Connection) {
  return jest.spyOn(Object.getPrototypeOf(c) as Connection, "execute");
}

/** This connection's (session's) count of a statement command: Com_stmt_prepare, Com_stmt_close… */
async function sessionCount(c: Connection, name: string): Promise<number> {
  const rows = await new Promise<{ Value: string }[]>((resolve, reject) =>
    c.query(`SHOW SESSION STATUS LIKE '${name}'`, [], (err, rows) =>
      err ? reject(err) : resolve(rows as { Value: string }[]),
    ),
  );
  return Number(rows[0].Value);
}

/**
 * Hot reads on MySQL/MariaDB go as prepared statements (readRows in src/db/read-rows.ts, mysql2's
 * `execute`): the rows, and what the parameters select, are those of the text protocol; each
 * connection keeps at most DB_PREPARED_STATEMENTS of them, closing the least recently used.
 */
describeOnMysql("prepared reads on mysql", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("prepared_reads", {
      seed: true,
      limits: { ...DEFAULT_DATABASE_LIMITS, preparedStatements: 64 },
    });
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(() => db.drop());

  const q = (name: string) => db.dataSource.driver.escape(name);

  /** readRows of a statement seen before (so prepared), checked to have gone through `execute`. */
  async function readPrepared(sql: string, params: unknown[] = []) {
    await readRows(db.dataSource, sql, params);
    const c = await connection(db.dataSource);
    c.release();
    const execute = watchExecute(c);
    try {
      const rows = await readRows(db.dataSource, sql, params);
      expect(execute).toHaveBeenCalledTimes(1);
      return rows;
    } finally {
      execute.mockRestore();
    }
  }

  it("sends a statement as text the first time, prepared from the second", async () => {
    const c = await connection(db.dataSource);
    c.release();
    const execute = watchExecute(c);
    const sql = "SELECT id, slug FROM conference WHERE id <= ? ORDER BY id";
    const first = await readRows(db.dataSource, sql, [2]);
    expect(execute).not.toHaveBeenCalled();
    const second = await readRows(db.dataSource, sql, [2]);
    expect(execute).toHaveBeenCalledTimes(1);
    expect(second).toStrictEqual(first);
    // A statement too long to be worth preparing (a large batch) always goes as text.
    const long = `${sql} ${"/* padding */ ".repeat(700)}`;
    await readRows(db.dataSource, long, [2]);
    expect(await readRows(db.dataSource, long, [2])).toStrictEqual(first);
    expect(execute).toHaveBeenCalledTimes(1);
  });

  it("reads every column of every seeded table as the text protocol does", async () => {
    const seeded: string[] = [];
    for (const metadata of db.dataSource.entityMetadatas) {
      const order = metadata.primaryColumns.map(c => `${q(c.databaseName)} ASC`).join(", ");
      const sql = `SELECT * FROM ${q(metadata.tableName)} ORDER BY ${order} LIMIT 200`;
      const prepared = await readPrepared(sql);
      expect({ table: metadata.tableName, rows: prepared }).toStrictEqual({
        table: metadata.tableName,
        rows: await asText(db.dataSource, sql),
      });
      if (prepared.length) seeded.push(metadata.tableName);
    }
    expect(seeded.length).toBeGreaterThan(8);
  });

  it("reads computed values (counts, sums, averages, dates, casts) as the text protocol does", async () => {
    const sql =
      "SELECT c.id, COUNT(*) AS n, SUM(s.id) AS total, AVG(s.id) AS mean, MAX(s.starts_at) AS latest, " +
      "MIN(c.starts_on) AS first_day, 1.5 * COUNT(*) AS ratio, CAST(COUNT(*) AS CHAR) AS text_n " +
      "FROM conference c JOIN session s ON s.host_conference_id = c.id GROUP BY c.id ORDER BY c.id";
    const prepared = await readPrepared(sql);
    expect(prepared.length).toBeGreaterThan(0);
    expect(prepared).toStrictEqual(await asText(db.dataSource, sql));
  });

  it("binds every kind of parameter a hot read passes to select what the text protocol selects", async () => {
    const [first] = await readRows<{ id: number; starts_at: Date; host_conference_id: number }>(
      db.dataSource,
      "SELECT id, starts_at, host_conference_id FROM session WHERE starts_at IS NOT NULL ORDER BY starts_at, id LIMIT 1 OFFSET 2",
    );
    const iso = first.starts_at.toISOString();
    const cases: [string, unknown[]][] = [
      // Integers (bound as DOUBLE) against INT keys, in IN lists and in keyset comparisons.
      ["SELECT id FROM session WHERE id IN (?, ?, ?) ORDER BY id", [first.id, first.id + 1, 2]],
      ["SELECT id FROM session WHERE id > ? ORDER BY id LIMIT 5", [first.id]],
      // Numbers as strings (ids from cursors), and a fraction against an INT column.
      ["SELECT id FROM session WHERE id >= ? ORDER BY id LIMIT 5", [String(first.id)]],
      ["SELECT id FROM session WHERE id > ? ORDER BY id LIMIT 5", [first.id - 0.5]],
      // Instants as Dates and as the strings the keyset cursors carry.
      [
        "SELECT id FROM session WHERE starts_at > ? OR (starts_at = ? AND id > ?) ORDER BY starts_at, id LIMIT 5",
        [first.starts_at, first.starts_at, first.id],
      ],
      [
        "SELECT id FROM session WHERE starts_at >= ? ORDER BY starts_at, id LIMIT 5",
        [iso.slice(0, 19).replace("T", " ")],
      ],
      [
        "SELECT id FROM session WHERE starts_at >= ? ORDER BY starts_at, id LIMIT 5",
        [`${iso.slice(0, 19).replace("T", " ")}.${iso.slice(20, 23)}`],
      ],
      // Booleans, NULL and undefined (the text protocol writes both as NULL).
      ["SELECT id FROM session WHERE do_not_record = ? ORDER BY id LIMIT 5", [true]],
      ["SELECT id FROM session WHERE do_not_record = ? ORDER BY id LIMIT 5", [false]],
      ["SELECT id FROM session WHERE ? IS NULL AND id < 4 ORDER BY id", [null]],
      ["SELECT id FROM session WHERE ? IS NULL AND id < 4 ORDER BY id", [undefined]],
      [
        "SELECT id FROM session WHERE COALESCE(?, host_conference_id) = ? ORDER BY id",
        [undefined, first.host_conference_id],
      ],
      // Strings with quotes and non-ASCII text.
      ["SELECT id FROM conference WHERE slug <> ? AND name <> ? ORDER BY id", ["it's", "Zürich ✓"]],
    ];
    for (const [sql, params] of cases) {
      const text = await asText(db.dataSource, sql, params);
      expect({ sql, params, rows: await readPrepared(sql, params) }).toStrictEqual({
        sql,
        params,
        rows: text,
      });
      expect({ sql, some: (text as unknown[]).length > 0 || params[0] === true }).toEqual({
        sql,
        some: true,
      });
    }
  });

  it("fails as a QueryFailedError around the driver's error when the statement does not prepare", async () => {
    // The first time as text, the second as a statement to prepare: the same failure.
    for (let i = 0; i < 2; i++) {
      const error = await readRows(
        db.dataSource,
        "SELECT id FROM conference WHERE id = ? AND",
        [1],
      ).catch(e => e);
      expect(error).toBeInstanceOf(QueryFailedError);
      expect((error as QueryFailedError).driverError).toMatchObject({ code: "ER_PARSE_ERROR" });
    }
  });

  it("goes as text when the server holds as many prepared statements as it allows", async () => {
    const sql = "SELECT id FROM conference WHERE id <= ? ORDER BY id";
    await readRows(db.dataSource, sql, [3]);
    const c = await connection(db.dataSource);
    c.release();
    const refuse = watchExecute(c).mockImplementation((_sql, _params, cb) =>
      cb(
        Object.assign(new Error("Can't create more than max_prepared_stmt_count statements"), {
          errno: 1461,
        }),
        undefined,
      ),
    );
    const rows = await readRows(db.dataSource, sql, [3]);
    expect(refuse).toHaveBeenCalledTimes(1);
    expect(rows).toStrictEqual(await asText(db.dataSource, sql, [3]));
  });
});

describeOnMysql("the bound on prepared statements per connection on mysql", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("prepared_bound", {
      limits: { ...DEFAULT_DATABASE_LIMITS, poolSize: 1, preparedStatements: 3 },
    });
  });
  afterAll(() => db.drop());

  it("keeps at most DB_PREPARED_STATEMENTS per connection, closing the least recently used", async () => {
    const c = await connection(db.dataSource);
    const prepared0 = await sessionCount(c, "Com_stmt_prepare");
    const closed0 = await sessionCount(c, "Com_stmt_close");
    c.release();
    // IN lists of 1 to 12 ids: twelve statements, as a loader's batches of varying sizes make,
    // each run twice (prepared the second time).
    for (let n = 1; n <= 12; n++) {
      const ids = Array.from({ length: n }, (_, i) => i + 1);
      for (let i = 0; i < 2; i++) {
        await readRows(
          db.dataSource,
          `SELECT id FROM conference WHERE id IN (${ids.map(() => "?").join(", ")})`,
          ids,
        );
      }
    }
    // The most recent statement again: reused, not prepared anew.
    const ids = Array.from({ length: 12 }, (_, i) => i + 1);
    await readRows(
      db.dataSource,
      `SELECT id FROM conference WHERE id IN (${ids.map(() => "?").join(", ")})`,
      ids,
    );
    const again = await connection(db.dataSource);
    try {
      const prepared = (await sessionCount(again, "Com_stmt_prepare")) - prepared0;
      const closed = (await sessionCount(again, "Com_stmt_close")) - closed0;
      expect(again._statements.size).toBe(3);
      expect(prepared).toBe(12);
      // Held on the server: what was prepared and not closed, never more than the bound.
      expect(prepared - closed).toBe(3);
    } finally {
      again.release();
    }
  });
});
