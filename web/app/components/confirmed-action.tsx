/**
 * A step that cannot be undone, behind a confirmation that works without JavaScript: the
 * first button only opens a box (a <details>) that says what will happen and holds the form.
 */
import type { ReactNode } from "react";
import { Form } from "@remix-run/react";

export function ConfirmedAction({ label, confirm, warning, busy, busyLabel = "Vänta…", action, danger = false, children }: {
  /** Opens the confirmation. */
  label: string;
  /** The button that takes the step. */
  confirm: string;
  warning: ReactNode;
  busy: boolean;
  busyLabel?: string;
  action?: string;
  danger?: boolean;
  /** Hidden fields of the form (intent, ids). */
  children: ReactNode;
}) {
  return (
    <details className="confirm">
      <summary className={danger ? "button button-danger" : "button button-secondary"}>{label}</summary>
      <div className="confirm-box stack">
        <p>{warning}</p>
        <Form method="post" action={action}>
          {children}
          <button type="submit" className={danger ? "button-danger" : undefined} disabled={busy}>{busy ? busyLabel : confirm}</button>
        </Form>
      </div>
    </details>
  );
}
