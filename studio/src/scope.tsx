import { useQuery } from "@urql/preact";
import { graphql } from "./gql";

const ScopeConferencesQuery = graphql(`
  query StudioScopeConferences {
    conferences(first: 100) {
      nodes {
        id
        name
      }
    }
  }
`);

/** A scope as the API takes it (`readOnly`, `conferences`), for tokens and accounts alike. */
export interface ScopeValue {
  readOnly: boolean;
  /** Global ids; empty: every conference. */
  conferences: string[];
}

export const UNLIMITED: ScopeValue = { readOnly: false, conferences: [] };

/** The scope in the API's input shape: no list means every conference. */
export function scopeInput(scope: ScopeValue): { readOnly: boolean; conferences: string[] | null } {
  return {
    readOnly: scope.readOnly,
    conferences: scope.conferences.length ? scope.conferences : null,
  };
}

/** A scope in words, as the tables show it. */
export function describeScope(
  readOnly: boolean,
  conferences: readonly { name: string }[] | null | undefined,
): string {
  const where = conferences?.length ? conferences.map(c => c.name).join(", ") : "All conferences";
  return readOnly ? `Read-only; ${where}` : where;
}

/**
 * What a credential may do: read-only, and the conferences it may write for (none ticked: all).
 * A fieldset with a legend, so each checkbox is announced with what it limits.
 */
export function ScopeFields({
  idPrefix,
  value,
  error,
  onChange,
}: {
  idPrefix: string;
  value: ScopeValue;
  error?: string;
  onChange: (next: ScopeValue) => void;
}) {
  const [{ data }] = useQuery({ query: ScopeConferencesQuery });
  const toggle = (id: string) =>
    value.conferences.includes(id)
      ? value.conferences.filter(c => c !== id)
      : [...value.conferences, id];
  const errorId = `${idPrefix}-conferences-error`;
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend>Scope</legend>
      <label class="check">
        <input
          type="checkbox"
          checked={value.readOnly}
          onChange={e => onChange({ ...value, readOnly: e.currentTarget.checked })}
        />{" "}
        Read-only
      </label>
      <p id={`${idPrefix}-conferences-hint`} class="hint">
        Limit writes to these conferences; none ticked: all conferences.
      </p>
      <div class="checks" role="group" aria-describedby={`${idPrefix}-conferences-hint`}>
        {data?.conferences.nodes.map(c => (
          <label class="check" key={c.id}>
            <input
              type="checkbox"
              checked={value.conferences.includes(c.id)}
              onChange={() => onChange({ ...value, conferences: toggle(c.id) })}
            />{" "}
            {c.name}
          </label>
        ))}
      </div>
      {error && (
        <p id={errorId} class="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
