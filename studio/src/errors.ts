import type { CombinedError } from "@urql/core";

/**
 * What a failed operation says: a message per input field (`extensions.fields`, or one
 * `extensions.field`), and the rest.
 */
export interface FormErrors {
  fields: Record<string, string>;
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, general: [] };

/** Splits an API error into messages for named fields and general ones. */
export function formErrors(error: CombinedError | undefined): FormErrors {
  if (!error) return NO_ERRORS;
  const fields: Record<string, string> = {};
  const general: string[] = [];
  if (error.networkError && error.graphQLErrors.length === 0) {
    general.push("The hub could not be reached. Your changes are kept here; try again.");
  }
  for (const e of error.graphQLErrors) {
    const named = e.extensions?.fields as { field: string; message: string }[] | undefined;
    const single = e.extensions?.field;
    if (typeof single === "string") {
      // One field named on its own (e.g. a slug another record has): the message is whole.
      fields[lastSegment(single)] = e.message.endsWith(".") ? e.message : `${e.message}.`;
    } else if (Array.isArray(named) && named.length) {
      for (const f of named)
        fields[lastSegment(f.field)] = `${capitalise(lastSegment(f.field))} ${f.message}.`;
      if (e.extensions?.code === "RATE_LIMITED") general.push(e.message);
    } else {
      general.push(e.message);
    }
  }
  return { fields, general };
}

/** `input.email` → `email`. */
function lastSegment(field: string): string {
  const parts = field.split(".");
  return parts[parts.length - 1];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** True for an optimistic-lock CONFLICT (someone saved a newer version), not a clash on a field. */
export function isVersionConflict(error: CombinedError | undefined): boolean {
  return !!error?.graphQLErrors.some(
    e => e.extensions?.code === "CONFLICT" && e.extensions.field == null && !e.extensions.fields,
  );
}
