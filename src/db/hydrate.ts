import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";
import type { DataSource, EntityMetadata, ObjectLiteral } from "typeorm";
import type { ColumnSet } from "./column-set";
import { isSqlite } from "./engine";

/** Selected column aliases: `c<j>` for the entity's j-th column (see selectColumns, buildArm). */
export const columnAlias = (j: number) => `c${j}`;

/** Turns one row, its columns selected as `c<j>`, into an entity. */
export type RowConverter<T> = (row: Record<string, unknown>) => T;

/** A column's conversion from what the driver returns to the entity's value (never given null). */
type Convert = (raw: unknown) => unknown;

/** Column types the driver hands over as they are, on both engines. */
const AS_IS = new Set(["int", "integer", "varchar", "text"]);

const toBoolean: Convert = raw => (raw ? true : false);

const parseSimpleJson: Convert = raw => (typeof raw === "string" ? JSON.parse(raw) : raw);

/** MySQL/MariaDB: mysql2 returns DATETIME as a Date (timezone "Z"); a string is parsed. */
const mysqlDate: Convert = raw => (raw && typeof raw === "string" ? new Date(raw) : raw);

/** SQLite: `YYYY-MM-DD HH:MM[:SS[.fff]]` in UTC, read as ISO 8601 with a `Z`. */
const sqliteDate: Convert = raw => {
  if (!raw) return raw;
  if (typeof raw !== "string") return raw;
  let text = raw;
  if (/^\d\d\d\d-\d\d-\d\d \d\d:\d\d/.test(text)) text = text.replace(" ", "T");
  if (/^\d\d\d\d-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d\d\d)?)?$/.test(text)) text += "Z";
  return new Date(text);
};

/**
 * The conversion of a column whose value `prepareHydratedValue` + `setEntityValue` would set as
 * `entity[propertyName] = convert(raw)` (null and undefined as they are); undefined for any other
 * column (a transformer, an embedded or virtual column, a type not listed), which keeps TypeORM's
 * per-column path.
 */
function simpleConversion(column: ColumnMetadata, sqlite: boolean): Convert | null | undefined {
  if (column.transformer || column.embeddedMetadata || column.isVirtual) return undefined;
  const type = column.type;
  if (typeof type !== "string") return undefined;
  if (AS_IS.has(type)) return null;
  if (type === "boolean") return toBoolean;
  if (type === "simple-json") return parseSimpleJson;
  if (type === "datetime") return sqlite ? sqliteDate : mysqlDate;
  return undefined;
}

/** Converters per entity metadata (so per data source) and column set, built on first use. */
const converters = new WeakMap<EntityMetadata, Map<string, RowConverter<unknown>>>();

/**
 * The row → entity conversion of one entity, built once from its metadata: the same entity as
 * `metadata.create()` filled by the driver's `prepareHydratedValue` and each column's
 * `setEntityValue` (see `hydrateByDriver`), without going through TypeORM per column for the
 * column types above. test/db/hydration.test.ts checks every entity against TypeORM's own loading.
 * With a narrow `set` (column-set.ts), only its columns are read and the entity is made from the
 * set's prototype, whose left-out properties throw when read.
 */
export function rowConverter<T>(
  dataSource: DataSource,
  metadata: EntityMetadata,
  set?: ColumnSet,
): RowConverter<T> {
  let bySet = converters.get(metadata);
  if (!bySet) converters.set(metadata, (bySet = new Map()));
  const key = set?.prototype ? set.key : "*";
  let converter = bySet.get(key) as RowConverter<T> | undefined;
  if (converter) return converter;
  const sqlite = isSqlite(dataSource);
  const driver = dataSource.driver;
  const prototype = set?.prototype ?? null;
  const indexes = prototype && set ? set.indexes : metadata.columns.map((_c, j) => j);
  const slots = indexes.map(j => {
    const column = metadata.columns[j];
    return {
      alias: columnAlias(j),
      property: column.propertyName,
      column,
      convert: simpleConversion(column, sqlite),
    };
  });
  converter = (row: Record<string, unknown>): T => {
    const entity = (prototype ? Object.create(prototype) : metadata.create()) as ObjectLiteral;
    for (const slot of slots) {
      const raw = row[slot.alias];
      if (slot.convert === undefined) {
        slot.column.setEntityValue(entity, driver.prepareHydratedValue(raw, slot.column));
      } else {
        entity[slot.property] = slot.convert === null || raw == null ? raw : slot.convert(raw);
      }
    }
    return entity as T;
  };
  bySet.set(key, converter as RowConverter<unknown>);
  return converter;
}

/** TypeORM's own per-column hydration of a row selected as `c<j>` (the reference for tests). */
export function hydrateByDriver<T>(
  dataSource: DataSource,
  metadata: EntityMetadata,
  row: Record<string, unknown>,
): T {
  const entity = metadata.create() as T & ObjectLiteral;
  metadata.columns.forEach((column, j) => {
    const raw = row[columnAlias(j)];
    column.setEntityValue(entity, dataSource.driver.prepareHydratedValue(raw, column));
  });
  return entity;
}
