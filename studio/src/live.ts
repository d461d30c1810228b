import { useEffect, useState } from "preact/hooks";
import { createClient, type Client } from "graphql-ws";

/** Whether the Studio's WebSocket to the hub is up, and how many times it has (re)connected. */
export interface LiveState {
  connected: boolean;
  /** Rises with every connection acknowledged, so a screen can catch up once after a reconnect. */
  connections: number;
}

/** graphql-ws's close code for a refused connection: the session ended, or the origin is wrong. */
const REFUSED = 4403;
/** Longest wait between two reconnection attempts, in ms. */
const MAX_RETRY_WAIT_MS = 30_000;

/**
 * The Studio's one GraphQL-over-WebSocket connection (graphql-ws) to the hub's own `/graphql`. The
 * browser sends the session cookie on the upgrade, which the hub accepts because the page is of its
 * own origin; no token is sent. It opens with the first subscription and closes after the last; a
 * dropped connection is retried for as long as it takes (backing off to 30 s), except a refused
 * one (4403: the session ended), which the screens' HTTP requests then report.
 */
function createLiveSocket(): {
  client: Client;
  state(): LiveState;
  listen(listener: () => void): () => void;
} {
  let state: LiveState = { connected: false, connections: 0 };
  const listeners = new Set<() => void>();
  const set = (next: LiveState) => {
    state = next;
    for (const listener of listeners) listener();
  };
  const client = createClient({
    url: `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/graphql`,
    retryAttempts: Infinity,
    retryWait: retries =>
      new Promise(resolve =>
        setTimeout(
          resolve,
          Math.min(MAX_RETRY_WAIT_MS, 500 * 2 ** retries) + Math.floor(Math.random() * 500),
        ),
      ),
    shouldRetry: event => (event as { code?: unknown } | null)?.code !== REFUSED,
    on: {
      connected: () => set({ connected: true, connections: state.connections + 1 }),
      closed: () => set({ ...state, connected: false }),
    },
  });
  return {
    client,
    state: () => state,
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const liveSocket = createLiveSocket();

/** The live socket's state, re-rendering the component when it changes. */
export function useLiveState(): LiveState {
  const [state, setState] = useState(liveSocket.state());
  useEffect(() => {
    setState(liveSocket.state());
    return liveSocket.listen(() => setState(liveSocket.state()));
  }, []);
  return state;
}
