import {
  execute,
  getOperationAST,
  GraphQLError,
  printSchema,
  valueFromASTUntyped,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationTypeNode,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import { LRUCache } from "lru-cache";
import type {
  GatewayExecutor,
  GatewayInterface,
  GatewaySchemaLoadOrUpdateCallback,
} from "@apollo/server-gateway-interface";
import type { ExecutionConfig } from "../core/config";
import { hasFieldObserver, hookedFieldResolver } from "./field-hooks";
import { withFields } from "../core/objects";

/** A compiled operation, with the defaults of its variables as a client would send them. */
interface Compiled {
  query: CompiledQuery<Record<string, unknown>, Record<string, unknown>>["query"];
  defaults: [name: string, value: unknown][];
}

/** An operation graphql-jit would not compile (graphql-js runs it, and reports its errors). */
const UNCOMPILABLE = Symbol("not compiled");

/**
 * The operations of one schema, compiled by graphql-jit once they repeat.
 *
 * graphql-js walks an operation's selections for every object it resolves, and allocates the
 * walk's state as it goes. graphql-jit turns an operation into one JavaScript function of its own,
 * once: the program page runs in about four-fifths of the Node time (see README, Benchmark).
 * Compiling costs milliseconds, so an operation is compiled on its `compileAfter`th run; until
 * then, and when a compiled form is not available, graphql-js runs it. At most `maxCompiled`
 * compiled operations are kept, least recently used going first, and as many run counts.
 *
 * A compiled operation reads a field without a resolver as the property it is. The schema's
 * plain fields are synchronous values (`dropPlainFieldResolvers` keeps a resolver on any other),
 * and the field hooks on resolved fields run as before; a request whose context carries a field
 * observer (a response being cached, a mutation collecting its purges) is told of every field,
 * plain ones too, so graphql-js runs it with the hooked default resolver. Only queries are
 * compiled: mutations are few and run their fields one after another, and subscriptions are
 * served over WebSocket by graphql-js.
 */
export class CompiledOperations {
  /** How many operations ran compiled, and how many graphql-js ran, since the process started. */
  readonly runs = { compiled: 0, interpreted: 0 };
  private readonly counts: LRUCache<string, number>;
  private readonly compiled: LRUCache<string, Compiled | typeof UNCOMPILABLE>;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly config: ExecutionConfig,
  ) {
    this.counts = new LRUCache({ max: config.maxCompiled });
    this.compiled = new LRUCache({ max: config.maxCompiled });
  }

  /**
   * Executes `document`'s operation (`key` names the document, for instance Apollo's query hash),
   * compiled when it has run often enough.
   */
  execute(args: {
    key: string;
    document: DocumentNode;
    operationName: string | null;
    /** The operation's kind, when known: only queries are compiled. */
    kind?: OperationTypeNode;
    contextValue: object;
    variableValues?: Record<string, unknown>;
  }): ExecutionResult | Promise<ExecutionResult> {
    const compiled =
      args.kind === "query" && !hasFieldObserver(args.contextValue) ? this.compiledFor(args) : null;
    if (compiled) {
      this.runs.compiled++;
      const result = compiled.query(
        undefined,
        args.contextValue,
        withDefaults(args.variableValues, compiled.defaults),
      );
      return isPromise(result) ? result.then(withGraphQLErrors) : withGraphQLErrors(result);
    }
    this.runs.interpreted++;
    return execute({
      schema: this.schema,
      document: args.document,
      operationName: args.operationName,
      contextValue: args.contextValue,
      variableValues: args.variableValues,
      fieldResolver: hookedFieldResolver,
    });
  }

  /** How many operations are held compiled (for tests and metrics). */
  get size(): number {
    let n = 0;
    for (const entry of this.compiled.values()) if (entry !== UNCOMPILABLE) n++;
    return n;
  }

  /** The compiled form of the operation, once it is due; null while graphql-js should run it. */
  private compiledFor(args: {
    key: string;
    document: DocumentNode;
    operationName: string | null;
  }): Compiled | null {
    const { compileAfter } = this.config;
    if (compileAfter === 0) return null;
    const key = `${args.operationName ?? ""}\n${args.key}`;
    const held = this.compiled.get(key);
    if (held !== undefined) return held === UNCOMPILABLE ? null : held;
    const runs = (this.counts.get(key) ?? 0) + 1;
    if (runs < compileAfter) {
      this.counts.set(key, runs);
      return null;
    }
    this.counts.delete(key);
    const compiled = this.compile(args.document, args.operationName);
    this.compiled.set(key, compiled ?? UNCOMPILABLE);
    return compiled;
  }

  /**
   * graphql-jit's form of the operation, or null where it has none (an operation name the
   * document lacks, say: graphql-js then answers with the error the client should see).
   */
  private compile(document: DocumentNode, operationName: string | null): Compiled | null {
    try {
      const result = compileQuery<Record<string, unknown>, Record<string, unknown>>(
        this.schema,
        document,
        operationName ?? undefined,
      );
      if (!isCompiledQuery(result)) return null;
      const operation = getOperationAST(document, operationName);
      const defaults: Compiled["defaults"] = [];
      for (const definition of operation?.variableDefinitions ?? []) {
        if (definition.defaultValue) {
          defaults.push([
            definition.variable.name.value,
            valueFromASTUntyped(definition.defaultValue),
          ]);
        }
      }
      return { query: result.query, defaults };
    } catch {
      return null;
    }
  }
}

/**
 * The variables with every omitted one that has a default set to it. graphql-jit reports an omitted
 * variable of a non-null type as missing even when it has a default, where the spec (and
 * graphql-js) use the default; given as the client's value, the default is coerced like one.
 */
function withDefaults(
  variables: Record<string, unknown> | undefined,
  defaults: Compiled["defaults"],
): Record<string, unknown> | undefined {
  let filled = variables;
  for (const [name, value] of defaults) {
    if (filled !== undefined && Object.prototype.hasOwnProperty.call(filled, name)) continue;
    if (filled === variables) filled = withFields({}, variables);
    filled![name] = value;
  }
  return filled;
}

/** Whether a compiled operation's answer is still to come. */
function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T>)?.then === "function";
}

/**
 * The result with every error as graphql-js makes it, errors before data. graphql-jit's errors from a resolver carry no
 * `extensions` when the error thrown had none (any error but the app's own), where graphql-js's
 * always have an object; Apollo reads `extensions.code` of each, and would answer such an error
 * as a bare "Internal server error" without the server's formatting, logging or 503s.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors) return result;
  const { errors, data, ...rest } = result;
  return withFields(
    {
      errors: errors.map(e => {
        if (e.extensions !== undefined) return e;
        const error = new GraphQLError(e.message, { path: e.path, originalError: e.originalError });
        (error as { locations?: GraphQLError["locations"] }).locations = e.locations;
        return error;
      }),
      data,
    },
    rest,
  );
}

/**
 * `operations` as Apollo Server's executor. Apollo takes an executor of its own only from a
 * gateway; this one serves the schema it was given, once, and never changes it. The app has
 * Apollo build what it hands the executor with `installGatewayRequestContext` (Apollo's own builder
 * sends every request to the old generation).
 */
export function executingGateway(
  schema: GraphQLSchema,
  operations: CompiledOperations,
): GatewayInterface {
  const executor: GatewayExecutor = async rc =>
    operations.execute({
      key: rc.queryHash,
      document: rc.document,
      operationName: rc.request.operationName ?? null,
      kind: rc.operation?.operation,
      contextValue: rc.context,
      variableValues: rc.request.variables,
    });
  let listener: GatewaySchemaLoadOrUpdateCallback | null = null;
  return {
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => {
        listener = null;
      };
    },
    async load() {
      listener?.({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return { executor };
    },
    async stop() {},
  };
}
