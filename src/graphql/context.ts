import type { RequestContext } from "../core/context";
import type { EventSource } from "../core/events";
import type { Services } from "../services";
import type { Loaders } from "./loaders";

/** The GraphQL context: the request context plus services and this request's loaders. */
export interface AppContext extends RequestContext {
  requestId: string;
  services: Services;
  loaders: Loaders;
  /** Committed domain events, for subscriptions. */
  events: EventSource;
}
