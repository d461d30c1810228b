import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";

/** A subscription's results as they arrive, with a way to wait for the next one. */
export interface Received<T = any> {
  results: { data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }[];
  /** When each result arrived (Date.now()). */
  times: number[];
  completed: boolean;
  error: unknown;
  /** Resolves once at least `count` results have arrived (rejects after `timeoutMs`). */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  /** Resolves once the server completed or failed the subscription. */
  ended(timeoutMs?: number): Promise<void>;
  dispose(): void;
}

/**
 * A graphql-ws client over a real WebSocket (the `ws` package), not retrying. `headers` go on the
 * upgrade request, as a browser's `Cookie` and `Origin` would.
 */
export function wsClient(
  url: string,
  connectionParams?: Record<string, unknown>,
  headers?: Record<string, string>,
): Client {
  class WithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  return createClient({
    url: `${url.replace(/^http/, "ws")}/graphql`,
    webSocketImpl: headers ? WithHeaders : WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

/** Polls `check` until it holds (every 10 ms), failing after `timeoutMs`. */
export async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 10));
  }
}

/** Subscribes and collects what arrives. */
export function collect<T = any>(
  client: Client,
  query: string,
  variables?: Record<string, unknown>,
): Received<T> {
  const received: Received<T> = {
    results: [],
    times: [],
    completed: false,
    error: undefined,
    waitFor: (count, timeoutMs = 10_000) =>
      until(() => received.results.length >= count, timeoutMs, `${count} result(s)`),
    ended: (timeoutMs = 10_000) =>
      until(() => received.completed || received.error !== undefined, timeoutMs, "the end"),
    dispose: () => undefined,
  };
  received.dispose = client.subscribe<T>(
    { query, variables },
    {
      next: value => {
        received.results.push(value as Received<T>["results"][number]);
        received.times.push(Date.now());
      },
      error: err => {
        received.error = err;
      },
      complete: () => {
        received.completed = true;
      },
    },
  );
  return received;
}

/** The code a refused subscription got: from an `error` message, or a result with errors. */
export async function refusalCode(sub: Received): Promise<string | undefined> {
  await until(() => sub.results.length > 0 || sub.error !== undefined, 10_000, "a refusal");
  const errors = (sub.results[0]?.errors ?? sub.error) as
    { extensions?: { code?: string } }[] | undefined;
  return Array.isArray(errors) ? errors[0]?.extensions?.code : String(sub.error);
}
