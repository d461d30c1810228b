import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler, Response } from "express";
import { AppError, ConflictError, ServiceUnavailableError, TimeoutError } from "../core/errors";
import { sendGraphQLError } from "./http-errors";
import { sameListenerEveryRequest } from "./shared-listener";
import type { StopSignal } from "../core/context";

/** How long a client should wait before retrying after a 503 for an overloaded database. */
const RETRY_AFTER_SECONDS = 2;

/** Driver error codes that mean the database cannot be reached (or the connection broke). */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "ER_CON_COUNT_ERROR",
]);

/** MariaDB's max_statement_time (1969) and MySQL's MAX_EXECUTION_TIME (3024) interruptions. */
const STATEMENT_TIMEOUT_ERRNOS = new Set([1969, 3024]);

/**
 * A Galera node that is not (or no longer) part of the primary component answers 1047
 * ("WSREP has not yet prepared node for application use"): another node can take the request.
 */
const NODE_NOT_READY_ERRNOS = new Set([1047]);

interface DriverErrorLike {
  code?: unknown;
  errno?: unknown;
  message?: unknown;
  driverError?: DriverErrorLike;
  originalError?: unknown;
}

/**
 * Maps database trouble to what a client may be told: the pool's wait queue is full, the pool has
 * closed (shutdown), or the database cannot be reached (or is a cluster node not ready for clients)
 * → SERVICE_UNAVAILABLE (503, Retry-After); a deadlock or failed certification → CONFLICT; a
 * statement stopped by the server's time limit → TIMEOUT (503). Null for anything else (which
 * stays masked). The messages name no host, query or driver detail.
 */
export function classifyDatabaseError(error: unknown): AppError | null {
  let e = error as DriverErrorLike | undefined;
  for (let depth = 0; e && depth < 4; depth++) {
    if (e instanceof AppError) return e;
    if (e.message === "Queue limit reached.") {
      return new ServiceUnavailableError(
        "The server is busy: too many requests are waiting for the database; retry shortly",
        RETRY_AFTER_SECONDS,
      );
    }
    if (e.message === "Pool is closed.") {
      // Shutting down: the pool closed under a statement of a request whose client had gone.
      return new ServiceUnavailableError(
        "The database is unavailable; retry shortly",
        RETRY_AFTER_SECONDS,
      );
    }
    if (typeof e.errno === "number" && STATEMENT_TIMEOUT_ERRNOS.has(e.errno)) {
      return new TimeoutError();
    }
    if (e.errno === 1213) {
      // A deadlock or failed cluster certification outside the writer's retries (which already
      // turn their last one into CONFLICT): nothing was stored, and the client may try again.
      return new ConflictError(
        "A concurrent write conflicted with this one, so it was not stored; try again",
        { reason: "WRITE_CONFLICT" },
      );
    }
    if (
      (typeof e.code === "string" && UNREACHABLE.has(e.code)) ||
      (typeof e.errno === "number" && NODE_NOT_READY_ERRNOS.has(e.errno))
    ) {
      return new ServiceUnavailableError(
        "The database is unavailable; retry shortly",
        RETRY_AFTER_SECONDS,
      );
    }
    e = (e.driverError ?? e.originalError) as DriverErrorLike | undefined;
  }
  return null;
}

/**
 * A request's budget as its work sees it: `aborted` once the budget has run out or the client has
 * gone. Not an AbortController: nothing here listens for its event, and on Node 20 an
 * AbortController made per request does not die young (it took what the request reached to the old
 * generation with it, as a spread copy does: see core/objects.ts).
 */
export class BudgetSignal implements StopSignal {
  private stopped = false;

  get aborted(): boolean {
    return this.stopped;
  }

  abort(): void {
    this.stopped = true;
  }
}

/** Where the budget middleware leaves the request's signal for the GraphQL context. */
export function budgetSignal(res: Response): StopSignal | undefined {
  return (res.locals as { budgetSignal?: StopSignal }).budgetSignal;
}

/**
 * Each request's time budget. The clock starts once the request has fully arrived (slow bodies are
 * the HTTP server's body timeout's business). When it runs out before an answer, the client gets
 * 503 `TIMEOUT` at once and the request's signal fires, so its remaining resolvers do not run.
 */
export function requestBudget(budgetMs: number): RequestHandler {
  return (req, res, next) => {
    const signal = new BudgetSignal();
    (res.locals as { budgetSignal?: StopSignal }).budgetSignal = signal;
    let timer: NodeJS.Timeout | undefined;
    const start = () => {
      if (res.writableEnded) return;
      timer = setTimeout(() => {
        // Answered ("close", which clears this timer, follows a tick later): nothing to stop.
        if (res.writableFinished) return;
        if (!res.headersSent) {
          req.log?.warn({ budgetMs }, "request budget exhausted");
          const err = new TimeoutError(budgetMs);
          sendGraphQLError(res, 503, err.code, err.message, { budgetMs });
        }
        signal.abort();
      }, budgetMs);
    };
    // "close" ends every response, answered or not (it follows "finish").
    res.once("close", () => {
      clearTimeout(timer);
      // A client that went away wants nothing more either.
      if (!res.writableFinished) signal.abort();
    });
    if (req.complete || req.readableEnded) start();
    else req.once("end", start);
    next();
  };
}

/**
 * Apollo side of the budget: database overload or time-outs set the HTTP status (503) and
 * Retry-After they call for (resolvers stop on abort through `installFieldHooks`).
 */
export function requestBudgetPlugin(): ApolloServerPlugin<{ signal?: StopSignal }> {
  return sameListenerEveryRequest({
    async didEncounterErrors({ errors, response }) {
      for (const error of errors) {
        const known = classifyDatabaseError(error.originalError ?? error);
        if (!known || !(known instanceof TimeoutError || known instanceof ServiceUnavailableError))
          continue;
        response.http.status = 503;
        const retry = known.extensions.retryAfterSeconds;
        if (typeof retry === "number") response.http.headers.set("retry-after", String(retry));
        return;
      }
    },
  });
}
