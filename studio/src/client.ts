import { Client, fetchExchange, subscriptionExchange } from "@urql/core";
import { cacheExchange } from "@urql/exchange-graphcache";
import { liveSocket } from "./live";

/**
 * The Studio's GraphQL client: the hub's public endpoint, the session cookie (same origin), and
 * Apollo's CSRF-prevention header, without which the hub ignores the cookie. Subscriptions go over
 * the live WebSocket (./live). The cache is normalised: an object changed by a mutation updates
 * every screen that shows it.
 */
export function createClient(): Client {
  return new Client({
    url: "/graphql",
    fetchOptions: () => ({
      credentials: "same-origin",
      headers: { "apollo-require-preflight": "true" },
    }),
    requestPolicy: "cache-and-network",
    exchanges: [
      cacheExchange({
        // Types without an id of their own are embedded in their parent.
        keys: {
          PageInfo: () => null,
          Viewer: () => null,
          SignInPayload: () => null,
          InvitedAccount: () => null,
          CreatedApiToken: () => null,
          CommentConnection: () => null,
          CommentEdge: () => null,
          ConferenceDay: () => null,
          ConferenceStats: () => null,
          ScheduleChange: () => null,
        },
      }),
      subscriptionExchange({
        forwardSubscription: request => ({
          subscribe: sink => ({
            unsubscribe: liveSocket.client.subscribe(
              { ...request, query: request.query ?? "" },
              sink,
            ),
          }),
        }),
      }),
      fetchExchange,
    ],
  });
}
