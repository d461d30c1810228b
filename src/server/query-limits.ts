import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import type { DocumentNode, GraphQLFormattedError } from "graphql";
import type { QueryLimits } from "../core/config";
import { AppError, RateLimitedError } from "../core/errors";
import type { AppContext } from "../graphql/context";
import { checkCost } from "../graphql/cost";
import { countRootFields } from "../graphql/limits";
import type { BudgetState, RateLimits } from "../services/rate-limits";
import { rateLimitHeaders } from "./rate-limit";

/**
 * Checks each operation, with its variables, before anything of it runs:
 * 1. its cost (QUERY_TOO_COMPLEX over `maxCost`; see `graphql/cost.ts`);
 * 2. the client's budget: the cost is spent from it, all or nothing (429 RATE_LIMITED with
 *    Retry-After when it does not fit);
 * 3. reader comments: every `postComment` of the operation is taken from the IP's comment windows
 *    at once, so a batch is allowed or refused whole; `createAgenda` likewise from its hourly window.
 * Then every answer gets the `RateLimit-Policy` and `RateLimit` headers
 * (draft-ietf-httpapi-ratelimit-headers), and at most `maxErrors` errors. A request refused before
 * its operation was known (parse, validation, limits) costs 1 point.
 */
export function requestLimitsPlugin(
  limits: QueryLimits,
  rateLimits: RateLimits,
): ApolloServerPlugin<AppContext> {
  const costs = new CostMemo();
  return {
    async requestDidStart({ contextValue }) {
      const { viewer, clientIp } = contextValue;
      const client =
        viewer.tokenId !== null
          ? `token:${viewer.tokenId}`
          : viewer.accountId !== undefined
            ? `account:${viewer.accountId}`
            : `ip:${clientIp ?? "unknown"}`;
      let budget: BudgetState | null | undefined;
      return {
        async didResolveOperation(rc) {
          if (!rc.operation) return;
          let cost: number;
          try {
            cost = costs.of(rc.document, rc.request.operationName, rc.request.variables, () =>
              checkCost(
                rc.schema,
                rc.document,
                rc.request.variables,
                rc.request.operationName,
                limits,
              ),
            );
          } catch (err) {
            // A refused document or bad variables: the client's mistake, answered 400 (not 500).
            if (err instanceof AppError) rc.response.http.status = 400;
            throw err;
          }
          budget = await rateLimits.spend(client, cost);
          if (budget && !budget.allowed) {
            const wait = budget.resetSeconds;
            throw new RateLimitedError(
              `This request costs ${cost} and ${budget.remaining} of your ${budget.limit} points are left; try again in ${wait} s`,
              wait,
              { cost, remaining: budget.remaining, limit: budget.limit, http: tooMany(wait) },
            );
          }
          if (rc.operation.operation === "mutation") {
            const comments = countRootFields(rc.document, rc.operation, "postComment");
            if (comments > 0) {
              const decision = await rateLimits.takeComments(clientIp ?? "unknown", comments);
              if (!decision.allowed) {
                const wait = decision.retryAfterSeconds;
                throw new RateLimitedError(
                  `Too many comments from your address (${comments} in this request); try again in ${wait} s`,
                  wait,
                  { http: tooMany(wait) },
                );
              }
            }
            const agendas = countRootFields(rc.document, rc.operation, "createAgenda");
            if (agendas > 0) {
              const decision = await rateLimits.takeAgendas(clientIp ?? "unknown", agendas);
              if (!decision.allowed) {
                const wait = decision.retryAfterSeconds;
                throw new RateLimitedError(
                  `Too many agendas created from your address (${agendas} in this request); try again in ${wait} s`,
                  wait,
                  { http: tooMany(wait) },
                );
              }
            }
          }
        },
        async willSendResponse(rc) {
          if (budget === undefined) budget = await rateLimits.spend(client, 1);
          for (const [name, value] of rateLimitHeaders(rateLimits, budget)) {
            rc.response.http.headers.set(name, value);
          }
          const body = rc.response.body;
          if (body.kind === "single" && body.singleResult.errors) {
            body.singleResult.errors = capErrors(
              limitErrorsFirst(body.singleResult.errors),
              limits.maxErrors,
            );
          }
        },
      };
    },
  };
}

function tooMany(retryAfterSeconds: number) {
  return { status: 429, headers: new HeaderMap([["retry-after", String(retryAfterSeconds)]]) };
}

/** A refusal for a limit says most about a document: it comes before graphql-js's own findings. */
function limitErrorsFirst(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const isLimit = (e: GraphQLFormattedError) =>
    /^(QUERY_|SUBSCRIPTIONS_)/.test(String(e.extensions?.code ?? ""));
  return [...errors.filter(isLimit), ...errors.filter(e => !isLimit(e))];
}

/** Keeps the first `max - 1` errors and says how many more there were in a last one. */
function capErrors(errors: GraphQLFormattedError[], max: number): GraphQLFormattedError[] {
  if (errors.length <= max) return errors;
  const kept = errors.slice(0, Math.max(0, max - 1));
  return [
    ...kept,
    {
      message: `${errors.length - kept.length} more errors are not shown; this response lists at most ${max}`,
      extensions: { code: "QUERY_TOO_MANY_ERRORS", measured: errors.length, limit: max },
    },
  ];
}

/** Most variable sets whose cost is remembered per document. */
const COSTS_PER_DOCUMENT = 256;

/**
 * Costs already measured, per parsed document (Apollo keeps one per query text) and per operation
 * name and variables: a repeated request skips the cost walk. A refused document is not kept (its
 * error is thrown again each time). Bounded per document; documents go with Apollo's own cache.
 */
export class CostMemo {
  private readonly byDocument = new WeakMap<DocumentNode, Map<string, number>>();

  of(
    document: DocumentNode,
    operationName: string | null | undefined,
    variables: Record<string, unknown> | null | undefined,
    measure: () => number,
  ): number {
    let known = this.byDocument.get(document);
    if (!known) this.byDocument.set(document, (known = new Map()));
    const key = JSON.stringify([operationName ?? null, variables ?? null]);
    let cost = known.get(key);
    if (cost === undefined) {
      cost = measure();
      if (known.size >= COSTS_PER_DOCUMENT) known.clear();
      known.set(key, cost);
    }
    return cost;
  }
}
