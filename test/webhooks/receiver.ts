import http from "node:http";
import type { AddressInfo } from "node:net";

/** One request a test receiver got. */
export interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
  at: number;
  /** The status it was answered with; null while held or when the sender went away. */
  answered: number | null;
}

/** What to do with a request: answer with a status (and headers), or hold it unanswered. */
export type Plan = (
  req: Received,
  index: number,
) => number | "hold" | { status: number; headers: Record<string, string> };

/** A real HTTP server that records what it receives; each path can have its own plan. */
export class Receiver {
  readonly received: Received[] = [];
  private plans = new Map<string, Plan>();
  private waiters: { test: () => boolean; resolve: () => void }[] = [];
  private server = http.createServer((req, res) => {
    let body = "";
    req.on("data", chunk => (body += chunk));
    req.on("end", () => {
      const entry: Received = {
        path: req.url ?? "/",
        headers: Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [
            k,
            Array.isArray(v) ? v.join(",") : (v ?? ""),
          ]),
        ),
        body,
        at: Date.now(),
        answered: null,
      };
      this.received.push(entry);
      const plan = this.plans.get(entry.path);
      const index = this.received.filter(r => r.path === entry.path).length - 1;
      const action = plan ? plan(entry, index) : 200;
      if (action !== "hold") {
        const { status, headers } =
          typeof action === "number" ? { status: action, headers: {} } : action;
        entry.answered = status;
        res.writeHead(status, headers).end("ok");
      }
      this.notify();
    });
  });

  url = "";

  async start(): Promise<this> {
    await new Promise<void>(resolve => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  plan(path: string, plan: Plan): void {
    this.plans.set(path, plan);
  }

  at(path: string): Received[] {
    return this.received.filter(r => r.path === path);
  }

  /** Resolves once `test` holds (checked on each request), or fails after `ms`. */
  until(test: () => boolean, ms = 20_000, what = "the expected requests"): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter(w => w.resolve !== done);
        reject(new Error(`timed out waiting for ${what}`));
      }, ms);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.waiters.push({ test, resolve: done });
    });
  }

  private notify() {
    for (const waiter of [...this.waiters]) {
      if (waiter.test()) {
        this.waiters = this.waiters.filter(w => w !== waiter);
        waiter.resolve();
      }
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise(resolve => this.server.close(resolve));
  }
}

/** Polls `check` until it returns a truthy value (or fails after `ms`). */
export async function eventually<T>(
  check: () => Promise<T | null | undefined | false>,
  ms = 20_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}
