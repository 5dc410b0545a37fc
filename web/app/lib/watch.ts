/**
 * Saved searches and follows in the web app: a saved search's filters as the search page's
 * address and back, and where a search is saved. No server
 * imports: components build their links with these too.
 */
import { label } from "./labels";
import { emptyFilters, searchHref, TYPE_LABELS, type SearchState } from "./search";

/** A saved search's filters as the API returns them (enum values in capitals, years as numbers). */
export interface SavedFilters {
  types?: readonly string[] | null;
  kinds?: readonly string[] | null;
  years?: readonly number[] | null;
  departments?: readonly string[] | null;
  priorityAreaIds?: readonly string[] | null;
  statuses?: readonly string[] | null;
}

/** The search page's address of a saved search. */
export function savedSearchHref(query: string, filters: SavedFilters): string {
  const state: SearchState = { q: query, filters: emptyFilters(), page: 1, document: null };
  state.filters.types = (filters.types ?? []).map((t) => t.toLowerCase());
  state.filters.kinds = [...(filters.kinds ?? [])];
  state.filters.years = (filters.years ?? []).map(String);
  state.filters.departments = [...(filters.departments ?? [])];
  state.filters.priorityAreas = [...(filters.priorityAreaIds ?? [])];
  state.filters.statuses = [...(filters.statuses ?? [])];
  return searchHref(state);
}

/** Where a search is saved: the save route with the search in its address, as the search page has it. */
export function saveSearchAction(state: SearchState): string {
  return `/sok/spara${searchHref(state).slice("/sok".length)}`;
}

/**
 * A saved search's filters in words ("Remissvar · SOU · 2019–2020 · Finansdepartementet"),
 * so that two saved searches with the same words but other filters can be told apart.
 */
export function describeFilters(filters: SavedFilters): string {
  const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);
  const parts = [
    (filters.types ?? []).map((t) => TYPE_LABELS[t] ?? t).join(", "),
    (filters.kinds ?? []).map((k) => label("documentKind", k)).join(", "),
    (filters.years ?? []).join(", "),
    (filters.departments ?? []).join(", "),
    filters.priorityAreaIds?.length ? count(filters.priorityAreaIds.length, "prioriterad fråga", "prioriterade frågor") : "",
    filters.statuses?.length ? count(filters.statuses.length, "status", "statusar") : "",
  ];
  return parts.filter(Boolean).join(" · ");
}
