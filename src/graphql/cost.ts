import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isLeafType,
  isListType,
  type DocumentNode,
  type GraphQLSchema,
} from "graphql";
import { getComplexity, type ComplexityEstimator } from "graphql-query-complexity";
import type { QueryLimits } from "../core/config";
import { AppError, BadUserInputError, QueryLimitError } from "../core/errors";
import { MAX_PAGE_SIZE, parsePageArgs, type PageArgs } from "../db/pagination";

/**
 * The cost of a field, roughly the number of objects it can put in the response:
 * - a scalar or enum field costs 0;
 * - an object field costs 1 plus what is selected under it;
 * - a paged field (`first`/`last`, literal or variable, default 20) costs its page size times that,
 *   so nested pages multiply;
 * - a list without paging arguments (`speakers`, `programs`, `days`, …) counts `listMultiplier`
 *   items (default 5: a session has a few speakers, programs and audiences, a conference a few
 *   days), except a day's program (`ConferenceDay.sessions`), which counts as a full page (100),
 *   and `nodes(ids:)`, which counts as many as it is given ids;
 * - the `edges`/`nodes` lists of a connection count once (the page size is already applied);
 * - introspection fields cost 1 each, with no multiplier (depth and tokens bound them).
 */
export function costEstimator(limits: Pick<QueryLimits, "listMultiplier">): ComplexityEstimator {
  return ({ type, field, args, childComplexity }) => {
    if (isLeafType(getNamedType(field.type))) return 0;
    const one = 1 + childComplexity;
    if (type.name.startsWith("__") || field.name.startsWith("__")) return one;
    if (field.args.some(a => a.name === "first" || a.name === "last")) {
      return pageSize(args) * one;
    }
    if (!isListType(getNullableType(field.type))) return one;
    if (type.name.endsWith("Connection")) return one;
    if (Array.isArray(args.ids)) return args.ids.length * one;
    return (LIST_SIZES[`${type.name}.${field.name}`] ?? limits.listMultiplier) * one;
  };
}

/** Unpaged lists that can be long, and the size they count as. */
const LIST_SIZES: Record<string, number> = {
  "ConferenceDay.sessions": MAX_PAGE_SIZE,
};

/**
 * The page a paged field asks for, validated as pagination will (sizes 0–100, not both first and
 * last, cursors well-formed), so that bad paging is refused before anything runs.
 */
function pageSize(args: Record<string, unknown>): number {
  return parsePageArgs(args as PageArgs).size;
}

/**
 * Measures one operation's cost with its variables. Throws QUERY_TOO_MANY_NODES when the document
 * (fragments expanded) has more field nodes than `maxNodes`, and BAD_USER_INPUT for a page size out
 * of range; does not compare with `maxCost` (see `checkCost`).
 */
export function measureCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  limits: QueryLimits,
): number {
  try {
    return getComplexity({
      schema,
      query: document,
      variables,
      operationName,
      estimators: [costEstimator(limits)],
      maxQueryNodes: limits.maxNodes,
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof GraphQLError && /maximum allowed number of nodes/.test(err.message)) {
      throw new QueryLimitError(
        "QUERY_TOO_MANY_NODES",
        `The query expands to more than ${limits.maxNodes} fields; at most ${limits.maxNodes} are allowed`,
        limits.maxNodes + 1,
        limits.maxNodes,
      );
    }
    // What remains are the variables' coercion errors, which execution would report as well.
    if (err instanceof GraphQLError) throw new BadUserInputError(err.message);
    throw err;
  }
}

/** Measures an operation and refuses it with QUERY_TOO_COMPLEX over `maxCost`. Returns the cost. */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
  limits: QueryLimits,
): number {
  const cost = measureCost(schema, document, variables, operationName, limits);
  if (cost > limits.maxCost) {
    throw new QueryLimitError(
      "QUERY_TOO_COMPLEX",
      `The query costs ${cost}; at most ${limits.maxCost} is allowed. Ask for smaller pages (first/last) or fewer nested lists`,
      cost,
      limits.maxCost,
    );
  }
  return cost;
}
