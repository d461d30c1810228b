import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import { execute, type DocumentNode, type GraphQLSchema } from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";

type Gateway = ApolloServerOptionsWithGateway<object>["gateway"];
type GatewayExecutor = NonNullable<Awaited<ReturnType<Gateway["load"]>>["executor"]>;
type GatewayExecutionResult = Awaited<ReturnType<GatewayExecutor>>;

/** What a document holds per operation name: how often it ran, then its compiled form (or null). */
interface Compiled {
  runs: number;
  query?: CompiledQuery | null;
}

/**
 * Executes validated documents with graphql-jit, which compiles a document once into a function
 * that resolves its fields without graphql-js's per-field bookkeeping. A document is compiled the
 * second time it runs (a document seen once is not worth compiling), and kept as long as Apollo's
 * document store keeps its parsed form (the compiled form hangs off that object). graphql-js runs
 * what graphql-jit cannot compile, subscriptions, and any request whose variables do not coerce (so
 * those errors, and Apollo's 400 for them, stay graphql-js's own). Plugged into Apollo Server through
 * its gateway interface, the supported way to bring an executor: parsing, validation and every
 * plugin hook still run as before.
 */
export function compiledExecution(
  schema: GraphQLSchema,
  compileAfterRuns = 1,
): Gateway & { executor: GatewayExecutor; compiledDocuments(): number } {
  const byDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();
  let compiledDocuments = 0;

  const compiledFor = (document: DocumentNode, operationName: string | null) => {
    let perName = byDocument.get(document);
    if (!perName) byDocument.set(document, (perName = new Map()));
    const key = operationName ?? "";
    let entry = perName.get(key);
    if (!entry) perName.set(key, (entry = { runs: 0 }));
    if (entry.query !== undefined) return entry.query;
    entry.runs += 1;
    if (entry.runs <= compileAfterRuns) return null;
    const compiled = compileQuery(schema, document, operationName ?? undefined);
    entry.query = isCompiledQuery(compiled) ? compiled : null;
    if (entry.query) compiledDocuments += 1;
    return entry.query;
  };

  const executor: GatewayExecutor = async rc => {
    const variables = rc.request.variables ?? {};
    const compiled =
      rc.operation.operation === "subscription" ? null : compiledFor(rc.document, rc.operationName);
    if (compiled) {
      const result = (await compiled.query(
        undefined,
        rc.context,
        variables,
      )) as GatewayExecutionResult;
      // No data and only errors without a path: the variables did not coerce and nothing ran;
      // graphql-js words those errors as Apollo expects (a 400).
      if (result.data !== undefined || !result.errors?.length || result.errors.some(e => e.path)) {
        return result;
      }
    }
    return (await execute({
      schema,
      document: rc.document,
      contextValue: rc.context,
      variableValues: variables,
      operationName: rc.operationName,
    })) as GatewayExecutionResult;
  };

  return {
    executor,
    compiledDocuments: () => compiledDocuments,
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: "" });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}
