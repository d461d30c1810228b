import type { ApolloServerPlugin } from "@apollo/server";
import type { AppContext } from "../graphql/context";

/** What no cache may keep: any response to a request carrying Authorization, any mutation. */
export const UNCACHEABLE = "private, no-store";

/**
 * Turns Apollo's cache policy (the minimum over the fields a query touched: the `CACHE_MAX_AGE`
 * default and any `@CacheHint`) into the response's Cache-Control, with two rules on top:
 *   - a request with an Authorization header gets `private, no-store` whatever it asked for;
 *   - only anonymous GET queries are cacheable (`public, max-age=N`); everything else is `no-store`.
 * `Vary: Authorization` keeps shared caches from answering a token-bearing request with a public
 * response; `Vary: Accept-Language`, one language's answer with another's. Must come after ApolloServerPluginCacheControl in the plugin list.
 */
export function httpCachePlugin(): ApolloServerPlugin<AppContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ request, response, operation, contextValue }) {
          const headers = response.http.headers;
          const vary = headers.get("vary");
          // Translatable fields follow Accept-Language (see core/locale.ts); Studio answers, the cookie.
          const ours = "Authorization, Cookie, Accept-Language";
          headers.set("vary", vary ? `${vary}, ${ours}` : ours);
          if (
            request.http?.headers.get("authorization") !== undefined ||
            contextValue.viewer.accountId !== undefined
          ) {
            headers.set("cache-control", UNCACHEABLE);
            return;
          }
          const apollo = /^max-age=(\d+), public$/.exec(headers.get("cache-control") ?? "");
          const maxAge = apollo ? Number(apollo[1]) : 0;
          if (request.http?.method === "GET" && operation?.operation === "query" && maxAge > 0) {
            headers.set("cache-control", `public, max-age=${maxAge}`);
          } else {
            headers.set("cache-control", "no-store");
          }
        },
      };
    },
  };
}
