import path from "node:path";
import { printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { resolvers } from "../../resolvers";
import { authChecker } from "../graphql/auth-checker";
import { validateInput } from "../graphql/validate-input";
import { PROJECT_ROOT } from "../core/paths";
import { skipValidationWithoutRules, sortParamsOnce } from "./arg-validation";
import { dropPlainFieldResolvers } from "./plain-fields";
import { ResolverInstances } from "./resolver-instances";
import { callResolversDirectly } from "./direct-resolvers";

/** Where the committed SDL lives. */
export const SCHEMA_FILE = path.join(PROJECT_ROOT, "schema", "schema.graphql");

let cached: Promise<GraphQLSchema> | null = null;

/**
 * Builds the executable schema once per process (type-graphql metadata is global). Plain fields
 * get no resolver (see `dropPlainFieldResolvers`: keep global middlewares out of these options),
 * only arguments with rules are validated (`skipValidationWithoutRules`), each resolver's
 * parameters are sorted once rather than per call (`sortParamsOnce`), and resolvers without
 * middlewares or roles are called directly (`callResolversDirectly`).
 */
export function getSchema(): Promise<GraphQLSchema> {
  if (cached) return cached;
  const container = new ResolverInstances();
  cached = buildSchema({
    resolvers,
    validateFn: validateInput,
    authChecker,
    authMode: "error",
    container,
    // Every @Subscription brings its own `subscribe` (over the event bus); type-graphql still asks
    // for a pub/sub, which is never used.
    pubSub: {
      publish: () => {
        throw new Error("Crosstalk publishes through the event bus, not type-graphql's pubSub");
      },
      subscribe: () => {
        throw new Error("Every subscription has its own subscribe function");
      },
    },
  }).then(schema => {
    skipValidationWithoutRules();
    sortParamsOnce();
    callResolversDirectly(schema, { resolvers, container });
    return dropPlainFieldResolvers(schema);
  });
  return cached;
}

/** The SDL the code defines, as committed in schema/schema.graphql. */
export async function printCurrentSchema(): Promise<string> {
  return `${printSchema(await getSchema())}\n`;
}
