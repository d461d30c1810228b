import { BadUserInputError } from "../core/errors";

// Step 1 of a page: what the client asked for (connection arguments, validated), and the shapes a
// page is made of (Page, Edge, PageInfo, cursors). No SQL here; see keyset.ts and pagination.ts.

/** Page size when the client gives neither `first` nor `last`. */
export const DEFAULT_PAGE_SIZE = 20;
/** The largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;

/** Relay connection arguments as the client sent them. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** Validated pagination: how many rows, which way, from which cursor. */
export interface PageRequest {
  size: number;
  backward: boolean;
  cursor: unknown[] | null;
}

/** One column of a stable sort. The last key of every sort must be unique (the id). */
export interface SortKey<T> {
  /** Property path on the entity, e.g. `startsAt`. */
  property: keyof T & string;
  direction: "ASC" | "DESC";
  /**
   * For a nullable column: the value NULL sorts as (e.g. the far future), so that the order stays
   * total and keyset cursors work across NULLs.
   */
  nullsAs?: unknown;
  /**
   * The SQL to sort and compare on instead of the entity's own column, when an index on another
   * table of the query serves the order (e.g. `sp.starts_at`, a copy of `startsAt` on the program
   * link). It must hold the same value as `property`, so that cursors stay the same.
   */
  sql?: string;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A page of a connection. `totalCount` runs its query only when read (i.e. when selected). */
export class Page<T> {
  constructor(
    readonly edges: Edge<T>[],
    readonly pageInfo: PageInfo,
    private readonly countFn: () => Promise<number>,
  ) {}

  get totalCount(): Promise<number> {
    return this.countFn();
  }

  get nodes(): T[] {
    return this.edges.map(e => e.node);
  }
}

const CURSOR_PREFIX = "c1";

/** Validates connection arguments (both directions, sizes, cursors). */
export function parsePageArgs(args: PageArgs): PageRequest {
  const { first, after, last, before } = args;
  const problems: { field: string; message: string }[] = [];
  if (first != null && last != null) {
    problems.push({ field: "first", message: "give either first or last, not both" });
  }
  if (after != null && before != null) {
    problems.push({ field: "after", message: "give either after or before, not both" });
  }
  for (const [field, value] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (value != null && (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE)) {
      problems.push({ field, message: `must be between 0 and ${MAX_PAGE_SIZE}` });
    }
  }
  if (last != null && after != null) {
    problems.push({ field: "after", message: "use last with before, or first with after" });
  }
  if (first != null && before != null) {
    problems.push({ field: "before", message: "use first with after, or last with before" });
  }
  if (problems.length) {
    throw new BadUserInputError(
      `Invalid pagination: ${problems.map(p => `${p.field} ${p.message}`).join("; ")}`,
      problems,
    );
  }
  const backward = last != null || before != null;
  const raw = backward ? before : after;
  return {
    size: (backward ? last : first) ?? DEFAULT_PAGE_SIZE,
    backward,
    cursor: raw == null ? null : decodeCursor(raw, backward ? "before" : "after"),
  };
}

/** Decodes a cursor to its sort values; anything that is not one of ours is BAD_USER_INPUT. */
export function decodeCursor(cursor: string, field: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(parsed) && parsed[0] === CURSOR_PREFIX && Array.isArray(parsed[1])) {
      return parsed[1] as unknown[];
    }
  } catch {
    // fall through to the error below
  }
  throw new BadUserInputError(`${field}: "${cursor}" is not a cursor from this connection`, [
    { field, message: "is not a valid cursor" },
  ]);
}

/** Encodes sort values as an opaque cursor (the inverse of what parsePageArgs decodes). */
export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify([CURSOR_PREFIX, values]), "utf8").toString("base64url");
}
