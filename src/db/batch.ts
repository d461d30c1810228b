import type {
  DataSource,
  EntityMetadata,
  EntityTarget,
  ObjectLiteral,
  SelectQueryBuilder,
} from "typeorm";
import { columnSet, type ColumnNeeds, type ColumnSet } from "./column-set";
import { columnAlias, rowConverter } from "./hydrate";
import { primaryColumn } from "./keyset";
import { placeholders, selectColumns, selectEntities } from "./plain-rows";
import { readRows } from "./read-rows";
import { MAX_BATCH_KEYS } from "./statement-chunks";

/** A join table from owners to targets (property names of the link entity). */
export interface LinkSpec {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entity: Function;
  owner: string;
  target: string;
  /** A link property to order each owner's targets by (e.g. position); else `targetOrder`. */
  orderBy?: string;
}

/**
 * Loads the entities linked to many owners through a join table, in one statement per 500 owners:
 * `SELECT target.*, link.owner FROM target JOIN link … WHERE link.owner IN (…)`, plain SQL written
 * from the metadata and hydrated per column (no query builder per request). Each owner's targets
 * come in the order of `link.orderBy`, else of the target's `targetOrder` properties, then id.
 * `needs`: the deferrable columns to select (see column-set.ts); none given, every column.
 */
export async function loadLinked<T extends ObjectLiteral & { id: number }>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  link: LinkSpec,
  ownerIds: readonly number[],
  targetOrder: string[] = [],
  needs?: ColumnNeeds,
): Promise<Map<number, T[]>> {
  const result = new Map<number, T[]>(ownerIds.map(id => [id, []]));
  const unique = [...new Set(ownerIds)];
  const set = columnSet(dataSource.getMetadata(target), needs);
  // At most MAX_BATCH_KEYS owners per statement: callers outside DataLoader pass any number.
  for (let i = 0; i < unique.length; i += MAX_BATCH_KEYS) {
    const owners = unique.slice(i, i + MAX_BATCH_KEYS);
    for (const [owner, targets] of await loadLinkedChunk(
      dataSource,
      target,
      link,
      owners,
      targetOrder,
      set,
    )) {
      result.set(owner, targets);
    }
  }
  return result;
}

/** The statement of loadLinked around its IN list, per data source, target and link. */
const linkedStatements = new WeakMap<
  EntityMetadata,
  Map<string, { select: string; owner: string; order: string }>
>();

function linkedStatement(
  dataSource: DataSource,
  metadata: EntityMetadata,
  link: LinkSpec,
  targetOrder: string[],
  set: ColumnSet,
): { select: string; owner: string; order: string } {
  const key = JSON.stringify([
    set.key,
    link.owner,
    link.target,
    link.orderBy,
    targetOrder,
    link.entity.name,
  ]);
  let byLink = linkedStatements.get(metadata);
  if (!byLink) linkedStatements.set(metadata, (byLink = new Map()));
  let sql = byLink.get(key);
  if (sql === undefined) {
    const q = (name: string) => dataSource.driver.escape(name);
    const linkMeta = dataSource.getMetadata(link.entity);
    const column = (m: EntityMetadata, property: string) => {
      const found = m.findColumnWithPropertyPath(property);
      if (!found) throw new Error(`${m.name} has no column ${property}`);
      return found.databaseName;
    };
    const id = q(column(metadata, "id"));
    const order = link.orderBy
      ? [`${q("l")}.${q(column(linkMeta, link.orderBy))}`]
      : targetOrder.map(p => `${q("t")}.${q(column(metadata, p))}`);
    const owner = `${q("l")}.${q(column(linkMeta, link.owner))}`;
    sql = {
      select:
        `SELECT ${selectColumns(metadata, dataSource, "t", set)}, ${owner} AS ${q("__owner")}` +
        ` FROM ${q(metadata.tableName)} ${q("t")} INNER JOIN ${q(linkMeta.tableName)} ${q("l")}` +
        ` ON ${q("l")}.${q(column(linkMeta, link.target))} = ${q("t")}.${id}`,
      owner,
      order: ` ORDER BY ${[...order, `${q("t")}.${id}`].map(o => `${o} ASC`).join(", ")}`,
    };
    byLink.set(key, sql);
  }
  return sql;
}

/** One statement of loadLinked, for at most MAX_BATCH_KEYS distinct owners. */
async function loadLinkedChunk<T extends ObjectLiteral & { id: number }>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  link: LinkSpec,
  ownerIds: readonly number[],
  targetOrder: string[],
  set: ColumnSet,
): Promise<Map<number, T[]>> {
  const result = new Map<number, T[]>(ownerIds.map(id => [id, []]));
  const metadata = dataSource.getMetadata(target);
  const sql = linkedStatement(dataSource, metadata, link, targetOrder, set);
  const statement = `${sql.select} WHERE ${sql.owner} IN (${placeholders(ownerIds)})${sql.order}`;
  const rows = await readRows(dataSource, statement, [...ownerIds]);
  const convert = rowConverter<T>(dataSource, metadata, set);
  // A target linked to several owners is one entity, as TypeORM's hydration gave.
  const byId = new Map<number, T>();
  for (const row of rows) {
    let entity = byId.get(Number(row[columnAlias(idIndex(metadata))]));
    if (!entity) {
      entity = convert(row);
      byId.set(entity.id, entity);
    }
    result.get(Number(row.__owner))?.push(entity);
  }
  return result;
}

/** The position of the `id` column among the entity's columns (its `c<j>` alias). */
function idIndex(metadata: EntityMetadata): number {
  return metadata.columns.findIndex(c => c.propertyName === "id");
}

/** Orders `rows` to match `keys` (DataLoader's contract); a missing key gets null. */
function alignById<T extends { id: number }>(keys: readonly number[], rows: T[]): (T | null)[] {
  const byId = new Map(rows.map(r => [r.id, r]));
  return keys.map(k => byId.get(k) ?? null);
}

/**
 * Rows by id in one statement, in the order of `ids` (DataLoader's contract): null where a row is
 * missing, or hidden by `narrow` (a visibility rule, say). No ids: no statement. Without `narrow`,
 * plain SQL (selectEntities) rather than a query builder per batch.
 */
export async function loadByIds<T extends ObjectLiteral & { id: number }>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  ids: readonly number[],
  narrow?: (qb: SelectQueryBuilder<T>) => SelectQueryBuilder<T>,
): Promise<(T | null)[]> {
  if (!ids.length) return [];
  if (!narrow) {
    const unique = [...new Set(ids)];
    const metadata = dataSource.getMetadata(entity);
    const id = `${dataSource.driver.escape("t")}.${dataSource.driver.escape(primaryColumn(metadata))}`;
    const rows = await selectEntities(
      dataSource,
      entity,
      `WHERE ${id} IN (${placeholders(unique)})`,
      unique,
    );
    return alignById(ids, rows);
  }
  const qb = dataSource
    .getRepository(entity)
    .createQueryBuilder("r")
    .whereInIds([...new Set(ids)]);
  return alignById(ids, await narrow(qb).getMany());
}

/**
 * The id of the record of kind `entity` with `slug`, or 0 when there is none: a filter on an unknown
 * slug then matches nothing (ids start at 1), which is what list filters promise.
 */
export async function idBySlugOrZero(
  dataSource: DataSource,
  entity: EntityTarget<ObjectLiteral & { id: number; slug: string }>,
  slug: string,
): Promise<number> {
  const row = await dataSource
    .getRepository(entity)
    .findOne({ where: { slug }, select: { id: true } });
  return row?.id ?? 0;
}
