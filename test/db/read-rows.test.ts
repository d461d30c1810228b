import { QueryFailedError, type EntitySubscriberInterface } from "typeorm";
import { readRows } from "../../src/db/read-rows";
import { observeStatements, poolStats, type StatementObservation } from "../../src/db/sql-metrics";
import { createTestDatabase, TEST_ENGINE, type TestDatabase } from "../helpers/test-db";

/**
 * readRows (src/db/read-rows.ts), the one way hot reads reach the database: straight on the mysql2
 * pool on MySQL/MariaDB, through TypeORM on SQLite; on both, with what TypeORM's path gave.
 */
describe(`readRows on ${TEST_ENGINE}`, () => {
  let db: TestDatabase;
  let seen: StatementObservation[];
  let stop: () => void;
  beforeAll(async () => {
    db = await createTestDatabase("read_rows", { seed: true });
    stop = observeStatements(db.dataSource, statement => seen.push(statement));
  });
  beforeEach(() => {
    seen = [];
  });
  afterEach(() => jest.restoreAllMocks());
  afterAll(async () => {
    stop();
    await db.drop();
  });

  const SQL = "SELECT id, slug FROM conference WHERE id <= ? ORDER BY id";

  it("returns the rows TypeORM's query returns", async () => {
    const rows = await readRows(db.dataSource, SQL, [3]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toEqual(await db.dataSource.query(SQL, [3]));
  });

  it("runs on the pool without a query runner on MySQL, through TypeORM on SQLite", async () => {
    const create = jest.spyOn(db.dataSource, "createQueryRunner");
    await readRows(db.dataSource, SQL, [3]);
    expect(create).toHaveBeenCalledTimes(TEST_ENGINE === "mysql" ? 0 : 1);
  });

  it("counts the statement, captures it with its time limit, and tells the observers", async () => {
    const { statements, sql } = await db.sql.count(() => readRows(db.dataSource, SQL, [3]));
    expect(statements).toBe(1);
    // MySQL/MariaDB reads carry the server-side limit (5 s by default), as TypeORM's runners send them.
    if (TEST_ENGINE === "mysql") {
      expect(sql[0]).toMatch(/max_statement_time=5 FOR SELECT|MAX_EXECUTION_TIME\(5000\)/);
    } else {
      expect(sql[0]).toBe(SQL);
    }
    expect(seen).toEqual([{ verb: "select", ok: true, ms: expect.any(Number) }]);
    const captured = await db.sql.capture(() => readRows(db.dataSource, SQL, [2]));
    expect(captured.statements).toEqual([{ sql: sql[0], parameters: [2] }]);
  });

  it("fails as a QueryFailedError around the driver's error, logged and observed", async () => {
    const logged = jest.spyOn(db.sql, "logQueryError");
    const error = await readRows(db.dataSource, "SELECT nope FROM conference").catch(e => e);
    expect(error).toBeInstanceOf(QueryFailedError);
    expect(String((error as QueryFailedError).driverError.message)).toMatch(/nope/);
    expect((error as QueryFailedError).query).toMatch(/SELECT nope FROM conference$/);
    expect(logged).toHaveBeenCalledTimes(1);
    expect(logged.mock.calls[0][1]).toMatch(/SELECT nope FROM conference$/);
    expect(seen).toEqual([{ verb: "select", ok: false, ms: undefined }]);
  });

  it("logs a statement slower than maxQueryExecutionTime as slow SQL", async () => {
    const options = db.dataSource.driver.options as { maxQueryExecutionTime?: number };
    expect(options.maxQueryExecutionTime).toBe(1000);
    const slow = jest.spyOn(db.sql, "logQuerySlow");
    await readRows(db.dataSource, SQL, [3]);
    expect(slow).not.toHaveBeenCalled();
    // A threshold every statement passes (its time in whole ms is at least 0).
    options.maxQueryExecutionTime = -1;
    try {
      await readRows(db.dataSource, SQL, [3]);
    } finally {
      options.maxQueryExecutionTime = 1000;
    }
    expect(slow).toHaveBeenCalledTimes(1);
    expect(slow.mock.calls[0][0]).toEqual(expect.any(Number));
    expect(slow.mock.calls[0][1]).toMatch(/FROM conference WHERE id <= \? ORDER BY id$/);
  });

  it("returns its connection to the pool when a BeforeQuery listener fails", async () => {
    const subscribers = db.dataSource.subscribers as EntitySubscriberInterface[];
    const failing: EntitySubscriberInterface = {
      beforeQuery() {
        throw new Error("listener failed");
      },
    };
    subscribers.push(failing);
    try {
      await expect(readRows(db.dataSource, SQL, [3])).rejects.toThrow("listener failed");
    } finally {
      subscribers.splice(subscribers.indexOf(failing), 1);
    }
    expect(poolStats(db.dataSource)[0].inUse).toBe(0);
    expect(await readRows(db.dataSource, SQL, [3])).not.toHaveLength(0);
  });

  it("runs on the transaction's own connection when given its query runner", async () => {
    await db.dataSource
      .transaction(async manager => {
        await manager.query("UPDATE conference SET name = ? WHERE id = ?", ["Unseen outside", 1]);
        const rows = await readRows<{ name: string }>(
          db.dataSource,
          "SELECT name FROM conference WHERE id = ?",
          [1],
          manager.queryRunner,
        );
        expect(rows).toEqual([{ name: "Unseen outside" }]);
        throw new Error("roll back");
      })
      .catch((err: Error) => expect(err.message).toBe("roll back"));
    const after = await readRows<{ name: string }>(
      db.dataSource,
      "SELECT name FROM conference WHERE id = ?",
      [1],
    );
    expect(after[0].name).not.toBe("Unseen outside");
  });
});
