import type { DataSource, EntityMetadata, EntityTarget, ObjectLiteral } from "typeorm";
import { columnAlias, rowConverter } from "./hydrate";
import { readRows } from "./read-rows";

/** The select list of every column of an entity, per data source, metadata and table alias. */
const selects = new WeakMap<EntityMetadata, Map<string, string>>();

/**
 * `alias.col AS c0, alias.col2 AS c1, …` for every column of the entity, written once per process:
 * hot reads select with it in plain SQL and turn rows into entities with `entitiesOf`, without
 * building a query builder per request.
 */
export function selectColumns(metadata: EntityMetadata, dataSource: DataSource, alias: string) {
  let byAlias = selects.get(metadata);
  if (!byAlias) selects.set(metadata, (byAlias = new Map()));
  let list = byAlias.get(alias);
  if (list === undefined) {
    const q = (name: string) => dataSource.driver.escape(name);
    list = metadata.columns
      .map((column, j) => `${q(alias)}.${q(column.databaseName)} AS ${q(columnAlias(j))}`)
      .join(", ");
    byAlias.set(alias, list);
  }
  return list;
}

/** One `?` per value, for an IN list of plain SQL. */
export const placeholders = (values: readonly unknown[]) => values.map(() => "?").join(", ");

/**
 * A plain SELECT of one entity's rows: `SELECT <every column> FROM <table> t <rest>`, hydrated as
 * TypeORM would (each column converted by the driver). `rest` uses `?` parameters.
 */
export async function selectEntities<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  rest: string,
  params: unknown[],
): Promise<T[]> {
  const metadata = dataSource.getMetadata(entity);
  const q = (name: string) => dataSource.driver.escape(name);
  const rows = await readRows(
    dataSource,
    `SELECT ${selectColumns(metadata, dataSource, "t")} FROM ${q(metadata.tableName)} ${q("t")} ${rest}`,
    params,
  );
  return rows.map(rowConverter<T>(dataSource, metadata));
}
