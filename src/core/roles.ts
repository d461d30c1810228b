import type { Role, Viewer } from "./context";

/** How much each role may do; a role includes every role ranked below it (ADMIN ⊇ EDITOR). */
const ROLE_RANK: Record<Role, number> = { EDITOR: 1, ADMIN: 2 };

/** True when a viewer holding `held` may act as `required` (ADMIN includes EDITOR). */
export function roleIncludes(held: Role | null, required: string): boolean {
  if (held === null || !(required in ROLE_RANK)) return false;
  return ROLE_RANK[held] >= ROLE_RANK[required as Role];
}

/** The viewer a valid token stands for. */
export function tokenViewer(token: {
  id: number;
  role: Role;
  readOnly?: boolean;
  conferenceScope?: number[] | null;
}): Viewer {
  const scoped = Boolean(token.readOnly) || token.conferenceScope != null;
  return {
    role: token.role,
    canSeeUnpublished: true,
    tokenId: token.id,
    scope: scoped
      ? { readOnly: Boolean(token.readOnly), conferenceIds: token.conferenceScope ?? null }
      : null,
  };
}
