/** Search through Meilisearch: the caller's visibility and the user's filters become one escaped filter. */
import { FACETS, filters as f, groupId, MATCHING_STRATEGY, type RecordType } from "../search/settings.js";
import { readableBy, type Reader } from "@remissbanken/schema";
import type { SearchRecord } from "../search/records.js";
import type { Filter } from "../engine/filter.js";
import type { Hit, SearchEngine, SearchQuery } from "../engine/meili-client.js";
import { analyzeQuery } from "../text/swedish.js";
import { understandQuery } from "../text/question.js";
import { withShortestPhrases } from "../search/thesaurus.js";
import { escapeHtml, highlight, queryTerms } from "../text/highlight.js";
import {
  EMPTY_FACETS, findDesignation, type FacetCounts, type FacetName, type PassageAnswer, type PassageRequest, type RawHit,
  type SearchAnswer, type SearchFilterValues, type SearchRequest,
} from "./request.js";

const RETRIEVED = [
  "type", "entityId", "ordinal", "page", "section", "title", "heading", "text", "designation", "kind", "year", "department",
  "priorityAreaIds", "status",
] satisfies Array<keyof SearchRecord>;
const PRE = "\u0001";
const POST = "\u0002";

/** The records a caller may see: visibility and own municipality, before anything else. */
export function visibilityFilter(reader: Reader | null): Filter {
  const { levels, municipalityId } = readableBy(reader);
  const byLevel = f.in("visibility", levels);
  return municipalityId ? f.or(byLevel, f.eq("municipalityId", municipalityId)) : byLevel;
}

export function userFilter(filter: SearchFilterValues): Filter | undefined {
  return f.and(
    !!filter.types?.length && f.in("type", filter.types),
    !!filter.kinds?.length && f.in("kind", filter.kinds),
    !!filter.years?.length && f.in("year", filter.years),
    filter.yearFrom != null && f.gte("year", filter.yearFrom),
    filter.yearTo != null && f.lte("year", filter.yearTo),
    !!filter.departments?.length && f.in("department", filter.departments),
    !!filter.priorityAreaIds?.length && f.in("priorityAreaIds", filter.priorityAreaIds),
    !!filter.statuses?.length && f.in("status", filter.statuses),
  );
}

/** What every search asks back: the stored fields, a cropped and highlighted snippet, and the score. */
const SNIPPETS: Partial<SearchQuery> = {
  attributesToRetrieve: RETRIEVED,
  attributesToCrop: ["text"],
  cropLength: 40,
  highlightPreTag: PRE,
  highlightPostTag: POST,
  showRankingScore: true,
};

/** The engine requests of one search, in one multi-search round trip; `own` adds a second one when needed. */
export interface SearchPlan {
  /** understandQuery's text: what snippets mark. */
  text: string;
  kind: "plain" | "designation" | "own";
  designation: string | null;
  queries: Array<SearchQuery & { indexUid: string }>;
  /** "own" only: the rest of the list after SmåKom's own responses, given how many own hits the page got and how many there are. */
  rest?: (ownOnPage: number, ownTotal: number) => SearchQuery & { indexUid: string };
}

/**
 * Builds the requests meiliSearch sends for `request`: exported so that the benchmark sends
 * exactly the same ones straight to Meilisearch. `thesaurus`: the synonym groups, so that a
 * phrase too long for Meilisearch's synonyms is sent short.
 */
export function planSearch(index: string, reader: Reader | null, request: SearchRequest, thesaurus: string[][] = []): SearchPlan {
  const understood = understandQuery(request.query);
  const sent = withShortestPhrases(understood.text, thesaurus);
  const named = findDesignation(understood.text);
  const allowed = f.and(visibilityFilter(reader), userFilter(request.filter))!;
  const page = Math.floor(request.offset / request.limit) + 1;

  if (!named && understood.ownView) {
    // "Vad har vi sagt om strandskydd?": SmåKom's own responses and positions first, then the
    // rest, paged as one list. The same visibility and user filter bound both parts and the
    // counts, so totals and facets are those of the plain query.
    const own = f.eq("type", "response");
    const q = analyzeQuery(sent);
    return {
      text: understood.text,
      kind: "own",
      designation: null,
      queries: [
        { indexUid: index, ...SNIPPETS, q, filter: f.and(allowed, own)!, matchingStrategy: MATCHING_STRATEGY, page, hitsPerPage: request.limit },
        { indexUid: index, q, filter: allowed, facets: [...FACETS], page: 1, hitsPerPage: 0, matchingStrategy: MATCHING_STRATEGY },
      ],
      rest: (ownOnPage, ownTotal) => ({
        indexUid: index, ...SNIPPETS, q, filter: f.and(allowed, f.not(own))!, matchingStrategy: MATCHING_STRATEGY,
        offset: Math.max(0, request.offset - ownTotal), limit: request.limit - ownOnPage,
      }),
    };
  }
  if (!named) {
    return {
      text: understood.text,
      kind: "plain",
      designation: null,
      queries: [{
        indexUid: index, ...SNIPPETS, q: analyzeQuery(sent), filter: allowed, facets: [...FACETS], page, hitsPerPage: request.limit,
        matchingStrategy: MATCHING_STRATEGY,
      }],
    };
  }
  // The named document goes first; the rest are what the words find (e.g. documents citing it).
  // The list is [pinned, ...found], paged as one: every page holds `limit` hits, so the found
  // hits are fetched from one before the page (the pinned one shifts them) and cut below.
  const pin = f.and(f.eq("type", "document"), f.eq("designation", named.designation.normalized))!;
  const mainFilter = f.and(allowed, f.not(pin))!;
  const q = analyzeQuery(withShortestPhrases(named.rest, thesaurus) || named.designation.normalized);
  return {
    text: understood.text,
    kind: "designation",
    designation: named.designation.normalized,
    queries: [
      { indexUid: index, ...SNIPPETS, q, filter: mainFilter, offset: Math.max(0, request.offset - 1), limit: request.limit + 1, matchingStrategy: "all" },
      // Exact totals and facets (offset/limit only estimates them).
      { indexUid: index, q, filter: mainFilter, facets: [...FACETS], page: 1, hitsPerPage: 0, matchingStrategy: "all" },
      { indexUid: index, ...SNIPPETS, q: "", filter: f.and(allowed, pin, f.eq("ordinal", 0)), limit: 1 },
    ],
  };
}

export async function meiliSearch(
  engine: SearchEngine, index: string, reader: Reader | null, request: SearchRequest, thesaurus: string[][] = [],
): Promise<SearchAnswer> {
  const plan = planSearch(index, reader, request, thesaurus);
  const terms = queryTerms(plan.text);
  const results = await engine.multiSearch<SearchRecord>(plan.queries);

  if (plan.kind === "plain") {
    const [main] = results;
    return {
      hits: main.hits.map((hit) => toHit(hit, terms, false)),
      totalHits: main.totalHits ?? 0,
      facets: facetCounts(main.facetDistribution),
      degraded: false,
      designation: null,
    };
  }

  if (plan.kind === "own") {
    // Costs a second round trip only when the page is not filled by own responses.
    const [ownPage, counts] = results;
    const found = [...ownPage.hits];
    if (found.length < request.limit) {
      const [rest] = await engine.multiSearch<SearchRecord>([plan.rest!(found.length, ownPage.totalHits ?? 0)]);
      found.push(...rest.hits);
    }
    return {
      hits: found.map((hit) => toHit(hit, terms, false)),
      totalHits: counts.totalHits ?? 0,
      facets: facetCounts(counts.facetDistribution),
      degraded: false,
      designation: null,
    };
  }

  const [main, counts, pinned] = results;
  const from = Math.max(0, request.offset - 1);
  const facets = facetCounts(counts.facetDistribution);
  const pinnedHit = pinned.hits[0];
  let found = main.hits;
  if (pinnedHit) {
    addFacets(facets, pinnedHit);
    // Found hit i is item i + 1 of the list.
    found = request.offset === 0 ? found.slice(0, request.limit - 1) : found.slice(0, request.limit);
  } else {
    found = found.slice(request.offset - from, request.offset - from + request.limit);
  }
  const hits = found.map((hit) => toHit(hit, terms, false));
  if (pinnedHit && request.offset === 0) hits.unshift(toHit(pinnedHit, terms, true));
  return {
    hits,
    totalHits: (counts.totalHits ?? 0) + (pinnedHit ? 1 : 0),
    facets,
    degraded: false,
    designation: plan.designation,
  };
}

/** Every matching passage of one object, best first. */
export async function meiliPassages(engine: SearchEngine, index: string, reader: Reader | null, request: PassageRequest): Promise<PassageAnswer> {
  const text = understandQuery(request.query).text;
  const terms = queryTerms(text);
  const ask = (matchingStrategy: "all" | typeof MATCHING_STRATEGY) =>
    engine.search<SearchRecord>(index, {
      q: analyzeQuery(text),
      filter: f.and(visibilityFilter(reader), f.eq("groupId", groupId(request.type, request.entityId))),
      // Passages of one object have distinct ordinals: this turns the index's one-hit-per-object off.
      distinct: "ordinal",
      attributesToSearchOn: ["terms"],
      ...SNIPPETS,
      page: Math.floor(request.offset / request.limit) + 1,
      hitsPerPage: request.limit,
      matchingStrategy,
    });
  let result = await ask("all");
  // No page holds every word: then the words search itself keeps (it drops the commonest first),
  // so that the page a search hit showed is found inside its document too.
  if (!result.totalHits && terms.size > 1) result = await ask(MATCHING_STRATEGY);
  return { hits: result.hits.map((hit) => toHit(hit, terms, false)), totalHits: result.totalHits ?? 0, degraded: false };
}

function toHit(hit: Hit<SearchRecord>, terms: Set<string>, pinned: boolean): RawHit {
  const source = hit.text || hit.heading || hit.title;
  const own = highlight(source, terms);
  let snippet = own.html;
  if (!own.matched && hit.text) {
    // Typo matches: Meilisearch knows which words it matched.
    const formatted = hit._formatted?.text;
    if (typeof formatted === "string" && formatted.includes(PRE)) {
      snippet = escapeHtml(formatted).replaceAll(PRE, "<mark>").replaceAll(POST, "</mark>");
    }
  }
  return {
    type: hit.type as RecordType,
    entityId: hit.entityId,
    ordinal: hit.ordinal,
    page: hit.page,
    section: hit.section,
    title: hit.title,
    snippet,
    score: hit._rankingScore ?? null,
    pinned,
  };
}

function facetCounts(distribution: Record<string, Record<string, number>> | undefined): FacetCounts {
  const facets = EMPTY_FACETS();
  for (const name of FACETS) {
    facets[name] = Object.entries(distribution?.[name] ?? {})
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, "sv"));
  }
  return facets;
}

function addFacets(facets: FacetCounts, record: SearchRecord): void {
  const add = (name: FacetName, value: string | number | null) => {
    if (value === null || value === undefined) return;
    const key = String(value);
    const entry = facets[name].find((e) => e.value === key);
    if (entry) entry.count++;
    else facets[name].push({ value: key, count: 1 });
  };
  add("type", record.type);
  add("kind", record.kind);
  add("year", record.year);
  add("department", record.department);
  add("status", record.status);
  for (const id of record.priorityAreaIds ?? []) add("priorityAreaIds", id);
}
