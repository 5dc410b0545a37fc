import type { SearchEngine, TaskUid } from "../engine/meili-client.js";
import type { Queryable } from "./db.js";
import { recordId } from "./settings.js";
import { recordBytes, type IndexedObject, type SearchRecord } from "./records.js";

const MAX_RECORDS_PER_REQUEST = 5_000;
const MAX_BYTES_PER_REQUEST = 20_000_000;
/**
 * How long to wait for Meilisearch's tasks while it keeps answering. Batches are bounded
 * (indexer.ts), but tasks of an earlier, failed attempt may still be queued ahead of ours;
 * giving up sooner would only queue the same work again behind them.
 */
const TASK_WAIT_MS = 30 * 60_000;

export interface SyncOutcome {
  objects: number;
  records: number;
  deleted: number;
  /** Objects skipped by the version guard. */
  stale: number;
  /** Milliseconds spent sending the records, and waiting for Meilisearch to apply them. */
  sendMs: number;
  waitMs: number;
}

/** What finishWrites records of an object sent: its records themselves are not kept (a batch sends up to 60,000). */
interface SentObject {
  type: IndexedObject["type"];
  entityId: string;
  version: number;
  recordCount: number;
}

/** Records sent to Meilisearch whose tasks are not yet awaited (see sendObjects). */
export interface PendingWrite {
  kept: SentObject[];
  tasks: TaskUid[];
  records: number;
  deleted: number;
  stale: number;
  sendMs: number;
}

/**
 * Writes the objects' current records to the index, deletes their passages that no longer
 * exist (by id: the previous count is in search_index_state) and records the new counts.
 * Waits for Meilisearch to finish, so when this returns the change is searchable.
 *
 * Run inside the caller's transaction: if Meilisearch fails, the caller rolls back. The
 * index may still apply what was sent, so before sending, the larger passage count is
 * committed through `autocommit` (a connection outside that transaction): a later batch
 * then deletes passages a failed or killed one left behind.
 */
export async function writeObjects(
  db: Queryable,
  engine: SearchEngine,
  index: string,
  objects: IndexedObject[],
  options: { autocommit?: Queryable } = {},
): Promise<SyncOutcome> {
  return finishWrites(db, engine, [await sendObjects(db, engine, index, objects, options)]);
}

/**
 * The first half of writeObjects: sends the records and deletions and returns without waiting,
 * so that the caller can analyse the next objects while Meilisearch indexes these. Nothing is
 * done until finishWrites has waited for the tasks (in the same transaction).
 */
export async function sendObjects(
  db: Queryable,
  engine: SearchEngine,
  index: string,
  objects: IndexedObject[],
  { autocommit }: { autocommit?: Queryable } = {},
): Promise<PendingWrite> {
  if (!objects.length) return { kept: [], tasks: [], records: 0, deleted: 0, stale: 0, sendMs: 0 };
  const { rows } = await db.query(
    `SELECT s.entity, s.entity_id, s.passage_count, s.version
     FROM search_index_state s JOIN unnest($1::text[], $2::uuid[]) AS k(entity, entity_id) USING (entity, entity_id)`,
    [objects.map((o) => o.type), objects.map((o) => o.entityId)],
  );
  const previous = new Map(rows.map((row) => [`${row.entity}/${row.entity_id}`, row as { passage_count: number; version: number }]));

  const additions: SearchRecord[] = [];
  const deletions: string[] = [];
  const kept: SentObject[] = [];
  let stale = 0;
  for (const object of objects) {
    const before = previous.get(`${object.type}/${object.entityId}`);
    // Version guard: never replace what the index holds with an older row. Events are handled
    // one batch at a time by one indexer and always reload the current row, so this only
    // triggers if that invariant is broken (e.g. a restored database backup).
    if (before && object.records.length && object.version < before.version) {
      stale++;
      continue;
    }
    kept.push({ type: object.type, entityId: object.entityId, version: object.version, recordCount: object.records.length });
    additions.push(...object.records);
    for (let ordinal = object.records.length; ordinal < (before?.passage_count ?? 0); ordinal++) {
      deletions.push(recordId(object.type, object.entityId, ordinal));
    }
  }

  const growing = kept.filter((o) => o.recordCount > (previous.get(`${o.type}/${o.entityId}`)?.passage_count ?? 0));
  if (autocommit && growing.length) {
    // High-water mark: version 0 so that the version guard never refuses the real write.
    await autocommit.query(
      `INSERT INTO search_index_state (entity, entity_id, passage_count, version, indexed_at)
       SELECT *, 0, now() FROM unnest($1::text[], $2::uuid[], $3::int[])
       ON CONFLICT (entity, entity_id) DO UPDATE SET passage_count = GREATEST(search_index_state.passage_count, EXCLUDED.passage_count)`,
      [growing.map((o) => o.type), growing.map((o) => o.entityId), growing.map((o) => o.recordCount)],
    );
  }

  const sending = performance.now();
  const tasks: TaskUid[] = [];
  for (let i = 0; i < deletions.length; i += 10_000) tasks.push(await engine.deleteDocuments(index, deletions.slice(i, i + 10_000)));
  for (const chunk of chunksOf(additions)) tasks.push(await engine.addDocuments(index, chunk));
  return { kept, tasks, records: additions.length, deleted: deletions.length, stale, sendMs: performance.now() - sending };
}

/** The second half of writeObjects: waits until Meilisearch has applied what was sent, then records the new counts. */
export async function finishWrites(db: Queryable, engine: SearchEngine, writes: PendingWrite[]): Promise<SyncOutcome> {
  const waiting = performance.now();
  for (const write of writes) for (const task of write.tasks) await engine.waitForTask(task, { timeoutMs: TASK_WAIT_MS });
  const waitMs = performance.now() - waiting;

  const kept = writes.flatMap((write) => write.kept);
  const present = kept.filter((o) => o.recordCount);
  const gone = kept.filter((o) => !o.recordCount);
  if (present.length) {
    await db.query(
      `INSERT INTO search_index_state (entity, entity_id, passage_count, version, indexed_at)
       SELECT * , now() FROM unnest($1::text[], $2::uuid[], $3::int[], $4::int[])
       ON CONFLICT (entity, entity_id) DO UPDATE SET passage_count = EXCLUDED.passage_count, version = EXCLUDED.version, indexed_at = now()`,
      [present.map((o) => o.type), present.map((o) => o.entityId), present.map((o) => o.recordCount), present.map((o) => o.version)],
    );
  }
  if (gone.length) {
    await db.query(
      `DELETE FROM search_index_state s USING unnest($1::text[], $2::uuid[]) AS k(entity, entity_id)
       WHERE s.entity = k.entity AND s.entity_id = k.entity_id`,
      [gone.map((o) => o.type), gone.map((o) => o.entityId)],
    );
  }
  const sum = (key: "records" | "deleted" | "stale" | "sendMs") => writes.reduce((total, write) => total + write[key], 0);
  return { objects: kept.length, records: sum("records"), deleted: sum("deleted"), stale: sum("stale"), sendMs: sum("sendMs"), waitMs };
}

/** Splits records into requests below Meilisearch's payload limit. */
export function* chunksOf(records: SearchRecord[]): Generator<SearchRecord[]> {
  let chunk: SearchRecord[] = [];
  let bytes = 0;
  for (const record of records) {
    const size = recordBytes(record);
    if (chunk.length && (chunk.length >= MAX_RECORDS_PER_REQUEST || bytes + size > MAX_BYTES_PER_REQUEST)) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(record);
    bytes += size;
  }
  if (chunk.length) yield chunk;
}
