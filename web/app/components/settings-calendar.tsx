/** The Kalender section of the settings page: the personal calendar feed and how to subscribe to it. */
import { useEffect, useState } from "react";
import { Form, useNavigation } from "@remix-run/react";
import { ConfirmedAction } from "~/components/confirmed-action";
import { formatDate, formatDateTime } from "~/lib/format";

const ACTION = "/installningar/kalender";

export interface CalendarFeedInfo {
  createdAt: string;
  lastUsedAt?: string | null;
}

/** Copies the address with JavaScript; without it, the readonly field beside it is there to copy from. */
function CopyButton({ targetId, text }: { targetId: string; text: string }) {
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState("");
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("Länken är kopierad.");
    } catch {
      (document.getElementById(targetId) as HTMLInputElement | null)?.select();
      setStatus("Länken är markerad: kopiera den med Ctrl+C (Cmd+C på Mac).");
    }
  }
  return (
    <>
      <button type="button" className="button-secondary" onClick={copy}>Kopiera länken</button>
      <span role="status" aria-live="polite">{status}</span>
    </>
  );
}

export function CalendarSettings({ feed, url }: { feed: CalendarFeedInfo | null | undefined; url: string | null | undefined }) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formAction === ACTION;

  return (
    <section id="kalender" className="card stack" aria-labelledby="calendar-title">
      <h2 id="calendar-title">Kalender</h2>
      <p>
        Prenumerera på dina sista svarsdagar och sista dagar för synpunkter i Outlook, Google Kalender eller
        telefonens kalender. Kalendern håller sig själv uppdaterad: flyttas en dag flyttas händelsen, och en remiss
        som arkiveras försvinner.
      </p>

      {url ? (
        <div className="stack">
          <label htmlFor="calendar-feed-url">Din kalenderlänk</label>
          <div className="calendar-url">
            <input id="calendar-feed-url" type="text" readOnly value={url} className="token-secret" aria-describedby="calendar-feed-secret" />
            <CopyButton targetId="calendar-feed-url" text={url} />
          </div>
          <p id="calendar-feed-secret">
            Länken är personlig: den som har den kan se dina kalenderhändelser utan att logga in. Dela den inte.
          </p>
          {feed && (
            <p className="muted">
              Skapad {formatDate(feed.createdAt)}.{" "}
              {feed.lastUsedAt ? `En kalender hämtade den senast ${formatDateTime(feed.lastUsedAt)}.` : "Ingen kalender har hämtat den än."}
            </p>
          )}
        </div>
      ) : (
        <p>Du har ingen kalenderlänk än.</p>
      )}

      <h3>Så prenumererar du</h3>
      <ul className="calendar-howto">
        <li>
          <strong>Outlook:</strong> välj Kalender, sedan Lägg till kalender och Prenumerera från webben (i äldre
          Outlook: Lägg till kalender, Från Internet). Klistra in länken och spara.
        </li>
        <li>
          <strong>Google Kalender:</strong> på en dator, klicka på plustecknet vid Andra kalendrar, välj Från
          webbadress, klistra in länken och välj Lägg till kalender. Google hämtar ändringar några gånger per dygn,
          så en ny dag kan dröja några timmar.
        </li>
        <li>
          <strong>iPhone och Mac:</strong> lägg till en prenumererad kalender med länken.
        </li>
      </ul>

      {url ? (
        <>
          <p className="muted">Kan någon annan ha fått länken? Skapa en ny, så slutar den gamla att fungera.</p>
          <div className="actions">
            <ConfirmedAction
              action={ACTION} label="Skapa ny länk" confirm="Ja, skapa ny länk" busy={busy}
              warning="Den gamla länken slutar fungera direkt. Kalendrar som prenumererar på den får inga fler uppdateringar – lägg in den nya länken i stället."
            >
              <input type="hidden" name="intent" value="regenerate" />
            </ConfirmedAction>
            <ConfirmedAction
              action={ACTION} label="Ta bort kalenderlänken" confirm="Ja, ta bort länken" busy={busy}
              warning="Länken slutar fungera direkt och kalendrar som prenumererar på den får inga fler uppdateringar."
            >
              <input type="hidden" name="intent" value="revoke" />
            </ConfirmedAction>
          </div>
        </>
      ) : (
        <Form method="post" action={ACTION}>
          <input type="hidden" name="intent" value="create" />
          <button type="submit" disabled={busy}>{busy ? "Skapar…" : "Skapa kalenderlänk"}</button>
        </Form>
      )}
    </section>
  );
}
