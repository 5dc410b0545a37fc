/**
 * Rebuilds the search index from PostgreSQL into a fresh index and swaps it in atomically:
 * searches keep answering from the old index until the swap, then from the new one.
 *
 * While it runs it holds the indexer's advisory lock, so the indexer pauses and changes
 * committed meanwhile wait in the outbox; they are applied to the new index right after.
 * It reads everything in one REPEATABLE READ snapshot, so each object is indexed as of one
 * moment and every later change has an event still waiting.
 */
import pg from "pg";
import { createSearchEngine, type TaskUid } from "./engine/meili-client.js";
import { INDEX_WRITER_LOCK } from "./indexer.js";
import { loadObjects, type IndexedObject } from "./search/records.js";
import { loadThesaurus, meiliSynonyms } from "./search/thesaurus.js";
import { DEFAULT_INDEX, indexSettings, RECORD_TYPES, type RecordType } from "./search/settings.js";
import { chunksOf } from "./search/sync.js";

export interface ReindexProgress {
  type: RecordType;
  done: number;
  total: number;
  records: number;
}

export interface ReindexOptions {
  databaseUrl: string;
  meiliUrl: string;
  apiKey?: string;
  index?: string;
  onProgress?: (progress: ReindexProgress) => void;
}

export interface ReindexResult {
  counts: Record<RecordType, { objects: number; records: number }>;
  durationMs: number;
}

const TABLE_FILTER: Record<RecordType, string> = {
  document: "archived_at IS NULL",
  inquiry: "archived_at IS NULL",
  remiss: "archived_at IS NULL",
  response: "archived_at IS NULL",
  member_input: "TRUE",
};

/** Rebuilds every index from PostgreSQL and swaps it in. */
export async function reindexAll(options: ReindexOptions): Promise<ReindexResult> {
  const { databaseUrl, meiliUrl, apiKey, index = DEFAULT_INDEX, onProgress } = options;
  const started = Date.now();
  const engine = createSearchEngine({ url: meiliUrl, apiKey });
  const lockClient = new pg.Client({ connectionString: databaseUrl });
  const reader = new pg.Client({ connectionString: databaseUrl });
  await Promise.all([lockClient.connect(), reader.connect()]);
  const fresh = `${index}_rebuild_${Date.now()}`;
  try {
    await lockClient.query(`SELECT pg_advisory_lock($1)`, [INDEX_WRITER_LOCK]);
    const settings = indexSettings(meiliSynonyms(await loadThesaurus(reader)));
    await engine.ensureIndex(index, { primaryKey: "id", settings });
    await engine.ensureIndex(fresh, { primaryKey: "id", settings });

    await reader.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const counts = {} as ReindexResult["counts"];
    const state: Array<{ type: RecordType; id: string; count: number; version: number }> = [];
    const tasks: TaskUid[] = [];
    for (const type of RECORD_TYPES) {
      const { rows: totalRows } = await reader.query(`SELECT count(*)::int AS n FROM ${type} WHERE ${TABLE_FILTER[type]}`);
      const total = totalRows[0].n as number;
      counts[type] = { objects: 0, records: 0 };
      onProgress?.({ type, done: 0, total, records: 0 });
      let after = "00000000-0000-0000-0000-000000000000";
      for (;;) {
        const { rows } = await reader.query(
          `SELECT id FROM ${type} WHERE ${TABLE_FILTER[type]} AND id > $1 ORDER BY id LIMIT ${type === "document" ? 20 : 500}`,
          [after],
        );
        if (!rows.length) break;
        after = rows.at(-1).id;
        const objects: IndexedObject[] = await loadObjects(reader, rows.map((row) => ({ type, id: row.id })));
        const records = objects.flatMap((object) => object.records);
        for (const chunk of chunksOf(records)) tasks.push(await engine.addDocuments(fresh, chunk));
        for (const object of objects) {
          if (object.records.length) state.push({ type, id: object.entityId, count: object.records.length, version: object.version });
        }
        counts[type].objects += objects.length;
        counts[type].records += records.length;
        // Keep the queue short so memory and the final wait stay bounded.
        while (tasks.length > 8) await engine.waitForTask(tasks.shift()!, { timeoutMs: 600_000 });
        onProgress?.({ type, done: counts[type].objects, total, records: counts[type].records });
      }
    }
    await reader.query("COMMIT");
    for (const task of tasks) await engine.waitForTask(task, { timeoutMs: 600_000 });

    await engine.waitForTask(await engine.swapIndexes([[index, fresh]]));
    // `fresh` now holds the old contents.
    await engine.waitForTask(await engine.deleteIndex(fresh));

    await lockClient.query("BEGIN");
    await lockClient.query(`DELETE FROM search_index_state`);
    for (let i = 0; i < state.length; i += 10_000) {
      const part = state.slice(i, i + 10_000);
      await lockClient.query(
        `INSERT INTO search_index_state (entity, entity_id, passage_count, version, indexed_at)
         SELECT *, now() FROM unnest($1::text[], $2::uuid[], $3::int[], $4::int[])`,
        [part.map((s) => s.type), part.map((s) => s.id), part.map((s) => s.count), part.map((s) => s.version)],
      );
    }
    await lockClient.query("COMMIT");
    return { counts, durationMs: Date.now() - started };
  } catch (error) {
    await reader.query("ROLLBACK").catch(() => undefined);
    await lockClient.query("ROLLBACK").catch(() => undefined);
    // Leave no half-built index behind (best effort: Meilisearch may be the reason we failed).
    await engine
      .deleteIndex(fresh)
      .then((task) => engine.waitForTask(task))
      .catch(() => undefined);
    throw error;
  } finally {
    await lockClient.query(`SELECT pg_advisory_unlock($1)`, [INDEX_WRITER_LOCK]).catch(() => undefined);
    await Promise.all([lockClient.end(), reader.end()]).catch(() => undefined);
    engine.close();
  }
}
