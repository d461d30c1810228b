import { ArrayMaxSize, IsOptional } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { Conference } from "../../entities";
import { carryDeferredProblems } from "../../src/core/input-problems";
import { fromGlobalIdOf } from "../../src/core/global-id";
import type { AppContext } from "../../src/graphql/context";
import type { ScopeInput } from "../../src/services/scope";
import { withFields } from "../../src/core/objects";

/**
 * The scope fields every credential's input shares (an API token's, an account's): one definition,
 * so tokens and accounts are limited alike. Inputs extend it; it is used as a type nowhere.
 */
@InputType({ description: "The scope fields of API tokens and accounts." })
export abstract class ScopeFields {
  @Field({
    nullable: true,
    description: "True to allow reading unpublished material but no writes at all (default false).",
  })
  readOnly?: boolean;

  @Field(_type => [ID], {
    nullable: true,
    description:
      "Limit to these conferences (global ids). Only their sessions may then be written — a session only if its host and every program are among them — and the conferences themselves; every other write is FORBIDDEN. Omit for all conferences.",
  })
  @IsOptional()
  @ArrayMaxSize(100)
  conferences?: string[] | null;
}

/** An account's new scope (replaces the old one whole). */
@InputType({ description: "What a Studio account may do, like a scoped API token." })
export class AccountScopeInput extends ScopeFields {}

/** The input with its conferences' global ids read as ids; its format problems move along. */
export function withConferenceIds<T extends ScopeFields>(input: T): T & ScopeInput {
  const fields = withFields(input, {
    conferenceIds: input.conferences?.map(id => fromGlobalIdOf("Conference", id, "conferences")),
  });
  carryDeferredProblems(input, fields);
  return fields;
}

/** The conferences a stored scope is limited to; null when it may write for every conference. */
export async function scopeConferences(
  conferenceScope: number[] | null,
  ctx: AppContext,
): Promise<Conference[] | null> {
  if (!conferenceScope) return null;
  const found = await ctx.loaders.conferenceById.loadMany(conferenceScope);
  return found.filter((c): c is Conference => c instanceof Conference);
}
