import type { DataSource, QueryRunner } from "typeorm";

/** The flavours whose servers limit a statement's run time, each in its own syntax. */
export type MysqlFlavour = "mysql" | "mariadb";

/** Each limited data source's flavour and limit, for statements that bypass its query runners. */
const limits = new WeakMap<DataSource, { flavour: MysqlFlavour; ms: number }>();

/** Statements that only read: a SELECT, a parenthesised SELECT (UNION ALL pages) or a WITH. */
const READ = /^\s*\(?\s*(select|with)\b/i;

/**
 * Rewrites a read statement so that the server stops it after `ms` milliseconds:
 * MySQL's `MAX_EXECUTION_TIME` optimizer hint after the first SELECT, or MariaDB's
 * `SET STATEMENT max_statement_time=<seconds> FOR …`. Writes and anything else pass unchanged.
 */
export function withStatementLimit(sql: string, flavour: MysqlFlavour, ms: number): string {
  if (!READ.test(sql)) return sql;
  if (flavour === "mariadb") return `SET STATEMENT max_statement_time=${ms / 1000} FOR ${sql}`;
  return sql.replace(/\bselect\b/i, match => `${match} /*+ MAX_EXECUTION_TIME(${ms}) */`);
}

/**
 * Makes every read statement of a MySQL/MariaDB data source carry a server-side time limit, so a
 * runaway query stops on the server instead of running on behind a request that has given up. Done
 * per statement rather than per session: MariaDB's session `max_statement_time` would cover writes
 * and migrations too. Call before `initialize()`.
 */
export function limitReadStatements(dataSource: DataSource, flavour: MysqlFlavour, ms: number) {
  limits.set(dataSource, { flavour, ms });
  const driver = dataSource.driver;
  const create = driver.createQueryRunner.bind(driver);
  driver.createQueryRunner = (mode): QueryRunner => {
    const runner = create(mode);
    const query = runner.query.bind(runner) as (
      sql: string,
      ...rest: unknown[]
    ) => Promise<unknown>;
    runner.query = ((sql: string, ...rest: unknown[]) =>
      query(withStatementLimit(sql, flavour, ms), ...rest)) as QueryRunner["query"];
    return runner;
  };
}

/**
 * `sql` as the data source's query runners send it: with the read time limit when
 * `limitReadStatements` set one (see readRows in read-rows.ts), else unchanged.
 */
export function limitStatement(dataSource: DataSource, sql: string): string {
  const limit = limits.get(dataSource);
  return limit ? withStatementLimit(sql, limit.flavour, limit.ms) : sql;
}
