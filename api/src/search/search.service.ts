/**
 * Which search answers a request: the indexer package owns the query side (Meilisearch, and
 * PostgreSQL when it is down; decision 013); the API attaches one to its DataSource at start.
 */
import type { DataSource } from "typeorm";
import type { Logger } from "pino";
import { SearchService, type SearchEngineConfig, type SearchServiceOptions } from "@remissbanken/indexer";

export { SearchService };

/** The search service of the API's database: PostgreSQL rows through the DataSource, Meilisearch when configured. */
export function createSearch(ds: DataSource, engine: SearchEngineConfig | null, log?: Logger, options?: SearchServiceOptions): SearchService {
  return new SearchService(ds, engine, log, options);
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
    service = createSearch(ds, null);
    services.set(ds, service);
  }
  return service;
}
