import type { AuthChecker } from "type-graphql";
import { roleIncludes } from "../core/roles";
import type { AppContext } from "../graphql/context";
import { ForbiddenError, UnauthenticatedError } from "../core/errors";

/**
 * type-graphql's check for `@Authorized(...roles)`. It throws the app's own errors rather than
 * returning false, so clients get UNAUTHENTICATED (no token) or FORBIDDEN (a token without the role).
 * Roles form a hierarchy: ADMIN includes EDITOR.
 */
export const authChecker: AuthChecker<AppContext> = ({ context }, roles) => {
  const { role } = context.viewer;
  if (role === null) throw new UnauthenticatedError("This needs a bearer token");
  if (roles.length === 0 || roles.some(required => roleIncludes(role, required))) return true;
  throw new ForbiddenError(`This needs the ${roles.join(" or ")} role; your token is ${role}`);
};
