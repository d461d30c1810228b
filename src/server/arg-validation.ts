import { getMetadataStorage as getValidationMetadata } from "class-validator";
import { getMetadataStorage, type ResolverData } from "type-graphql";
import { argumentsOnly } from "./direct-resolvers";
import { packageModule } from "./package-internals";

type ParamMetadata = NonNullable<
  ReturnType<typeof getMetadataStorage>["queries"][number]["params"]
>[number];
type ArgParam = Extract<ParamMetadata, { kind: "arg" | "args" }>;

/** type-graphql's own conversion of GraphQL arguments into instances of their classes. */
interface ArgConversion {
  convertArgToInstance(param: ArgParam, args: Record<string, unknown>): unknown;
  convertArgsToInstance(param: ArgParam, args: Record<string, unknown>): unknown;
}

/**
 * The module type-graphql converts arguments with (not among its public exports, so found next to
 * its entry point); null if it is not where this version keeps it, and then nothing changes.
 */
function argConversion(): ArgConversion | null {
  const mod = packageModule<ArgConversion>("type-graphql", "resolvers/convert-args.js");
  return typeof mod?.convertArgToInstance === "function" &&
    typeof mod.convertArgsToInstance === "function"
    ? (mod as ArgConversion)
    : null;
}

/** An argument whose type has no rule to check, nor a validateFn of its own. */
function needsNoValidation(param: ParamMetadata): param is ArgParam {
  return (
    (param.kind === "arg" || param.kind === "args") &&
    !param.validateFn &&
    !hasRules(param.getType())
  );
}

/** Whether class-validator has any rule for instances of `type` (or of a class it extends). */
function hasRules(type: unknown): boolean {
  if (typeof type !== "function" || type.prototype === undefined) return false;
  return getValidationMetadata().getTargetValidationMetadatas(type, "", false, false).length > 0;
}

/**
 * type-graphql validates every `@Arg` and `@Args` through the global `validateFn` in an async
 * function, so every argument becomes a promise and every resolver with one waits a turn for
 * `Promise.all`, even for an `Int`. After the schema is built, each argument whose type has no
 * class-validator rule (scalars, enums, input and args classes without decorators) is read the
 * same way (type-graphql's conversion, defaults included) but without validation, which would find
 * nothing; arguments with rules, or with their own `validateFn`, are validated as before.
 */
export function skipValidationWithoutRules(): void {
  const conversion = argConversion();
  if (!conversion) return;
  for (const resolver of resolverMetadata()) {
    if (!resolver.params?.some(needsNoValidation)) continue;
    // A new array: type-graphql's cache keeps the declared params for any later build.
    resolver.params = resolver.params.map(param => {
      if (!needsNoValidation(param)) return param;
      const convert =
        param.kind === "arg" ? conversion.convertArgToInstance : conversion.convertArgsToInstance;
      const read = (args: Record<string, unknown>) => convert(param, args);
      return argumentsOnly(
        {
          kind: "custom" as const,
          target: param.target,
          methodName: param.methodName,
          index: param.index,
          options: {},
          resolver: ({ args }: ResolverData) => read(args),
        },
        read,
      );
    });
  }
}

/**
 * type-graphql sorts a resolver's parameters by position on every call (`params.sort(...)`), and
 * V8 copies an array to sort it even when it is in order: a copy per field resolved, about a tenth
 * of what a page of sessions allocated. After the schema is built, each resolver's parameters are
 * put in order once, in an array whose `sort` keeps that order and copies nothing.
 */
export function sortParamsOnce(): void {
  for (const resolver of resolverMetadata()) {
    if (!resolver.params || resolver.params.length === 0) continue;
    const sorted = [...resolver.params].sort((a, b) => a.index - b.index);
    Object.defineProperty(sorted, "sort", { value: () => sorted, enumerable: false });
    resolver.params = sorted;
  }
}

/** Every resolver type-graphql built: queries, mutations, subscriptions and field resolvers. */
function resolverMetadata() {
  const storage = getMetadataStorage();
  return [
    ...storage.queries,
    ...storage.mutations,
    ...storage.subscriptions,
    ...storage.fieldResolvers,
  ];
}
