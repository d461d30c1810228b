import type { EntityMetadata } from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata";

// Which columns a read selects. An entity's columns are light (keys, names, slugs, instants it sorts
// on) or deferrable: large text and JSON, and the audit columns (created, updated, version). A read
// always selects the light ones, and a deferrable one only when its reader says it needs it, by
// property name. Who needs what is worked out in one place, from the GraphQL operation
// (src/graphql/selected-columns.ts); a reader that says nothing gets every column.

/** Column types that are deferrable: large text and JSON. */
const LARGE_TYPES = new Set<unknown>([
  "text",
  "tinytext",
  "mediumtext",
  "longtext",
  "json",
  "simple-json",
  "simple-array",
  "blob",
  "mediumblob",
  "longblob",
]);

/** True when a read may leave the column out (see above). Keys and foreign keys never are. */
export function isDeferrable(column: ColumnMetadata): boolean {
  if (column.isPrimary || column.relationMetadata) return false;
  return (
    column.isCreateDate || column.isUpdateDate || column.isVersion || LARGE_TYPES.has(column.type)
  );
}

/**
 * The deferrable properties a reader needs of an entity (by property name); `undefined`: every
 * column, which is what every read without a say gets.
 */
export type ColumnNeeds = ReadonlySet<string> | undefined;

/** The columns one read selects, as positions in `metadata.columns` (their `c<j>` aliases). */
export interface ColumnSet {
  /** The same for reads that select the same columns: part of cached SQL texts' keys. */
  readonly key: string;
  readonly indexes: readonly number[];
  /**
   * For a narrow set, the prototype its entities are made from: the entity's own, under getters that
   * throw for each property left out, so that a narrow entity read where a wide one was expected
   * fails loudly instead of answering `undefined`. Null for every column.
   */
  readonly prototype: object | null;
}

const sets = new WeakMap<EntityMetadata, Map<string, ColumnSet>>();
/** The same, by the needs object (one per operation and entity): no work per read. */
const byNeeds = new WeakMap<EntityMetadata, WeakMap<ReadonlySet<string>, ColumnSet>>();

/** The column set of a read of `metadata` that needs `needs` (cached per entity and needs). */
export function columnSet(metadata: EntityMetadata, needs: ColumnNeeds): ColumnSet {
  if (!needs) return setFor(metadata, undefined);
  let known = byNeeds.get(metadata);
  if (!known) byNeeds.set(metadata, (known = new WeakMap()));
  let set = known.get(needs);
  if (!set) known.set(needs, (set = setFor(metadata, needs)));
  return set;
}

function setFor(metadata: EntityMetadata, needs: ColumnNeeds): ColumnSet {
  let byKey = sets.get(metadata);
  if (!byKey) sets.set(metadata, (byKey = new Map()));
  const left = needs
    ? metadata.columns.filter(c => isDeferrable(c) && !needs.has(c.propertyName))
    : [];
  const key = left.length ? `-${left.map(c => c.propertyName).join(",")}` : "*";
  let set = byKey.get(key);
  if (!set) {
    const omitted = new Set(left);
    const indexes = metadata.columns.flatMap((c, j) => (omitted.has(c) ? [] : [j]));
    set = { key, indexes, prototype: left.length ? narrowPrototype(metadata, left) : null };
    byKey.set(key, set);
  }
  return set;
}

/** Raised when code reads a property that its entity's read left out: a missing `@Reads`. */
export class ColumnNotLoadedError extends Error {
  constructor(entity: string, property: string) {
    super(
      `${entity}.${property} was not selected by this read: declare it on the field resolver that reads it (@Reads)`,
    );
  }
}

function narrowPrototype(metadata: EntityMetadata, left: ColumnMetadata[]): object {
  const base = typeof metadata.target === "function" ? metadata.target.prototype : Object.prototype;
  const prototype = Object.create(base) as object;
  for (const column of left) {
    const property = column.propertyName;
    Object.defineProperty(prototype, property, {
      configurable: true,
      enumerable: false,
      get() {
        throw new ColumnNotLoadedError(metadata.name, property);
      },
      // A write makes it the entity's own property again.
      set(this: object, value: unknown) {
        Object.defineProperty(this, property, {
          value,
          writable: true,
          enumerable: true,
          configurable: true,
        });
      },
    });
  }
  return prototype;
}
