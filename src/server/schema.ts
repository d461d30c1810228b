import path from "node:path";
import { printSchema, type GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { resolvers } from "../../resolvers";
import { authChecker } from "../graphql/auth-checker";
import { validateInput } from "../graphql/validate-input";
import { PROJECT_ROOT } from "../core/paths";

/** Where the committed SDL lives. */
export const SCHEMA_FILE = path.join(PROJECT_ROOT, "schema", "schema.graphql");

let cached: Promise<GraphQLSchema> | null = null;

/** Builds the executable schema once per process (type-graphql metadata is global). */
export function getSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    validateFn: validateInput,
    authChecker,
    authMode: "error",
  });
  return cached;
}

/** The SDL the code defines, as committed in schema/schema.graphql. */
export async function printCurrentSchema(): Promise<string> {
  return `${printSchema(await getSchema())}\n`;
}
