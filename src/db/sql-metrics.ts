import type { AfterQueryEvent, DataSource, EntitySubscriberInterface } from "typeorm";
import { poolName } from "./replication";
import { isSqlite } from "./engine";

/** One finished SQL statement: its leading verb, whether it succeeded, and how long it took. */
export interface StatementObservation {
  /** `select`, `insert`, `update`, `delete`, `transaction` or `other`: a bounded set. */
  verb: StatementVerb;
  ok: boolean;
  /** Milliseconds; TypeORM measures only statements that succeed. */
  ms?: number;
}

export type StatementVerb = "select" | "insert" | "update" | "delete" | "transaction" | "other";

/**
 * Calls `listener` after every statement the data source runs, with TypeORM's own timing (its
 * AfterQuery event, which readRows in read-rows.ts also sends for the reads it runs on the pool;
 * the SqlLogger only hears the time of slow statements). Returns a function
 * that stops listening, so that an app closed over a shared data source leaves nothing behind.
 */
export function observeStatements(
  dataSource: DataSource,
  listener: (statement: StatementObservation) => void,
): () => void {
  const subscriber: EntitySubscriberInterface = {
    afterQuery(event: AfterQueryEvent) {
      listener({ verb: statementVerb(event.query), ok: event.success, ms: event.executionTime });
    },
  };
  const subscribers = dataSource.subscribers as EntitySubscriberInterface[];
  subscribers.push(subscriber);
  return () => {
    const at = subscribers.indexOf(subscriber);
    if (at >= 0) subscribers.splice(at, 1);
  };
}

/** Its first keyword, past leading space, MariaDB's `SET STATEMENT … FOR` prefix and parentheses. */
const LEADING_WORD = /^\s*(?:SET\s+STATEMENT\s+.*?\s+FOR\s+)?\(*([A-Za-z]+)/is;

/**
 * The statement's kind, from its first keyword (MariaDB's `SET STATEMENT … FOR` prefix skipped).
 * One match on the text as it is: this runs after every statement.
 */
export function statementVerb(sql: string): StatementVerb {
  const word = LEADING_WORD.exec(sql)?.[1].toLowerCase() ?? "";
  switch (word) {
    case "select":
    case "with":
      return "select";
    case "insert":
    case "replace":
      return "insert";
    case "update":
      return "update";
    case "delete":
      return "delete";
    case "start":
    case "begin":
    case "commit":
    case "rollback":
    case "savepoint":
    case "release":
      return "transaction";
    default:
      return "other";
  }
}

/** Connections of one pool at this moment. */
export interface PoolStats {
  /** `primary`, or a replica's name when the driver keeps a cluster of pools. */
  pool: string;
  /** Most connections the pool opens. */
  limit: number;
  /** Connections handed out to a query or transaction. */
  inUse: number;
  /** Open connections waiting in the pool. */
  idle: number;
  /** Requests waiting for a connection. */
  queued: number;
}

/** The parts of a mysql2 pool (callback API, as TypeORM holds it) read here. */
interface Mysql2Pool {
  config?: { connectionLimit?: number };
  _allConnections?: { length: number };
  _freeConnections?: { length: number };
  _connectionQueue?: { length: number };
}

/**
 * The connection pools' state, read at scrape time. MySQL/MariaDB: mysql2's own counters (it keeps
 * no public ones; these fields have been stable through mysql2 3.x). SQLite: better-sqlite3 holds
 * one connection and runs each statement synchronously on the event loop, so no statement is ever
 * running, and none waiting, when this (also on the event loop) reads it.
 */
export function poolStats(dataSource: DataSource): PoolStats[] {
  if (isSqlite(dataSource)) {
    return [
      { pool: "primary", limit: 1, inUse: 0, idle: dataSource.isInitialized ? 1 : 0, queued: 0 },
    ];
  }
  const driver = dataSource.driver as unknown as {
    pool?: Mysql2Pool;
    poolCluster?: { _nodes?: Record<string, { pool: Mysql2Pool }> };
  };
  const pools: [string, Mysql2Pool][] = [];
  if (driver.pool) pools.push(["primary", driver.pool]);
  for (const [name, node] of Object.entries(driver.poolCluster?._nodes ?? {})) {
    pools.push([poolName(name), node.pool]);
  }
  return pools.map(([pool, p]) => {
    const open = p._allConnections?.length ?? 0;
    const idle = p._freeConnections?.length ?? 0;
    return {
      pool,
      limit: p.config?.connectionLimit ?? 0,
      inUse: Math.max(0, open - idle),
      idle,
      queued: p._connectionQueue?.length ?? 0,
    };
  });
}
