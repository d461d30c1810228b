import { IsOptional, Length, Matches, MaxLength, ValidateIf, IsInt } from "class-validator";
import { Field, ID, ObjectType, InputType, Int } from "type-graphql";
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

/**
 * What every update input starts with: which record, and the version the client read. The write
 * succeeds only if the record still has that version (no lost updates).
 */
@InputType({ description: "Which record to change, and the version you read." })
export abstract class VersionedChanges {
  @Field(_type => ID, { description: "The global id of the record to change." })
  id!: string;

  @Field(_type => Int, { description: "The version you read; a newer one makes this CONFLICT." })
  @IsInt()
  version!: number;
}

/** The slug field of conference and community inputs (made from the name when omitted). */
export const SLUG_FROM_NAME = {
  nullable: true,
  description:
    "URL-safe unique key (lowercase letters, digits, single hyphens). Generated from the name when omitted; a slug another record of this kind has is CONFLICT.",
} as const;

/** The slug field of inputs whose generated slug gets -2, -3, … when taken. */
export const GENERATED_SLUG = (from: string, max: number) =>
  ({
    nullable: true,
    description: `URL-safe unique key (at most ${max} lowercase letters, digits and single hyphens). Generated from the ${from} when omitted (with -2, -3, … if taken); a taken slug given here is CONFLICT.`,
  }) as const;
