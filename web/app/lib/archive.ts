/**
 * The archive of past positions (/stallningstaganden): its filters as they stand in the URL
 * (?omrade=…&ar=2012&stallning=OPPOSES&q=…&efter=…) and how a row sums up what SmåKom said.
 */
import { SWEDISH_LABELS } from "@remissbanken/schema/labels";
import { isId } from "./ids";
import { label } from "./labels";
import { boundedQuery } from "./search";

export const ARCHIVE_PAGE_SIZE = 25;
/** The first year the archive offers: SmåKom's oldest positions in Remissbanken are from 2011. */
export const FIRST_ARCHIVE_YEAR = 2005;
const MAX_QUERY_LENGTH = 200;

const STANCES = Object.keys(SWEDISH_LABELS.responseStance).map((s) => s.toUpperCase());
export type StanceValue = "SUPPORTS" | "SUPPORTS_WITH_CHANGES" | "OPPOSES" | "NO_COMMENT";

export interface ArchiveFilter {
  areaId: string | null;
  year: number | null;
  stance: StanceValue | null;
  /** Words to search for among the decided responses and positions. */
  query: string;
  after: string | null;
  /** The parameters as typed, to fill the form again and to build links. */
  params: { omrade: string; ar: string; stallning: string; q: string };
  /** Swedish messages for what was ignored. */
  errors: string[];
}

/** Reads the filters; a value that cannot be used is ignored and named in `errors`. */
export function readArchiveFilter(search: URLSearchParams, thisYear: number): ArchiveFilter {
  const params = {
    omrade: search.get("omrade")?.trim() ?? "",
    ar: search.get("ar")?.trim() ?? "",
    stallning: search.get("stallning")?.trim() ?? "",
    q: boundedQuery(search.get("q"), MAX_QUERY_LENGTH),
  };
  const errors: string[] = [];
  const areaId = isId(params.omrade) ? params.omrade : null;
  if (params.omrade && !areaId) errors.push("Okänd prioriterad fråga; alla frågor visas.");
  const year = /^\d{4}$/.test(params.ar) && Number(params.ar) >= FIRST_ARCHIVE_YEAR && Number(params.ar) <= thisYear ? Number(params.ar) : null;
  if (params.ar && !year) errors.push(`Året kunde inte tolkas; välj ett år mellan ${FIRST_ARCHIVE_YEAR} och ${thisYear}.`);
  const stance = STANCES.includes(params.stallning) ? (params.stallning as StanceValue) : null;
  if (params.stallning && !stance) errors.push("Okänt ställningstagande; alla visas.");
  const after = search.get("efter")?.trim() || null;
  return { areaId, year, stance, query: params.q, after, params, errors };
}

export const isFiltered = (filter: ArchiveFilter) => Boolean(filter.areaId || filter.year || filter.stance || filter.query);

/** The archive's address with the same filters, on the page after `cursor` (or the first). */
export function archiveHref(filter: ArchiveFilter, cursor?: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter.params)) if (value) params.set(key, value);
  if (cursor) params.set("efter", cursor);
  const query = params.toString();
  return query ? `/stallningstaganden?${query}` : "/stallningstaganden";
}

/** Years to choose from, newest first. */
export function archiveYears(thisYear: number): number[] {
  return Array.from({ length: thisYear - FIRST_ARCHIVE_YEAR + 1 }, (_, i) => thisYear - i);
}

/** "Tillstyrker med ändringar 1 · Avstyrker 1", in the labels' order; "" when no section takes a stance. */
export function stanceSummary(sections: ReadonlyArray<{ stance: string | null }>): string {
  const counts = new Map<string, number>();
  for (const { stance } of sections) if (stance) counts.set(stance, (counts.get(stance) ?? 0) + 1);
  return STANCES.filter((s) => counts.has(s))
    .map((s) => `${label("responseStance", s)} ${counts.get(s)}`)
    .join(" · ");
}

/** Whether a response has a section taking the stance (as the API's stance filter asks). */
export const takesStance = (sections: ReadonlyArray<{ stance: string | null }>, stance: StanceValue | null) =>
  !stance || sections.some((s) => s.stance === stance);

/** The date an archived answer is known by: sent, else decided, else the date on it. */
export function archiveDate(response: { submittedAt: string | null; approvedAt: string | null; letterDate: string | null }): string | null {
  return response.submittedAt ?? response.approvedAt ?? response.letterDate;
}
