/**
 * Quotes in a remissvar: a passage from a past response, a member's input or a document,
 * kept with its source so the text stays linked to where it came from. The editor carries
 * a section's quotes as JSON in one form field (`sections.2.quotes`, see
 * ./response-editor.ts); these helpers read and change that field, and build the source's
 * label and address. No server imports: the editor's component uses them too.
 */
import { LIMITS } from "@remissbanken/schema/limits";
import { todayInStockholm } from "./format";
import { hitHref } from "./search";
import { parseSnippet } from "./snippet";
import type { ResponseDraft } from "./response-editor";

export const QUOTE_SOURCE_TYPES = ["RESPONSE", "MEMBER_INPUT", "DOCUMENT"] as const;
export type QuoteSourceType = (typeof QUOTE_SOURCE_TYPES)[number];

export interface Quote {
  sourceType: QuoteSourceType;
  sourceId: string;
  /** How the source is cited, e.g. "SmåKom, remissvar 2012-01-12 (SOU 2011:59)". */
  label: string;
  text: string;
}

const isQuote = (value: unknown): value is Quote => {
  const q = value as Partial<Quote> | null;
  return (
    typeof q === "object" && q !== null &&
    (QUOTE_SOURCE_TYPES as readonly unknown[]).includes(q.sourceType) &&
    typeof q.sourceId === "string" && typeof q.label === "string" && typeof q.text === "string"
  );
};

/** A section's quotes field as a list; what cannot be read is left out (the save's own check reports it). */
export function parseQuotes(json: string): Quote[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter(isQuote).map(({ sourceType, sourceId, label, text }) => ({ sourceType, sourceId, label, text })) : [];
  } catch {
    return [];
  }
}

export const quotesField = (quotes: Quote[]): string => JSON.stringify(quotes);

/** Reads a quote sent as JSON (an "Infoga som citat" button's candidate), or null. */
export function readQuote(json: string | null | undefined): Quote | null {
  if (!json) return null;
  try {
    const value: unknown = JSON.parse(json);
    return isQuote(value) ? { sourceType: value.sourceType, sourceId: value.sourceId, label: value.label, text: value.text } : null;
  } catch {
    return null;
  }
}

/** A passage cut to the longest quote the API keeps, at a word, marked with an ellipsis. */
export function fittedQuoteText(text: string): string {
  if (text.length <= LIMITS.quoteTextLength) return text;
  const cut = text.slice(0, LIMITS.quoteTextLength - 1);
  const atWord = cut.replace(/\s+\S*$/, "");
  return `${atWord.length > LIMITS.quoteTextLength / 2 ? atWord : cut}…`;
}

/**
 * A section's quotes with one added last (its text cut to fit); the same passage twice in a
 * section is kept once.
 */
export function withQuote(quotes: Quote[], quote: Quote): Quote[] {
  const fitted = { ...quote, text: fittedQuoteText(quote.text) };
  return quotes.some((q) => q.sourceType === fitted.sourceType && q.sourceId === fitted.sourceId && q.text === fitted.text) ? quotes : [...quotes, fitted];
}

/** A section's quotes without number `index` (from 0). */
export const withoutQuote = (quotes: Quote[], index: number): Quote[] => quotes.filter((_, i) => i !== index);

/** The draft with a quote added to one section. */
export function addQuote(draft: ResponseDraft, sectionIndex: number, quote: Quote): ResponseDraft {
  return withQuotes(draft, sectionIndex, (quotes) => withQuote(quotes, quote));
}

/** The draft without one section's quote number `quoteIndex`. */
export function removeQuote(draft: ResponseDraft, sectionIndex: number, quoteIndex: number): ResponseDraft {
  return withQuotes(draft, sectionIndex, (quotes) => withoutQuote(quotes, quoteIndex));
}

function withQuotes(draft: ResponseDraft, sectionIndex: number, change: (quotes: Quote[]) => Quote[]): ResponseDraft {
  return {
    ...draft,
    sections: draft.sections.map((section, i) => (i === sectionIndex ? { ...section, quotes: quotesField(change(parseQuotes(section.quotes))) } : section)),
  };
}

/** A timestamp or LocalDate as the day people cite it by, "2012-01-12" (Stockholm time). */
export function citedDay(value: string | null | undefined): string | null {
  if (!value) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : todayInStockholm(date);
}

/** "SmåKom, remissvar 2012-01-12 (SOU 2011:59)": the day is the letter's, else when it was sent or decided. */
export function responseLabel(response: {
  kind: string;
  letterDate?: string | null;
  submittedAt?: string | null;
  approvedAt?: string | null;
  designation?: string | null;
}): string {
  const what = response.kind === "POSITION" ? "ställningstagande" : "remissvar";
  const day = citedDay(response.letterDate) ?? citedDay(response.submittedAt) ?? citedDay(response.approvedAt);
  const head = ["SmåKom,", what, day].filter(Boolean).join(" ");
  return response.designation ? `${head} (${response.designation})` : head;
}

/** "Forshaga kommun, synpunkter 2026-11-20". */
export function memberInputLabel(input: { municipality: string; submittedAt?: string | null }): string {
  const name = /kommun$/i.test(input.municipality) ? input.municipality : `${input.municipality} kommun`;
  const day = citedDay(input.submittedAt);
  return day ? `${name}, synpunkter ${day}` : `${name}, synpunkter`;
}

const PAGE_SUFFIX = /, s\. (\d{1,5})$/;

/** "SOU 2011:59, s. 12": the page ends the label, and quoteHref reads it back to open that page. */
export function documentLabel(document: { designation?: string | null; title: string; page?: number | null }): string {
  const name = document.designation ?? document.title;
  return document.page ? `${name}, s. ${document.page}` : name;
}

/** Where a quote's source is read: the response, the member input on its remiss, or the document at its page. */
export function quoteHref(quote: Pick<Quote, "sourceType" | "sourceId" | "label">): string {
  const id = encodeURIComponent(quote.sourceId);
  // Member input has no page of its own; this address finds the remiss it was given on.
  if (quote.sourceType === "MEMBER_INPUT") return `/synpunkter/${id}`;
  const page = quote.sourceType === "DOCUMENT" ? Number(PAGE_SUFFIX.exec(quote.label)?.[1] ?? 0) : 0;
  return hitHref({ type: quote.sourceType, id, page }) ?? "/";
}

/** A search snippet as the quote's plain text: without the marks, unescaped, on one line. */
export function snippetText(html: string): string {
  return parseSnippet(html).map((part) => part.text).join("").replace(/\s+/g, " ").trim();
}
