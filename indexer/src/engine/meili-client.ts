import {
  Meilisearch,
  MeilisearchApiError,
  MeilisearchRequestError,
  MeilisearchRequestTimeOutError,
  type IndexSwap,
  type SearchParams,
  type Settings,
} from "meilisearch";
import { Filter } from "./filter.js";

export interface IndexSettings {
  searchableAttributes?: string[];
  displayedAttributes?: string[];
  filterableAttributes?: string[];
  sortableAttributes?: string[];
  rankingRules?: string[];
  distinctAttribute?: string | null;
  localizedAttributes?: Array<{ attributePatterns: string[]; locales: string[] }>;
  typoTolerance?: {
    enabled?: boolean;
    minWordSizeForTypos?: { oneTypo?: number; twoTypos?: number };
    disableOnWords?: string[];
    disableOnAttributes?: string[];
    disableOnNumbers?: boolean;
  };
  synonyms?: Record<string, string[]>;
  stopWords?: string[];
  faceting?: { maxValuesPerFacet?: number };
  pagination?: { maxTotalHits?: number };
}

export interface SearchQuery {
  q?: string;
  filter?: Filter;
  /** `["year:desc"]`; attributes must be sortable. */
  sort?: string[];
  limit?: number;
  offset?: number;
  /** Either page/hitsPerPage (exact totals) or limit/offset (estimated totals). */
  page?: number;
  hitsPerPage?: number;
  facets?: string[];
  attributesToRetrieve?: string[];
  attributesToSearchOn?: string[];
  attributesToHighlight?: string[];
  attributesToCrop?: string[];
  cropLength?: number;
  cropMarker?: string;
  highlightPreTag?: string;
  highlightPostTag?: string;
  matchingStrategy?: "last" | "all" | "frequency";
  showRankingScore?: boolean;
  distinct?: string;
  locales?: string[];
}

export type Hit<T> = T & { _formatted?: Partial<Record<keyof T, unknown>>; _rankingScore?: number };

export interface SearchResult<T> {
  hits: Hit<T>[];
  query: string;
  processingTimeMs: number;
  estimatedTotalHits?: number;
  totalHits?: number;
  totalPages?: number;
  facetDistribution?: Record<string, Record<string, number>>;
}

export interface Task {
  uid: number;
  indexUid: string | null;
  status: "enqueued" | "processing" | "succeeded" | "failed" | "canceled";
  type: string;
  error: { message: string; code: string; type: string; link?: string } | null;
}

export interface IndexStats {
  numberOfDocuments: number;
  isIndexing: boolean;
  fieldDistribution: Record<string, number>;
}

export type TaskUid = number;
type Document = Record<string, unknown>;

export interface SearchEngine {
  health(): Promise<boolean>;
  /** Creates the index if missing and applies the settings; resolves when both are done. */
  ensureIndex(index: string, options: { primaryKey: string; settings: IndexSettings }): Promise<void>;
  /** Adds or replaces whole documents by primary key. */
  addDocuments(index: string, documents: object[]): Promise<TaskUid>;
  deleteDocuments(index: string, ids: Array<string | number>): Promise<TaskUid>;
  deleteDocumentsByFilter(index: string, filter: Filter): Promise<TaskUid>;
  search<T = Document>(index: string, query: SearchQuery): Promise<SearchResult<T>>;
  multiSearch<T = Document>(queries: Array<SearchQuery & { indexUid: string }>): Promise<SearchResult<T>[]>;
  /** Throws EngineTaskError when the task failed or was canceled. */
  waitForTask(taskUid: TaskUid, options?: { timeoutMs?: number }): Promise<Task>;
  /** Atomically exchanges the contents of each pair, e.g. a freshly rebuilt index with the live one. */
  swapIndexes(pairs: Array<[string, string]>): Promise<TaskUid>;
  deleteIndex(index: string): Promise<TaskUid>;
  stats(index: string): Promise<IndexStats>;
  /** Nothing to free: fetch's shared pool closes idle connections itself (after 4 s). */
  close(): void;
}

/** Meilisearch could not be reached or did not answer in time. */
export class EngineUnavailableError extends Error {
  override name = "EngineUnavailableError";
}

/** Meilisearch answered with an error; `code` is Meilisearch's own, e.g. `index_not_found`. */
export class EngineApiError extends Error {
  override name = "EngineApiError";
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly type?: string,
  ) {
    super(message);
  }
}

/** An asynchronous task (indexing, settings, swap) did not succeed. */
export class EngineTaskError extends EngineApiError {
  override name = "EngineTaskError";
  constructor(readonly task: Task) {
    super(
      task.error?.message ?? `Task ${task.uid} was ${task.status}`,
      0,
      task.error?.code ?? `task_${task.status}`,
      task.error?.type,
    );
  }
}

export interface SearchEngineOptions {
  url: string;
  apiKey?: string;
  /** How long one request may take, from sending to the whole answer. */
  timeoutMs?: number;
}

/**
 * The official `meilisearch` client behind the interface the indexer and the query side use,
 * with Meilisearch's errors turned into ours. Requests go over Node's fetch, which keeps
 * connections alive; `Accept-Encoding: identity` keeps each answer one write (decision 008).
 */
export function createSearchEngine({ url, apiKey, timeoutMs = 30_000 }: SearchEngineOptions): SearchEngine {
  const client = new Meilisearch({
    host: url,
    apiKey,
    timeout: timeoutMs,
    // A compressed answer is streamed in two writes on a socket without TCP_NODELAY: the
    // second waits for the first one's delayed ACK, about 40 ms per search (decision 008).
    requestInit: { headers: { "Accept-Encoding": "identity" } },
  });
  const index = (uid: string) => client.index(uid);
  const call = <T>(request: Promise<T>): Promise<T> =>
    request.catch((error: unknown) => {
      throw engineError(error, url);
    });
  const enqueued = async (task: Promise<{ taskUid: number }>): Promise<TaskUid> => (await call(task)).taskUid;
  const searchParams = ({ filter, ...query }: SearchQuery) => ({ ...query, ...(filter && { filter: filter.expression }) }) as SearchParams;

  const engine: SearchEngine = {
    async health() {
      return (await call(client.health())).status === "available";
    },

    async ensureIndex(uid, { primaryKey, settings }) {
      const exists = await call(index(uid).getRawInfo()).then(
        () => true,
        (error) => {
          if (error instanceof EngineApiError && error.code === "index_not_found") return false;
          throw error;
        },
      );
      if (!exists) {
        await engine.waitForTask(await enqueued(client.createIndex(uid, { primaryKey }))).catch((error) => {
          // Another process created it first.
          if (!(error instanceof EngineTaskError && error.code === "index_already_exists")) throw error;
        });
      }
      await engine.waitForTask(await enqueued(index(uid).updateSettings(settings as Settings)));
    },

    addDocuments: (uid, documents) => enqueued(index(uid).addDocuments(documents as Document[])),

    deleteDocuments: (uid, ids) => enqueued(index(uid).deleteDocuments(ids as string[] | number[])),

    deleteDocumentsByFilter: (uid, filter) => enqueued(index(uid).deleteDocuments({ filter: filter.expression })),

    search: async <T>(uid: string, { q, ...query }: SearchQuery) =>
      (await call(index(uid).search(q, searchParams(query)))) as unknown as SearchResult<T>,

    async multiSearch<T>(queries: Array<SearchQuery & { indexUid: string }>) {
      const { results } = await call(
        client.multiSearch({ queries: queries.map(({ indexUid, ...query }) => ({ indexUid, ...searchParams(query) })) }),
      );
      return results as unknown as SearchResult<T>[];
    },

    async waitForTask(taskUid, { timeoutMs: waitMs = 120_000 } = {}) {
      const deadline = Date.now() + waitMs;
      // Short first waits: most tasks of a committed write finish within a few milliseconds.
      for (let delay = 5; ; delay = Math.min(delay * 2, 200)) {
        const task = (await call(client.tasks.getTask(taskUid))) as Task;
        if (task.status === "succeeded") return task;
        if (task.status === "failed" || task.status === "canceled") throw new EngineTaskError(task);
        if (Date.now() > deadline) throw new EngineUnavailableError(`Task ${taskUid} still ${task.status} after ${waitMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    },

    // Meilisearch 1.21 knows no `rename`; the client's type asks for it.
    swapIndexes: (pairs) => enqueued(client.swapIndexes(pairs.map((indexes) => ({ indexes }) as IndexSwap))),

    deleteIndex: (uid) => enqueued(client.deleteIndex(uid)),

    stats: (uid) => call(index(uid).getStats()),

    close: () => {},
  };
  return engine;
}

function engineError(error: unknown, url: string): unknown {
  if (error instanceof MeilisearchApiError) {
    const { status } = error.response;
    const body = error.cause;
    const apiError = new EngineApiError(error.message, status, body?.code ?? `http_${status}`, body?.type);
    // A proxy in front of Meilisearch answering for it: the engine itself is not there.
    return status === 502 || status === 503 || status === 504 ? new EngineUnavailableError(error.message, { cause: apiError }) : apiError;
  }
  if (error instanceof MeilisearchRequestError) {
    // fetch failed (refused, reset, unknown host) or the request timed out: no answer from the engine.
    const cause = error.cause;
    const reason =
      cause instanceof MeilisearchRequestTimeOutError
        ? cause.message
        : String((cause as { cause?: { code?: string } })?.cause?.code ?? (cause as Error)?.message ?? cause);
    return new EngineUnavailableError(`Meilisearch unavailable at ${url}: ${reason}`, { cause: error });
  }
  return error;
}
