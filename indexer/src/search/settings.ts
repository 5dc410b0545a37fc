import { stem } from "../text/swedish.js";
import { filterBuilder } from "../engine/filter.js";
import type { IndexSettings } from "../engine/meili-client.js";

/** The live index; every type of record lives in it so that one query ranks and facets them together. */
export const DEFAULT_INDEX = "records";

export const RECORD_TYPES = ["document", "inquiry", "remiss", "response", "member_input"] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

/** Attributes a filter may use; filters are only ever built from this list (values escaped). */
export const FILTERABLE = [
  "type", "entityId", "groupId", "ordinal", "kind", "year", "department", "priorityAreaIds", "status",
  "designation", "visibility", "municipalityId",
] as const;
export type Filterable = (typeof FILTERABLE)[number];

export const filters = filterBuilder(FILTERABLE);

/** The facets search reports. */
export const FACETS = ["type", "kind", "year", "department", "priorityAreaIds", "status"] as const satisfies readonly Filterable[];

/**
 * Function words that carry nothing in a search, as written and as analyzeQuery turns them
 * into terms. Measured in docs/search.md: without them "strandskyddet i fjällen" ranked
 * passages full of "i" alongside the ones about fjällen.
 */
const STOP_WORDS = [
  "och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "de", "inte", "om",
  "ett", "men", "var", "vi", "så", "kan", "eller", "sig", "från", "vid", "ska", "skall", "detta", "dessa", "när",
  "också", "samt", "även", "mot", "sin", "sina", "sitt", "där", "denna", "detta", "dem", "man", "hur", "vad",
];

export function indexSettings(): IndexSettings {
  return {
    // Only the analyzed forms are searched: queries are analyzed the same way (analyzeQuery),
    // and keeping the raw text out of the inverted index halves indexing time.
    searchableAttributes: ["headingTerms", "terms"],
    displayedAttributes: ["*"],
    filterableAttributes: [...FILTERABLE],
    sortableAttributes: ["year", "ordinal"],
    distinctAttribute: "groupId",
    rankingRules: ["words", "typo", "proximity", "attribute", "sort", "exactness"],
    // Swedish: å, ä and ö stay letters of their own instead of being folded to a and o.
    localizedAttributes: [{ attributePatterns: ["*"], locales: ["swe"] }],
    typoTolerance: {
      enabled: true,
      // A typo in words of five letters turned "fjäll" into "fjall"; from six on, "utredninng" still finds "utredning".
      minWordSizeForTypos: { oneTypo: 6, twoTypos: 10 },
      // Designations and years are numbers: 2020 must not find 2021.
      disableOnNumbers: true,
    },
    stopWords: [...new Set(STOP_WORDS.flatMap((word) => [word, stem(word)]))],
    faceting: { maxValuesPerFacet: 200 },
    pagination: { maxTotalHits: 10_000 },
  };
}

const PREFIX: Record<RecordType, string> = { document: "d", inquiry: "i", remiss: "x", response: "r", member_input: "m" };

/** Meilisearch ids allow only [A-Za-z0-9_-]: "d_<uuid>_<ordinal>". */
export function recordId(type: RecordType, entityId: string, ordinal: number): string {
  return `${PREFIX[type]}_${entityId}_${ordinal}`;
}

/** One hit per object: passages of a document share its group. */
export function groupId(type: RecordType, entityId: string): string {
  return `${type}_${entityId}`;
}
