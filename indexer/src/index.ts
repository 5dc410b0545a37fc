export { startIndexer, INDEX_WRITER_LOCK, type IndexerOptions, type RunningIndexer, type IndexerLog } from "./indexer.js";
export { reindexAll, type ReindexOptions, type ReindexResult, type ReindexProgress } from "./reindex.js";
export { createSearchEngine, EngineApiError, EngineUnavailableError, type SearchEngine } from "./engine/meili-client.js";
export { DEFAULT_INDEX, FACETS, filters, groupId, indexSettings, recordId, RECORD_TYPES, type RecordType } from "./search/settings.js";
export { loadObjects, type ObjectRef, type SearchRecord } from "./search/records.js";
export type { Queryable } from "./search/db.js";
export { SearchService, isOutage, type SearchEngineConfig, type SearchServiceOptions } from "./query/search.js";
export { poolRows, type Rows } from "./query/rows.js";
export {
  findDesignation, type FacetCounts, type FacetName, type PassageAnswer, type PassageRequest, type RawHit, type SearchAnswer,
  type SearchFilterValues, type SearchRequest,
} from "./query/request.js";
