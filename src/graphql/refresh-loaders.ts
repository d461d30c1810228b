import type { MiddlewareFn } from "type-graphql";
import type { AppContext } from "./context";
import { createLoaders } from "./loaders";

/**
 * After a mutation field, the request's loaders may hold what was there before the write; later
 * fields of the same request (the payload, the next aliased mutation) must read the new state, so
 * the request gets a fresh loader set. Mutations run one after another, so no read is in flight
 * when this happens. Put it on mutation resolvers (`@UseMiddleware(RefreshLoaders)`); on any other
 * field it does nothing.
 */
export const RefreshLoaders: MiddlewareFn<AppContext> = async ({ context, info }, next) => {
  try {
    return await next();
  } finally {
    if (info.operation.operation === "mutation" && info.path.prev === undefined) {
      context.loaders = createLoaders(context.services, context);
    }
  }
};

/**
 * A subscription's context lives as long as the subscription: before each event it resolves, the
 * clock moves to now and the loaders start empty, so every event shows the records as they are now.
 */
export function freshEventState(context: AppContext): void {
  context.now = new Date();
  context.loaders = createLoaders(context.services, context);
}
