import { validate } from "class-validator";
import { ArgumentValidationError } from "type-graphql";
import { deferProblems, flattenValidation, isOneRoundInput } from "../core/input-problems";

const OPTIONS = { skipMissingProperties: true, forbidUnknownValues: false } as const;

/**
 * type-graphql's argument validation (class-validator), with one change: the format problems of an
 * input marked `OneRoundInput` do not fail at once but wait on the input for its writer, which sends
 * them together with its cross-field problems. Any other input fails as before.
 */
export async function validateInput(arg: unknown): Promise<void> {
  if (arg === null || typeof arg !== "object") return;
  const items = (Array.isArray(arg) ? arg : [arg]).filter(
    (item): item is object => item !== null && typeof item === "object",
  );
  for (const item of items) {
    const errors = await validate(item, OPTIONS);
    if (!errors.length) continue;
    if (isOneRoundInput(item)) deferProblems(item, flattenValidation(errors));
    else throw new ArgumentValidationError(errors);
  }
}
