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
