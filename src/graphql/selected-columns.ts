import {
  isAbstractType,
  isObjectType,
  getNamedType,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { walkSelections } from "./selection-walk";

// Which columns a request's reads select (src/db/column-set.ts): the light columns always, and a
// deferrable one (large text, JSON, audit columns) only when the operation selects, anywhere, on the
// entity's GraphQL type (same name), the field of the same name as its property, or a field whose
// resolver declares with `@Reads` that it reads the property. Worked out once per operation, and
// the same for every read of the entity in the request, so that a per-request cache (a DataLoader
// keyed by id) never holds an entity with fewer columns than another field of the request needs.

/** Properties each field resolver reads of its parent besides its own name's, by type then field. */
const declared = new Map<string, Map<string, readonly string[]>>();

/**
 * Declares that a field resolver of `type` reads these properties of its parent (beyond the one of
 * its own name, which is implied), so that the reads that load the parent select their columns.
 * The field is the method's name.
 */
export function Reads<T>(
  type: abstract new (...args: never[]) => T,
  ...properties: (keyof T & string)[]
): MethodDecorator {
  return (_prototype, method) => {
    let byField = declared.get(type.name);
    if (!byField) declared.set(type.name, (byField = new Map()));
    byField.set(String(method), [...(byField.get(String(method)) ?? []), ...properties]);
  };
}

/** Per entity (GraphQL type) name, the fields and declared properties an operation reads. */
export type ColumnNeedsOf = (entity: string) => ReadonlySet<string> | undefined;

const byOperation = new WeakMap<OperationDefinitionNode, ColumnNeedsOf>();

/**
 * The column needs of one operation (see above). Apollo keeps one parsed document per query text, so
 * this runs once per text. `@skip` and `@include` are ignored: a field that may be selected counts.
 * An entity with no object type of its name in the schema gets every column.
 */
export function operationColumnNeeds(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ColumnNeedsOf {
  let needs = byOperation.get(operation);
  if (!needs) {
    const fields = selectedFields(schema, document, operation);
    needs = (entity: string) => {
      if (!isObjectType(schema.getType(entity))) return undefined;
      return fields.get(entity) ?? NONE;
    };
    byOperation.set(operation, needs);
  }
  return needs;
}

const NONE: ReadonlySet<string> = new Set();

/** Per object type, the names of the fields selected on it and the properties they declare. */
function selectedFields(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  const add = (type: string, field: string) => {
    let set = result.get(type);
    if (!set) result.set(type, (set = new Set()));
    set.add(field);
    for (const property of declared.get(type)?.get(field) ?? []) set.add(property);
  };
  walkSelections(schema, document, operation, (parent, selection) => {
    // A field of an interface is read on each of its object types; its selection is read as the
    // interface's field type (abstract, so again on each of that type's object types).
    const owners = isAbstractType(parent) ? schema.getPossibleTypes(parent) : [parent];
    for (const owner of owners) add(owner.name, selection.name.value);
    const field = "getFields" in parent ? parent.getFields()[selection.name.value] : undefined;
    return field ? (getNamedType(field.type) as GraphQLCompositeType) : undefined;
  });
  return result;
}
