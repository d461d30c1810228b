import type { CombinedError } from "@urql/core";

/**
 * What a failed operation says: a message per input field (`extensions.fields`, or one
 * `extensions.field`), and the rest.
 */
export interface FormErrors {
  fields: Record<string, string>;
  /** The same messages by their path below the input (`venue.name`), for forms with nested inputs. */
  paths: Record<string, string>;
  general: string[];
}

export const NO_ERRORS: FormErrors = { fields: {}, paths: {}, general: [] };

/** Splits an API error into messages for named fields and general ones. */
export function formErrors(error: CombinedError | undefined): FormErrors {
  if (!error) return NO_ERRORS;
  const fields: Record<string, string> = {};
  const paths: Record<string, string> = {};
  const general: string[] = [];
  if (error.networkError && error.graphQLErrors.length === 0) {
    general.push("The hub could not be reached. Your changes are kept here; try again.");
  }
  for (const e of error.graphQLErrors) {
    const named = e.extensions?.fields as { field: string; message: string }[] | undefined;
    const single = e.extensions?.field;
    if (typeof single === "string") {
      // One field named on its own (e.g. a slug another record has): the message is whole.
      const message = e.message.endsWith(".") ? e.message : `${e.message}.`;
      fields[lastSegment(single)] = message;
      paths[single.replace(/^input\./, "")] = message;
    } else if (Array.isArray(named) && named.length) {
      for (const f of named) {
        const message = `${capitalise(lastSegment(f.field))} ${f.message}.`;
        fields[lastSegment(f.field)] = message;
        paths[f.field.replace(/^input\./, "")] = message;
      }
      if (e.extensions?.code === "RATE_LIMITED") general.push(e.message);
    } else {
      general.push(e.message);
    }
  }
  return { fields, paths, general };
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
