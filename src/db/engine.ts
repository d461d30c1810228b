/** Anything that knows its TypeORM options: a DataSource, or an EntityManager or QueryRunner. */
export type KnowsEngine =
  { options: { type: string } } | { connection: { options: { type: string } } };

/**
 * Whether `source` runs on the embedded SQLite file (TypeORM's better-sqlite3 driver: one
 * connection, no row locks, SQLite's SQL) rather than on MySQL/MariaDB. The one place that tells
 * the engines apart at run time.
 */
export function isSqlite(source: KnowsEngine): boolean {
  const options = "options" in source ? source.options : source.connection.options;
  return options.type === "better-sqlite3";
}

/**
 * SQL for the database's own clock `seconds` ago (a whole number). Columns filled by their DEFAULT
 * (`created_at`) hold the database's clock in its time zone, so a cutoff for them is computed there
 * too, never from the application's clock.
 */
export function databaseNowMinus(source: KnowsEngine, seconds: number): string {
  const s = Math.round(seconds);
  return isSqlite(source) ? `datetime('now', '-${s} seconds')` : `NOW(6) - INTERVAL ${s} SECOND`;
}
