import fs from "node:fs";
import path from "node:path";
import mysql from "mysql2/promise";
import { DataSource, type DataSourceOptions } from "typeorm";
import { entities } from "../../entities";
import type { DatabaseConfig } from "../core/config";
import { mysqlMigrations } from "./migrations/mysql";
import { sqliteMigrations } from "./migrations/sqlite";
import { SnakeNamingStrategy } from "./naming-strategy";
import type { SqlLogger } from "./sql-logger";

/**
 * For a MySQL URL, asks the server once whether it is MariaDB (TypeORM reads column defaults
 * differently on each). Returns the config with `mariadb` set; SQLite passes through.
 */
export async function detectMariaDb(db: DatabaseConfig): Promise<DatabaseConfig> {
  if (db.engine !== "mysql" || db.mariadb !== undefined) return db;
  const connection = await mysql.createConnection({ uri: db.url });
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
    options = {
      ...common,
      type: db.mariadb ? "mariadb" : "mysql",
      url: db.url,
      charset: "utf8mb4_unicode_ci",
      // Instants are stored and read in UTC whatever the server's zone.
      timezone: "Z",
      dateStrings: ["DATE"],
      supportBigNumbers: true,
      migrations: mysqlMigrations,
      extra: { connectionLimit: 10 },
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
  return new DataSource(options);
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
