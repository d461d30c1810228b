import type { DataSource } from "typeorm";
import { Conference, Role } from "../../entities";
import type { RequestContext } from "../core/context";
import { ForbiddenError, UnauthenticatedError, type FieldProblem } from "../core/errors";
import { roleIncludes } from "../core/roles";

/**
 * Scopes limit what a credential may write: an API token, or a Studio account (and so each of its
 * sessions). Both are given, stored and checked the same way; this module holds the rules.
 */

/** A scope as a client asks for it. */
export interface ScopeInput {
  /** May read unpublished material but write nothing. */
  readOnly?: boolean | null;
  /** The conferences to limit to; omitted or null for all. Each must exist. */
  conferenceIds?: readonly number[] | null;
}

/** A checked scope, as stored on a token or an account. */
export interface StoredScopeFields {
  readOnly: boolean;
  /** Sorted, without repeats; null for every conference. */
  conferenceScope: number[] | null;
}

/**
 * Checks a requested scope and returns what to store. Problems (an empty list, an unknown
 * conference) are added to `problems` under the field `conferences`, for the caller to report with
 * its own in one BAD_USER_INPUT error.
 */
export async function checkScope(
  dataSource: DataSource,
  input: ScopeInput,
  problems: FieldProblem[],
): Promise<StoredScopeFields> {
  const conferenceScope =
    input.conferenceIds == null ? null : [...new Set(input.conferenceIds)].sort((a, b) => a - b);
  if (conferenceScope) {
    const found = conferenceScope.length
      ? await dataSource
          .getRepository(Conference)
          .createQueryBuilder("c")
          .select("c.id", "id")
          .where("c.id IN (:...ids)", { ids: conferenceScope })
          .getRawMany<{ id: unknown }>()
      : [];
    if (!conferenceScope.length || found.length !== conferenceScope.length) {
      problems.push({
        field: "conferences",
        message: "must list one or more existing conferences",
      });
    }
  }
  return { readOnly: Boolean(input.readOnly), conferenceScope };
}

/**
 * Managing credentials (tokens, accounts) is for admins; the GraphQL layer checks first, this is the
 * backstop. With `unscoped`, a scoped viewer (read-only or limited to some conferences) is refused
 * too, so that it can never give itself, or anyone, wider rights than its own.
 */
export function assertCredentialAdmin(ctx: RequestContext, what: string, unscoped: boolean): void {
  if (ctx.viewer.role === null) throw new UnauthenticatedError(`${what} needs to sign in`);
  if (!roleIncludes(ctx.viewer.role, Role.ADMIN)) {
    throw new ForbiddenError(`${what} needs the ADMIN role`);
  }
  if (unscoped && ctx.viewer.scope) {
    throw new ForbiddenError(`${what} needs an unscoped ADMIN: yours is read-only or limited`);
  }
}
