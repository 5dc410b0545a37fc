/** The settings page's "E-post" section: which mails the person gets. Posts to /installningar/e-post. */
import { Form, useNavigation } from "@remix-run/react";
import { emailKindText } from "~/lib/email-settings";

interface Props {
  settings: readonly { kind: string; enabled: boolean }[];
  /** The priority areas offered for the weekly digest; only when the person gets it. */
  areas: readonly { id: string; name: string; year: number }[];
  chosenAreaIds: readonly string[];
  /** Members always get a receipt for input they send. */
  isMember: boolean;
}

const ACTION = "/installningar/e-post";

export function EmailSettingsSection({ settings, areas, chosenAreaIds, isMember }: Props) {
  const navigation = useNavigation();
  const saving = navigation.state !== "idle" && navigation.formAction === ACTION;
  const getsDigest = settings.some((s) => s.kind === "weeklyDigest");
  const chosen = new Set(chosenAreaIds);
  return (
    <section className="card stack" id="e-post" aria-labelledby="email-title">
      <h2 id="email-title">E-post</h2>
      <p className="muted">
        Välj vilka e-postmeddelanden du vill få. Varje meddelande har en länk hit.{" "}
        {isMember
          ? "Kvitton på synpunkter du skickar, inbjudningar, inloggningslänkar och lösenordsbyten skickas alltid."
          : "Inbjudningar, inloggningslänkar och lösenordsbyten skickas alltid."}
      </p>
      <Form method="post" action={ACTION} className="stack">
        <fieldset className="email-choices">
          <legend>Skicka e-post till mig om</legend>
          {settings.map(({ kind, enabled }) => {
            const text = emailKindText(kind);
            return (
              <div className="email-choice" key={kind}>
                <input type="hidden" name="kinds" value={kind} />
                <input type="checkbox" id={`email-${kind}`} name="on" value={kind} defaultChecked={enabled} aria-describedby={`email-${kind}-hint`} />
                <label htmlFor={`email-${kind}`}>{text.label}</label>
                <span className="hint" id={`email-${kind}-hint`}>{text.explanation}</span>
              </div>
            );
          })}
        </fieldset>
        {getsDigest && (
          <fieldset className="email-choices email-areas" aria-describedby="email-areas-hint">
            <legend>Veckobrevets prioriterade frågor</legend>
            <input type="hidden" name="areasShown" value="1" />
            <p className="hint" id="email-areas-hint">Nya dokument i de frågor du kryssar i. Kryssa inga för att få alla nya dokument.</p>
            {areas.length === 0 ? (
              <p className="muted">Det finns inga prioriterade frågor ännu; veckobrevet tar med alla nya dokument.</p>
            ) : (
              areas.map((area) => (
                <div className="email-choice" key={area.id}>
                  <input type="checkbox" id={`email-area-${area.id}`} name="area" value={area.id} defaultChecked={chosen.has(area.id)} />
                  <label htmlFor={`email-area-${area.id}`}>{area.name} ({area.year})</label>
                </div>
              ))
            )}
          </fieldset>
        )}
        <div className="actions">
          <button type="submit" disabled={saving}>{saving ? "Sparar…" : "Spara val för e-post"}</button>
        </div>
      </Form>
    </section>
  );
}

/** The areas to offer: the latest year's, and any older one the person already chose. */
export function digestAreaOptions<A extends { id: string; year: number; archivedAt?: string | null }>(all: readonly A[], chosenIds: readonly string[]): A[] {
  const latest = Math.max(...all.filter((a) => !a.archivedAt).map((a) => a.year));
  return all.filter((a) => (a.year === latest && !a.archivedAt) || chosenIds.includes(a.id));
}
