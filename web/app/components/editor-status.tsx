/**
 * The editor's autosave on screen: a status line read out politely by screen readers, and
 * the offer to restore changes the browser kept but the server never got.
 */
import { statusText, type AutosaveStatus, type RestoreOffer } from "~/lib/autosave";
import { formatDateTime } from "~/lib/format";

/** Empty without JavaScript (then nothing saves by itself), and present from the start so changes are announced. */
export function EditorStatus({ status }: { status: AutosaveStatus | null }) {
  const problem = status && ["offline", "unavailable", "signedOut", "failed", "invalid", "conflict"].includes(status.kind);
  return (
    <p className={`editor-status${problem ? " editor-status-problem" : ""}`} role="status" aria-label="Autosparning">
      {status ? statusText(status) : ""}
    </p>
  );
}

export function RestoreOfferView({ offer, onRestore, onDiscard }: { offer: RestoreOffer; onRestore: () => void; onDiscard: () => void }) {
  return (
    <section className="editor-restore card" aria-labelledby="restore-title">
      <h2 id="restore-title">Osparade ändringar</h2>
      <p>
        Den här webbläsaren har ändringar från {formatDateTime(offer.local.writtenAt)} som inte hann sparas
        (de utgick från version {offer.local.baseVersion}).
        {offer.behind && " En nyare version har sparats sedan dess; återställer du får du jämföra texterna innan något sparas."}
      </p>
      <div className="actions">
        <button type="button" className="button" onClick={onRestore}>Återställ osparade ändringar</button>
        <button type="button" className="button button-secondary" onClick={onDiscard}>Släng</button>
      </div>
    </section>
  );
}
