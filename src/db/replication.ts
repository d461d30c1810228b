import { AsyncLocalStorage } from "node:async_hooks";
import type { DataSource, EntityManager, QueryRunner, ReplicationMode } from "typeorm";

/** What one request knows about where its reads may go. */
interface ReadScope {
  /** Set by the request's first write: from then on every read of the request uses the primary. */
  primary: boolean;
}

const scopes = new AsyncLocalStorage<ReadScope>();

/** Statements that only read (a SELECT, a parenthesised UNION ALL page, a WITH). */
const READ = /^\s*\(?\s*(select|with)\b/i;

/**
 * mysql2 pool-cluster settings: a node whose connections fail 3 times in a row is left out for 2 s,
 * then tried again (mysql2's default would drop it for good after 5, the primary included).
 */
export const POOL_CLUSTER_OPTIONS = {
  canRetry: true,
  removeNodeErrorCount: 3,
  restoreNodeTimeout: 2000,
  defaultSelector: "RR",
} as const;

/**
 * Runs `work` (one request) in a read scope: its reads go to a replica until it writes, and from its
 * first write on (a transaction, an UPDATE, anything that takes a primary connection) every read
 * of that request goes to the primary, so it reads its own writes. Everything `work` starts
 * (promises, DataLoader batches) inherits the scope. Without replicas the scope changes nothing.
 * Outside any read scope (CLIs, migrations, start-up) every statement uses the primary.
 */
export function withReadScope<T>(work: () => T): T {
  return scopes.run({ primary: false }, work);
}

/**
 * Runs `work` on a primary connection without moving the rest of the request there: for reads that
 * must not lag, such as checking a bearer token (a revocation takes effect at once). Without
 * replicas it is the data source's own manager.
 */
export async function readPrimary<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T> {
  const create = unrouted.get(dataSource);
  if (!create) return work(dataSource.manager);
  const runner = create("master");
  try {
    return await work(runner.manager);
  } finally {
    await runner.release();
  }
}

/** True when the data source was built with read replicas. */
export function hasReplicas(dataSource: DataSource): boolean {
  return Boolean((dataSource.options as { replication?: unknown }).replication);
}

/** Each replicated data source's own createQueryRunner, before routeReads wrapped it. */
const unrouted = new WeakMap<DataSource, (mode: ReplicationMode) => QueryRunner>();

/**
 * Routes a replicated data source's statements (call before `initialize()`):
 * - in a read scope that has not written, reads go to a replica: TypeORM already sends query-builder
 *   and repository reads there ("slave" mode), and raw `dataSource.query` reads (the keyset pages,
 *   search), which TypeORM would send to the primary, are sent there too;
 * - in a read scope that has written, and outside any read scope, everything uses the primary;
 * - a read that finds no replica to connect to (all down) falls back to the primary, with `onFallback`.
 */
export function routeReads(dataSource: DataSource, onFallback?: (err: Error) => void): void {
  if (!hasReplicas(dataSource)) return;
  const create = dataSource.createQueryRunner.bind(dataSource);
  unrouted.set(dataSource, create);
  dataSource.createQueryRunner = (mode: ReplicationMode = "master"): QueryRunner => {
    const scope = scopes.getStore();
    if (mode === "master") {
      if (scope) scope.primary = true;
    } else if (!scope || scope.primary) mode = "master";
    return create(mode);
  };
  const query = dataSource.query.bind(dataSource) as DataSource["query"];
  dataSource.query = (async (sql: string, parameters?: unknown[], runner?: QueryRunner) => {
    const scope = scopes.getStore();
    if (runner || !scope || scope.primary || !READ.test(sql)) {
      return query(sql, parameters, runner);
    }
    const replica = create("slave");
    try {
      return await replica.query(sql, parameters);
    } finally {
      await replica.release();
    }
  }) as DataSource["query"];

  // TypeORM takes a replica connection through the driver's obtainSlaveConnection.
  const driver = dataSource.driver as unknown as {
    obtainSlaveConnection(): Promise<unknown>;
    obtainMasterConnection(): Promise<unknown>;
  };
  const slave = driver.obtainSlaveConnection.bind(driver);
  driver.obtainSlaveConnection = async () => {
    try {
      return await slave();
    } catch (err) {
      const code = (err as { code?: string }).code;
      // No replica online (POOL_NONEONLINE), or one refused and none was left to retry.
      if (code !== "POOL_NONEONLINE" && code !== "POOL_NOEXIST" && !isUnreachable(code)) throw err;
      onFallback?.(err as Error);
      return driver.obtainMasterConnection();
    }
  };
}

function isUnreachable(code: string | undefined): boolean {
  return ["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND"].includes(
    code ?? "",
  );
}

/** One pool's answer to a ping. */
export interface PoolPing {
  /** `primary`, or `replica0`, `replica1`, … in DATABASE_REPLICA_URLS order. */
  pool: string;
  ok: boolean;
  error?: string;
}

/** The parts of mysql2's PoolCluster (callback API) used here. */
interface PoolCluster {
  getConnection(
    pattern: string,
    cb: (
      err: Error | null,
      connection: {
        query(sql: string, cb: (err: Error | null) => void): void;
        release(): void;
      },
    ) => void,
  ): void;
}

/** The name the metrics and readiness use for a pool-cluster node (MASTER, SLAVE0, …). */
export function poolName(node: string): string {
  if (node === "MASTER") return "primary";
  const replica = /^SLAVE(\d+)$/.exec(node);
  return replica ? `replica${replica[1]}` : node.toLowerCase();
}

/**
 * Pings every pool once with `SELECT 1`: the primary and each replica on a replicated data source,
 * or the one pool otherwise (reported as `primary`).
 */
export async function pingPools(dataSource: DataSource): Promise<PoolPing[]> {
  const cluster = (dataSource.driver as unknown as { poolCluster?: PoolCluster }).poolCluster;
  if (!cluster) {
    try {
      await dataSource.query("SELECT 1");
      return [{ pool: "primary", ok: true }];
    } catch (err) {
      return [{ pool: "primary", ok: false, error: (err as Error).message }];
    }
  }
  const replicas = (dataSource.options as { replication?: { slaves?: unknown[] } }).replication
    ?.slaves?.length;
  const nodes = ["MASTER", ...Array.from({ length: replicas ?? 0 }, (_, i) => `SLAVE${i}`)];
  return Promise.all(
    nodes.map(
      node =>
        new Promise<PoolPing>(resolve => {
          const pool = poolName(node);
          cluster.getConnection(node, (err, connection) => {
            if (err) return resolve({ pool, ok: false, error: err.message });
            connection.query("SELECT 1", queryErr => {
              connection.release();
              resolve(queryErr ? { pool, ok: false, error: queryErr.message } : { pool, ok: true });
            });
          });
        }),
    ),
  );
}
