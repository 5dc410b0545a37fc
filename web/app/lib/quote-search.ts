/**
 * The editor panel's search, as its fields and address name it: `citat` (the words) and
 * `citattyp` (what to search). The same names serve the editor's own address
 * (`/remissvar/:id/redigera?citat=…`), its form (the search button without JavaScript) and
 * the resource route the panel asks with JavaScript (`/remissvar/:id/citat?citat=…`).
 * No server imports: the panel's component uses these too.
 */
import { MAX_QUERY_LENGTH } from "./search";
import type { Quote } from "./quotes";

export const QUOTE_SEARCH_TYPES = [
  { value: "allt", label: "Allt", types: ["RESPONSE", "MEMBER_INPUT", "DOCUMENT"] },
  { value: "remissvar", label: "Ställningstaganden och remissvar", types: ["RESPONSE"] },
  { value: "synpunkter", label: "Synpunkter från medlemmar", types: ["MEMBER_INPUT"] },
  { value: "dokument", label: "Dokument", types: ["DOCUMENT"] },
] as const;

export interface QuoteSearchParams {
  q: string;
  typ: string;
}

/** A passage that can be inserted as a quote, with what the panel shows about it. */
export interface QuoteCandidate {
  /** Names the candidate's form fields: `s0`… for search hits, `m0`… for the remiss's member input. */
  key: string;
  title: string;
  /** A line about the source under the title, e.g. the label or the page. */
  context: string;
  /** The search snippet (HTML-escaped, matches in <mark>), or null to show the quote's text. */
  snippet: string | null;
  quote: Quote;
}

export interface QuoteSearch extends QuoteSearchParams {
  hits: QuoteCandidate[];
  totalHits: number;
  degraded: boolean;
  problem?: string;
}

/** The search from form fields or an address; an unknown type searches everything. */
export function quoteSearchFrom(get: (name: string) => FormDataEntryValue | null): QuoteSearchParams {
  const q = get("citat");
  const typ = get("citattyp");
  return {
    q: typeof q === "string" ? q.trim().slice(0, MAX_QUERY_LENGTH) : "",
    typ: QUOTE_SEARCH_TYPES.some((t) => t.value === typ) ? String(typ) : QUOTE_SEARCH_TYPES[0].value,
  };
}

/** The resource route's address for a search. */
export function quoteSearchHref(responseId: string, params: QuoteSearchParams): string {
  return `/remissvar/${responseId}/citat?${new URLSearchParams({ citat: params.q, citattyp: params.typ })}`;
}
