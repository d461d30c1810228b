import { Role } from "../../../entities";
import type { RequestContext } from "../../core/context";
import { ForbiddenError, UnauthenticatedError } from "../../core/errors";
import { roleIncludes } from "../../core/roles";

/**
 * The service-side role check for writes (the GraphQL layer checks first; this is the backstop, so a
 * service called from anywhere still refuses). Anonymous: UNAUTHENTICATED; too small a role, or a
 * read-only token: FORBIDDEN.
 */
export function assertRole(ctx: RequestContext, role: Role, what: string): void {
  if (ctx.viewer.role === null) throw new UnauthenticatedError(`${what} needs a bearer token`);
  if (!roleIncludes(ctx.viewer.role, role)) {
    throw new ForbiddenError(`${what} needs the ${role} role; your token is ${ctx.viewer.role}`);
  }
  if (ctx.viewer.scope?.readOnly) {
    throw new ForbiddenError(`${what} is a write; your token is read-only`);
  }
}

/**
 * For writes that belong to no single conference (people, articles, topics, communities, …): a token
 * limited to some conferences may not make them (FORBIDDEN).
 */
export function assertUnscoped(ctx: RequestContext, what: string): void {
  if (ctx.viewer.scope?.conferenceIds) {
    throw new ForbiddenError(
      `${what} is outside your token's scope: it is limited to some conferences`,
    );
  }
}

/**
 * The scope rule for conference-bound writes: a token limited to some conferences may write only if
 * every conference the write touches is among them. For a session that is its host and all of its
 * programs, before and after the change, so a combined session needs a token scoped to all of them.
 */
export function assertConferencesInScope(
  ctx: RequestContext,
  conferenceIds: Iterable<number>,
  what: string,
): void {
  const allowed = ctx.viewer.scope?.conferenceIds;
  if (!allowed) return;
  for (const id of conferenceIds) {
    if (!allowed.includes(id)) {
      throw new ForbiddenError(
        `${what} touches a conference outside your token's scope; a scoped token may write a session only if its host and every program are in scope`,
      );
    }
  }
}
