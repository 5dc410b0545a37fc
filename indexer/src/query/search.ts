import type { Logger } from "pino";
import { createSearchEngine, EngineApiError, EngineUnavailableError, type SearchEngine } from "../engine/meili-client.js";
import { DEFAULT_INDEX } from "../search/settings.js";
import type { Reader } from "@remissbanken/schema";
import type { Rows } from "./rows.js";
import { readThesaurus } from "../search/thesaurus.js";
import { fallbackPassages, fallbackSearch } from "./fallback.js";
import { meiliPassages, meiliSearch } from "./meili.js";
import type { PassageAnswer, PassageRequest, SearchAnswer, SearchRequest } from "./request.js";

export interface SearchEngineConfig {
  url: string;
  apiKey?: string;
  index?: string;
}

/** After Meilisearch failed, ask PostgreSQL directly for this long before probing the engine again. */
const RETRY_ENGINE_AFTER_MS = 2_000;
/** How long the thesaurus read from the database is used before it is read again. */
const THESAURUS_TTL_MS = 5_000;
/** A probe of a hanging engine gives up after this long; nobody waits for it. */
const PROBE_DEADLINE_MS = 1_000;
/** A search still unanswered after this long has the engine's health checked (see `hedged`). */
const HEDGE_AFTER_MS = 1_000;

export interface SearchServiceOptions {
  /** How long one search may wait for Meilisearch before PostgreSQL answers it. */
  timeoutMs?: number;
  /** How long after a failure the engine is left alone before a background probe. */
  retryAfterMs?: number;
  /** How long a search waits before the engine's health decides whether to wait longer. */
  hedgeAfterMs?: number;
}

/**
 * Whether a failure says the engine is down (unreachable, hanging, broken, or its index
 * missing) rather than that it refused this one request: only the first sends everyone
 * to PostgreSQL, so a bad query cannot degrade other people's searches.
 */
export function isOutage(error: EngineUnavailableError | EngineApiError): boolean {
  if (error instanceof EngineUnavailableError) return true;
  return error.status >= 500 || error.code === "index_not_found" || error.type === "auth" || error.type === "system";
}

/**
 * Search for the API: Meilisearch when it answers, PostgreSQL full-text search (degraded)
 * when it does not. Both apply the caller's visibility before ranking and counting. While
 * the engine is down, a background probe with a short deadline finds out when it is back;
 * no person's search waits on a dead or hanging engine for that.
 */
export class SearchService {
  private readonly engine: SearchEngine | null;
  private readonly index: string;
  private readonly retryAfterMs: number;
  private readonly hedgeAfterMs: number;
  private engineDown = false;
  private nextProbeAt = 0;
  private probe: Promise<void> | null = null;
  private thesaurusGroups: string[][] = [];
  private thesaurusReadAt = 0;
  private thesaurusRead: Promise<void> | null = null;

  constructor(
    private readonly db: Rows,
    engine: SearchEngineConfig | null,
    private readonly log?: Logger,
    options: SearchServiceOptions = {},
  ) {
    this.engine = engine ? createSearchEngine({ url: engine.url, apiKey: engine.apiKey, timeoutMs: options.timeoutMs ?? 5_000 }) : null;
    this.index = engine?.index ?? DEFAULT_INDEX;
    this.retryAfterMs = options.retryAfterMs ?? RETRY_ENGINE_AFTER_MS;
    this.hedgeAfterMs = options.hedgeAfterMs ?? HEDGE_AFTER_MS;
  }

  async search(reader: Reader | null, request: SearchRequest): Promise<SearchAnswer> {
    const thesaurus = await this.thesaurus();
    return this.withFallback(
      (engine) => meiliSearch(engine, this.index, reader, request, thesaurus),
      () => fallbackSearch(this.db, reader, request),
    );
  }

  passages(reader: Reader | null, request: PassageRequest): Promise<PassageAnswer> {
    return this.withFallback(
      (engine) => meiliPassages(engine, this.index, reader, request),
      () => fallbackPassages(this.db, reader, request),
    );
  }

  /**
   * The thesaurus's groups, read again at most every few seconds and in the background: a
   * search waits for the database only the first time, and keeps the last groups it read if
   * the database is away.
   */
  private async thesaurus(): Promise<string[][]> {
    if (Date.now() - this.thesaurusReadAt > THESAURUS_TTL_MS) {
      this.thesaurusRead ??= readThesaurus(this.db)
        .then((groups) => {
          this.thesaurusGroups = groups;
          this.thesaurusReadAt = Date.now();
        })
        .catch((err) => this.log?.warn({ err }, "could not read the thesaurus; searching with the last one read"))
        .finally(() => (this.thesaurusRead = null));
      if (!this.thesaurusReadAt) await this.thesaurusRead;
    }
    return this.thesaurusGroups;
  }

  /**
   * Whether Meilisearch answers its health check now (false when none is configured). While
   * it is considered down the answer is immediate and a background probe finds out more.
   */
  async engineAvailable(): Promise<boolean> {
    if (!this.engine) return false;
    if (this.engineDown) {
      this.probeInBackground(this.engine);
      return false;
    }
    return healthWithin(this.engine, PROBE_DEADLINE_MS);
  }

  /** Settles when a background probe of the engine (if one runs) has finished; for tests and shutdown. */
  async settled(): Promise<void> {
    await this.probe;
  }

  close(): void {
    this.engine?.close();
  }

  private async withFallback<T>(primary: (engine: SearchEngine) => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    if (this.engine && !this.engineDown) {
      try {
        return await this.hedged(this.engine, primary(this.engine));
      } catch (error) {
        if (!(error instanceof EngineUnavailableError || error instanceof EngineApiError)) throw error;
        if (isOutage(error)) {
          this.engineDown = true;
          this.nextProbeAt = Date.now() + this.retryAfterMs;
          // Unreachable, or the index is not built yet: expected now and then. Anything else is a bug worth seeing.
          const expected = error instanceof EngineUnavailableError || error.code === "index_not_found";
          this.log?.[expected ? "warn" : "error"]({ err: error }, "Meilisearch failed; answering from PostgreSQL (degraded) until it is back");
        } else {
          this.log?.warn({ err: error }, "Meilisearch refused this search; PostgreSQL answers it");
        }
      }
    } else if (this.engine) {
      this.probeInBackground(this.engine);
    }
    return fallback();
  }

  /**
   * The engine's answer; but when it has none after `hedgeAfterMs` and its health check does
   * not answer within a second either, the engine counts as hanging (EngineUnavailableError)
   * and PostgreSQL answers: the first search after Meilisearch stops waits ≈ 2 s, not the
   * request's full timeout. A slow search on a healthy engine is waited for as before.
   */
  private async hedged<T>(engine: SearchEngine, answer: Promise<T>): Promise<T> {
    // Once the hedge has given up on it, a late failure of the search must not go unhandled.
    answer.catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    const hanging = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void healthWithin(engine, PROBE_DEADLINE_MS).then((available) => {
          if (!available) reject(new EngineUnavailableError("Meilisearch answers neither the search nor its health check"));
        });
      }, this.hedgeAfterMs);
    });
    try {
      return await Promise.race([answer, hanging]);
    } finally {
      clearTimeout(timer);
    }
  }

  private probeInBackground(engine: SearchEngine): void {
    if (this.probe || Date.now() < this.nextProbeAt) return;
    this.probe = healthWithin(engine, PROBE_DEADLINE_MS)
      .then((available) => {
        if (available) {
          this.engineDown = false;
          this.log?.info("Meilisearch answers again; searches use it");
        } else {
          this.nextProbeAt = Date.now() + this.retryAfterMs;
        }
      })
      .finally(() => {
        this.probe = null;
      });
  }
}

/** Whether the engine answers its health check within `deadlineMs`; a hanging engine is not waited for longer. */
async function healthWithin(engine: SearchEngine, deadlineMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), deadlineMs);
    timer.unref();
  });
  try {
    return await Promise.race([engine.health().catch(() => false), deadline]);
  } finally {
    clearTimeout(timer);
  }
}
