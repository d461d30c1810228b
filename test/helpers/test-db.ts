import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import pino from "pino";
import type { DataSource } from "typeorm";
import { parseDatabaseUrl, type DatabaseConfig, type DatabaseLimits } from "../../src/core/config";
import { openDataSource, migrate } from "../../src/db/data-source";
import { seedDemoData } from "../../src/db/seed/seed";
import { SqlLogger } from "../../src/db/sql-logger";

/** The engine this run tests: SQLite unless TEST_DATABASE_URL names a MySQL server. */
export const TEST_ENGINE = parseDatabaseUrl(process.env.TEST_DATABASE_URL, ":memory:").engine;

export interface TestDatabase {
  config: DatabaseConfig;
  dataSource: DataSource;
  sql: SqlLogger;
  /** Closes the connection and drops the database (or deletes the file). */
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, its schema built by running the migrations:
 * `crosstalk_test_<name>` on MySQL, a temporary file on SQLite. Never touches any other database.
 */
export async function createTestDatabase(
  name: string,
  options: { seed?: boolean; migrate?: boolean; limits?: DatabaseLimits } = {},
): Promise<TestDatabase> {
  const safe = name
    .replace(/[^a-z0-9_]/gi, "_")
    .toLowerCase()
    .slice(0, 40);
  let config: DatabaseConfig;
  let cleanup: () => Promise<void>;
  if (TEST_ENGINE === "mysql") {
    const url = new URL(process.env.TEST_DATABASE_URL as string);
    // The pid keeps two concurrent runs (a developer and CI, say) from sharing a database.
    const database = `crosstalk_test_${safe}_${process.pid}`;
    const admin = await mysql.createConnection({
      host: url.hostname,
      port: Number(url.port || 3306),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
    });
    await admin.query(`DROP DATABASE IF EXISTS \`${database}\``);
    await admin.query(
      `CREATE DATABASE \`${database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`,
    );
    await admin.end();
    url.pathname = `/${database}`;
    config = { engine: "mysql", url: url.toString(), sqlitePath: "" };
    cleanup = async () => {
      const again = await mysql.createConnection({
        host: url.hostname,
        port: Number(url.port || 3306),
        user: decodeURIComponent(url.username),
        password: decodeURIComponent(url.password),
      });
      await again.query(`DROP DATABASE IF EXISTS \`${database}\``);
      await again.end();
    };
  } else {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `crosstalk-test-${safe}-`));
    config = { engine: "sqlite", sqlitePath: path.join(dir, "test.sqlite") };
    cleanup = async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const sql = new SqlLogger(pino({ level: "silent" }));
  if (options.limits) config.limits = options.limits;
  const dataSource = await openDataSource(config, sql);
  if (options.migrate !== false) await migrate(dataSource);
  if (options.seed) await seedDemoData(dataSource);
  return {
    config,
    dataSource,
    sql,
    async drop() {
      if (dataSource.isInitialized) await dataSource.destroy();
      await cleanup();
    },
  };
}
