import { Length, ValidateIf } from "class-validator";
import { Field, ID, ObjectType } from "type-graphql";
import type { AppContext } from "../../src/graphql/context";
import { createLoaders } from "../../src/graphql/loaders";

/**
 * For optional fields of update inputs whose column is NOT NULL: absent means "unchanged", but an
 * explicit null is validated (and so refused) rather than silently ignored.
 */
export const Present = () => ValidateIf((_object, value) => value !== undefined);

/** The client's id for a create attempt, echoed back; repeats return the first result. */
export const CLIENT_MUTATION_ID = {
  nullable: true,
  description:
    "Your own unique id for this attempt (a UUID, say). Sending the same id again — from the same token, or for anonymous callers the same IP — returns the first result instead of creating a duplicate.",
} as const;

/** A length check on clientMutationId. */
export const ClientMutationIdLength = () => Length(1, 100);

@ObjectType({ description: "What a delete removed." })
export class DeletePayload {
  @Field(_type => ID, { description: "The global id of the deleted record." })
  deletedId!: string;
}

/**
 * After a write, the request's loaders may hold what was there before; later fields of the same
 * request (the payload, the next aliased mutation) must read the new state, so the request gets a
 * fresh loader set. Mutations run one after another, so no read is in flight when this happens.
 */
export function afterWrite(ctx: AppContext): void {
  ctx.loaders = createLoaders(ctx.services, ctx);
}
