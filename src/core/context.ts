import type { Logger } from "pino";

/** Roles a bearer token can carry. Anonymous callers have none. */
export type Role = "EDITOR" | "ADMIN";

/** Who is asking. Services decide visibility from this, never from GraphQL. */
export interface Viewer {
  role: Role | null;
  /** Editors and admins see drafts, scheduled articles and unmoderated comments. */
  canSeeUnpublished: boolean;
  /** The API token the request authenticated with; null when anonymous (or a local CLI). */
  tokenId: number | null;
  /** What the token is limited to; absent (or null) for an unlimited token, the CLIs and anonymous. */
  scope?: TokenScope | null;
  /** The Studio account signed in with a session cookie, if that is how the request came. */
  accountId?: number;
  /** The session (its record id) the cookie named; sign-out ends this one. */
  sessionId?: number;
}

/**
 * A token's limits. `readOnly`: it may read unpublished material but write nothing. `conferenceIds`:
 * it may write only the sessions and conferences of these conferences (null: every conference).
 */
export interface TokenScope {
  readOnly: boolean;
  conferenceIds: readonly number[] | null;
}

/** Counts sign-in attempts per client (the rate limiter, seen from the services). */
export interface SignInGate {
  takeSignIn(
    ip: string,
  ): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }>;
}

/** What the HTTP layer lets a request do to its session cookie. */
export interface SessionCookieJar {
  /** Sets the session cookie to `secret` until `expiresAt`. */
  set(secret: string, expiresAt: Date): void;
  /** Removes the session cookie. */
  clear(): void;
}

export const ANONYMOUS: Viewer = { role: null, canSeeUnpublished: false, tokenId: null };

/** Someone at the server's own console (the CLIs): full rights, no token. */
export const LOCAL_OPERATOR: Viewer = { role: "ADMIN", canSeeUnpublished: true, tokenId: null };

/** Whether work for a request should stop (an AbortSignal is one). */
export interface StopSignal {
  readonly aborted: boolean;
}

/** What a service needs to know about the request it serves. GraphQL-free. */
export interface RequestContext {
  viewer: Viewer;
  /** The request's clock: every visibility check in one request uses the same instant. */
  now: Date;
  log: Logger;
  /**
   * The client's IP address as Express sees it (`req.ip`, honouring `trust proxy`); absent outside
   * HTTP (CLIs, executeOperation). Comment rate limits and anonymous retry keys use it.
   */
  clientIp?: string;
  /**
   * Aborted when the request's time budget runs out (or its client is gone): work still to do for it
   * should stop. Absent outside HTTP.
   */
  signal?: StopSignal;
  /**
   * The languages the request asked for with Accept-Language, most wanted first (see
   * core/locale.ts): the default of every translatable field's `locale` argument. Absent or empty:
   * the original text.
   */
  locales?: readonly string[];
  /** The sign-in rate limiter; absent outside HTTP (no limit). */
  signInGate?: SignInGate;
  /** The request's session cookie; absent outside HTTP. */
  cookies?: SessionCookieJar;
  /**
   * Which columns the request's reads need: set once its GraphQL operation is known. Absent, or
   * without `of`: every column.
   */
  columnNeeds?: ColumnNeedsHolder;
}

/** See RequestContext.columnNeeds. */
export interface ColumnNeedsHolder {
  /**
   * The deferrable properties (large text, JSON, audit columns: see src/db/column-set.ts) the request
   * reads of an entity, by entity name. Hot reads select only those besides the light columns.
   * Undefined for an entity: every column.
   */
  of?: (entity: string) => ReadonlySet<string> | undefined;
}
