import type { CombinedError } from "@urql/core";
import { useEffect, useRef, useState } from "preact/hooks";
import { isVersionConflict } from "./errors";
import { useStoredState } from "./stored";

/** One field that someone else or the editor changed since the editor started. */
export interface Difference {
  label: string;
  before: string;
  now: string;
  reapplied: string;
}

/** Values as they are shown in the conflict table. */
function show(v: unknown): string {
  return v == null || v === "" ? "(empty)" : typeof v === "string" ? v : JSON.stringify(v);
}

/** A record's editable values as read, with the version they were read at. */
export interface Versioned<V> {
  values: V;
  version: number;
}

/**
 * An edit form for a versioned record. The unsaved values, the version they started from and the
 * values as then read (`base`) survive a reload, so a save after someone else's change is a
 * CONFLICT, never a silent overwrite. On a conflict `notice` compares; reapplying saves only the
 * fields the editor changed on top of the version saved now.
 */
export function useVersionedForm<V extends object>(props: {
  storageKey: string;
  /** The record's name in the notice. */
  title: string;
  read: Versioned<V>;
  labels: Record<keyof V, string>;
  send: (values: V, version: number) => Promise<{ data?: unknown; error?: CombinedError }>;
  /** The record as saved now (read again after a conflict). */
  current: () => Promise<Versioned<V> | null>;
  onSaved: (values: V) => void;
  onDiscarded: () => void;
}) {
  const { labels } = props;
  const [form, setForm, clear] = useStoredState(props.storageKey, {
    ...props.read.values,
    version: props.read.version,
    base: props.read.values,
  });
  const [conflict, setConflict] = useState<Versioned<V> | null>(null);
  const [error, setError] = useState<CombinedError | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const save = async (values: V, version: number) => {
    setBusy(true);
    const res = await props.send(values, version);
    setBusy(false);
    if (res.data) {
      clear();
      props.onSaved(values);
    } else if (isVersionConflict(res.error)) {
      setError(undefined);
      setConflict(await props.current());
    } else {
      setError(res.error);
    }
  };
  const notice = conflict && (
    <ConflictNotice
      title={props.title}
      version={conflict.version}
      differences={differences(labels, form.base, conflict.values, form)}
      onReapply={() => {
        const merged = reapplied(labels, form.base, conflict.values, form);
        setForm({ ...merged, version: conflict.version, base: conflict.values });
        setConflict(null);
        void save(merged, conflict.version);
      }}
      onDiscard={() => {
        clear();
        props.onDiscarded();
      }}
    />
  );
  return {
    values: form as V,
    setValues: (values: V) => setForm({ ...form, ...values }),
    submit: (event: Event) => {
      event.preventDefault();
      void save(form, form.version);
    },
    /** Forgets the unsaved values. */
    forget: clear,
    error,
    busy: busy || !!conflict,
    notice,
  };
}

/** The fields among `labels` that the editor (`yours`) or someone else (`now`) changed since `base`. */
export function differences<T extends object>(
  labels: Record<keyof T, string>,
  base: T,
  now: T,
  yours: T,
): Difference[] {
  return (Object.keys(labels) as (keyof T)[])
    .filter(key => show(now[key]) !== show(base[key]) || show(yours[key]) !== show(base[key]))
    .map(key => ({
      label: labels[key],
      before: show(base[key]),
      now: show(now[key]),
      // What reapplying would save: your value where you changed the field, theirs elsewhere.
      reapplied: show(show(yours[key]) !== show(base[key]) ? yours[key] : now[key]),
    }));
}

/**
 * What reapplying means: the version saved now, with only the fields the editor changed since
 * `base` put back on top, so someone else's change to another field is kept.
 */
export function reapplied<T extends object>(
  labels: Record<keyof T, string>,
  base: T,
  now: T,
  yours: T,
): T {
  const out = { ...now };
  for (const key of Object.keys(labels) as (keyof T)[]) {
    if (show(yours[key]) !== show(base[key])) out[key] = yours[key];
  }
  return out;
}

/**
 * Shown when a save was refused because someone else saved a newer version first: nothing was
 * overwritten. The editor compares and then reapplies their change on top, or discards it.
 */
export function ConflictNotice(props: {
  title: string;
  version: number;
  differences: Difference[];
  onReapply: () => void;
  onDiscard: () => void;
}) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <section
      ref={ref}
      tabIndex={-1}
      class="conflict"
      role="alertdialog"
      aria-labelledby="conflict-heading"
      aria-describedby="conflict-text"
    >
      <h2 id="conflict-heading">Someone else changed “{props.title}”</h2>
      <p id="conflict-text">
        Your changes were not saved, and nothing was overwritten. It is now at version{" "}
        {props.version}. Compare, then reapply your changes on top of theirs (fields you did not
        change keep their new values) or discard yours.
      </p>
      {props.differences.length ? (
        <table class="diff">
          <caption class="visually-hidden">
            Each changed field: when you started, saved now, and if you reapply your changes
          </caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">When you started</th>
              <th scope="col">Saved now</th>
              <th scope="col">If you reapply</th>
            </tr>
          </thead>
          <tbody>
            {props.differences.map(d => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td>{d.before}</td>
                <td>{d.now}</td>
                <td>{d.reapplied}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>Neither of you changed the fields this form edits; only other details changed.</p>
      )}
      <button type="button" onClick={props.onReapply}>
        Reapply my changes
      </button>
      <button type="button" onClick={props.onDiscard}>
        Discard my changes
      </button>
    </section>
  );
}
