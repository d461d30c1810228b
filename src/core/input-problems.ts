import type { FieldProblem } from "./errors";

/**
 * One round of validation: the format problems of an input (class-validator, found before the
 * resolver runs) are held on the input object, and the writer that receives it reports them together
 * with its own cross-field and reference problems in one BAD_USER_INPUT error.
 */

/** Input classes whose writer reports their format problems (see `OneRoundInput`). */
const ONE_ROUND_INPUTS = new WeakSet<object>();

/** Format problems waiting for the writer, by input object. */
const DEFERRED = new WeakMap<object, FieldProblem[]>();

/**
 * Marks an input class whose writer seeds its `Problems` from the input (`new Problems(input)`), so
 * format problems are sent together with the writer's own. Unmarked inputs fail on format alone.
 */
export function OneRoundInput(): ClassDecorator {
  return target => {
    ONE_ROUND_INPUTS.add(target);
  };
}

/** True when `value` is an instance of a class marked `OneRoundInput`. */
export function isOneRoundInput(value: object): boolean {
  return ONE_ROUND_INPUTS.has(value.constructor);
}

/** Holds `problems` on `input` until its writer takes them. */
export function deferProblems(input: object, problems: FieldProblem[]): void {
  DEFERRED.set(input, [...(DEFERRED.get(input) ?? []), ...problems]);
}

/** The format problems held on `input` (once: they are removed). */
export function takeDeferredProblems(input: unknown): FieldProblem[] {
  if (input === null || typeof input !== "object") return [];
  const problems = DEFERRED.get(input) ?? [];
  DEFERRED.delete(input);
  return problems;
}

/** The shape of class-validator's ValidationError that matters here. */
export interface ValidationLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationLike[];
}

/** Flattens class-validator errors into field/message pairs (`venue.city`, `links.0.url`). */
export function flattenValidation(errors: ValidationLike[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  const walk = (list: ValidationLike[], prefix: string) => {
    for (const e of list) {
      const field = prefix ? `${prefix}.${e.property}` : e.property;
      for (const message of Object.values(e.constraints ?? {})) out.push({ field, message });
      if (e.children?.length) walk(e.children, field);
    }
  };
  walk(errors, "");
  return out;
}
