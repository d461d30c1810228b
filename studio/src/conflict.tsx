import { useEffect, useRef } from "preact/hooks";

/** One field that differs between what is saved now and what the editor wants to save. */
export interface Difference {
  label: string;
  now: string;
  yours: string;
}

/** The fields among `labels` whose values differ between `now` and `yours`, shown as text. */
export function differences<T extends object>(
  labels: Partial<Record<keyof T, string>>,
  now: T,
  yours: T,
): Difference[] {
  const show = (v: unknown) =>
    v == null || v === "" ? "(empty)" : typeof v === "string" ? v : JSON.stringify(v);
  return (Object.keys(labels) as (keyof T)[])
    .filter(key => show(now[key]) !== show(yours[key]))
    .map(key => ({ label: labels[key] as string, now: show(now[key]), yours: show(yours[key]) }));
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
        {props.version}. Compare, then reapply your changes on top or discard them.
      </p>
      {props.differences.length ? (
        <table class="diff">
          <caption class="visually-hidden">Saved now and your changes</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Saved now</th>
              <th scope="col">Yours</th>
            </tr>
          </thead>
          <tbody>
            {props.differences.map(d => (
              <tr key={d.label}>
                <th scope="row">{d.label}</th>
                <td>{d.now}</td>
                <td>{d.yours}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>The fields you edit are the same in both; only other details changed.</p>
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
