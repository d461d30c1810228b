import type { ApolloServerPlugin } from "@apollo/server";
import type { AppContext } from "../graphql/context";
import { operationColumnNeeds } from "../graphql/selected-columns";
import { sameListenerEveryRequest } from "./shared-listener";

/**
 * Gives each request's reads the columns its operation needs (src/graphql/selected-columns.ts), once
 * the operation is known and before it runs. A request that ever sees a second operation reads
 * every column from then on, so that its per-request caches never mix narrow and wide records.
 */
export function columnNeedsPlugin(): ApolloServerPlugin<AppContext> {
  return sameListenerEveryRequest({
    async didResolveOperation({ schema, document, operation, contextValue }) {
      const holder = contextValue.columnNeeds;
      if (!operation || !holder) return;
      holder.of =
        holder.of === undefined
          ? operationColumnNeeds(schema, document, operation)
          : () => undefined;
    },
  });
}
