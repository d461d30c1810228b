import type { ComponentChildren, InputHTMLAttributes } from "preact";

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

type InputFieldProps = {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  value: string;
  onValue: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "label" | "value" | "onInput">;

/** A labelled `<input>` (text, number, date, colour …) in a Field, wired to its hint and error. */
export function InputField({ id, label, error, hint, value, onValue, ...attrs }: InputFieldProps) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      {(describedBy, invalid) => (
        <input
          {...attrs}
          id={id}
          value={value}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onInput={e => onValue(e.currentTarget.value)}
        />
      )}
    </Field>
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
