import type { ApolloServerPlugin } from "@apollo/server";
import {
  getNamedType,
  isAbstractType,
  type DocumentNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { CACHE_HINT_EXTENSION, type CacheHintOptions } from "../graphql/cache-hint";
import type { AppContext } from "../graphql/context";
import { walkSelections } from "../graphql/selection-walk";
import { sameListenerEveryRequest } from "./shared-listener";

/** What no cache may keep: any response to a request carrying Authorization, any mutation. */
export const UNCACHEABLE = "private, no-store";

/**
 * What every GraphQL answer varies by: the token, the Studio's session cookie, and the language
 * translatable fields follow (see core/locale.ts).
 */
export const GRAPHQL_VARY = "Authorization, Cookie, Accept-Language";

/**
 * The cache policy of each operation, worked out from its document once: the default max-age
 * (CACHE_MAX_AGE, public) restricted by the `@CacheHint` of every field the operation selects,
 * through fragments, whether or not the field resolves to anything (stricter than per-field
 * instrumentation, never looser). Nothing runs per resolved field.
 */
export function cachePolicyPlugin(defaultMaxAge: number): ApolloServerPlugin<AppContext> {
  // Apollo keeps one parsed document per query text, so the policy is computed once per text.
  const policies = new WeakMap<DocumentNode, Map<string, CacheHintOptions>>();
  return sameListenerEveryRequest({
    async didResolveOperation({ document, operation, schema, overallCachePolicy }) {
      if (!operation) return;
      let byOperation = policies.get(document);
      if (!byOperation) policies.set(document, (byOperation = new Map()));
      const name = operation.name?.value ?? "";
      let policy = byOperation.get(name);
      if (!policy) {
        policy = operationPolicy(schema, document, operation, defaultMaxAge);
        byOperation.set(name, policy);
      }
      overallCachePolicy.restrict(policy);
    },
  });
}

/** The most restrictive of the default and every selected field's hint. */
export function operationPolicy(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  defaultMaxAge: number,
): CacheHintOptions {
  if (operation.operation !== "query") return { maxAge: 0 };
  const policy: Required<CacheHintOptions> = { maxAge: defaultMaxAge, scope: "PUBLIC" };
  walkSelections(schema, document, operation, (parent, selection) => {
    // Hints may sit on an abstract type's field or on any of its object types' fields.
    const owners = isAbstractType(parent) ? [parent, ...schema.getPossibleTypes(parent)] : [parent];
    let next: GraphQLCompositeType | undefined;
    for (const owner of owners) {
      const field = "getFields" in owner ? owner.getFields()[selection.name.value] : undefined;
      if (!field) continue;
      const hint = field.extensions?.[CACHE_HINT_EXTENSION] as CacheHintOptions | undefined;
      if (hint?.maxAge !== undefined) policy.maxAge = Math.min(policy.maxAge, hint.maxAge);
      if (hint?.scope === "PRIVATE") policy.scope = "PRIVATE";
      next ??= getNamedType(field.type) as GraphQLCompositeType;
    }
    return next;
  });
  return policy;
}

/**
 * Turns the cache policy (cachePolicyPlugin's, or the response cache's remaining max-age on a hit)
 * into the response's Cache-Control, with two rules on top:
 *   - a request with an Authorization header gets `private, no-store` whatever it asked for;
 *   - only anonymous GET queries answered without errors are cacheable (`public, max-age=N`);
 *     everything else is `no-store`.
 * `Vary: Authorization` keeps shared caches from answering a token-bearing request with a public
 * response; `Vary: Accept-Language`, one language's answer with another's.
 */
export function httpCachePlugin(): ApolloServerPlugin<AppContext> {
  return sameListenerEveryRequest({
    async willSendResponse({ request, response, operation, overallCachePolicy, contextValue }) {
      const headers = response.http.headers;
      const vary = headers.get("vary");
      headers.set("vary", vary ? `${vary}, ${GRAPHQL_VARY}` : GRAPHQL_VARY);
      if (
        request.http?.headers.get("authorization") !== undefined ||
        contextValue.viewer.accountId !== undefined
      ) {
        headers.set("cache-control", UNCACHEABLE);
        return;
      }
      const clean = response.body.kind === "single" && !response.body.singleResult.errors;
      const policy = clean ? overallCachePolicy.policyIfCacheable() : null;
      if (
        request.http?.method === "GET" &&
        operation?.operation === "query" &&
        policy?.scope === "PUBLIC" &&
        policy.maxAge > 0
      ) {
        headers.set("cache-control", `public, max-age=${policy.maxAge}`);
      } else {
        headers.set("cache-control", "no-store");
      }
    },
  });
}
