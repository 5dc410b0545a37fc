/**
 * The editor panel's search, as its fields and address name it: `citat` (the words) and
 * `citattyp` (what to search). The same names serve the editor's own address
 * (`/remissvar/:id/redigera?citat=…`), its form (the search button without JavaScript) and
 * the resource route the panel asks with JavaScript (`/remissvar/:id/citat?citat=…`).
 * No server imports: the panel's component uses these too.
 */
import { isId } from "./ids";
import { boundedQuery } from "./search";
import { QUOTE_SOURCE_TYPES, type Quote, type QuoteSourceType } from "./quotes";

export const QUOTE_SEARCH_TYPES = [
  { value: "allt", label: "Allt", types: ["RESPONSE", "MEMBER_INPUT", "DOCUMENT"] },
  { value: "remissvar", label: "Ställningstaganden och remissvar", types: ["RESPONSE"] },
  { value: "synpunkter", label: "Synpunkter från medlemmar", types: ["MEMBER_INPUT"] },
  { value: "dokument", label: "Dokument", types: ["DOCUMENT"] },
] as const;

export interface QuoteSearchParams {
  q: string;
  typ: string;
  /** One object to show every matching passage of (`citatkalla=RESPONSE:<id>`), instead of the list of hits. */
  source: { type: QuoteSourceType; id: string } | null;
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
  /** Whether the source may hold more matching passages than the one shown. */
  morePassages: boolean;
}

export interface QuoteSearch extends QuoteSearchParams {
  hits: QuoteCandidate[];
  totalHits: number;
  degraded: boolean;
  problem?: string;
  /** With `source`: the source's name, for "every passage in …". */
  sourceTitle?: string;
}

/** A source as `citatkalla` writes it, "RESPONSE:<id>"; anything else is no source. */
export function readSource(value: FormDataEntryValue | null | undefined): QuoteSearchParams["source"] {
  const [type, id] = typeof value === "string" ? value.split(":") : [];
  return (QUOTE_SOURCE_TYPES as readonly string[]).includes(type) && isId(id) ? { type: type as QuoteSourceType, id } : null;
}

export const sourceField = (source: NonNullable<QuoteSearchParams["source"]>) => `${source.type}:${source.id}`;

/** The search from form fields or an address; an unknown type searches everything. */
export function quoteSearchFrom(get: (name: string) => FormDataEntryValue | null): QuoteSearchParams {
  const q = get("citat");
  const typ = get("citattyp");
  return {
    q: boundedQuery(q),
    typ: QUOTE_SEARCH_TYPES.some((t) => t.value === typ) ? String(typ) : QUOTE_SEARCH_TYPES[0].value,
    source: readSource(get("citatkalla")),
  };
}

/** The resource route's address for a search. */
export function quoteSearchHref(responseId: string, params: QuoteSearchParams): string {
  const query = new URLSearchParams({ citat: params.q, citattyp: params.typ });
  if (params.source) query.set("citatkalla", sourceField(params.source));
  return `/remissvar/${responseId}/citat?${query}`;
}
