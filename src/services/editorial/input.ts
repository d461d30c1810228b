import { BadUserInputError, type FieldProblem } from "../../core/errors";

/** Collects every problem with an input, then fails once with all of them (BAD_USER_INPUT). */
export class Problems {
  readonly list: FieldProblem[] = [];

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
