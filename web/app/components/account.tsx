/** Pieces shared by the pages that set passwords and handle emailed links. */
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULES } from "~/lib/passwords";
import { FormError, TextField, type FormProblemsView } from "./form";

/** A new password typed twice. Typed passwords are never sent back to the page. */
export function NewPasswordFields({ problems, label = "Nytt lösenord" }: { problems?: FormProblemsView | null; label?: string }) {
  const errorsOnly = { fieldErrors: problems?.fieldErrors ?? {}, values: {} };
  return (
    <>
      <TextField
        name="password"
        label={label}
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        hint={PASSWORD_RULES}
        problems={errorsOnly}
      />
      <TextField name="confirm" label="Upprepa lösenordet" type="password" autoComplete="new-password" required problems={errorsOnly} />
    </>
  );
}

/** What an expired, used or malformed link shows: say so, and offer a new one. */
export function InvalidLink({ retry, retryLabel }: { retry: string; retryLabel: string }) {
  return (
    <div className="card stack" role="alert" id="invalid-link">
      <p className="form-error-title">Länken fungerar inte längre</p>
      <p>
        Länken är ogiltig, har redan använts eller har gått ut. Länkar i e-post från Remissbanken kan bara användas en gång
        och gäller en begränsad tid.
      </p>
      <p>
        <Link className="button" to={retry}>{retryLabel}</Link>
      </p>
    </div>
  );
}

interface LinkAnswer {
  problems?: FormProblemsView;
  invalidLink?: true;
}

/** The invitation and reset pages: choose a password, or learn that the link no longer works. */
export function SetPasswordPage({
  title, intro, submitLabel, answer, submitting, tokenPresent,
}: { title: string; intro: string; submitLabel: string; answer: LinkAnswer | undefined; submitting: boolean; tokenPresent: boolean }) {
  const p = answer?.problems;
  return (
    <section className="narrow stack" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      {answer?.invalidLink || !tokenPresent ? (
        <InvalidLink retry="/glomt-losenord" retryLabel="Be om en ny länk" />
      ) : (
        <>
          <p>{intro}</p>
          <Form method="post" className="stack card" aria-describedby={p?.formError ? "form-error" : undefined}>
            <FormError problems={p} />
            <NewPasswordFields problems={p} />
            <div className="actions">
              <button type="submit" disabled={submitting}>{submitting ? "Sparar…" : submitLabel}</button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}

/** Asking for an emailed link: an address, then the same answer whether or not it has an account. */
export function RequestLinkPage({
  title, intro, sentText, answer, submitting, children,
}: {
  title: string;
  intro: string;
  sentText: string;
  answer: { sentTo?: string; problems?: FormProblemsView } | undefined;
  submitting: boolean;
  children?: ReactNode;
}) {
  const p = answer?.problems;
  return (
    <section className="narrow stack" aria-labelledby="page-title">
      <h1 id="page-title">{title}</h1>
      {answer?.sentTo ? (
        <div className="card stack" role="status">
          <p className="form-error-title">Kolla din e-post</p>
          <p>Om <strong>{answer.sentTo}</strong> {sentText}</p>
          <p className="muted">Kommer inget mejl inom några minuter? Titta i skräpposten, eller kontrollera adressen och försök igen om en stund.</p>
          <p><Link to="/logga-in">Till inloggningen</Link></p>
        </div>
      ) : (
        <>
          <p>{intro}</p>
          <Form method="post" className="stack card" aria-describedby={p?.formError ? "form-error" : undefined}>
            <FormError problems={p} />
            <TextField name="email" label="E-postadress" type="email" autoComplete="email" required problems={p} />
            <div className="actions">
              <button type="submit" disabled={submitting}>{submitting ? "Skickar…" : "Skicka länk"}</button>
              <Link to="/logga-in">Tillbaka till inloggningen</Link>
            </div>
          </Form>
          {children}
        </>
      )}
    </section>
  );
}
