import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import { columnSet, type ColumnNeeds, type ColumnSet } from "./column-set";
import { columnAlias, rowConverter } from "./hydrate";
import { readRows } from "./read-rows";

/** The select list of every column of an entity, per data source, metadata and table alias. */
const selects = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * `alias.col AS c0, alias.col2 AS c1, …` for every column of the entity (or of `set`), written once
 * per process and set:
 * hot reads select with it in plain SQL and turn rows into entities with `entitiesOf`, without
 * building a query builder per request.
 */
export function selectColumns(
  metadata: EntityMetadata,
  dataSource: DataSource,
  alias: string,
  set: ColumnSet = columnSet(metadata, undefined),
) {
  let byAlias = selects.get(metadata);
  if (!byAlias) selects.set(metadata, (byAlias = new Map()));
  const key = `${alias} ${set.key}`;
  let list = byAlias.get(key);
  if (list === undefined) {
    const q = (name: string) => dataSource.driver.escape(name);
    list = set.indexes
      .map(j => `${q(alias)}.${q(metadata.columns[j].databaseName)} AS ${q(columnAlias(j))}`)
      .join(", ");
    byAlias.set(key, list);
  }
  return list;
}

/** One `?` per value, for an IN list of plain SQL. */
export const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ");

/**
 * A plain SELECT of one entity's rows: `SELECT <every column> FROM <table> t <rest>` (or the columns
 * `needs` asks for), hydrated as TypeORM would (each column converted by the driver). `rest` uses `?`
 * parameters.
 */
export async function selectEntities<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  rest: string,
  params: unknown[],
  needs?: ColumnNeeds,
): Promise<T[]> {
  const metadata = dataSource.getMetadata(entity);
  const set = columnSet(metadata, needs);
  const q = (name: string) => dataSource.driver.escape(name);
  const rows = await readRows(
    dataSource,
    `SELECT ${selectColumns(metadata, dataSource, "t", set)} FROM ${q(metadata.tableName)} ${q("t")} ${rest}`,
    params,
  );
  return rows.map(rowConverter<T>(dataSource, metadata, set));
}
