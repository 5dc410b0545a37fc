/**
 * The indexer: keeps Meilisearch in step with PostgreSQL through the outbox (change_event).
 *
 * It wakes on NOTIFY change_event and also polls, claims a batch of due events with
 * FOR UPDATE SKIP LOCKED, coalesces them per object, reloads each object's current row,
 * writes its records (or removes them), waits until Meilisearch has applied the change and
 * only then marks the events processed, in the same transaction. If anything fails the
 * transaction rolls back and the events are rescheduled with exponential backoff: nothing
 * is dropped, and writes through the API never wait for search.
 *
 * Batches are bounded: at most `batchSize` events, and objects are loaded only until about
 * `maxBatchRecords` records (or `maxBatchBytes`) are built; events of the objects left over
 * stay due and go into the next batch. An 800-page report is ~2,700 records, so a burst of
 * them (e.g. every document touched by a migration) is worked off a few at a time instead of
 * one request that Meilisearch cannot finish before the wait gives up. Within a batch the
 * objects are loaded and sent a part at a time (SEND_RECORDS), so that Meilisearch indexes
 * one part while the next is analysed; the batch waits for all of them before it commits.
 *
 * After a failure the indexer sleeps out its backoff: a NOTIFY then only notes that work
 * is waiting, so a steady stream of writes cannot turn the backoff into a tight retry loop.
 *
 * Processed events are kept for a week (to see what happened) and then deleted, now and then.
 *
 * Ordering: each batch takes a transaction-scoped advisory lock, so batches never overlap
 * (also across several indexer processes, and with a running reindex, which holds the same
 * lock for its whole run). Since every batch reloads the current row and Meilisearch applies
 * tasks in the order they were sent, an old event can only ever rewrite the newest data.
 */
import pg from "pg";
import { isDatabaseUnreachable } from "@remissbanken/schema/engines/unreachable";
import { createSearchEngine, EngineUnavailableError, type SearchEngine } from "./engine/meili-client.js";
import { loadObjectsWithin, recordBytes, type ObjectRef } from "./search/records.js";
import { DEFAULT_INDEX, indexSettings, RECORD_TYPES, type RecordType } from "./search/settings.js";
import { finishWrites, sendObjects, type PendingWrite } from "./search/sync.js";
import { loadThesaurus, meiliSynonyms } from "./search/thesaurus.js";

/** Key of the advisory lock that serializes batches and reindexing. */
export const INDEX_WRITER_LOCK = 7_420_001;

export interface IndexerLog {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export interface IndexerOptions {
  databaseUrl: string;
  meiliUrl: string;
  apiKey?: string;
  index?: string;
  /** Events claimed per batch (default 1,000; a document and its text are two events of one object). */
  batchSize?: number;
  /**
   * Stop loading objects into a batch once this many records are built (default 60,000). Only
   * a part (SEND_RECORDS) is held in memory at a time; the bound is on what Meilisearch must
   * index before the batch commits. Fewer, larger batches cost Meilisearch less: each of its own
   * batches has a fixed cost that grows with the index (with 20,000 it used 28 % more CPU than
   * for the same records queued at once, 11 % with 60,000).
   */
  maxBatchRecords?: number;
  /** … or once the records weigh this much (default 300 MB, as recordBytes estimates them). */
  maxBatchBytes?: number;
  /** Polling interval besides LISTEN/NOTIFY. */
  pollMs?: number;
  /** Backoff cap after failures. */
  maxBackoffMs?: number;
  /** Processed events older than this are deleted (default 7 days). */
  keepProcessedMs?: number;
  log?: IndexerLog;
}

export interface IndexerStats {
  batches: number;
  events: number;
  records: number;
  failures: number;
  lastError: string | null;
  /** Milliseconds spent, summed over batches: where the indexer's time goes (the benchmark prints it). */
  profile: { claim: number; load: number; send: number; wait: number; commit: number };
}

export interface RunningIndexer {
  readonly stats: IndexerStats;
  /** Looks for work now instead of at the next poll. */
  wake(): void;
  /** Resolves once no event is waiting (due or not) and no batch is running. */
  idle(options?: { timeoutMs?: number }): Promise<void>;
  stop(): Promise<void>;
}

const SILENT: IndexerLog = { info() {}, warn() {}, error() {}, debug() {} };
const PURGE_EVERY_MS = 60 * 60_000;
/** Backoff steps while the database is away: 250 ms · 2^3 = 2 s between attempts at most, so indexing resumes soon after. */
const DATABASE_RETRY_FAILURES = 3;
const PURGE_CHUNK = 10_000;
const INDEXED = new Set<string>(RECORD_TYPES);
/**
 * Records loaded and sent to Meilisearch at a time within a batch: small enough that the
 * analysis of the next part overlaps Meilisearch's indexing of this one, large enough that
 * Meilisearch, which takes every task queued meanwhile into one batch of its own, works in bulk.
 */
const SEND_RECORDS = 1_500;
const SEND_BYTES = 8_000_000;
/** Events of this table change the index's synonyms, not its records. */
const THESAURUS = "synonym_group";

/** Starts the indexer loop in this process; `indexer/src/main.ts` runs it as its own process. */
export async function startIndexer(options: IndexerOptions): Promise<RunningIndexer> {
  const {
    databaseUrl, meiliUrl, apiKey, index = DEFAULT_INDEX, batchSize = 1_000, maxBatchRecords = 60_000, maxBatchBytes = 300_000_000,
    pollMs = 1_000, maxBackoffMs = 60_000, keepProcessedMs = 7 * 24 * 3_600_000, log = SILENT,
  } = options;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  // An idle connection dropped (e.g. PostgreSQL restarting); the pool replaces it.
  pool.on("error", (err) => log.debug({ message: err.message }, "idle database connection failed"));
  const engine = createSearchEngine({ url: meiliUrl, apiKey });
  const stats: IndexerStats = {
    batches: 0, events: 0, records: 0, failures: 0, lastError: null, profile: { claim: 0, load: 0, send: 0, wait: 0, commit: 0 },
  };
  const limits = { batchSize, maxRecords: maxBatchRecords, maxBytes: maxBatchBytes, maxBackoffMs };

  let stopped = false;
  let busy = false;
  let failures = 0;
  let wakeUp: (() => void) | null = null;
  const interrupt = () => {
    wakeUp?.();
    wakeUp = null;
  };
  // While failing, the backoff runs to its end: the batch after it finds whatever was notified.
  const wake = () => {
    if (!failures) interrupt();
  };
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        wakeUp = null;
        resolve();
      }, ms);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const listener = startListener(databaseUrl, wake, log, () => stopped);

  let ready = false;
  /** Whether PostgreSQL is away: said once when it goes and once when it is back, not per attempt. */
  let databaseAway = false;
  const databaseUnreachable = (error: unknown) => {
    if (error instanceof EngineUnavailableError || !isDatabaseUnreachable(error)) return false;
    if (!databaseAway) log.warn({ message: (error as Error).message }, "database unreachable; indexing waits and resumes when it is back");
    databaseAway = true;
    return true;
  };
  const databaseReached = () => {
    if (databaseAway) log.info({}, "database back; indexing resumes");
    databaseAway = false;
  };
  let nextPurge = 0;
  /** Batches of one object each still to run after a batch failed for another reason than the engine. */
  let isolate = 0;
  let single = false;
  const loop = (async () => {
    while (!stopped) {
      if (Date.now() >= nextPurge) {
        nextPurge = Date.now() + PURGE_EVERY_MS;
        await purgeProcessed(pool, keepProcessedMs).then(
          (deleted) => deleted && log.info({ deleted }, "deleted processed change events older than the retention"),
          (err) => databaseUnreachable(err) || log.warn({ err }, "could not delete old change events; trying again later"),
        );
      }
      let worked = false;
      busy = true;
      try {
        if (!ready) {
          await engine.ensureIndex(index, { primaryKey: "id", settings: indexSettings(meiliSynonyms(await loadThesaurus(pool))) });
          ready = true;
          log.info({ index }, "search index ready");
        }
        single = isolate > 0;
        if (single) isolate--;
        worked = await processBatch(pool, engine, index, { ...limits, singleObject: single }, stats, log);
        failures = 0;
        databaseReached();
      } catch (error) {
        stats.failures++;
        stats.lastError = (error as Error).message;
        if (databaseUnreachable(error)) {
          // Nothing is wrong with the events: wait for the database, checking every few seconds.
          failures = Math.min(failures + 1, DATABASE_RETRY_FAILURES);
          isolate = 0;
        } else if (single) {
          // One object failed on its own: its events back off by themselves, the rest go on.
          log.warn({ err: error }, "indexing one object failed; its events wait and are retried");
          worked = true;
        } else {
          failures++;
          if (error instanceof EngineUnavailableError) ready = false;
          // Not the engine being away: perhaps one object that cannot be indexed. Take the
          // next objects one at a time, so that such an object holds up only itself.
          else isolate = limits.batchSize;
          const level = failures === 1 ? "warn" : "debug";
          log[level]({ err: error, failures }, "indexing failed; events wait and are retried");
        }
      } finally {
        busy = false;
      }
      if (stopped) break;
      if (failures) await sleep(Math.min(maxBackoffMs, 250 * 2 ** Math.min(failures, 12)));
      else if (!worked) await sleep(pollMs);
    }
  })();

  return {
    stats,
    wake,
    async idle({ timeoutMs = 30_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { rows } = await pool.query(`SELECT count(*)::int AS n FROM change_event WHERE processed_at IS NULL`);
        if (rows[0].n === 0 && !busy) return;
        if (Date.now() > deadline) {
          throw new Error(`indexer not idle after ${timeoutMs} ms: ${rows[0].n} events waiting; last error: ${stats.lastError}`);
        }
        wake();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async stop() {
      stopped = true;
      interrupt();
      await loop;
      await listener.stop();
      engine.close();
      await pool.end();
    },
  };
}

interface ClaimedEvent {
  id: string;
  entity: string;
  entity_id: string;
}

/** Deletes processed events older than `keepMs`, a chunk at a time so no statement holds many locks. */
async function purgeProcessed(pool: pg.Pool, keepMs: number): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await pool.query(
      `DELETE FROM change_event WHERE id IN (
         SELECT id FROM change_event WHERE processed_at < now() - make_interval(secs => $1::float8) LIMIT $2)`,
      [keepMs / 1000, PURGE_CHUNK],
    );
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < PURGE_CHUNK) return total;
  }
}

interface BatchLimits {
  batchSize: number;
  /** Claim the events of the oldest due object only. */
  singleObject?: boolean;
  maxRecords: number;
  maxBytes: number;
  maxBackoffMs: number;
}

/** Handles one batch; false when there was nothing due. */
async function processBatch(
  pool: pg.Pool,
  engine: SearchEngine,
  index: string,
  { batchSize, singleObject = false, maxRecords, maxBytes, maxBackoffMs }: BatchLimits,
  stats: IndexerStats,
  log: IndexerLog,
): Promise<boolean> {
  let clock = performance.now();
  const lap = (phase: keyof IndexerStats["profile"]) => {
    const now = performance.now();
    stats.profile[phase] += now - clock;
    clock = now;
  };
  const client = await pool.connect();
  let claimed: ClaimedEvent[] = [];
  try {
    await client.query("BEGIN");
    const { rows: locked } = await client.query(`SELECT pg_try_advisory_xact_lock($1) AS ok`, [INDEX_WRITER_LOCK]);
    if (!locked[0].ok) {
      // A reindex (or another indexer's batch) is running; its events wait for us.
      await client.query("ROLLBACK");
      return false;
    }
    ({ rows: claimed } = await client.query<ClaimedEvent>(
      singleObject
        ? `SELECT id, entity, entity_id FROM change_event
           WHERE processed_at IS NULL AND available_at <= now()
             AND (entity, entity_id) = (SELECT entity, entity_id FROM change_event
                                        WHERE processed_at IS NULL AND available_at <= now() ORDER BY id LIMIT 1)
           ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`
        : `SELECT id, entity, entity_id FROM change_event
           WHERE processed_at IS NULL AND available_at <= now()
           ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [batchSize],
    ));
    if (!claimed.length) {
      await client.query("COMMIT");
      return false;
    }

    // Many events for one object (a save touching links, a burst of edits) become one reload.
    const refs = new Map<string, ObjectRef>();
    for (const event of claimed) {
      if (INDEXED.has(event.entity)) refs.set(`${event.entity}/${event.entity_id}`, { type: event.entity as RecordType, id: event.entity_id });
    }
    if (claimed.some((event) => event.entity === THESAURUS)) {
      // Synonyms are settings: Meilisearch applies them at query time, so nothing is reindexed.
      const synonyms = meiliSynonyms(await loadThesaurus(client));
      await engine.ensureIndex(index, { primaryKey: "id", settings: { synonyms } });
      log.info({ phrases: Object.keys(synonyms).length }, "thesaurus applied to the index");
    }
    lap("claim");
    // Loaded, analysed and sent a part at a time: Meilisearch indexes one part while the next
    // is analysed. Everything is awaited before the events are marked processed, as before.
    const pending: PendingWrite[] = [];
    let left = [...refs.values()];
    let deferred: ObjectRef[] = [];
    let records = 0;
    let bytes = 0;
    while (left.length) {
      if (records >= maxRecords || bytes >= maxBytes) {
        deferred = left;
        break;
      }
      const part = await loadObjectsWithin(client, left, {
        maxRecords: Math.min(SEND_RECORDS, maxRecords - records),
        maxBytes: Math.min(SEND_BYTES, maxBytes - bytes),
      });
      for (const object of part.objects) {
        records += object.records.length;
        for (const record of object.records) bytes += recordBytes(record);
      }
      lap("load");
      pending.push(await sendObjects(client, engine, index, part.objects, { autocommit: pool }));
      lap("send");
      left = part.deferred;
    }
    const outcome = await finishWrites(client, engine, pending);
    stats.profile.wait += outcome.waitMs;
    clock = performance.now();
    // Events of objects left for the next batch stay due; everything else is done.
    const later = new Set(deferred.map((ref) => `${ref.type}/${ref.id}`));
    const handled = later.size ? claimed.filter((e) => !later.has(`${e.entity}/${e.entity_id}`)) : claimed;
    await client.query(`UPDATE change_event SET processed_at = now(), last_error = NULL WHERE id = ANY($1::bigint[])`, [handled.map((e) => e.id)]);
    await client.query("COMMIT");
    lap("commit");

    stats.batches++;
    stats.events += handled.length;
    stats.records += outcome.records;
    log.debug({ events: handled.length, deferred: deferred.length, ...outcome }, "indexed");
    if (outcome.stale) log.warn({ stale: outcome.stale }, "skipped rows older than the indexed version");
    return true;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    if (claimed.length) {
      // Reschedule, never drop: the next attempt waits 0.5 s, 1 s, 2 s … up to the cap.
      await pool
        .query(
          `UPDATE change_event
           SET attempts = attempts + 1, last_error = left($2, 1000),
               available_at = now() + make_interval(secs => least($3::float8, 0.5 * power(2, attempts)))
           WHERE id = ANY($1::bigint[])`,
          [claimed.map((e) => e.id), (error as Error).message, maxBackoffMs / 1000],
        )
        .catch((err) => isDatabaseUnreachable(err) || log.error({ err }, "could not reschedule events; they stay due"));
    }
    throw error;
  } finally {
    client.release();
  }
}

/** LISTEN change_event on a connection of its own, reconnecting after failures; polling covers the gaps. */
function startListener(databaseUrl: string, onNotify: () => void, log: IndexerLog, stopped: () => boolean) {
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    if (stopped()) return;
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on("notification", onNotify);
    next.on("error", (err) => {
      log.debug({ err }, "LISTEN connection lost");
      void next.end().catch(() => undefined);
      if (client === next) client = null;
      schedule();
    });
    try {
      await next.connect();
      // stop() ran meanwhile and saw no client to end: this one is ours to close.
      if (stopped()) return void (await next.end().catch(() => undefined));
      await next.query("LISTEN change_event");
      if (stopped()) return void (await next.end().catch(() => undefined));
      client = next;
      // Whatever was notified while we were away.
      onNotify();
    } catch (err) {
      log.debug({ err }, "LISTEN failed; retrying");
      void next.end().catch(() => undefined);
      schedule();
    }
  };
  const schedule = () => {
    if (!stopped() && !retry) retry = setTimeout(() => ((retry = null), void connect()), 1_000);
  };
  void connect();
  return {
    async stop() {
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
