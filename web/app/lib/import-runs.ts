/** How an import run reads to the secretariat: "12 nya, 3 uppdaterade", or why it failed. */
import { formatDateTime } from "~/lib/format";

export interface ImportRunSummary {
  status: "RUNNING" | "SUCCEEDED" | "FAILED";
  startedAt: string;
  added: number;
  updated: number;
  failed: number;
  error: string | null;
}

/** "12 nya, 3 uppdaterade, 1 misslyckades", "inget nytt", "pågår", or "misslyckades: …". */
export function describeOutcome(run: ImportRunSummary): string {
  if (run.status === "RUNNING") return "pågår";
  if (run.status === "FAILED") return `misslyckades${run.error ? `: ${swedishReason(run.error)}` : ""}`;
  const parts = [
    run.added ? `${run.added} ${run.added === 1 ? "ny" : "nya"}` : null,
    run.updated ? `${run.updated} ${run.updated === 1 ? "uppdaterad" : "uppdaterade"}` : null,
    run.failed ? `${run.failed} misslyckades` : null,
  ].filter(Boolean);
  return parts.length ? parts.join(", ") : "inget nytt";
}

/** "Senaste import från Riksdagen: 1 december 2026 kl. 04:30 – 12 nya, 3 uppdaterade". */
export function describeLatestImport(run: ImportRunSummary | null | undefined): string {
  if (!run) return "Ingen import från Riksdagen har körts än.";
  return `Senaste import från Riksdagen: ${formatDateTime(run.startedAt)} – ${describeOutcome(run)}`;
}

/**
 * The importers' reasons (English, as the commands print them) in Swedish for the admin
 * pages. Each known form is translated with its details kept (addresses, designations,
 * HTTP statuses); anything else is shown as it is, marked as a technical message.
 */
const REASONS: Array<[RegExp, (...groups: string[]) => string]> = [
  [/^the page names no report designation/i, () => "Sidan anger ingen beteckning (SOU, Ds, Dir. eller Prop.), så remissen kan inte kopplas till ett dokument."],
  [/^no last day to answer was found/i, () => "Ingen sista svarsdag hittades på sidan."],
  [/^the page names no ministry/i, () => "Sidan anger inget departement."],
  [/^the page does not exist \(404\)/i, () => "Sidan finns inte (404)."],
  [/^its document (.+?\d+:\d+): (.*)$/is, (designation, rest) => `Dokumentet ${designation}: ${lower(swedishReason(rest))}`],
  [/^its dokumentstatus: (.*)$/is, (rest) => `Dokumentstatus från Riksdagen: ${lower(swedishReason(rest))}`],
  [/^linking its chain: (.*)$/is, (rest) => `Kopplingen till utredningskedjan: ${lower(swedishReason(rest))}`],
  [/^(\S+) answered (\d{3}) (\d+) times; giving up/i, (url, status, times) => `${url} svarade ${status} ${times} gånger; importen gav upp.`],
  [/^(\S+) answered 404: is the base URL right/i, (url) => `${url} svarade 404: stämmer adressen till källan?`],
  [/^(\S+) answered (\d{3})\.?$/i, (url, status) => `${url} svarade ${status}.`],
  [/^(\S+) could not be fetched \((.*)\) after (\d+) attempts/i, (url, why, times) => `${url} gick inte att hämta (${why}) efter ${times} försök.`],
  [/^(\S+) asks us to wait (\d+) s/i, (url, seconds) => `${url} bad oss vänta ${seconds} s; importen gav upp.`],
  [/^(\S+) redirects more than 5 times/i, (url) => `${url} skickar vidare fler än 5 gånger.`],
  [/^(\S+) redirects to (\S+), which is not followed/i, (url, to) => `${url} skickar vidare till ${to}, som importen inte följer.`],
  [/^(.+) is neither XML nor valid JSON/is, (where) => `Svaret från ${where} är varken XML eller giltig JSON (avbrutet eller skadat?).`],
  [/^(.+) (?:is XML but not|is JSON but not) a Riksdagen dokumentstatus/is, (where) => `Svaret från ${where} är inte en dokumentstatus från Riksdagen.`],
  [/^(.+) is empty\.?$/is, (where) => `Svaret från ${where} är tomt.`],
  [/^regeringen\.se could not be reached/i, () => "regeringen.se gick inte att nå."],
  [/^The run stopped before it finished/i, () => "Körningen avbröts innan den var klar (processen avslutades eller kraschade)."],
];

const lower = (text: string) => (/^[A-ZÅÄÖ][a-zåäö]/.test(text) && !/^(?:Riksdagen|Regeringen)/.test(text) ? text[0].toLowerCase() + text.slice(1) : text);

export function swedishReason(reason: string): string {
  // A failed run's error lists its broken listings: "the dir listing: …; the sou listing: …".
  const listings = reason.split(/; (?=the \w+ listing: )/);
  if (listings.length > 1) return listings.map(swedishReason).join(" ");
  const listing = /^the (\w+) listing: (.*)$/is.exec(reason.trim());
  if (listing) return `${swedishItem(`the ${listing[1]} listing`)}: ${lower(swedishReason(listing[2]))}`;
  for (const [pattern, say] of REASONS) {
    const match = pattern.exec(reason.trim());
    if (match) return say(...match.slice(1));
  }
  return `Tekniskt fel: ${reason}`;
}

/** A failed item's name: a document's designation and title as they are, a listing of Riksdagen in Swedish. */
export function swedishItem(item: string): string {
  const listing = /^the (\w+) listing$/i.exec(item.trim());
  return listing ? `Riksdagens lista över ${listing[1]}` : item;
}
