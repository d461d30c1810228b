import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import type { DataSource, EntityMetadata, ObjectLiteral, SelectQueryBuilder } from "typeorm";
import { BadUserInputError } from "../core/errors";
import { columnAlias, rowConverter } from "./hydrate";
import type { ColumnSet } from "./column-set";
import { encodeCursor, Page, type PageRequest, type SortKey } from "./page-args";
import { isSqlite } from "./engine";
import { withFields } from "../core/objects";

export { columnAlias };

// Steps 2 to 5 of a page, each a small function that pageMany (pagination.ts) calls in turn:
// resolve the sort columns, turn the cursor into parameters, build one parent's keyset query (an
// "arm"), hydrate its rows, and build the edges and pageInfo.
//
// A page is a keyset query in index order (Markus Winand, "Paging Through Results"):
//   WHERE a >= ? AND (a > ? OR (a = ? AND id > ?)) ORDER BY a, id LIMIT n+1
// The OR form works on every engine (no row constructor); the leading `a >= ?` lets the engine
// start its index range at the cursor. No window function and no OFFSET: a page reads its rows only.

/** A sort key with its column and the SQL expression compared and ordered on. */
export interface ResolvedKey {
  property: string;
  direction: "ASC" | "DESC";
  column: ColumnMetadata;
  nullsAs?: unknown;
  /** The SQL of the key: the column, `sql` from the sort key, or COALESCE(column, stand-in). */
  expr: string;
  /** The stand-in for NULL as the driver stores it, when the key has `nullsAs`. */
  nullParam?: unknown;
}

/** Selected column aliases: `c<j>` (hydrate.ts) for the entity's j-th column, `k<j>` for the j-th sort key. */
export const keyAlias = (j: number) => `k${j}`;
export const MEMBER_ALIAS = "__member";
/** The row's id, selected by a narrow arm so that the combined statement can join the full row. */
export const ID_ALIAS = "__id";

/** Step 2: finds each sort key's column and writes the SQL it sorts on. */
export function resolveSortKeys<T>(
  dataSource: DataSource,
  metadata: EntityMetadata,
  alias: string,
  sort: SortKey<T>[],
): ResolvedKey[] {
  const q = (name: string) => dataSource.driver.escape(name);
  return sort.map((key, j) => {
    const column = metadata.findColumnWithPropertyPath(key.property);
    if (!column) throw new Error(`${metadata.name} has no column ${key.property}`);
    const plain = key.sql ?? `${q(alias)}.${q(column.databaseName)}`;
    if (key.nullsAs === undefined) return withFields(key, { column, expr: plain });
    const nullParam = dataSource.driver.preparePersistentValue(key.nullsAs, column);
    // MySQL would type COALESCE(datetime, parameter) as a string and compare it as text.
    const standIn =
      column.type === "datetime" && !isSqlite(dataSource)
        ? `CAST(:__n${j} AS DATETIME)`
        : `:__n${j}`;
    return withFields(key, { column, expr: `COALESCE(${plain}, ${standIn})`, nullParam });
  });
}

/**
 * Step 3: checks the decoded cursor against the sort keys and converts each value to what the
 * driver stores. A cursor of another shape or type is BAD_USER_INPUT (it arrives from the client).
 */
export function cursorParams(
  dataSource: DataSource,
  keys: ResolvedKey[],
  page: PageRequest,
): unknown[] | null {
  if (!page.cursor) return null;
  const field = page.backward ? "before" : "after";
  if (page.cursor.length !== keys.length) {
    throw new BadUserInputError("The cursor does not belong to this sort order", [
      { field, message: "is not a cursor for this orderBy" },
    ]);
  }
  return page.cursor.map((value, i) => {
    const valid = checkCursorValue(value, keys[i].column);
    if (valid === undefined) {
      throw new BadUserInputError("The cursor does not belong to this connection", [
        { field, message: "is not a valid cursor" },
      ]);
    }
    return dataSource.driver.preparePersistentValue(valid, keys[i].column);
  });
}

/** One cursor value as its column's type, or undefined when it cannot be one. */
function checkCursorValue(value: unknown, column: ColumnMetadata): unknown {
  if (column.type === "datetime") {
    const date = typeof value === "string" ? new Date(value) : null;
    return date && !Number.isNaN(date.getTime()) ? date : undefined;
  }
  if (column.type === "date") {
    return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  }
  if (column.type === "int") return Number.isSafeInteger(value) ? value : undefined;
  return typeof value === "string" ? value : undefined;
}

/** The direction a key is read in: its own, or the reverse when paging backwards. */
export function readDirection(key: ResolvedKey, page: PageRequest): "ASC" | "DESC" {
  if (!page.backward) return key.direction;
  return key.direction === "ASC" ? "DESC" : "ASC";
}

/**
 * The keyset condition "after the cursor" in reading order, as SQL with named parameters `:__k<j>`:
 * `e0 >= :__k0 AND (e0 > :__k0 OR (e0 = :__k0 AND e1 > :__k1))` (`<` for keys read descending).
 */
export function keysetCondition(keys: ResolvedKey[], page: PageRequest): string {
  const op = (key: ResolvedKey) => (readDirection(key, page) === "ASC" ? ">" : "<");
  const ors = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((k, j) => `${k.expr} = :__k${j}`);
    return `(${[...equal, `${key.expr} ${op(key)} :__k${i}`].join(" AND ")})`;
  });
  const condition = ors.length === 1 ? ors[0] : `(${ors.join(" OR ")})`;
  if (keys.length === 1) return condition;
  // Redundant, but it gives the engine the start of its index range on the first key.
  return `${keys[0].expr} ${op(keys[0])}= :__k0 AND ${condition}`;
}

/** One parent's query: its key (by index, `__member`) and the SQL builder that scopes its rows. */
export interface ArmInput {
  index: number;
  qb: SelectQueryBuilder<ObjectLiteral>;
  /** The form of `qb`'s SQL, when the caller knows it (see PageMember.shape). */
  shape?: string;
  /** The index to force on MySQL and MariaDB (see PageMember.index). */
  force?: string;
}

/** Arm SQL with named parameters, by form (see `buildArm`); bounded, and dropped whole when full. */
const armSql = new Map<string, string>();
const MAX_ARM_FORMS = 2000;

/**
 * Step 4: one parent's keyset page as SQL: the member index, the sort keys (`k<j>`) and either the
 * entity's columns (those of `set`, else all) under explicit aliases (`c<j>`, "wide") or only its
 * id (`__id`, "narrow", for a UNION ALL that joins the full rows once, see pageMany); after the cursor, in index order, `size +
 * 1` rows (the extra row shows whether another page follows, even for `first: 0`).
 */
export function buildArm(
  metadata: EntityMetadata,
  alias: string,
  arm: ArmInput,
  keys: ResolvedKey[],
  cursor: unknown[] | null,
  page: PageRequest,
  dataSource: DataSource,
  width: "wide" | "narrow" = "wide",
  set?: ColumnSet,
): { sql: string; params: unknown[] } {
  // A known form: the SQL text is the same as last time, only the parameter values differ.
  const form =
    arm.shape === undefined
      ? undefined
      : JSON.stringify([
          metadata.name,
          alias,
          arm.shape,
          arm.index,
          arm.force,
          width,
          set?.key ?? "*",
          cursor !== null,
          page.backward,
          page.size,
          keys.map(key => [key.expr, key.direction]),
        ]);
  const known = form === undefined ? undefined : armSql.get(form);
  if (known !== undefined) {
    const params: Record<string, unknown> = withFields({}, arm.qb.getParameters());
    keys.forEach((key, j) => {
      if (key.nullParam !== undefined) params[`__n${j}`] = key.nullParam;
    });
    cursor?.forEach((value, j) => (params[`__k${j}`] = value));
    const [sql, positional] = dataSource.driver.escapeQueryWithParameters(known, params);
    return { sql, params: positional };
  }
  const q = (name: string) => dataSource.driver.escape(name);
  const forced = (sql: string) => forceIndex(sql, metadata, alias, arm.force, dataSource);
  const qb = arm.qb.clone();
  qb.select(String(arm.index), MEMBER_ALIAS);
  if (width === "narrow") {
    qb.addSelect(`${q(alias)}.${q(primaryColumn(metadata))}`, ID_ALIAS);
  } else {
    for (const j of set?.indexes ?? metadata.columns.keys()) {
      qb.addSelect(`${q(alias)}.${q(metadata.columns[j].databaseName)}`, columnAlias(j));
    }
  }
  keys.forEach((key, j) => {
    qb.addSelect(key.expr, keyAlias(j));
    if (key.nullParam !== undefined) qb.setParameter(`__n${j}`, key.nullParam);
  });
  if (cursor) {
    qb.andWhere(keysetCondition(keys, page));
    cursor.forEach((value, j) => qb.setParameter(`__k${j}`, value));
  }
  qb.orderBy();
  for (const key of keys) qb.addOrderBy(key.expr, readDirection(key, page));
  qb.limit(page.size + 1);
  if (form !== undefined) {
    if (armSql.size >= MAX_ARM_FORMS) armSql.clear();
    armSql.set(form, forced(qb.getQuery()));
  }
  const [sql, params] = qb.getQueryAndParameters();
  return { sql: forced(sql), params };
}

/** `sql` with `FORCE INDEX (index)` after its FROM of the entity's table, on MySQL and MariaDB. */
function forceIndex(
  sql: string,
  metadata: EntityMetadata,
  alias: string,
  index: string | undefined,
  dataSource: DataSource,
): string {
  const type = dataSource.options.type;
  if (index === undefined || (type !== "mysql" && type !== "mariadb")) return sql;
  const q = (name: string) => dataSource.driver.escape(name);
  const from = `FROM ${q(metadata.tableName)} ${q(alias)}`;
  if (!sql.includes(from)) throw new Error(`No ${from} to force ${index} on`);
  return sql.replace(from, `${from} FORCE INDEX (${q(index)})`);
}

/** The database name of the entity's single primary column (every paged entity has an `id`). */
export function primaryColumn(metadata: EntityMetadata): string {
  if (metadata.primaryColumns.length !== 1) {
    throw new Error(`${metadata.name} needs a single primary column to be paged`);
  }
  return metadata.primaryColumns[0].databaseName;
}

/**
 * Step 5: an entity from a row selected by buildArm, converted per column as TypeORM does (by the
 * entity's converter, built once from its metadata: see hydrate.ts): every column, or those of
 * `set` (an entity whose other properties throw when read, see column-set.ts).
 */
export function hydrate<T>(
  dataSource: DataSource,
  metadata: EntityMetadata,
  row: Record<string, unknown>,
  set?: ColumnSet,
): T {
  return rowConverter<T>(dataSource, metadata, set)(row);
}

/**
 * Step 6: one parent's Page from its rows in reading order (at most `size + 1`): the extra row
 * becomes hasNextPage (hasPreviousPage backwards), and each node's sort values its cursor.
 */
export function buildPage<T extends ObjectLiteral>(
  rows: T[],
  keys: Pick<ResolvedKey, "property" | "nullsAs">[],
  page: PageRequest,
  count: () => Promise<number>,
): Page<T> {
  const hasMore = rows.length > page.size;
  const nodes = rows.slice(0, page.size);
  if (page.backward) nodes.reverse();
  const edges = nodes.map(node => new KeysetEdge(node, keys));
  return new Page(
    edges,
    {
      hasNextPage: page.backward ? page.cursor != null : hasMore,
      hasPreviousPage: page.backward ? hasMore : page.cursor != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    count,
  );
}

/** An edge whose cursor is encoded when first read (most pages' edges are never asked for one). */
class KeysetEdge<T extends ObjectLiteral> {
  private encoded: string | undefined;
  constructor(
    readonly node: T,
    private readonly keys: Pick<ResolvedKey, "property" | "nullsAs">[],
  ) {}

  get cursor(): string {
    return (this.encoded ??= cursorOf(this.node, this.keys));
  }
}

/** The cursor of `node`: its sort values (NULL as its stand-in, instants as ISO strings). */
export function cursorOf<T extends ObjectLiteral>(
  node: T,
  keys: Pick<ResolvedKey, "property" | "nullsAs">[],
): string {
  return encodeCursor(
    keys.map(({ property, nullsAs }) => {
      const value: unknown = node[property] ?? nullsAs;
      return value instanceof Date ? value.toISOString() : value;
    }),
  );
}
