import type { Role, TokenScope, Viewer } from "./context";

/** How much each role may do; a role includes every role ranked below it (ADMIN ⊇ EDITOR). */
const ROLE_RANK: Record<Role, number> = { EDITOR: 1, ADMIN: 2 };

/** True when a viewer holding `held` may act as `required` (ADMIN includes EDITOR). */
export function roleIncludes(held: Role | null, required: string): boolean {
  if (held === null || !(required in ROLE_RANK)) return false;
  return ROLE_RANK[held] >= ROLE_RANK[required as Role];
}

/** What a scope is stored as, on a token or an account: read-only, and conference ids (null: all). */
export interface StoredScope {
  readOnly?: boolean;
  conferenceScope?: number[] | null;
}

/**
 * The one reading of a stored scope (a token's or an account's): null when it limits nothing, so
 * every check of `viewer.scope` treats tokens and Studio sessions alike.
 */
export function scopeOf(stored: StoredScope): TokenScope | null {
  const scoped = Boolean(stored.readOnly) || stored.conferenceScope != null;
  return scoped
    ? { readOnly: Boolean(stored.readOnly), conferenceIds: stored.conferenceScope ?? null }
    : null;
}

/** The viewer a valid token stands for. */
export function tokenViewer(token: { id: number; role: Role } & StoredScope): Viewer {
  return { role: token.role, canSeeUnpublished: true, tokenId: token.id, scope: scopeOf(token) };
}

/** The viewer a valid Studio session stands for: its account's role and scope, read afresh. */
export function accountViewer(
  account: { id: number; role: Role } & StoredScope,
  sessionId: number,
): Viewer {
  return {
    role: account.role,
    canSeeUnpublished: true,
    tokenId: null,
    scope: scopeOf(account),
    accountId: account.id,
    sessionId,
  };
}
