import {
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
} from "graphql";
import type { StopSignal } from "../core/context";
import { TimeoutError } from "../core/errors";

/**
 * Where a plugin leaves, on a request's context, what is told of each field before it resolves
 * (the response cache collects its tags this way). Absent on most requests.
 */
export const FIELD_OBSERVER = Symbol("told of each field before it resolves");

export type FieldObserver = (
  source: unknown,
  args: Record<string, unknown>,
  info: GraphQLResolveInfo,
) => void;

interface HookedContext {
  signal?: StopSignal;
  [FIELD_OBSERVER]?: FieldObserver;
}

const HOOKED = Symbol("field hooks installed");

/** What every field does before it resolves (see `installFieldHooks`). */
function beforeField(
  source: unknown,
  args: Record<string, unknown>,
  context: HookedContext | undefined,
  info: GraphQLResolveInfo,
): void {
  if (context) {
    if (context.signal?.aborted) throw new TimeoutError();
    context[FIELD_OBSERVER]?.(source, args, info);
  }
}

/**
 * The resolver of every field that has none (plain properties, see `dropPlainFieldResolvers`):
 * the same hooks as `installFieldHooks`, then the property named like the field, as type-graphql
 * read it. Give it to whatever runs the schema with graphql-js (`CompiledOperations` when it does
 * not compile, and graphql-ws).
 */
export const hookedFieldResolver: GraphQLFieldResolver<unknown, HookedContext | undefined> = (
  source,
  args,
  context,
  info,
) => {
  beforeField(source, args, context, info);
  return source !== null && typeof source === "object"
    ? (source as Record<string, unknown>)[info.fieldName]
    : undefined;
};

/**
 * The one wrapper every field resolver of `schema` gets, once per process:
 * - no resolver starts once the request's signal (`context.signal`) has fired;
 * - the request's field observer, when a plugin set one, is told of the field first.
 * Fields without a resolver get the same from `hookedFieldResolver`, which the server passes as
 * the default field resolver.
 *
 * It costs a property read or two per field. Apollo's own `willResolveField` hook would wrap every
 * resolver a second time, and keep that wrapper for every later request of the process once any
 * request had used it.
 */
export function installFieldHooks(schema: GraphQLSchema): GraphQLSchema {
  const marked = schema as GraphQLSchema & { [HOOKED]?: true };
  if (marked[HOOKED]) return schema;
  marked[HOOKED] = true;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      field.resolve = (source, args, context: HookedContext | undefined, info) => {
        beforeField(source, args, context, info);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

/** Sets the field observer of one request (see `FIELD_OBSERVER`). */
export function observeFields(context: object, observer: FieldObserver): void {
  (context as HookedContext)[FIELD_OBSERVER] = observer;
}

/** Whether a plugin has set a field observer on this request's context. */
export function hasFieldObserver(context: object): boolean {
  return (context as HookedContext)[FIELD_OBSERVER] !== undefined;
}
