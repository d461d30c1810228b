import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import type {
  DataSource,
  EntityMetadata,
  EntityTarget,
  ObjectLiteral,
  SelectQueryBuilder,
} from "typeorm";
import { BadUserInputError } from "../core/errors";

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

function decodeCursor(cursor: string, field: string): unknown[] {
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

/** One parent's slice of a batched connection: its key and a query builder scoped to its rows. */
export interface PageMember<K> {
  key: K;
  qb: SelectQueryBuilder<ObjectLiteral>;
}

/**
 * Pages any number of parents' connections in one SQL statement: each member's keyset-limited query
 * becomes one arm of a UNION ALL, so the statement count does not grow with the number of parents.
 * No OFFSET anywhere: cursors carry the sort values of the row they point at.
 */
export async function pageMany<T extends ObjectLiteral, K>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  alias: string,
  members: PageMember<K>[],
  sort: SortKey<T>[],
  page: PageRequest,
): Promise<Map<K, Page<T>>> {
  const metadata = dataSource.getMetadata(entity);
  // totalCount: one COUNT statement for all members, run only if some page's totalCount is read.
  let counts: Promise<Map<K, number>> | null = null;
  const countFor = (key: K) => async () => {
    counts ??= countMany(dataSource, members);
    return (await counts).get(key) ?? 0;
  };
  const columns = sort.map(key => {
    const column = metadata.findColumnWithPropertyPath(key.property);
    if (!column) throw new Error(`${metadata.name} has no column ${key.property}`);
    return { ...key, column };
  });
  if (page.cursor && page.cursor.length !== columns.length) {
    throw new BadUserInputError("The cursor does not belong to this sort order", [
      { field: page.backward ? "before" : "after", message: "is not a cursor for this orderBy" },
    ]);
  }
  const cursorParams = page.cursor?.map((value, i) =>
    dataSource.driver.preparePersistentValue(
      toColumnValue(value, columns[i], page),
      columns[i].column,
    ),
  );
  const nullParams = columns.map(c =>
    c.nullsAs === undefined
      ? undefined
      : dataSource.driver.preparePersistentValue(c.nullsAs, c.column),
  );
  const q = (name: string) => dataSource.driver.escape(name);
  const arms: string[] = [];
  const params: unknown[] = [];
  members.forEach((member, index) => {
    const qb = member.qb.clone();
    qb.select(metadata.columns.map(c => `${alias}.${c.propertyPath}`));
    // The SQL of each sort key: the column, or COALESCE(column, stand-in) for a nullable one.
    const keyParams: Record<string, unknown> = {};
    const exprs = columns.map(({ column }, j) => {
      const plain = `${q(alias)}.${q(column.databaseName)}`;
      if (nullParams[j] === undefined) return plain;
      keyParams[`__n${index}_${j}`] = nullParams[j];
      // MySQL would type COALESCE(datetime, parameter) as a string and compare it as text.
      const standIn =
        column.type === "datetime" && dataSource.options.type !== "better-sqlite3"
          ? `CAST(:__n${index}_${j} AS DATETIME)`
          : `:__n${index}_${j}`;
      return `COALESCE(${plain}, ${standIn})`;
    });
    qb.setParameters({ ...qb.getParameters(), ...keyParams });
    const order = columns.map(({ direction }, j) => {
      const flipped = page.backward ? (direction === "ASC" ? "DESC" : "ASC") : direction;
      qb.addOrderBy(exprs[j], flipped);
      return `${exprs[j]} ${flipped}`;
    });
    if (cursorParams) {
      // (k1 > v1) OR (k1 = v1 AND k2 > v2) OR …, with > turned to < for descending keys.
      const ors = columns.map((_, i) => {
        const ands = columns.slice(0, i + 1).map(({ direction }, j) => {
          if (j < i) return `${exprs[j]} = :__k${index}_${j}`;
          const ascending = (direction === "ASC") !== page.backward;
          return `${exprs[j]} ${ascending ? ">" : "<"} :__k${index}_${j}`;
        });
        return `(${ands.join(" AND ")})`;
      });
      qb.andWhere(
        `(${ors.join(" OR ")})`,
        Object.fromEntries(cursorParams.map((v, j) => [`__k${index}_${j}`, v])),
      );
    }
    qb.addSelect(`ROW_NUMBER() OVER (ORDER BY ${order.join(", ")})`, "__rn");
    qb.addSelect(String(index), "__member");
    // One row more than asked shows whether another page follows (even for first: 0).
    qb.limit(page.size + 1);
    const [sql, p] = qb.getQueryAndParameters();
    arms.push(`SELECT * FROM (${sql}) ${q(`t${index}`)}`);
    params.push(...p);
  });
  const result = new Map<K, Page<T>>();
  if (members.length === 0) return result;
  const rows: Record<string, unknown>[] = await dataSource.query(
    `${arms.join(" UNION ALL ")} ORDER BY ${q("__member")}, ${q("__rn")}`,
    params,
  );
  const grouped = new Map<number, T[]>();
  for (const row of rows) {
    const memberIndex = Number(row.__member);
    const entity = hydrate<T>(dataSource, metadata, alias, row);
    const list = grouped.get(memberIndex) ?? [];
    list.push(entity);
    grouped.set(memberIndex, list);
  }
  members.forEach((member, index) => {
    let nodes = grouped.get(index) ?? [];
    const hasMore = nodes.length > page.size;
    nodes = nodes.slice(0, page.size);
    if (page.backward) nodes.reverse();
    const edges = nodes.map(node => ({
      node,
      cursor: encodeCursor(
        columns.map(({ property, nullsAs }) => {
          const v: unknown = node[property] ?? nullsAs;
          return v instanceof Date ? v.toISOString() : v;
        }),
      ),
    }));
    result.set(
      member.key,
      new Page(
        edges,
        {
          hasNextPage: page.backward ? page.cursor != null : hasMore,
          hasPreviousPage: page.backward ? hasMore : page.cursor != null,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges[edges.length - 1]?.cursor ?? null,
        },
        countFor(member.key),
      ),
    );
  });
  return result;
}

/**
 * Checks one decoded cursor value against its sort column and converts it to what the driver
 * stores; anything else is BAD_USER_INPUT (a cursor is opaque, but it arrives from the client).
 */
function toColumnValue(
  value: unknown,
  key: { column: ColumnMetadata; property: string },
  page: PageRequest,
): unknown {
  const type = key.column.type;
  let valid: unknown;
  if (type === "datetime") {
    const date = typeof value === "string" ? new Date(value) : null;
    valid = date && !Number.isNaN(date.getTime()) ? date : undefined;
  } else if (type === "date") {
    valid = typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  } else if (type === "int") {
    valid = Number.isSafeInteger(value) ? value : undefined;
  } else {
    valid = typeof value === "string" ? value : undefined;
  }
  if (valid === undefined) {
    throw new BadUserInputError("The cursor does not belong to this connection", [
      { field: page.backward ? "before" : "after", message: "is not a valid cursor" },
    ]);
  }
  return valid;
}

/** Counts each member's rows in one statement (UNION ALL of COUNTs). */
export async function countMany<K>(
  dataSource: DataSource,
  members: PageMember<K>[],
): Promise<Map<K, number>> {
  const q = (name: string) => dataSource.driver.escape(name);
  const arms: string[] = [];
  const params: unknown[] = [];
  members.forEach((member, index) => {
    const qb = member.qb
      .clone()
      .select("COUNT(*)", "n")
      .addSelect(String(index), "__member")
      .orderBy();
    const [sql, p] = qb.getQueryAndParameters();
    arms.push(`SELECT * FROM (${sql}) ${q(`c${index}`)}`);
    params.push(...p);
  });
  const result = new Map<K, number>();
  if (!members.length) return result;
  const rows: { n: unknown; __member: unknown }[] = await dataSource.query(
    arms.join(" UNION ALL "),
    params,
  );
  for (const row of rows) result.set(members[Number(row.__member)].key, Number(row.n));
  return result;
}

/** Builds an entity instance from a raw row the way TypeORM does (per-column type conversion). */
export function hydrate<T>(
  dataSource: DataSource,
  metadata: EntityMetadata,
  alias: string,
  row: Record<string, unknown>,
): T {
  const entity = metadata.create() as T & ObjectLiteral;
  for (const column of metadata.columns) {
    const raw = row[`${alias}_${column.databaseName}`];
    column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(raw, column));
  }
  return entity;
}
