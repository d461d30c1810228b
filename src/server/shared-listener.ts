import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from "@apollo/server";

/**
 * A plugin whose listener keeps nothing of a request. Apollo calls every plugin's
 * `requestDidStart` on every request and awaits what it returns; this one hands it the same
 * listener each time, already resolved, so nothing is made per request.
 */
export function sameListenerEveryRequest<TContext extends BaseContext>(
  listener: GraphQLRequestListener<TContext>,
): ApolloServerPlugin<TContext> {
  const resolved = Promise.resolve(listener);
  return { requestDidStart: () => resolved };
}
