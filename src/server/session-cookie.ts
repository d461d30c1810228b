import type { IncomingHttpHeaders } from "node:http";
import { HeaderMap } from "@apollo/server";
import type { Request, Response } from "express";
import { ANONYMOUS, type SessionCookieJar, type Viewer } from "../core/context";
import { OriginNotAllowedError, UnauthenticatedError } from "../core/errors";
import type { AccountService } from "../services/account.service";
import type { TokenService } from "../services/token.service";
import { viewerFor } from "./auth";

/** The Studio's session cookie. */
export const SESSION_COOKIE = "crosstalk_session";

/**
 * Apollo's CSRF-prevention headers. A browser cannot add either to a cross-site request without a
 * CORS preflight, so a cookie is honoured only on requests that carry one.
 */
const CSRF_HEADERS = ["apollo-require-preflight", "x-apollo-operation-name"] as const;

/** The session cookie's value, or null when the request has none. */
export function readSessionCookie(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === SESSION_COOKIE) {
      return part.slice(eq + 1).trim() || null;
    }
  }
  return null;
}

/** True when the request carries one of Apollo's CSRF-prevention headers, non-empty. */
export function hasCsrfHeader(req: Pick<Request, "headers">): boolean {
  return CSRF_HEADERS.some(name => {
    const value = req.headers[name];
    return typeof value === "string" && value.trim() !== "";
  });
}

/** `Secure` everywhere except on localhost over plain HTTP (development, tests). */
function isLocal(req: Request): boolean {
  return ["localhost", "127.0.0.1", "[::1]", "::1"].includes(req.hostname);
}

/** A Set-Cookie value for the session cookie; `maxAge` 0 clears it. */
export function sessionCookie(value: string, maxAgeSeconds: number, secure: boolean): string {
  return [
    `${SESSION_COOKIE}=${value}`,
    "Path=/",
    `Max-Age=${maxAgeSeconds}`,
    "HttpOnly",
    "SameSite=Strict",
    ...(secure ? ["Secure"] : []),
  ].join("; ");
}

/** What the resolvers may do to this request's session cookie. */
export function cookieJar(req: Request, res: Response): SessionCookieJar {
  // Worked out when a cookie is set: most requests never set one.
  const secure = () => req.secure || !isLocal(req);
  return {
    set(secret, expiresAt) {
      const seconds = Math.max(1, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
      res.append("Set-Cookie", sessionCookie(secret, seconds, secure()));
    },
    clear() {
      res.append("Set-Cookie", sessionCookie("", 0, secure()));
    },
  };
}

/** What checks a bearer token or a session cookie. */
export interface CredentialCheckers {
  tokens: Pick<TokenService, "authenticate">;
  accounts: Pick<AccountService, "authenticate">;
}

/** The refusal of a cookie whose session has ended; `extensions` may carry an HTTP head. */
function sessionEnded(extensions: Record<string, unknown> = {}): UnauthenticatedError {
  return new UnauthenticatedError(
    "The session has ended (signed out, revoked or expired): sign in again",
    extensions,
  );
}

/**
 * The signed-in account behind a page request's session cookie, or null (no cookie, or one naming a
 * session that has ended). For pages the hub serves only to accounts, such as the API explorer: a
 * GET that changes nothing, so unlike /graphql it needs no CSRF-prevention header (and a
 * `SameSite=Strict` cookie is not sent on cross-site navigations anyway).
 */
export async function pageViewer(
  accounts: Pick<AccountService, "authenticate">,
  req: Pick<Request, "headers">,
  now: Date,
): Promise<Viewer | null> {
  const secret = readSessionCookie(req.headers.cookie);
  return secret === null ? null : accounts.authenticate(secret, now);
}

/**
 * Who a /graphql request is from: the bearer token when an Authorization header is sent; else the
 * session cookie, but only together with a CSRF-prevention header (without one the cookie is
 * ignored, so a forged cross-site request runs anonymously and cannot mutate); else anonymous.
 * A cookie naming a signed-out, revoked or expired session is refused with UNAUTHENTICATED, and the
 * refusal clears it.
 */
export async function requestViewer(
  services: CredentialCheckers,
  req: Request,
  now: Date,
): Promise<Viewer> {
  if (req.headers.authorization !== undefined) {
    return viewerFor(services.tokens, req.headers.authorization, now, {
      http: {
        status: 401,
        headers: new HeaderMap([["www-authenticate", 'Bearer realm="crosstalk"']]),
      },
    });
  }
  const secret = readSessionCookie(req.headers.cookie);
  if (secret === null || !hasCsrfHeader(req)) return ANONYMOUS;
  const viewer = await services.accounts.authenticate(secret, now);
  if (viewer) return viewer;
  throw sessionEnded({
    http: {
      status: 401,
      headers: new HeaderMap([["set-cookie", sessionCookie("", 0, req.secure || !isLocal(req))]]),
    },
  });
}

/**
 * True when a WebSocket upgrade comes from a page of the hub's own origin: its `Origin` names the
 * host the request was sent to (`Host`), or is exactly `publicOrigin` (PUBLIC_URL's). A WebSocket has
 * no CORS preflight and browsers attach cookies to cross-site upgrades, so the Origin is what tells
 * the Studio's page from another site's. No Origin (not a browser page) or `null` is not ours.
 */
export function isOwnOrigin(headers: IncomingHttpHeaders, publicOrigin: string): boolean {
  const origin = headers.origin;
  if (typeof origin !== "string" || typeof headers.host !== "string") return false;
  try {
    const page = new URL(origin);
    if (page.protocol !== "http:" && page.protocol !== "https:") return false;
    if (page.origin === publicOrigin) return true;
    // Parsed under the page's scheme, so default ports compare equal (`a.example` = `a.example:443`).
    return page.host === new URL(`${page.protocol}//${headers.host}`).host;
  } catch {
    return false; // `null`, or not a URL
  }
}

/** How a WebSocket connection proves who it is, decided once when it opens. */
export type SocketCredential =
  | { kind: "bearer"; authorization: string }
  | { kind: "session"; secret: string }
  | { kind: "anonymous" };

/**
 * A WebSocket connection's credential: `connectionParams.authorization` when sent (it wins, as the
 * Authorization header does over HTTP); else the session cookie of the upgrade request, but only
 * from the hub's own origin (see isOwnOrigin; otherwise ORIGIN_NOT_ALLOWED); else anonymous.
 */
export function socketCredential(
  params: Record<string, unknown> | undefined,
  upgrade: { headers: IncomingHttpHeaders },
  publicOrigin: string,
): SocketCredential {
  const authorization = params?.authorization ?? params?.Authorization;
  if (typeof authorization === "string") return { kind: "bearer", authorization };
  const secret = readSessionCookie(upgrade.headers.cookie);
  if (secret === null) return { kind: "anonymous" };
  if (!isOwnOrigin(upgrade.headers, publicOrigin)) throw new OriginNotAllowedError();
  return { kind: "session", secret };
}

/**
 * Who a WebSocket connection is, now: checked when it opens and again for every subscription, so a
 * revoked token or an ended session (signed out, revoked, expired, account disabled) stops new
 * subscriptions with UNAUTHENTICATED.
 */
export async function socketViewer(
  services: CredentialCheckers,
  credential: SocketCredential,
  now: Date,
): Promise<Viewer> {
  switch (credential.kind) {
    case "bearer":
      return viewerFor(services.tokens, credential.authorization, now);
    case "session": {
      const viewer = await services.accounts.authenticate(credential.secret, now);
      if (viewer) return viewer;
      throw sessionEnded();
    }
    case "anonymous":
      return ANONYMOUS;
  }
}
