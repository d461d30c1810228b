import { BadUserInputError, type FieldProblem } from "../../core/errors";
import { takeDeferredProblems } from "../../core/input-problems";

/**
 * Collects every problem with an input, then fails once with all of them (BAD_USER_INPUT). Given the
 * input, it starts with the input's format problems (see core/input-problems.ts), so format and
 * cross-field problems come back in one round.
 */
export class Problems {
  readonly list: FieldProblem[];

  constructor(input?: unknown) {
    this.list = takeDeferredProblems(input);
  }

  /** True when `field` already has a problem (a rule need not repeat the format check's). */
  has(field: string): boolean {
    return this.list.some(p => p.field === field);
  }

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  throwIfAny(): void {
    if (this.list.length) {
      throw new BadUserInputError(
        `Invalid input: ${this.list.map(p => `${p.field} ${p.message}`).join("; ")}`,
        this.list,
      );
    }
  }
}

/** Copies the keys of `input` that were given (not undefined). */
export function given<T extends object, K extends keyof T>(
  input: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (input[key] !== undefined) out[key] = input[key];
  return out;
}
