/**
 * The editor's autosave without React: what the browser keeps of an unsaved draft
 * (localStorage, one copy per response), when to offer it back, how long to wait before
 * trying again, and what the status line says. Shared by the hook, the editor's action
 * and their tests.
 */
import { readDraft, type ResponseDraft } from "./response-editor";

/** Quiet time after the last keystroke before the editor saves by itself. */
export const AUTOSAVE_DELAY_MS = 2_000;
/** The browser copy is written a moment after typing, not on every keystroke. */
export const LOCAL_WRITE_DELAY_MS = 300;
/** A save that has not answered by then counts as lost; the local copy stays. */
export const AUTOSAVE_TIMEOUT_MS = 30_000;
/** The version comment of an autosave when the person wrote none. */
export const AUTOSAVE_COMMENT = "Autosparat";
export const AUTOSAVE_INTENT = "autosave";
export const autosaveUrl = (responseId: string) => `/remissvar/${responseId}/autosparning`;

/** What /remissvar/:id/autosparning answers; `offline`, `signedOut` and `failed` are made in the browser. */
export type AutosaveAnswer<Conflict> =
  | { outcome: "saved"; version: number }
  | { outcome: "invalid"; message: string; fieldErrors: Record<string, string> }
  | { outcome: "conflict"; conflict: Conflict }
  | { outcome: "unavailable" }
  | { outcome: "offline" }
  | { outcome: "signedOut" }
  | { outcome: "failed" };

export type AutosaveStatus =
  | { kind: "idle" }
  | { kind: "pending" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date; version: number }
  | { kind: "offline" }
  | { kind: "unavailable" }
  | { kind: "signedOut" }
  | { kind: "failed" }
  | { kind: "invalid"; message: string }
  | { kind: "conflict" }
  | { kind: "approved" }
  | { kind: "undecided" };

const timeFormat = new Intl.DateTimeFormat("sv-SE", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Stockholm" });
const KEPT = "Dina ändringar finns kvar i webbläsaren";

/** The status line's Swedish text. */
export function statusText(status: AutosaveStatus): string {
  switch (status.kind) {
    case "idle":
      return "Ändringar sparas automatiskt medan du skriver.";
    case "pending":
      return "Ändringar som inte är sparade än.";
    case "saving":
      return "Sparar…";
    case "saved":
      return `Sparat kl. ${timeFormat.format(status.at)} (version ${status.version})`;
    case "offline":
      return `Inte sparat – ingen anslutning. ${KEPT} och sparas när anslutningen är tillbaka.`;
    case "unavailable":
      return `Inte sparat – Remissbanken svarar inte just nu. ${KEPT} och sparas så snart det går.`;
    case "signedOut":
      return `Inte sparat – du är inte inloggad längre. ${KEPT}; logga in i en ny flik så sparas de.`;
    case "failed":
      return `Inte sparat – något gick fel. ${KEPT}; nytt försök om en stund.`;
    case "invalid":
      return `Inte sparat – ${status.message}`;
    case "conflict":
      return "Inte sparat – någon annan har sparat en nyare version. Jämför och välj vilken text som ska gälla.";
    case "approved":
      return "Sparas inte automatiskt eftersom versionen är beslutad. Spara själv när du är klar; då upphävs beslutet.";
    case "undecided":
      return "Sparas inte automatiskt förrän du har valt om de osparade ändringarna ska återställas.";
  }
}

/** A failed autosave is tried again after 2, 4, 8 … seconds, at most a minute apart. */
export function retryDelay(attempt: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, attempt - 1), 60_000);
}

/** Fields that steer the form rather than hold the draft. */
const CONTROL_FIELDS = new Set(["intent", "baseVersion", "theirVersion", "version"]);

/** The draft's fields of a form, as text pairs (files and control fields left out). */
export function draftEntries(form: FormData): [string, string][] {
  const entries: [string, string][] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === "string" && !CONTROL_FIELDS.has(name)) entries.push([name, value]);
  }
  return entries;
}

export function draftFromEntries(entries: [string, string][]): ResponseDraft {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return readDraft(form);
}

/**
 * What would be saved, as one comparable string. The version comment is left out: a
 * comment alone is no reason for a new version.
 */
export function contentOf(draft: ResponseDraft): string {
  const { comment: _comment, ...content } = draft;
  return JSON.stringify(content);
}

/** The browser's copy of a draft that may not have reached the server. */
export interface LocalDraft {
  responseId: string;
  /** The version the draft was edited from. */
  baseVersion: number;
  /** When it was written, ISO. */
  writtenAt: string;
  entries: [string, string][];
}

/** localStorage, or any store with its three methods (tests use a Map). */
export type DraftStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/** One key per response and not per person: whoever may edit the response may see it. */
export const localDraftKey = (responseId: string) => `remissbanken:osparat-remissvar:${responseId}`;

/** Writes the copy; false when the browser refuses (storage full or turned off). */
export function writeLocalDraft(storage: DraftStorage, draft: LocalDraft): boolean {
  try {
    storage.setItem(localDraftKey(draft.responseId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

const isEntry = (e: unknown): e is [string, string] =>
  Array.isArray(e) && e.length === 2 && typeof e[0] === "string" && typeof e[1] === "string";

/** The copy for a response, or null; an unreadable copy (an older format, a broken write) is dropped. */
export function readLocalDraft(storage: DraftStorage, responseId: string): LocalDraft | null {
  let raw: string | null;
  try {
    raw = storage.getItem(localDraftKey(responseId));
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const value = JSON.parse(raw) as Partial<LocalDraft>;
    if (
      value.responseId === responseId &&
      Number.isInteger(value.baseVersion) &&
      typeof value.writtenAt === "string" &&
      Array.isArray(value.entries) &&
      value.entries.every(isEntry)
    ) {
      return value as LocalDraft;
    }
  } catch {
    // Not JSON: fall through and drop it.
  }
  clearLocalDraft(storage, responseId);
  return null;
}

export function clearLocalDraft(storage: DraftStorage, responseId: string): void {
  try {
    storage.removeItem(localDraftKey(responseId));
  } catch {
    // Nothing to do: storage that cannot be written holds nothing of ours.
  }
}

export interface RestoreOffer {
  local: LocalDraft;
  /** Someone (perhaps this person, from elsewhere) saved after the copy's base version. */
  behind: boolean;
}

/**
 * Whether to offer the browser's copy back on opening the editor: only when it differs
 * from what the editor shows. It is never put in silently; restored over a newer version,
 * its base version makes the next save meet the conflict view.
 */
export function restoreOffer(local: LocalDraft | null, shown: { content: string; version: number }): RestoreOffer | null {
  if (!local) return null;
  if (contentOf(draftFromEntries(local.entries)) === shown.content) return null;
  return { local, behind: local.baseVersion < shown.version };
}

const FIELD_LABELS: Record<string, string> = {
  signatory: "Undertecknas av",
  presenter: "Föredragande",
  letterDate: "Datum på svaret",
  summary: "Sammanfattning",
  comment: "Vad ändrades?",
  sections: "Avsnitt",
};
const SECTION_FIELD_LABELS: Record<string, string> = {
  number: "Avsnittsnummer",
  heading: "Rubrik",
  stance: "Ställningstagande",
  body: "Text",
  quotes: "Citat",
};

/** Where a field error is, in words: "Avsnitt 2, Text". */
export function fieldLabel(name: string): string {
  const section = /^sections\.(\d+)\.(\w+)$/.exec(name);
  if (section) return `Avsnitt ${Number(section[1]) + 1}, ${SECTION_FIELD_LABELS[section[2]] ?? section[2]}`;
  return FIELD_LABELS[name] ?? "Formuläret";
}

/** One line for the status: the first problem and where it is, and how many more there are. */
export function describeProblems(fieldErrors: Record<string, string>, fallback: string): string {
  const problems = Object.entries(fieldErrors);
  if (problems.length === 0) return fallback;
  const [name, message] = problems[0];
  const more = problems.length > 1 ? ` (och ${problems.length - 1} fel till)` : "";
  return `${fieldLabel(name)}: ${message}${more}`;
}
