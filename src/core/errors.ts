import { GraphQLError } from "graphql";
import { withFields } from "./objects";

/** Stable machine-readable error codes, sent as `extensions.code`. */
export type ErrorCode =
  | "BAD_USER_INPUT"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "PERSISTED_QUERY_NOT_ALLOWED"
  | QueryLimitCode
  | "SUBSCRIPTIONS_NOT_SUPPORTED"
  | "TOO_MANY_SUBSCRIPTIONS"
  | "ORIGIN_NOT_ALLOWED"
  | "TIMEOUT"
  | "SERVICE_UNAVAILABLE"
  | "INTERNAL_SERVER_ERROR";

/** Codes of documents refused before execution for asking too much. */
export type QueryLimitCode =
  | "QUERY_TOO_DEEP"
  | "QUERY_TOO_COMPLEX"
  | "QUERY_TOO_MANY_NODES"
  | "QUERY_TOO_MANY_ALIASES"
  | "QUERY_TOO_MANY_DIRECTIVES"
  | "QUERY_TOO_MANY_TOKENS"
  | "QUERY_FIELD_REPEATED"
  | "QUERY_TOO_MANY_ERRORS";

/** One offending input field and what is wrong with it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** Base of every error Crosstalk sends to clients on purpose. */
export abstract class AppError extends GraphQLError {
  abstract readonly code: ErrorCode;

  protected constructor(
    message: string,
    code: ErrorCode,
    extensions: Record<string, unknown> = {},
  ) {
    super(message, { extensions: withFields({ code }, extensions) });
  }
}

export class BadUserInputError extends AppError {
  readonly code = "BAD_USER_INPUT" as const;
  constructor(message: string, fields?: FieldProblem[]) {
    super(message, "BAD_USER_INPUT", fields ? { fields } : {});
  }
}

export class NotFoundError extends AppError {
  readonly code = "NOT_FOUND" as const;
  constructor(what: string, key: string | number) {
    super(`${what} "${key}" does not exist`, "NOT_FOUND", { type: what });
  }
}

export class ConflictError extends AppError {
  readonly code = "CONFLICT" as const;
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, "CONFLICT", extensions);
  }
}

export class UnauthenticatedError extends AppError {
  readonly code = "UNAUTHENTICATED" as const;
  constructor(
    message = "The bearer token is missing, unknown, revoked or expired",
    extensions: Record<string, unknown> = {},
  ) {
    super(message, "UNAUTHENTICATED", extensions);
  }
}

export class ForbiddenError extends AppError {
  readonly code = "FORBIDDEN" as const;
  constructor(message = "Your token's role may not do this") {
    super(message, "FORBIDDEN");
  }
}

export class RateLimitedError extends AppError {
  readonly code = "RATE_LIMITED" as const;
  /** `extra` may carry the budget's figures and an `http` head (429, Retry-After) for Apollo. */
  constructor(message: string, retryAfterSeconds: number, extra: Record<string, unknown> = {}) {
    super(message, "RATE_LIMITED", withFields({ retryAfterSeconds }, extra));
  }
}

/**
 * A document asks for more than a configured limit allows. Carries what was measured and the limit,
 * and answers HTTP 400; nothing of the document has run.
 */
export class QueryLimitError extends AppError {
  readonly code: QueryLimitCode;
  constructor(code: QueryLimitCode, message: string, measured: number, limit: number) {
    super(message, code, { measured, limit, http: { status: 400 } });
    this.code = code;
  }
}

/** A subscription sent over HTTP: subscriptions are served over WebSocket only (graphql-ws). */
export class SubscriptionsNotSupportedError extends AppError {
  readonly code = "SUBSCRIPTIONS_NOT_SUPPORTED" as const;
  constructor() {
    super(
      "Subscriptions are served over WebSocket on this same path (graphql-ws protocol, graphql-transport-ws); over HTTP send a query or a mutation",
      "SUBSCRIPTIONS_NOT_SUPPORTED",
      { http: { status: 400 } },
    );
  }
}

/** A WebSocket connection asked for more subscriptions than SUBSCRIPTIONS_PER_CONNECTION allows. */
export class TooManySubscriptionsError extends AppError {
  readonly code = "TOO_MANY_SUBSCRIPTIONS" as const;
  constructor(limit: number) {
    super(
      `At most ${limit} subscriptions per connection; complete one before starting another`,
      "TOO_MANY_SUBSCRIPTIONS",
      { limit },
    );
  }
}

/**
 * A WebSocket connection tried to sign in with the Studio's session cookie from a page that is not
 * the hub's own origin (or sent no Origin): the cookie is not accepted there (cross-site WebSocket
 * hijacking). Bearer tokens in connectionParams are not affected.
 */
export class OriginNotAllowedError extends AppError {
  readonly code = "ORIGIN_NOT_ALLOWED" as const;
  constructor() {
    super(
      // Short and ASCII: it is also a WebSocket close reason (at most 123 bytes with its code).
      "The cookie counts only from the hub's origin; send a token in connectionParams.authorization",
      "ORIGIN_NOT_ALLOWED",
    );
  }
}

/** PERSISTED_QUERIES=allowlist: an anonymous client sent an operation that is not registered. */
export class PersistedQueryNotAllowedError extends AppError {
  readonly code = "PERSISTED_QUERY_NOT_ALLOWED" as const;
  constructor() {
    super(
      "Anonymous clients may only run registered operations here; use a registered persisted query or send a bearer token",
      "PERSISTED_QUERY_NOT_ALLOWED",
      { http: { status: 403 } },
    );
  }
}

/** The request's time budget (REQUEST_TIMEOUT_MS) ran out, or the database stopped a statement. */
export class TimeoutError extends AppError {
  readonly code = "TIMEOUT" as const;
  constructor(budgetMs?: number) {
    super(
      budgetMs === undefined
        ? "The request took longer than the server allows; narrow the query or try again later"
        : `The request took longer than the server allows (${budgetMs} ms); narrow the query or try again later`,
      "TIMEOUT",
      withFields(budgetMs === undefined ? {} : { budgetMs }, { http: { status: 503 } }),
    );
  }
}

/** The server cannot take the request now (database queue full, shutting down); retry later. */
export class ServiceUnavailableError extends AppError {
  readonly code = "SERVICE_UNAVAILABLE" as const;
  constructor(message: string, retryAfterSeconds: number) {
    super(message, "SERVICE_UNAVAILABLE", { retryAfterSeconds, http: { status: 503 } });
  }
}
