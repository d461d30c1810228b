import type { DataSource } from "typeorm";
import { readRows } from "./read-rows";

/**
 * Limits that keep every batched statement within what both engines accept: SQLite refuses a
 * compound SELECT of more than 500 terms and (by default) more than 32,766 parameters; MySQL refuses
 * a packet larger than `max_allowed_packet` (16 MB by default on MariaDB, 64 MB on MySQL 8). A chunk
 * stops at whichever of these comes first, well under each engine's limit.
 */
export const STATEMENT_LIMITS = {
  /** Arms of one UNION ALL. */
  maxArms: 100,
  /** Bound parameters of one statement. */
  maxParams: 10_000,
  /** Characters of SQL text in one statement (parameters travel beside it, or inline on mysql2). */
  maxChars: 1_000_000,
} as const;

/** One SQL fragment with its positional parameters. */
export interface SqlPart {
  sql: string;
  params: unknown[];
}

/**
 * Splits parts into consecutive chunks under the limits. A part larger than a limit on its own
 * still gets a chunk to itself (the engine is then the judge), so nothing is ever dropped.
 */
export function chunkParts<P extends SqlPart>(
  parts: P[],
  limits: { maxArms: number; maxParams: number; maxChars: number } = STATEMENT_LIMITS,
): P[][] {
  const chunks: P[][] = [];
  let current: P[] = [];
  let params = 0;
  let chars = 0;
  for (const part of parts) {
    const full =
      current.length >= limits.maxArms ||
      params + part.params.length > limits.maxParams ||
      chars + part.sql.length > limits.maxChars;
    if (current.length && full) {
      chunks.push(current);
      current = [];
      params = 0;
      chars = 0;
    }
    current.push(part);
    params += part.params.length;
    chars += part.sql.length;
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/**
 * The parts as one UNION ALL, each wrapped as `SELECT * FROM (…) u<i>`, which both SQLite and MySQL
 * accept for a part with its own ORDER BY and LIMIT (SQLite refuses them on a bare compound term).
 */
export function unionAll(dataSource: DataSource, parts: SqlPart[]): SqlPart {
  const q = (name: string) => dataSource.driver.escape(name);
  return {
    sql: parts.map((part, i) => `SELECT * FROM (${part.sql}) ${q(`u${i}`)}`).join(" UNION ALL "),
    params: parts.flatMap(part => part.params),
  };
}

/**
 * Runs the parts as UNION ALL statements, one per chunk (see chunkParts), and returns all rows,
 * chunk after chunk. A chunk of one part runs as it is.
 */
export async function runUnionAll(
  dataSource: DataSource,
  parts: SqlPart[],
): Promise<Record<string, unknown>[]> {
  const rows: Record<string, unknown>[] = [];
  for (const chunk of chunkParts(parts)) {
    const { sql, params } = chunk.length === 1 ? chunk[0] : unionAll(dataSource, chunk);
    rows.push(...(await readRows(dataSource, sql, params)));
  }
  return rows;
}

/**
 * The most keys a batched load by id puts in one IN list (DataLoader's `maxBatchSize` in
 * src/graphql/loaders.ts): far under SQLite's parameter limit, and statements stay small on MySQL.
 */
export const MAX_BATCH_KEYS = 500;
