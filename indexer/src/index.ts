/**
 * The indexer package's only entry point (package.json exports nothing else): what the API,
 * the worker, the tests and the benchmarks use of it. Everything else is the package's own.
 * Decision record 013.
 */

// Indexing: the outbox → Meilisearch loop, a full rebuild, and the worker process around them.
export { startIndexer, type IndexerOptions, type RunningIndexer, type IndexerLog } from "./indexer.js";
export { reindexAll, type ReindexOptions, type ReindexResult, type ReindexProgress } from "./reindex.js";
export { IndexerEnv, parseProcessEnvironment, startIndexerProcess, stopOnSignals } from "./process.js";
export { connectEngines, removeRuntimeFile, writeRuntimeFile } from "./runtime.js";
/** The records the index holds for objects: tests compare their visibility with the policy. */
export { loadObjects, type ObjectRef, type SearchRecord } from "./search/records.js";
export type { Queryable } from "./search/db.js";

// Querying: one service, Meilisearch with the PostgreSQL fallback inside it.
export { SearchService, isOutage, type SearchEngineConfig, type SearchServiceOptions } from "./query/search.js";
export { poolRows, type Rows } from "./query/rows.js";
/** The engine requests a search sends: the benchmark sends the same ones straight to Meilisearch. */
export { planSearch, type SearchPlan } from "./query/meili.js";
export {
  findDesignation, type FacetCounts, type FacetName, type PassageAnswer, type PassageRequest, type RawHit, type SearchAnswer,
  type SearchFilterValues, type SearchRequest,
} from "./query/request.js";

// The engine, for tests and benchmarks that talk to Meilisearch directly.
export { createSearchEngine, EngineApiError, EngineUnavailableError, type SearchEngine, type SearchQuery } from "./engine/meili-client.js";
export { DEFAULT_INDEX, FACETS, filters, indexSettings, type RecordType } from "./search/settings.js";

// Text: what documents' full texts become, and how Swedish words are analysed for the index.
export { extractPages, type FullText, type PageProgress } from "./text/extract.js";
export { sectionsAtPageStarts } from "./text/passages.js";
export { analyzeQuery } from "./text/swedish.js";
export { analyzePhrase, loadThesaurus, meiliSynonyms } from "./search/thesaurus.js";
