import { isObjectType, type GraphQLSchema } from "graphql";
import { getMetadataStorage } from "type-graphql";
import { AWAITED_EXTENSION } from "../graphql/awaited";

type FieldMetadata = ReturnType<typeof getMetadataStorage>["fields"][number];
/** A class type-graphql knows (its metadata's `target`). */
type Target = FieldMetadata["target"];

/**
 * Takes type-graphql's resolver off every plain field of `schema`: a `@Field` property with no
 * field resolver (no `@FieldResolver`, getter or method), no `@Authorized` roles, no middlewares
 * and no arguments. type-graphql gives such a field a resolver that allocates its resolver data
 * and runs an empty middleware chain to read one property; without a resolver, the server's
 * default field resolver reads it (see `hookedFieldResolver`), or graphql-js's where that is not
 * installed. A plain field whose schema name differs from its property (`@Field({ name })`), or
 * whose property holds a promise (`@Awaited`), keeps a resolver that reads the property: without
 * one, a compiled operation (src/server/compiled-execution.ts) would take the property as it is.
 *
 * Works from type-graphql's metadata; any field it cannot match to exactly one declaration keeps
 * its resolver. Call it on a schema built without global middlewares (they would run on every
 * field, which this would skip).
 */
export function dropPlainFieldResolvers(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const classes = new Map<Target, { fields?: FieldMetadata[]; interfaceClasses?: Target[] }>();
  for (const meta of [...storage.interfaceTypes, ...storage.objectTypes]) {
    classes.set(meta.target, meta);
  }

  /** The declaration of `schemaName` that type-graphql built the field of `target` from. */
  const declaration = (target: Target, schemaName: string): FieldMetadata | null => {
    for (let cls = target; cls.prototype !== undefined; cls = Object.getPrototypeOf(cls)) {
      const meta = classes.get(cls);
      if (!meta) continue;
      const own = meta.fields?.filter(f => f.schemaName === schemaName) ?? [];
      if (own.length) return own.length === 1 ? own[0] : null;
      const inherited = (meta.interfaceClasses ?? []).flatMap(
        iface => classes.get(iface)?.fields?.filter(f => f.schemaName === schemaName) ?? [],
      );
      if (inherited.length) return inherited.length === 1 ? inherited[0] : null;
    }
    return null;
  };

  /** Whether any field resolver may belong to this field (external, internal, getter or method). */
  const hasFieldResolver = (field: FieldMetadata, schemaName: string): boolean =>
    storage.fieldResolvers.some(r => {
      if (r.schemaName !== schemaName && r.methodName !== field.name) return false;
      try {
        const owner = r.getObjectType?.();
        return (
          owner === undefined ||
          owner === field.target ||
          Object.prototype.isPrototypeOf.call(owner, field.target) ||
          Object.prototype.isPrototypeOf.call(field.target, owner)
        );
      } catch {
        return true;
      }
    });

  for (const meta of storage.objectTypes) {
    const type = schema.getType(meta.name);
    if (!isObjectType(type)) continue;
    for (const [schemaName, field] of Object.entries(type.getFields())) {
      if (!field.resolve || field.args.length) continue;
      const declared = declaration(meta.target, schemaName);
      if (
        !declared ||
        declared.roles !== undefined ||
        declared.middlewares?.length ||
        declared.params?.length ||
        hasFieldResolver(declared, schemaName)
      ) {
        continue;
      }
      const property = declared.name;
      field.resolve =
        property === schemaName && !field.extensions[AWAITED_EXTENSION]
          ? undefined
          : (source: unknown) => (source as Record<string, unknown>)[property];
    }
  }
  return schema;
}
