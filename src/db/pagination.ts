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
  cursorParams,
  hydrate,
  keyAlias,
  MEMBER_ALIAS,
  readDirection,
  resolveSortKeys,
  type ResolvedKey,
} from "./keyset";
import type { Page, PageRequest, SortKey } from "./page-args";
import { runUnionAll } from "./statement-chunks";

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
}

/**
 * Pages any number of parents' connections. The steps, each a function of its own:
 * 1. `parsePageArgs` (page-args.ts, called by the resolver) validated the client's arguments;
 * 2. `resolveSortKeys` finds the sort columns; 3. `cursorParams` checks the cursor;
 * 4. `buildArm` writes each parent's keyset query, and `runUnionAll` runs them as UNION ALL
 *    statements of at most 100 arms (statement-chunks.ts), so the statement count does not grow with
 *    the rows, and grows with the parents only past a chunk;
 * 5. `hydrate` turns rows into entities; 6. `buildPage` makes the edges and pageInfo.
 * `totalCount` runs `countMany` only when some page's count is read.
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
  const keys = resolveSortKeys(dataSource, metadata, alias, sort);
  const cursor = cursorParams(dataSource, keys, page);
  const result = new Map<K, Page<T>>();
  if (members.length === 0) return result;
  const arms = members.map((member, index) =>
    buildArm(metadata, alias, { index, qb: member.qb }, keys, cursor, page, dataSource),
  );
  const rows = await runUnionAll(dataSource, arms, unionOrder(dataSource, keys, page));
  const byMember = groupByMember<T>(dataSource, metadata, rows);
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

/** The order of a UNION ALL of arms: by member, then each member's rows in reading order. */
function unionOrder(dataSource: DataSource, keys: ResolvedKey[], page: PageRequest): string {
  const q = (name: string) => dataSource.driver.escape(name);
  const byKey = keys.map((key, j) => `${q(keyAlias(j))} ${readDirection(key, page)}`);
  return [q(MEMBER_ALIAS), ...byKey].join(", ");
}

/** Hydrates rows and groups them by their arm's member index, keeping their order. */
function groupByMember<T>(
  dataSource: DataSource,
  metadata: EntityMetadata,
  rows: Record<string, unknown>[],
): Map<number, T[]> {
  const grouped = new Map<number, T[]>();
  for (const row of rows) {
    const index = Number(row[MEMBER_ALIAS]);
    const list = grouped.get(index) ?? [];
    list.push(hydrate<T>(dataSource, metadata, row));
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
