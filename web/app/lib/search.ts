/**
 * The search page's address and the API's search arguments, both ways, and where a hit
 * leads. The whole state of a search lives in the URL (`/sok?q=…&typ=…&sida=2`) so a
 * search can be shared and works without JavaScript. No server imports: the page's
 * component builds its links with these too. Snippets are parsed in ./snippet.ts.
 */

import { SWEDISH_LABELS } from "@remissbanken/schema/labels";
import { isId } from "./ids";

export const SEARCH_PATH = "/sok";
export const PAGE_SIZE = 20;
/** The API pages no further than 10 000 hits in. */
export const MAX_PAGE = Math.floor(10_000 / PAGE_SIZE);
export const MAX_QUERY_LENGTH = 500;
const MAX_VALUES = 20;
const MAX_VALUE_LENGTH = 200;

/**
 * Typed words from an address or a form, trimmed and cut to `max` UTF-16 units without
 * splitting a character in two (an emoji at the edge would otherwise become "�").
 */
export function boundedQuery(value: unknown, max = MAX_QUERY_LENGTH): string {
  if (typeof value !== "string") return "";
  const cut = value.trim().slice(0, max);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** The kinds of object search finds, as the API's facets name them. */
export const HIT_TYPES = ["document", "inquiry", "remiss", "response", "member_input"] as const;
export type HitType = (typeof HIT_TYPES)[number];

/** The facets, in the order the page shows them: the API's facet, its URL parameter and heading. */
export const FACETS = [
  { key: "types", param: "typ", heading: "Typ" },
  { key: "kinds", param: "slag", heading: "Slag" },
  { key: "years", param: "ar", heading: "År" },
  { key: "departments", param: "departement", heading: "Departement" },
  { key: "priorityAreas", param: "fraga", heading: "Prioriterad fråga" },
  { key: "statuses", param: "status", heading: "Status" },
] as const;
export type FacetKey = (typeof FACETS)[number]["key"];

export interface SearchState {
  q: string;
  filters: Record<FacetKey, string[]>;
  page: number;
  /** A document to show every matching passage of, instead of the list of hits. */
  document: string | null;
}

export interface SearchArguments {
  query: string;
  first: number;
  page: number;
  filter: {
    types?: Uppercase<HitType>[];
    kinds?: string[];
    years?: number[];
    departments?: string[];
    priorityAreaIds?: string[];
    statuses?: string[];
  } | null;
}

export const emptyFilters = (): Record<FacetKey, string[]> =>
  Object.fromEntries(FACETS.map((f) => [f.key, []])) as unknown as Record<FacetKey, string[]>;

/** Every status the search knows (inquiries, remisser, member input, responses); the API refuses others. */
const STATUSES = new Set(
  (["inquiryStatus", "remissStatus", "memberInputStatus", "responseStatus"] as const).flatMap((group) => Object.keys(SWEDISH_LABELS[group])),
);

/** Keeps only values the API can take, so a hand-edited address searches rather than fails. */
function validValues(key: FacetKey, values: string[]): string[] {
  const valid = values.map((v) => v.trim()).filter((v) => {
    if (!v || v.length > MAX_VALUE_LENGTH) return false;
    if (key === "types") return (HIT_TYPES as readonly string[]).includes(v);
    if (key === "years") return /^\d{4}$/.test(v);
    if (key === "priorityAreas") return isId(v);
    if (key === "statuses") return STATUSES.has(v);
    return true;
  });
  return [...new Set(valid)].slice(0, MAX_VALUES);
}

/** Reads a search from the page's address; anything invalid is left out. */
export function searchStateFromUrl(url: URL): SearchState {
  const params = url.searchParams;
  const filters = emptyFilters();
  for (const facet of FACETS) filters[facet.key] = validValues(facet.key, params.getAll(facet.param));
  const page = Number(params.get("sida"));
  const document = params.get("dokument");
  return {
    q: boundedQuery(params.get("q")),
    filters,
    page: Number.isInteger(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1,
    document: isId(document ?? undefined) ? document : null,
  };
}

export function hasFilters(state: SearchState): boolean {
  return FACETS.some((f) => state.filters[f.key].length > 0);
}

/** Whether there is anything to search for (words or at least one filter). */
export function isSearch(state: SearchState): boolean {
  return state.q !== "" || hasFilters(state);
}

/** The `search` query's arguments for a state. */
export function searchArguments(state: SearchState): SearchArguments {
  const { types, kinds, years, departments, priorityAreas, statuses } = state.filters;
  const filter: NonNullable<SearchArguments["filter"]> = {};
  if (types.length) filter.types = types.map((t) => t.toUpperCase() as Uppercase<HitType>);
  if (kinds.length) filter.kinds = kinds;
  if (years.length) filter.years = years.map(Number);
  if (departments.length) filter.departments = departments;
  if (priorityAreas.length) filter.priorityAreaIds = priorityAreas;
  if (statuses.length) filter.statuses = statuses;
  return { query: state.q, first: PAGE_SIZE, page: state.page, filter: Object.keys(filter).length ? filter : null };
}

/** The address of a state; a changed search starts on page 1 unless a page is given. */
export function searchHref(state: SearchState, change: Partial<SearchState> = {}): string {
  const next: SearchState = { ...state, page: 1, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set("q", next.q);
  for (const facet of FACETS) for (const value of next.filters[facet.key]) params.append(facet.param, value);
  if (next.document) params.set("dokument", next.document);
  if (next.page > 1) params.set("sida", String(next.page));
  const query = params.toString();
  return query ? `${SEARCH_PATH}?${query}` : SEARCH_PATH;
}

/** The address with one facet value added, or removed when it was chosen. */
export function toggleFacetHref(state: SearchState, key: FacetKey, value: string): string {
  const values = state.filters[key];
  const changed = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  return searchHref(state, { filters: { ...state.filters, [key]: changed }, document: null });
}

/** The same words without any filter. */
export function withoutFiltersHref(state: SearchState): string {
  return searchHref(state, { filters: emptyFilters(), document: null });
}

/** The words of a query worth trying on their own when it found nothing. */
export function separateWords(q: string): string[] {
  const words = q.split(/\s+/).filter((w) => w.length > 1);
  return words.length > 1 ? [...new Set(words)].slice(0, 5) : [];
}

export interface HitTarget {
  type: string;
  id: string;
  page?: number | null;
  /** For member input: the remiss or inquiry it was given on. */
  remissId?: string | null;
  inquiryId?: string | null;
}

/** The page a hit opens: a document at the passage's page, member input at its remiss. */
export function hitHref(hit: HitTarget): string | null {
  switch (hit.type.toLowerCase()) {
    case "document":
      // The document page shows its text some pages at a time: `sida` opens the view that holds the page.
      return hit.page ? `/dokument/${hit.id}?sida=${hit.page}#sida-${hit.page}` : `/dokument/${hit.id}`;
    case "inquiry":
      return `/utredningar/${hit.id}`;
    case "remiss":
      return `/remisser/${hit.id}`;
    case "response":
      return `/remissvar/${hit.id}`;
    case "member_input":
      if (hit.remissId) return `/remisser/${hit.remissId}`;
      if (hit.inquiryId) return `/utredningar/${hit.inquiryId}`;
      return null;
    default:
      return null;
  }
}

/** What a search hit (or a saved search's type filter) is, in the search page's words. */
export const TYPE_LABELS: Record<string, string> = {
  DOCUMENT: "Dokument", INQUIRY: "Utredning", REMISS: "Remiss", RESPONSE: "Remissvar", MEMBER_INPUT: "Synpunkt",
};
