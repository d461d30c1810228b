import { QueryFailedError, type DataSource, type QueryRunner } from "typeorm";
import { hasReplicas } from "./replication";
import { limitStatement } from "./statement-limit";

/** The parts of a mysql2 pool connection (callback API, as TypeORM holds it) used here. */
interface PoolConnection {
  query(
    sql: string,
    params: unknown[] | undefined,
    cb: (err: Error | null, rows: unknown) => void,
  ): void;
  execute(sql: string, params: unknown[], cb: (err: Error | null, rows: unknown) => void): void;
  release(): void;
}

/** The parts of TypeORM's MysqlDriver used here. */
interface MysqlDriverLike {
  pool?: { getConnection(cb: (err: Error | null, connection: PoolConnection) => void): void };
  prepareDbConnection(connection: PoolConnection): PoolConnection;
  options: { maxQueryExecutionTime?: number; extra?: { maxPreparedStatements?: number } };
}

interface Direct {
  driver: MysqlDriverLike;
  /** Statements go prepared (binary protocol), as each connection keeps up to its bound of them. */
  prepared: boolean;
  /** Fingerprints of the statements run at least once (see `preparing`). */
  seen: Set<number>;
}

/** The most fingerprints remembered; past it the memory starts afresh. */
const SEEN_LIMIT = 4096;
/** Longer statements (large UNION ALL batches, rarely repeated) always go as text. */
const PREPARE_MAX_CHARS = 8000;

/**
 * Whether `sql` goes as a prepared statement: from the second time it is seen. A statement that runs
 * once (an IN list of an unusual length, a one-off batch) would cost a prepare, an execute and a
 * close instead of one text statement, and push a useful statement out of each connection's bound.
 * "Seen" goes by a fingerprint (the length and three characters) rather than the whole text, which
 * would be hashed on every read: two statements that share one only make the second prepared
 * from its first run, which is harmless (mysql2's per-connection cache and bound still hold).
 */
function preparing(found: Direct, sql: string): boolean {
  const n = sql.length;
  if (!found.prepared || n > PREPARE_MAX_CHARS) return false;
  const chars =
    ((sql.charCodeAt(n >> 2) << 16) ^ (sql.charCodeAt(n >> 1) << 8) ^ sql.charCodeAt(n - 1)) >>> 0;
  const print = n * 2 ** 32 + chars;
  if (found.seen.has(print)) return true;
  if (found.seen.size >= SEEN_LIMIT) found.seen.clear();
  found.seen.add(print);
  return false;
}

/** The data sources that read straight from their mysql2 pool (MySQL/MariaDB without replicas). */
const direct = new WeakMap<DataSource, Direct | null>();

function directDriver(dataSource: DataSource): Direct | null {
  let found = direct.get(dataSource);
  if (found === undefined) {
    const type = dataSource.options.type;
    const candidate = dataSource.driver as unknown as MysqlDriverLike;
    found =
      (type === "mysql" || type === "mariadb") && !hasReplicas(dataSource) && candidate.pool
        ? {
            driver: candidate,
            prepared: (candidate.options.extra?.maxPreparedStatements ?? 0) > 0,
            seen: new Set(),
          }
        : null;
    // Only once the pool exists (after initialize()) is the answer final.
    if (dataSource.isInitialized) direct.set(dataSource, found);
  }
  return found;
}

/** The server refuses a new prepared statement: its max_prepared_stmt_count is reached. */
const ER_MAX_PREPARED_STMT_COUNT_REACHED = 1461;

/**
 * Runs `sql` on `connection` and releases it: as a prepared statement (mysql2's `execute`, kept per
 * connection up to its bound) when `prepared`, else as text. A prepared statement binds `undefined`
 * as NULL, as the text protocol writes it. Should the server hold as many prepared statements as it
 * allows (other processes, a lower max_prepared_stmt_count), the statement goes as text instead.
 */
function run(
  connection: PoolConnection,
  sql: string,
  params: unknown[],
  prepared: boolean,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, rows: unknown) => {
      if (
        prepared &&
        (err as { errno?: number } | null)?.errno === ER_MAX_PREPARED_STMT_COUNT_REACHED
      ) {
        prepared = false;
        connection.query(sql, params, done);
        return;
      }
      connection.release();
      if (err) reject(err);
      else resolve(rows);
    };
    if (!prepared) return connection.query(sql, params, done);
    connection.execute(sql, params.includes(undefined) ? params.map(p => p ?? null) : params, done);
  });
}

/**
 * Runs one plain SQL read and returns its rows: the one way hot reads reach the database.
 * - Inside a transaction (`runner` given) it is the runner's statement, as before.
 * - On SQLite (better-sqlite3 runs synchronously) and with read replicas (routeReads in
 *   replication.ts sends reads to a replica while the request has not written), it is TypeORM's
 *   `dataSource.query`.
 * - On MySQL/MariaDB without replicas, it runs the statement on the mysql2 pool TypeORM holds,
 *   without a query runner per statement, from its second time as a prepared statement (binary
 *   protocol: less work for the server per statement; see `preparing` and `run`) when
 *   DB_PREPARED_STATEMENTS is above 0, and keeps everything TypeORM's path gave: the read's
 *   server-side time limit (statement-limit.ts), the SqlLogger's statement count, capture and
 *   slow/failed-SQL lines, the AfterQuery event the statement observers listen to (sql-metrics.ts;
 *   its `queryRunner` is undefined), and failures as TypeORM's QueryFailedError around the driver's
 *   error. A connection the pool cannot give (queue full, server unreachable) fails with the
 *   driver's own error, unlogged, as TypeORM's runner did.
 */
export async function readRows<R = Record<string, unknown>>(
  dataSource: DataSource,
  sql: string,
  params: unknown[] = [],
  runner?: QueryRunner,
): Promise<R[]> {
  if (runner) return (await runner.query(sql, params)) as R[];
  const found = directDriver(dataSource);
  if (!found) return (await dataSource.query(sql, params)) as R[];
  const driver = found.driver;
  const connection = await new Promise<PoolConnection>((resolve, reject) =>
    driver.pool!.getConnection((err, connection) =>
      err ? reject(err) : resolve(driver.prepareDbConnection(connection)),
    ),
  );
  const query = limitStatement(dataSource, sql);
  const logger = dataSource.logger;
  const subscribers = dataSource.subscribers;
  const pending: Promise<unknown>[] = [];
  // What TypeORM's Before/AfterQuery events carry (no query runner: there is none), built as a
  // literal for each listener, as TypeORM's broadcaster does (a spread costs more; this runs after
  // every statement). A BeforeQuery event leaves the outcome undefined.
  const queryEvent = (success?: boolean, ms?: number, raw?: unknown, error?: unknown) => ({
    dataSource,
    connection: dataSource,
    queryRunner: undefined as unknown as QueryRunner,
    manager: dataSource.manager,
    query,
    parameters: params,
    success: success as boolean,
    executionTime: ms,
    rawResults: raw,
    error,
  });
  try {
    logger.logQuery(query, params);
    for (const subscriber of subscribers) {
      if (!subscriber.beforeQuery) continue;
      const result: unknown = subscriber.beforeQuery(queryEvent());
      if (result instanceof Promise) pending.push(result);
    }
    if (pending.length) await Promise.all(pending.splice(0));
  } catch (err) {
    // A logger or BeforeQuery listener that fails: the statement is not sent, the connection returns.
    connection.release();
    throw err;
  }
  const slowMs = driver.options.maxQueryExecutionTime;
  const start = Date.now();
  const after = (success: boolean, ms: number | undefined, raw: unknown, error: unknown) => {
    for (const subscriber of subscribers) {
      if (!subscriber.afterQuery) continue;
      const result: unknown = subscriber.afterQuery(queryEvent(success, ms, raw, error));
      if (result instanceof Promise) pending.push(result);
    }
  };
  try {
    const rows = await run(connection, query, params, preparing(found, query));
    const ms = Date.now() - start;
    if (slowMs && ms > slowMs) logger.logQuerySlow(ms, query, params);
    after(true, ms, rows, undefined);
    return rows as R[];
  } catch (err) {
    const ms = Date.now() - start;
    if (slowMs && ms > slowMs) logger.logQuerySlow(ms, query, params);
    logger.logQueryError(err as Error, query, params);
    after(false, undefined, undefined, err);
    throw new QueryFailedError(query, params, err as Error);
  } finally {
    if (pending.length) await Promise.all(pending);
  }
}
