export { startIndexer, INDEX_WRITER_LOCK, type IndexerOptions, type RunningIndexer, type IndexerLog } from "./indexer.js";
export { reindexAll, type ReindexOptions, type ReindexResult, type ReindexProgress } from "./reindex.js";
export { createSearchEngine, EngineApiError, EngineUnavailableError, type SearchEngine } from "./engine/meili-client.js";
export { DEFAULT_INDEX, FACETS, filters, groupId, indexSettings, recordId, RECORD_TYPES, type RecordType } from "./search/settings.js";
export { readableBy, type Visibility } from "./search/visibility.js";
export type { SearchRecord } from "./search/records.js";
