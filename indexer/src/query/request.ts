/**
 * What a search asks for and gets back, independent of the engine answering it
 * (Meilisearch, or PostgreSQL in degraded mode).
 */
import { parseDesignation, type Designation, type SavedSearchFilterValues } from "@remissbanken/schema";
import type { RecordType } from "../search/settings.js";

/** The filters `search` takes (a saved search stores the same ones), with the record types checked. */
export interface SearchFilterValues extends Omit<SavedSearchFilterValues, "types"> {
  types?: RecordType[] | null;
}

export interface SearchRequest {
  query: string;
  filter: SearchFilterValues;
  offset: number;
  limit: number;
}

export interface PassageRequest {
  type: RecordType;
  entityId: string;
  query: string;
  offset: number;
  limit: number;
}

export interface RawHit {
  type: RecordType;
  entityId: string;
  ordinal: number;
  page: number | null;
  section: string | null;
  title: string;
  /** HTML-escaped, matches in <mark>. */
  snippet: string;
  score: number | null;
  /** Pinned first because the query named its designation. */
  pinned: boolean;
}

export type FacetName = "type" | "kind" | "year" | "department" | "priorityAreaIds" | "status";
export type FacetCounts = Record<FacetName, Array<{ value: string; count: number }>>;

export interface SearchAnswer {
  hits: RawHit[];
  totalHits: number;
  facets: FacetCounts;
  degraded: boolean;
  designation: string | null;
}

export interface PassageAnswer {
  hits: RawHit[];
  totalHits: number;
  degraded: boolean;
}

export const EMPTY_FACETS = (): FacetCounts => ({ type: [], kind: [], year: [], department: [], priorityAreaIds: [], status: [] });

const CANDIDATE = /(?:\b(?:sou|dir|ds|prop|bet)\.?\s*\d{4}(?:\s*\/\s*\d{2,4})?\s*[:.\-\s]?\s*(?:[a-zåäö]{2,3}\s*)?\d{1,4}\b)|(?:\b\d{4}\s*\/\s*\d{2,4}\s*:\s*[a-zåäö]{2,3}\s*\d{1,4}\b)/giu;

/** The designation a query names, typed any accepted way ("sou 2020 8"), and the query without it. */
export function findDesignation(query: string): { designation: Designation; rest: string } | null {
  const whole = parseDesignation(query);
  if (whole) return { designation: whole, rest: "" };
  for (const match of query.matchAll(CANDIDATE)) {
    const designation = parseDesignation(match[0]);
    if (designation) return { designation, rest: (query.slice(0, match.index) + " " + query.slice(match.index! + match[0].length)).trim() };
  }
  return null;
}
