import { Role } from "../../../entities";
import type { RequestContext } from "../../core/context";
import { ForbiddenError, UnauthenticatedError } from "../../core/errors";
import { roleIncludes } from "../../core/roles";

/**
 * The service-side role check (the GraphQL layer checks first; this is the backstop, so a service
 * called from anywhere still refuses). Anonymous: UNAUTHENTICATED; too small a role: FORBIDDEN.
 */
export function assertRole(ctx: RequestContext, role: Role, what: string): void {
  if (ctx.viewer.role === null) throw new UnauthenticatedError(`${what} needs a bearer token`);
  if (!roleIncludes(ctx.viewer.role, role)) {
    throw new ForbiddenError(`${what} needs the ${role} role; your token is ${ctx.viewer.role}`);
  }
}
