import { stem, STOP_WORDS } from "../text/swedish.js";
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

/**
 * Which words a multi-word query may do without when all of them find too little. Measured on
 * the labelled set (docs/search.md): "frequency" drops the words found most often first, so
 * a long question keeps its most informative words; "last" dropped them from the end.
 */
export const MATCHING_STRATEGY: "last" | "frequency" = "frequency";

/** The facets search reports. */
export const FACETS = ["type", "kind", "year", "department", "priorityAreaIds", "status"] as const satisfies readonly Filterable[];

/** The index's settings; `synonyms` come from the thesaurus (meiliSynonyms), which staff edit. */
export function indexSettings(synonyms: Record<string, string[]> = {}): IndexSettings {
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
    synonyms,
    // The analysis gives function words no term; as stop words they are also ignored in
    // records written before it did so. Measured in docs/search.md: without them
    // "strandskyddet i fjällen" ranked passages full of "i" alongside the ones about fjällen.
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
