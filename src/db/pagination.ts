import type {
  DataSource,
  EntityMetadata,
  EntityTarget,
  ObjectLiteral,
  SelectQueryBuilder,
} from "typeorm";
import {
  buildArm,
  buildPage,
  columnAlias,
  cursorParams,
  ID_ALIAS,
  keyAlias,
  MEMBER_ALIAS,
  primaryColumn,
  readDirection,
  resolveSortKeys,
  type ArmInput,
  type ResolvedKey,
} from "./keyset";
import { rowConverter } from "./hydrate";
import { columnSet, type ColumnNeeds, type ColumnSet } from "./column-set";
import type { Page, PageRequest, SortKey } from "./page-args";
import { readRows } from "./read-rows";
import { withFields } from "../core/objects";
import { chunkParts, runUnionAll, unionAll, type SqlPart } from "./statement-chunks";

export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  encodeCursor,
  parsePageArgs,
  Page,
  type Edge,
  type PageArgs,
  type PageInfo,
  type PageRequest,
  type SortKey,
} from "./page-args";

/** One parent's slice of a batched connection: its key and a query builder scoped to its rows. */
export interface PageMember<K> {
  key: K;
  qb: SelectQueryBuilder<ObjectLiteral>;
  /**
   * Optional: a name for the form of `qb`'s SQL, the same for every builder whose SQL differs only
   * in parameter values (e.g. "one program"). Arms of a known form reuse their SQL text.
   */
  shape?: string;
  /**
   * Optional: the index the page reads (its sort keys' index), forced on MySQL and MariaDB. For a
   * list whose only condition is a bound on the sort index (e.g. published before now), the
   * optimizer may otherwise read the index's equality prefix from its end and skip every row past
   * the bound (scheduled articles) before the page's first.
   */
  index?: string;
}

/**
 * Pages any number of parents' connections. The steps, each a function of its own:
 * 1. `parsePageArgs` (page-args.ts, called by the resolver) validated the client's arguments;
 * 2. `resolveSortKeys` finds the sort columns; 3. `cursorParams` checks the cursor;
 * 4. `buildArm` writes each parent's keyset query, and `runArms` runs them as UNION ALL
 *    statements of at most 100 arms (statement-chunks.ts), so the statement count does not grow with
 *    the rows, and grows with the parents only past a chunk;
 * 5. `hydrate` turns rows into entities (with the columns `needs` asks for, see column-set.ts); 6. `buildPage` makes the edges and pageInfo.
 * `totalCount` runs `countMany` only when some page's count is read.
 */
export async function pageMany<T extends ObjectLiteral, K>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  alias: string,
  members: PageMember<K>[],
  sort: SortKey<T>[],
  page: PageRequest,
  needs?: ColumnNeeds,
): Promise<Map<K, Page<T>>> {
  const metadata = dataSource.getMetadata(entity);
  const set = columnSet(metadata, needs);
  const keys = resolveSortKeys(dataSource, metadata, alias, sort);
  const cursor = cursorParams(dataSource, keys, page);
  const result = new Map<K, Page<T>>();
  if (members.length === 0) return result;
  const arms = members.map((member, index) => ({
    index,
    qb: member.qb,
    shape: member.shape,
    force: member.index,
  }));
  const build = (arm: ArmInput, width: "wide" | "narrow") =>
    buildArm(metadata, alias, arm, keys, cursor, page, dataSource, width, set);
  const rows = await runArms(dataSource, metadata, set, arms, build, keys, page);
  const byMember = groupByMember<T>(dataSource, metadata, set, rows);
  let counts: Promise<Map<K, number>> | null = null;
  members.forEach((member, index) => {
    const count = async () => {
      counts ??= countMany(dataSource, members);
      return (await counts).get(member.key) ?? 0;
    };
    result.set(member.key, buildPage(byMember.get(index) ?? [], keys, page, count));
  });
  return result;
}

/**
 * Runs the arms in chunks. A chunk of one arm (a root list, one parent) is its own wide query. A
 * larger chunk is one statement: its arms narrow (member, id, sort keys: a small, in-memory union
 * rather than one holding every TEXT column), joined once to the entity's table for the full rows,
 * in member then reading order.
 */
async function runArms(
  dataSource: DataSource,
  metadata: EntityMetadata,
  set: ColumnSet,
  arms: ArmInput[],
  build: (arm: ArmInput, width: "wide" | "narrow") => SqlPart,
  keys: ResolvedKey[],
  page: PageRequest,
): Promise<Record<string, unknown>[]> {
  if (arms.length === 1) {
    // One parent (a root list, or one conference's program): its own wide query, built once.
    const statement = build(arms[0], "wide");
    return readRows(dataSource, statement.sql, statement.params);
  }
  const q = (name: string) => dataSource.driver.escape(name);
  const rows: Record<string, unknown>[] = [];
  const narrow = arms.map(arm => withFields(build(arm, "narrow"), { arm }));
  for (const chunk of chunkParts(narrow)) {
    let statement: SqlPart;
    if (chunk.length === 1) {
      statement = build(chunk[0].arm, "wide");
    } else {
      const union = unionAll(dataSource, chunk);
      const columns = set.indexes.map(
        j => `${q("e")}.${q(metadata.columns[j].databaseName)} AS ${q(columnAlias(j))}`,
      );
      statement = {
        sql:
          `SELECT ${q("u")}.*, ${columns.join(", ")} FROM (${union.sql}) ${q("u")}` +
          ` INNER JOIN ${q(metadata.tableName)} ${q("e")}` +
          ` ON ${q("e")}.${q(primaryColumn(metadata))} = ${q("u")}.${q(ID_ALIAS)}` +
          ` ORDER BY ${unionOrder(dataSource, keys, page)}`,
        params: union.params,
      };
    }
    rows.push(...(await readRows(dataSource, statement.sql, statement.params)));
  }
  return rows;
}

/** The order of a UNION ALL of arms: by member, then each member's rows in reading order. */
function unionOrder(dataSource: DataSource, keys: ResolvedKey[], page: PageRequest): string {
  const q = (name: string) => dataSource.driver.escape(name);
  const u = (name: string) => `${q("u")}.${q(name)}`;
  const byKey = keys.map((key, j) => `${u(keyAlias(j))} ${readDirection(key, page)}`);
  return [u(MEMBER_ALIAS), ...byKey].join(", ");
}

/** Hydrates rows and groups them by their arm's member index, keeping their order. */
function groupByMember<T>(
  dataSource: DataSource,
  metadata: EntityMetadata,
  set: ColumnSet,
  rows: Record<string, unknown>[],
): Map<number, T[]> {
  const grouped = new Map<number, T[]>();
  const convert = rowConverter<T>(dataSource, metadata, set);
  for (const row of rows) {
    const index = Number(row[MEMBER_ALIAS]);
    const list = grouped.get(index) ?? [];
    list.push(convert(row));
    grouped.set(index, list);
  }
  return grouped;
}

/** Counts each member's rows: UNION ALL of COUNTs, in chunks (see statement-chunks.ts). */
export async function countMany<K>(
  dataSource: DataSource,
  members: PageMember<K>[],
): Promise<Map<K, number>> {
  const arms = members.map((member, index) => {
    const qb = member.qb
      .clone()
      .select("COUNT(*)", "n")
      .addSelect(String(index), MEMBER_ALIAS)
      .orderBy();
    const [sql, params] = qb.getQueryAndParameters();
    return { sql, params };
  });
  const result = new Map<K, number>();
  const rows = await runUnionAll(dataSource, arms);
  for (const row of rows) result.set(members[Number(row[MEMBER_ALIAS])].key, Number(row.n));
  return result;
}
