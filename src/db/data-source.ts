import fs from "node:fs";
import path from "node:path";
import mysql from "mysql2/promise";
import { DataSource, type DataSourceOptions } from "typeorm";
import { entities } from "../../entities";
import { DEFAULT_DATABASE_LIMITS, type DatabaseConfig } from "../core/config";
import { mysqlMigrations } from "./migrations/mysql";
import { sqliteMigrations } from "./migrations/sqlite";
import { SnakeNamingStrategy } from "./naming-strategy";
import type { SqlLogger } from "./sql-logger";
import { POOL_CLUSTER_OPTIONS, routeReads } from "./replication";
import { limitReadStatements } from "./statement-limit";

/**
 * For a MySQL URL, asks the server once whether it is MariaDB (TypeORM reads column defaults
 * differently on each). Returns the config with `mariadb` set; SQLite passes through.
 */
export async function detectMariaDb(db: DatabaseConfig): Promise<DatabaseConfig> {
  if (db.engine !== "mysql" || db.mariadb !== undefined) return db;
  const connectTimeout = (db.limits ?? DEFAULT_DATABASE_LIMITS).connectTimeoutMs;
  const connection = await mysql.createConnection({ uri: db.url, connectTimeout });
  try {
    const [rows] = await connection.query("SELECT VERSION() AS v");
    const version = String((rows as { v: string }[])[0]?.v ?? "");
    return { ...db, mariadb: /mariadb/i.test(version) };
  } finally {
    await connection.end();
  }
}

/**
 * Builds (does not connect) the TypeORM data source for an engine. Both engines share one entity set;
 * each has its own committed migrations. `synchronize` is always off: the schema comes only from
 * migrations.
 */
export function createDataSource(db: DatabaseConfig, logger?: SqlLogger): DataSource {
  const limits = db.limits ?? DEFAULT_DATABASE_LIMITS;
  const common = {
    entities,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: "migrations",
    // Without a logger TypeORM falls back to its console logger, which writes slow-query warnings to
    // stdout; so SQL logging (slow queries included) is on only when a logger is given.
    logger,
    logging: logger ? true : false,
    maxQueryExecutionTime: logger ? 1000 : undefined,
  };
  let options: DataSourceOptions;
  if (db.engine === "mysql") {
    const replicas = db.replicaUrls ?? [];
    options = {
      ...common,
      type: db.mariadb ? "mariadb" : "mysql",
      // With replicas: one mysql2 pool per server (each with the limits below), reads routed by
      // routeReads (src/db/replication.ts).
      ...(replicas.length
        ? {
            replication: {
              master: { url: db.url },
              slaves: replicas.map(url => ({ url })),
              ...POOL_CLUSTER_OPTIONS,
            },
          }
        : { url: db.url }),
      charset: "utf8mb4_unicode_ci",
      // Instants are stored and read in UTC whatever the server's zone.
      timezone: "Z",
      dateStrings: ["DATE"],
      supportBigNumbers: true,
      migrations: mysqlMigrations,
      connectTimeout: limits.connectTimeoutMs,
      // A bounded wait for a pooled connection: past queueLimit waiting requests, mysql2 refuses at
      // once ("Queue limit reached.") and the request is answered 503 SERVICE_UNAVAILABLE. Only
      // when limits are configured (loadConfig always sets them): tools and tests that build a
      // DatabaseConfig by hand, such as bulk seeding with hundreds of reads at once, may queue freely.
      // `trace: false`: mysql2 would otherwise capture a stack trace for every statement, only to
      // decorate an error that our own layers classify and log anyway.
      // `maxPreparedStatements`: the statements each connection keeps prepared for readRows
      // (read-rows.ts), least recently used closed past it; absent (0 configured), hot reads go as
      // text. mysql2's own default (16,000 per connection) would let a pool of ten exhaust the
      // server's max_prepared_stmt_count, which every connection of every process shares.
      extra: {
        connectionLimit: limits.poolSize,
        queueLimit: db.limits ? limits.queueLimit : 0,
        trace: false,
        ...(limits.preparedStatements > 0
          ? { maxPreparedStatements: limits.preparedStatements }
          : {}),
      },
    };
  } else {
    if (db.sqlitePath !== ":memory:") {
      fs.mkdirSync(path.dirname(db.sqlitePath), { recursive: true });
    }
    options = {
      ...common,
      type: "better-sqlite3",
      database: db.sqlitePath,
      enableWAL: db.sqlitePath !== ":memory:",
      migrations: sqliteMigrations,
    };
  }
  const dataSource = new DataSource(options);
  if (db.engine === "mysql" && limits.statementTimeoutMs > 0) {
    limitReadStatements(dataSource, db.mariadb ? "mariadb" : "mysql", limits.statementTimeoutMs);
  }
  routeReads(dataSource, err => logger?.replicaFallback(err));
  return dataSource;
}

/** Detects the MySQL flavour when needed, builds the data source and connects it. */
export async function openDataSource(db: DatabaseConfig, logger?: SqlLogger): Promise<DataSource> {
  const dataSource = createDataSource(await detectMariaDb(db), logger);
  await dataSource.initialize();
  return dataSource;
}

/** Runs pending migrations in one transaction each; returns the names applied. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: "each" });
  return applied.map(m => m.name);
}

/**
 * The schema changes TypeORM would still make to match the entities. Empty when migrations and
 * entities agree; anything else is drift.
 */
export async function pendingSchemaChanges(dataSource: DataSource): Promise<string[]> {
  const sqlInMemory = await dataSource.driver.createSchemaBuilder().log();
  return sqlInMemory.upQueries.map(q => q.query);
}

/** Where a database lives, for log lines: host and port (or the SQLite file), never credentials. */
export function databaseLocation(db: DatabaseConfig): string {
  if (db.engine === "sqlite") return db.sqlitePath;
  try {
    const url = new URL(db.url as string);
    return `${url.hostname}:${url.port || 3306}`;
  } catch {
    return "(unparseable DATABASE_URL)";
  }
}

/** Thrown when the database stayed unreachable for the whole start-up retry period. */
export class DatabaseUnreachableError extends Error {
  override name = "DatabaseUnreachableError";
}

/**
 * Opens the data source, retrying with exponential backoff (250 ms doubling, at most 5 s apart)
 * for up to `retryMs`, and calls `onRetry` before each wait. Gives up with a
 * DatabaseUnreachableError naming the host, never the password.
 */
export async function openDataSourceWithRetry(
  db: DatabaseConfig,
  retryMs: number,
  onRetry: (info: { attempt: number; waitMs: number; code: string; message: string }) => void,
  logger?: SqlLogger,
): Promise<DataSource> {
  const deadline = Date.now() + retryMs;
  let waitMs = 250;
  for (let attempt = 1; ; attempt++) {
    try {
      return await openDataSource(db, logger);
    } catch (err) {
      const e = err as { code?: string; message?: string };
      const code = e.code ?? "ERROR";
      // Driver messages name host and user at most; strip any URL that might carry a password.
      const message = String(e.message ?? err).replace(/\w+:\/\/\S+/g, "<url>");
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new DatabaseUnreachableError(
          `could not connect to the database at ${databaseLocation(db)} after ${attempt} attempt(s) in ${Math.round(retryMs / 1000)} s: ${code} ${message}`,
        );
      }
      const wait = Math.min(waitMs, left);
      onRetry({ attempt, waitMs: wait, code, message });
      await new Promise(resolve => setTimeout(resolve, wait));
      waitMs = Math.min(waitMs * 2, 5000);
    }
  }
}

/** How many migrations the database has recorded (0 for a database never migrated). */
async function appliedMigrations(dataSource: DataSource): Promise<number> {
  const runner = dataSource.createQueryRunner();
  try {
    if (!(await runner.hasTable("migrations"))) return 0;
    const rows: { n: number | string }[] = await runner.query(
      "SELECT COUNT(*) AS n FROM migrations",
    );
    return Number(rows[0]?.n ?? 0);
  } finally {
    await runner.release();
  }
}

/**
 * The schema step of a CLI that writes: a database never migrated (or MIGRATE_ON_START) is
 * migrated; one with pending migrations is refused, so a tool never writes into an old schema.
 * Returns the migrations applied.
 */
export async function migrateFreshOrRefusePending(
  dataSource: DataSource,
  migrateOnStart: boolean,
): Promise<string[]> {
  if (migrateOnStart || (await appliedMigrations(dataSource)) === 0) return migrate(dataSource);
  if (await dataSource.showMigrations()) {
    throw new Error("the database has pending migrations; run `npm run migrate` first");
  }
  return [];
}
