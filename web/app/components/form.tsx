/** Form fields with labels, hints and errors wired for screen readers. */
import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export interface FormProblemsView {
  formError?: string;
  fieldErrors: Record<string, string>;
  values: Record<string, string>;
}

export function FormError({ problems }: { problems?: FormProblemsView | null }) {
  if (!problems?.formError) return null;
  const fields = Object.values(problems.fieldErrors);
  return (
    <div className="form-error" role="alert" id="form-error">
      <p className="form-error-title">{problems.formError}</p>
      {fields.length > 1 && (
        <ul>
          {fields.map((message, i) => <li key={i}>{message}</li>)}
        </ul>
      )}
    </div>
  );
}

interface FieldProps {
  name: string;
  label: ReactNode;
  hint?: ReactNode;
  problems?: FormProblemsView | null;
}

function describedBy(name: string, hint: boolean, error: boolean) {
  return [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
}

function FieldShell({ name, label, hint, error, children }: { name: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {hint && <span className="hint" id={`${name}-hint`}>{hint}</span>}
      {children}
      {error && <span className="field-error" id={`${name}-error`}>{error}</span>}
    </div>
  );
}

export function TextField({ name, label, hint, problems, defaultValue, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const error = problems?.fieldErrors[name];
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <input
        id={name}
        name={name}
        type="text"
        defaultValue={problems?.values[name] ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, !!hint, !!error)}
        {...input}
      />
    </FieldShell>
  );
}

export function TextArea({ name, label, hint, problems, defaultValue, ...textarea }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const error = problems?.fieldErrors[name];
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <textarea
        id={name}
        name={name}
        defaultValue={problems?.values[name] ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, !!hint, !!error)}
        {...textarea}
      />
    </FieldShell>
  );
}

export function SelectField({
  name, label, hint, problems, defaultValue, options, ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: { value: string; label: string }[] }) {
  const error = problems?.fieldErrors[name];
  return (
    <FieldShell name={name} label={label} hint={hint} error={error}>
      <select
        id={name}
        name={name}
        defaultValue={problems?.values[name] ?? defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(name, !!hint, !!error)}
        {...select}
      >
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </FieldShell>
  );
}
