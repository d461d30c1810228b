import type { Logger as TypeOrmLogger } from "typeorm";
import type { Logger } from "pino";

/**
 * Routes TypeORM's log calls to pino and counts the SQL statements sent, so that benchmarks and tests
 * can check that a request's statement count depends on the query's shape, not on row counts.
 */
export class SqlLogger implements TypeOrmLogger {
  /** Statements executed since start (or since the last reset). */
  statements = 0;
  /** When set, every statement's SQL is pushed here (tests and benchmarks only). */
  captured: string[] | null = null;
  /** When set, every statement's SQL and parameters are pushed here (for EXPLAIN in tests). */
  capturedWithParameters: { sql: string; parameters: unknown[] }[] | null = null;

  constructor(private readonly pino: Logger) {}

  logQuery(query: string, parameters?: unknown[]): void {
    this.statements += 1;
    this.captured?.push(query);
    this.capturedWithParameters?.push({ sql: query, parameters: parameters ?? [] });
    if (this.pino.isLevelEnabled("trace")) this.pino.trace({ sql: query, parameters }, "sql");
  }

  logQueryError(error: string | Error, query: string, parameters?: unknown[]): void {
    this.pino.warn({ err: error, sql: query, parameters }, "sql failed");
  }

  logQuerySlow(time: number, query: string): void {
    this.pino.warn({ ms: time, sql: query }, "slow sql");
  }

  logSchemaBuild(message: string): void {
    this.pino.debug(message);
  }

  logMigration(message: string): void {
    this.pino.info(message);
  }

  log(level: "log" | "info" | "warn", message: unknown): void {
    if (level === "warn") this.pino.warn(String(message));
    else this.pino.debug(String(message));
  }

  private lastFallbackLog = 0;

  /** A read found no replica to connect to and used the primary (logged at most every 10 s). */
  replicaFallback(err: Error): void {
    const now = Date.now();
    if (now - this.lastFallbackLog < 10_000) return;
    this.lastFallbackLog = now;
    this.pino.warn(
      { reason: err.message },
      "no read replica reachable: reads go to the primary until one answers again",
    );
  }

  /** Counts the statements `fn` makes. */
  async count<T>(fn: () => Promise<T>): Promise<{ result: T; statements: number; sql: string[] }> {
    const before = this.statements;
    const sql: string[] = [];
    this.captured = sql;
    try {
      const result = await fn();
      return { result, statements: this.statements - before, sql };
    } finally {
      this.captured = null;
    }
  }

  /** The statements `fn` sends, with their parameters, so that a test can EXPLAIN them. */
  async capture<T>(
    fn: () => Promise<T>,
  ): Promise<{ result: T; statements: { sql: string; parameters: unknown[] }[] }> {
    const statements: { sql: string; parameters: unknown[] }[] = [];
    this.capturedWithParameters = statements;
    try {
      return { result: await fn(), statements };
    } finally {
      this.capturedWithParameters = null;
    }
  }
}
