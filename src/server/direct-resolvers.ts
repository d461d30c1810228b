import {
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLObjectType,
  type GraphQLSchema,
} from "graphql";
import { getMetadataStorage, type ContainerType, type ResolverData } from "type-graphql";
import { packageModule } from "./package-internals";

type Storage = ReturnType<typeof getMetadataStorage>;
type ResolverMetadata = Storage["queries"][number] | Storage["fieldResolvers"][number];
type ParamMetadata = NonNullable<ResolverMetadata["params"]>[number];
type Resolve = GraphQLFieldResolver<unknown, Record<string, unknown>>;
/** Reads one parameter of a resolver call. */
type Reader = (
  root: unknown,
  args: Record<string, unknown>,
  context: unknown,
  info: unknown,
) => unknown;

/** Where a converted argument says it needs only the field's arguments (see `argumentsOnly`). */
const ARGUMENTS_ONLY = Symbol("reads the field's arguments alone");

/**
 * Marks a custom parameter whose value comes from the field's arguments alone, so that a direct
 * resolver reads it without building type-graphql's resolver data (see `skipValidationWithoutRules`).
 */
export function argumentsOnly<T extends object>(
  param: T,
  read: (args: Record<string, unknown>) => unknown,
): T {
  return Object.assign(param, { [ARGUMENTS_ONLY]: read });
}

/** type-graphql's conversion of a root value into its class (not among its public exports). */
function rootConversion(): ((type: unknown, value: unknown) => unknown) | null {
  const mod = packageModule<{ convertToType: (type: unknown, value: unknown) => unknown }>(
    "type-graphql",
    "helpers/types.js",
  );
  return typeof mod?.convertToType === "function" ? mod.convertToType : null;
}

/** How to read `param` without type-graphql's resolver data; null where only that would do. */
function readerOf(
  param: ParamMetadata,
  convert: (type: unknown, value: unknown) => unknown,
): Reader | null {
  switch (param.kind) {
    case "context": {
      const property = param.propertyName;
      return property
        ? (_root, _args, context) => (context as Record<string, unknown>)[property]
        : (_root, _args, context) => context;
    }
    case "info":
      return (_root, _args, _context, info) => info;
    case "root": {
      const property = param.propertyName;
      const getType = param.getType;
      const value: Reader = property
        ? root => (root as Record<string, unknown>)[property]
        : root => root;
      return getType ? (...call) => convert(getType(), value(...call)) : value;
    }
    case "custom": {
      const read = (param as { [ARGUMENTS_ONLY]?: (args: Record<string, unknown>) => unknown })[
        ARGUMENTS_ONLY
      ];
      if (read) return (_root, args) => read(args);
      const resolver = param.resolver;
      return (root, args, context, info) => resolver({ root, args, context, info } as ResolverData);
    }
    default:
      // Arguments with validation rules: type-graphql validates them, asynchronously.
      return null;
  }
}

/**
 * The resolver as a direct call, or null when type-graphql's handler must stay: a resolver with
 * middlewares or roles (its own or global), or with an argument it validates.
 */
function direct(
  meta: ResolverMetadata,
  resolverClass: unknown,
  container: ContainerType,
  convert: (type: unknown, value: unknown) => unknown,
  hasGlobalMiddlewares: boolean,
): Resolve | null {
  if (hasGlobalMiddlewares || meta.middlewares?.length || meta.roles !== undefined) return null;
  if (!meta.methodName) return null;
  const readers: Reader[] = [];
  for (const param of [...(meta.params ?? [])].sort((a, b) => a.index - b.index)) {
    const reader = readerOf(param, convert);
    if (!reader) return null;
    readers.push(reader);
  }
  const target = resolverClass as Parameters<ContainerType["get"]>[0];
  const name = meta.methodName;
  let instance: Record<string, (...params: unknown[]) => unknown> | null = null;
  const self = () =>
    (instance ??= container.get(target, undefined as unknown as ResolverData) as Record<
      string,
      (...params: unknown[]) => unknown
    >);
  // Up to four parameters (every resolver here) are passed without an array per call.
  const [r0, r1, r2, r3] = readers;
  switch (readers.length) {
    case 0:
      return () => self()[name]();
    case 1:
      return (root, args, context, info) => self()[name](r0(root, args, context, info));
    case 2:
      return (root, args, context, info) =>
        self()[name](r0(root, args, context, info), r1(root, args, context, info));
    case 3:
      return (root, args, context, info) =>
        self()[name](
          r0(root, args, context, info),
          r1(root, args, context, info),
          r2(root, args, context, info),
        );
    case 4:
      return (root, args, context, info) =>
        self()[name](
          r0(root, args, context, info),
          r1(root, args, context, info),
          r2(root, args, context, info),
          r3(root, args, context, info),
        );
    default:
      return (root, args, context, info) =>
        self()[name](...readers.map(read => read(root, args, context, info)));
  }
}

/**
 * type-graphql calls every resolver through a handler that, on each call, builds its resolver data,
 * asks the container for the resolver's instance, runs the middleware chain in a new closure (even
 * an empty one) and maps the parameters into a new array. For each query, mutation and resolver
 * class's field resolver with no middleware and no roles, whose parameters are the root, the
 * context, the info or arguments read without validation, this puts a function in its place that
 * calls the same method with the same parameters, read directly. The rest keep type-graphql's
 * handler.
 *
 * Works from type-graphql's metadata, after `buildSchema` with the same `resolvers`, `container`
 * and global middlewares (the container's instances must not depend on the request: one per
 * class, as `ResolverInstances` makes them). Returns how many resolvers it replaced.
 */
export function callResolversDirectly(
  schema: GraphQLSchema,
  options: {
    /** The resolver classes the schema was built from (others' metadata is left alone). */
    resolvers: readonly unknown[];
    container: ContainerType;
    globalMiddlewares?: readonly unknown[];
  },
): number {
  const { container } = options;
  const convert = rootConversion();
  if (!convert) return 0;
  const storage = getMetadataStorage();
  const hasGlobal = (options.globalMiddlewares?.length ?? 0) > 0;
  /** The built resolver classes that are, or extend, `target` (a resolver's own class). */
  const classesOf = (target: unknown) =>
    options.resolvers.filter(
      cls =>
        cls === target ||
        (typeof cls === "function" &&
          typeof target === "function" &&
          cls.prototype instanceof target),
    );
  /** Whether `cls` declares `meta`'s field itself, over what it inherits. */
  const overridden = (list: readonly ResolverMetadata[], meta: ResolverMetadata, cls: unknown) =>
    meta.target !== cls && list.some(o => o.target === cls && o.schemaName === meta.schemaName);
  let replaced = 0;
  const install = (
    type: GraphQLObjectType | null | undefined,
    meta: ResolverMetadata,
    resolverClass: unknown,
  ) => {
    const field = type?.getFields()[meta.schemaName];
    if (!field?.resolve) return;
    const resolve = direct(meta, resolverClass, container, convert, hasGlobal);
    if (!resolve) return;
    field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
    replaced++;
  };
  for (const [list, type] of [
    [storage.queries, schema.getQueryType()],
    [storage.mutations, schema.getMutationType()],
  ] as const) {
    for (const meta of list) {
      for (const cls of classesOf(meta.target)) {
        if (!overridden(list, meta, cls)) install(type, meta, cls);
      }
    }
  }

  const typesOf = new Map<unknown, GraphQLObjectType[]>();
  for (const meta of storage.objectTypes) {
    const type = schema.getType(meta.name);
    if (isObjectType(type)) typesOf.set(meta.target, [...(typesOf.get(meta.target) ?? []), type]);
  }
  /** The object type a resolver class resolves fields of (`@Resolver(of => Type)`). */
  const ownerOf = (getObjectType: (() => unknown) | undefined): unknown => {
    try {
      return getObjectType?.();
    } catch {
      return undefined;
    }
  };
  for (const meta of storage.fieldResolvers) {
    if (meta.kind !== "external") continue;
    for (const cls of classesOf(meta.target)) {
      if (overridden(storage.fieldResolvers, meta, cls)) continue;
      // An abstract base may leave its type to the class that extends it.
      const owner =
        ownerOf(meta.getObjectType) ??
        ownerOf(storage.resolverClasses.find(r => r.target === cls)?.getObjectType);
      for (const type of typesOf.get(owner) ?? []) install(type, meta, cls);
    }
  }
  return replaced;
}
