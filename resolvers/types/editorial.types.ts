import { IsOptional, Length, Matches, MaxLength, ValidateIf } from "class-validator";
import { Field, ID, ObjectType } from "type-graphql";
import { SLUG_MAX_LENGTH, SLUG_MESSAGE, SLUG_PATTERN, type SluggedKind } from "../../src/core/slug";

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

/** An optional slug field of `kind`: the shared slug rule and the kind's maximum length. */
export function SlugRule(kind: SluggedKind): PropertyDecorator {
  return (target, key) => {
    Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })(target, key);
    MaxLength(SLUG_MAX_LENGTH[kind])(target, key);
    IsOptional()(target, key);
  };
}

@ObjectType({ description: "What a delete removed." })
export class DeletePayload {
  @Field(_type => ID, { description: "The global id of the deleted record." })
  deletedId!: string;
}
