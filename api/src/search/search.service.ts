import type { DataSource } from "typeorm";
import type { Logger } from "pino";
import { createSearchEngine, DEFAULT_INDEX, EngineApiError, EngineUnavailableError, type SearchEngine } from "@remissbanken/indexer";
import type { Actor } from "../auth/policy.js";
import { fallbackPassages, fallbackSearch } from "./search.fallback.js";
import { meiliPassages, meiliSearch } from "./search.meili.js";
import type { PassageAnswer, PassageRequest, SearchAnswer, SearchRequest } from "./search.query.js";

export interface SearchEngineConfig {
  url: string;
  apiKey?: string;
  index?: string;
}

/** After Meilisearch failed, ask PostgreSQL directly for this long instead of waiting on a dead engine per request. */
const RETRY_ENGINE_AFTER_MS = 2_000;

/**
 * Search for the API: Meilisearch when it answers, PostgreSQL full-text search (degraded)
 * when it does not. Both apply the caller's visibility before ranking and counting.
 */
export class SearchService {
  private readonly engine: SearchEngine | null;
  private readonly index: string;
  private engineDownUntil = 0;

  constructor(
    private readonly ds: DataSource,
    engine: SearchEngineConfig | null,
    private readonly log?: Logger,
  ) {
    this.engine = engine ? createSearchEngine({ url: engine.url, apiKey: engine.apiKey, timeoutMs: 5_000 }) : null;
    this.index = engine?.index ?? DEFAULT_INDEX;
  }

  search(actor: Actor | null, request: SearchRequest): Promise<SearchAnswer> {
    return this.withFallback(
      (engine) => meiliSearch(engine, this.index, actor, request),
      () => fallbackSearch(this.ds, actor, request),
    );
  }

  passages(actor: Actor | null, request: PassageRequest): Promise<PassageAnswer> {
    return this.withFallback(
      (engine) => meiliPassages(engine, this.index, actor, request),
      () => fallbackPassages(this.ds, actor, request),
    );
  }

  /** Whether Meilisearch answers its health check now (false when none is configured). */
  async engineAvailable(): Promise<boolean> {
    if (!this.engine) return false;
    return this.engine.health().catch(() => false);
  }

  close(): void {
    this.engine?.close();
  }

  private async withFallback<T>(primary: (engine: SearchEngine) => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (this.engine && Date.now() >= this.engineDownUntil) {
      try {
        return await primary(this.engine);
      } catch (error) {
        if (!(error instanceof EngineUnavailableError || error instanceof EngineApiError)) throw error;
        this.engineDownUntil = Date.now() + RETRY_ENGINE_AFTER_MS;
        // Unreachable, or the index is not built yet: expected now and then. Anything else is a bug worth seeing.
        const expected = error instanceof EngineUnavailableError || error.code === "index_not_found";
        this.log?.[expected ? "warn" : "error"]({ err: error }, "Meilisearch failed; answering from PostgreSQL (degraded)");
      }
    }
    return fallback();
  }
}

const services = new WeakMap<DataSource, SearchService>();

/** Makes `service` the search of every request served with `ds`. */
export function attachSearch(ds: DataSource, service: SearchService): void {
  services.get(ds)?.close();
  services.set(ds, service);
}

/** The search attached to `ds`; without one, PostgreSQL answers every search (degraded). */
export function searchFor(ds: DataSource): SearchService {
  let service = services.get(ds);
  if (!service) {
    service = new SearchService(ds, null);
    services.set(ds, service);
  }
  return service;
}
