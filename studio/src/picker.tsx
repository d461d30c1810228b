import { useEffect, useRef, useState } from "preact/hooks";
import { useQuery } from "@urql/preact";
import type { TypedDocumentNode } from "@urql/core";
import { graphql } from "./gql";

/** Something chosen in a picker: its id and the name shown for it. */
export interface Choice {
  id: string;
  name: string;
}

/**
 * Fewest characters searched for: the hub's full-text index (MariaDB's InnoDB) ignores shorter
 * words, so a shorter query would only ever find nothing.
 */
const MIN_CHARS = 3;
/** People by name (the hub's full-text search on name and bio), for author and speaker pickers. */
export const PersonSearchQuery = graphql(`
  query StudioPersonSearch($text: String!) {
    people(filter: { text: $text }, first: 10) {
      nodes {
        id
        name
      }
    }
  }
`);

/** How long typing must pause before the hub is asked, in ms. */
const DEBOUNCE_MS = 200;

/** `value`, once it has stayed the same for `ms`. */
function useDebounced(value: string, ms: number): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/**
 * Chooses records by searching the hub for them by name: a labelled search field, its results as
 * buttons (Arrow keys move between them and the field, Enter or Space adds, Escape goes back), a
 * polite live count of the results, and the chosen records as a list with Remove (and, when the
 * order matters, Move up and Move down) buttons.
 */
export function Picker<D>(props: {
  id: string;
  /** The fieldset's legend, e.g. “Authors, in order”. */
  legend: string;
  /** The search field's label, e.g. “Find a person by name”. */
  searchLabel: string;
  /** Searches by `text`; `results` turns its answer into choices. */
  query: TypedDocumentNode<D, { text: string }>;
  results: (data: D) => Choice[];
  value: Choice[];
  onChange: (next: Choice[]) => void;
  /** Whether the order of the chosen records matters (byline, speakers). */
  ordered?: boolean;
  error?: string;
}) {
  const { id, value, onChange } = props;
  const [text, setText] = useState("");
  const settled = useDebounced(text.trim(), DEBOUNCE_MS);
  const enough = settled.length >= MIN_CHARS;
  const [search] = useQuery({ query: props.query, variables: { text: settled }, pause: !enough });
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const found =
    enough && text.trim() === settled && search.data
      ? props.results(search.data).filter(r => !value.some(v => v.id === r.id))
      : null;

  const status =
    text.trim().length < MIN_CHARS
      ? ""
      : search.error
        ? "The search failed; try again."
        : !found
          ? "Searching…"
          : found.length === 0
            ? `Nothing found for “${settled}”.`
            : `${found.length} ${found.length === 1 ? "match" : "matches"} for “${settled}”.`;

  const results = () => [...(list.current?.querySelectorAll("button") ?? [])];
  const choose = (choice: Choice) => {
    onChange([...value, choice]);
    setText("");
    input.current?.focus();
  };
  const move = (from: number, to: number) => {
    const next = [...value];
    [next[from], next[to]] = [next[to], next[from]];
    onChange(next);
  };
  const onResultKey = (e: KeyboardEvent, index: number) => {
    const buttons = results();
    if (e.key === "ArrowDown") buttons[Math.min(index + 1, buttons.length - 1)]?.focus();
    else if (e.key === "ArrowUp") (index === 0 ? input.current : buttons[index - 1])?.focus();
    else if (e.key === "Escape") input.current?.focus();
    else return;
    e.preventDefault();
  };

  const Chosen = props.ordered ? "ol" : "ul";
  return (
    <fieldset class="picker">
      <legend>{props.legend}</legend>
      {value.length > 0 && (
        <Chosen class="picker-chosen">
          {value.map((c, i) => (
            <li key={c.id}>
              <span class="picker-name">{c.name}</span>{" "}
              {props.ordered && (
                <>
                  <button
                    type="button"
                    aria-label={`Move ${c.name} up`}
                    disabled={i === 0}
                    onClick={() => move(i, i - 1)}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move ${c.name} down`}
                    disabled={i === value.length - 1}
                    onClick={() => move(i, i + 1)}
                  >
                    ↓
                  </button>
                </>
              )}
              <button
                type="button"
                aria-label={`Remove ${c.name}`}
                onClick={() => {
                  onChange(value.filter(v => v.id !== c.id));
                  input.current?.focus();
                }}
              >
                Remove
              </button>
            </li>
          ))}
        </Chosen>
      )}
      <div class="field">
        <label for={`${id}-search`}>{props.searchLabel}</label>
        <input
          id={`${id}-search`}
          ref={input}
          type="search"
          autocomplete="off"
          value={text}
          aria-describedby={`${id}-hint${props.error ? ` ${id}-error` : ""}`}
          aria-invalid={props.error ? true : undefined}
          aria-controls={`${id}-results`}
          onInput={e => setText(e.currentTarget.value)}
          onKeyDown={e => {
            if (e.key === "ArrowDown" && found?.length) {
              e.preventDefault();
              results()[0]?.focus();
            } else if (e.key === "Enter") {
              // Enter in the field must not submit the surrounding form.
              e.preventDefault();
              if (found?.length === 1) choose(found[0]);
            }
          }}
        />
        <p id={`${id}-hint`} class="hint">
          Type at least {MIN_CHARS} letters, then pick a match with the arrow keys or Tab.
        </p>
      </div>
      <p role="status" class="picker-status">
        {status}
      </p>
      <ul
        id={`${id}-results`}
        ref={list}
        class="picker-results"
        aria-label={`Matches: ${props.legend}`}
      >
        {found?.map((r, i) => (
          <li key={r.id}>
            <button type="button" onClick={() => choose(r)} onKeyDown={e => onResultKey(e, i)}>
              Add “{r.name}”
            </button>
          </li>
        ))}
      </ul>
      {props.error && (
        <p id={`${id}-error`} class="error">
          {props.error}
        </p>
      )}
    </fieldset>
  );
}
