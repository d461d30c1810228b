import { useEffect, useRef } from "preact/hooks";

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
