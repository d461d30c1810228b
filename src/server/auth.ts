import { ANONYMOUS, type Viewer } from "../core/context";
import { UnauthenticatedError } from "../core/errors";
import { tokenViewer } from "../core/roles";
import type { TokenService } from "../services/token.service";

/** The outcome of reading an Authorization header. */
export type BearerHeader =
  { kind: "none" } | { kind: "malformed" } | { kind: "token"; token: string };

/**
 * Reads `Authorization: Bearer <token>`. No header means an anonymous request; any other scheme, an
 * empty value or extra parts is malformed (and must fail rather than silently fall back to anonymous).
 */
export function parseBearer(header: string | string[] | undefined): BearerHeader {
  if (header === undefined) return { kind: "none" };
  if (Array.isArray(header)) return { kind: "malformed" };
  const match = /^Bearer +([\x21-\x7e]+) *$/i.exec(header);
  return match ? { kind: "token", token: match[1] } : { kind: "malformed" };
}

/**
 * Who a request is from. No Authorization header: anonymous. A header that is malformed or names an
 * unknown, revoked or expired token is refused with UNAUTHENTICATED (carrying `refusal`, e.g. the
 * HTTP status to answer with) rather than quietly treated as anonymous.
 */
export async function viewerFor(
  tokens: Pick<TokenService, "authenticate">,
  authorization: string | string[] | undefined,
  now: Date,
  refusal: Record<string, unknown> = {},
): Promise<Viewer> {
  const header = parseBearer(authorization);
  if (header.kind === "none") return ANONYMOUS;
  const token = header.kind === "token" ? await tokens.authenticate(header.token, now) : null;
  if (token) return tokenViewer(token);
  throw new UnauthenticatedError(
    header.kind === "malformed"
      ? "The Authorization header must be `Bearer <token>`"
      : "The bearer token is unknown, revoked or expired",
    refusal,
  );
}
