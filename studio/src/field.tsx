import type { ComponentChildren } from "preact";

interface FieldProps {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: (describedBy: string | undefined, invalid: boolean) => ComponentChildren;
}

/** A labelled form control with its hint and the API's message for it, announced to screen readers. */
export function Field({ id, label, error, hint, children }: FieldProps) {
  const describedBy =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children(describedBy, !!error)}
      {hint && (
        <p id={`${id}-hint`} class="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** Messages that name no field, shown above the form. */
export function GeneralErrors({ messages }: { messages: string[] }) {
  if (!messages.length) return null;
  return (
    <div class="error-box" role="alert">
      {messages.map(m => (
        <p key={m}>{m}</p>
      ))}
    </div>
  );
}
