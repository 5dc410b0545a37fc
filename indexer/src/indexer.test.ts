/**
 * The indexer against real PostgreSQL and a Meilisearch of its own that this test stops and
 * starts: nothing is lost while search is down, stale or repeated events are harmless,
 * shrinking texts leave no stale passages (also after a failed batch), batches stay bounded,
 * copied fields follow their source, and a reindex swaps in while searches go on.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import pg from "pg";
import { createDataSource, Document, DocumentKind, DocumentText, Municipality, QuoteSourceType, ResponseKind } from "@remissbanken/schema";
import { startMeilisearch, type RunningMeilisearch } from "@remissbanken/schema/engines/meilisearch";
import { freePort } from "@remissbanken/schema/engines/ports";
import { createTestDatabase } from "@remissbanken/test/harness";
import { buildDocument, buildMemberInput, buildMunicipality, buildRemiss, buildResponse } from "@remissbanken/test/factories";
import { createSearchEngine, type SearchEngine } from "./engine/meili-client.js";
import { INDEX_WRITER_LOCK, startIndexer, type RunningIndexer } from "./indexer.js";
import { reindexAll } from "./reindex.js";
import { filters as f, groupId } from "./search/settings.js";
import { loadObjects, type SearchRecord } from "./search/records.js";
import { writeObjects } from "./search/sync.js";
import { analyzeQuery } from "./text/swedish.js";

let dataDir: string;
let port: number;
let meili: RunningMeilisearch;
let engine: SearchEngine;
let ds: DataSource;
let databaseUrl: string;
let indexer: RunningIndexer;
const index = "records";

const startMeili = async () => {
  meili = await startMeilisearch({ dataDir, port });
};
const start = () =>
  startIndexer({ databaseUrl, meiliUrl: meili.url, apiKey: meili.masterKey, index, pollMs: 100, maxBackoffMs: 1_000 });

/** Every object in the index: groupId → its header record. */
async function indexed(): Promise<Map<string, SearchRecord>> {
  const result = await engine.search<SearchRecord>(index, { q: "", filter: f.eq("ordinal", 0), limit: 10_000 });
  return new Map(result.hits.map((hit) => [hit.groupId, hit]));
}

async function passageCount(documentId: string): Promise<number> {
  const result = await engine.search(index, { q: "", filter: f.eq("groupId", groupId("document", documentId)), distinct: "ordinal", page: 1, hitsPerPage: 1 });
  return result.totalHits ?? 0;
}

async function liveDocuments(): Promise<Map<string, string>> {
  const rows: Array<{ id: string; title: string }> = await ds.query(`SELECT id, title FROM document WHERE archived_at IS NULL`);
  return new Map(rows.map((row) => [groupId("document", row.id), row.title]));
}

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "rb-indexer-"));
  port = await freePort();
  await startMeili();
  engine = createSearchEngine({ url: meili.url, apiKey: meili.masterKey });
  databaseUrl = await createTestDatabase();
  ds = createDataSource(databaseUrl);
  await ds.initialize();
  indexer = await start();
});

afterAll(async () => {
  await indexer?.stop();
  engine?.close();
  await ds?.destroy();
  await meili?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("indexer", () => {
  it("indexes new rows within moments of their commit", async () => {
    const doc = await buildDocument(ds.manager, { title: "Glesbygdens förutsättningar" });
    await indexer.idle();
    expect((await indexed()).get(groupId("document", doc.id))?.title).toBe("Glesbygdens förutsättningar");
  });

  it("loses nothing while Meilisearch is down and converges when it is back", async () => {
    const before = await Promise.all(Array.from({ length: 5 }, (_, i) => buildDocument(ds.manager, { title: `Före avbrottet ${i}` })));
    await indexer.idle();
    await meili.stop();

    // Writes keep working while search is down.
    const during = await Promise.all(Array.from({ length: 20 }, (_, i) => buildDocument(ds.manager, { title: `Under avbrottet ${i}` })));
    await ds.getRepository(Document).update(before[0].id, { title: "Ändrad under avbrottet" });
    await ds.getRepository(Document).delete(before[1].id);
    await ds.getRepository(Document).update(before[2].id, { archivedAt: new Date() });
    await ds.getRepository(DocumentText).save({ documentId: during[0].id, sourceFormat: "text", content: "Sida ett\fSida två om vindkraftsetableringen", pageCount: 2, charCount: 42 });
    // The indexer tried the waiting events, failed, and keeps them for a later attempt.
    const backlog = async () =>
      (await ds.query(
        `SELECT count(*)::int AS waiting, count(*) FILTER (WHERE attempts > 0)::int AS retried FROM change_event WHERE processed_at IS NULL`,
      ))[0] as { waiting: number; retried: number };
    await expect.poll(async () => (await backlog()).retried, { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await backlog()).waiting).toBeGreaterThanOrEqual(23);
    expect(indexer.stats.failures).toBeGreaterThan(0);

    await startMeili();
    await indexer.idle({ timeoutMs: 30_000 });
    const inIndex = await indexed();
    const live = await liveDocuments();
    expect(new Map([...inIndex].map(([id, record]) => [id, record.title]))).toEqual(live);
    expect(inIndex.get(groupId("document", before[0].id))?.title).toBe("Ändrad under avbrottet");
    expect(inIndex.has(groupId("document", before[1].id))).toBe(false);
    expect(inIndex.has(groupId("document", before[2].id))).toBe(false);
    expect(await passageCount(during[0].id)).toBe(3);
  }, 60_000);

  it("ignores stale and repeated events: it always reloads the current row", async () => {
    const doc = await buildDocument(ds.manager, { title: "Första titeln" });
    await ds.getRepository(Document).update(doc.id, { title: "Senaste titeln" });
    const gone = await buildDocument(ds.manager, { title: "Borttagen" });
    await ds.getRepository(Document).delete(gone.id);
    // Old events arriving late (or twice): an upsert of a row that has since changed or gone.
    await ds.query(
      `INSERT INTO change_event (entity, entity_id, action) VALUES ('document', $1, 'upsert'), ('document', $1, 'upsert'), ('document', $2, 'upsert')`,
      [doc.id, gone.id],
    );
    await indexer.idle();
    const inIndex = await indexed();
    expect(inIndex.get(groupId("document", doc.id))?.title).toBe("Senaste titeln");
    expect(inIndex.has(groupId("document", gone.id))).toBe(false);
  });

  it("removes passages a shorter text no longer has, by id", async () => {
    const doc = await buildDocument(ds.manager);
    const repo = ds.getRepository(DocumentText);
    const pages = (n: number) => Array.from({ length: n }, (_, i) => `Sida ${i + 1} om vattenförsörjning`).join("\f");
    await repo.save({ documentId: doc.id, sourceFormat: "text", content: pages(10), pageCount: 10, charCount: 100 });
    await indexer.idle();
    expect(await passageCount(doc.id)).toBe(11);
    await repo.save({ documentId: doc.id, sourceFormat: "text", content: pages(2), pageCount: 2, charCount: 20 });
    await indexer.idle();
    expect(await passageCount(doc.id)).toBe(3);
  });

  it("reindexes into a fresh index and swaps it in while searches keep answering", async () => {
    await Promise.all(Array.from({ length: 30 }, (_, i) => buildDocument(ds.manager, { title: `Kulturmiljö ${i}` })));
    await indexer.idle();
    // Drift the reindex must repair: a record nobody wrote.
    await engine.waitForTask(await engine.addDocuments(index, [{ ...(await indexed()).values().next().value, id: "d_stray_0", groupId: "document_stray", title: "Kulturmiljö herrelös" }]));

    let searching = true;
    const answers: number[] = [];
    const failures: unknown[] = [];
    const searches = (async () => {
      while (searching) {
        await engine
          .search(index, { q: "kulturmiljö" })
          .then((r) => answers.push(r.hits.length), (error) => failures.push(error));
      }
    })();
    const writesDuring = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return buildDocument(ds.manager, { title: "Kulturmiljö skriven under omindexeringen" });
    })();
    const progress: number[] = [];
    const result = await reindexAll({ databaseUrl, meiliUrl: meili.url, apiKey: meili.masterKey, index, onProgress: (p) => progress.push(p.done) });
    const written = await writesDuring;
    searching = false;
    await searches;

    expect(failures).toEqual([]);
    expect(answers.length).toBeGreaterThan(5);
    expect(Math.min(...answers)).toBeGreaterThan(0);
    expect(result.counts.document.objects).toBeGreaterThanOrEqual(30);
    expect(progress.length).toBeGreaterThan(1);

    await indexer.idle();
    const inIndex = await indexed();
    expect(inIndex.has("document_stray")).toBe(false);
    expect(inIndex.get(groupId("document", written.id))?.title).toBe("Kulturmiljö skriven under omindexeringen");
    expect(new Map([...inIndex].filter(([id]) => id.startsWith("document_")).map(([id, r]) => [id, r.title]))).toEqual(await liveDocuments());
    const stats = await engine.stats(index);
    const [{ records }] = await ds.query(`SELECT sum(passage_count)::int AS records FROM search_index_state`);
    expect(stats.numberOfDocuments).toBe(records);
  }, 60_000);

  it("refuses to write an older version over a newer one (version guard)", async () => {
    const doc = await buildDocument(ds.manager, { title: "Indexerad titel" });
    await indexer.idle();
    // As after restoring an old backup: the index already holds a newer version than the row.
    await ds.query(`UPDATE search_index_state SET version = version + 1000 WHERE entity = 'document' AND entity_id = $1`, [doc.id]);
    await ds.getRepository(Document).update(doc.id, { title: "Äldre rad" });
    await indexer.idle();
    expect((await indexed()).get(groupId("document", doc.id))?.title).toBe("Indexerad titel");
  });

  it("bounds a batch by records and works off many large objects over several batches", async () => {
    await indexer.stop();
    indexer = await startIndexer({
      databaseUrl, meiliUrl: meili.url, apiKey: meili.masterKey, index, pollMs: 100, maxBackoffMs: 1_000, maxBatchRecords: 10,
    });
    try {
      const pages = Array.from({ length: 5 }, (_, i) => `Sida ${i + 1} om fjärrvärmenätet`).join("\f");
      const docs = await Promise.all(Array.from({ length: 12 }, () => buildDocument(ds.manager)));
      const before = indexer.stats.batches;
      await ds.transaction(async (m) => {
        for (const doc of docs) await m.getRepository(DocumentText).save({ documentId: doc.id, sourceFormat: "text", content: pages, pageCount: 5, charCount: 100 });
      });
      await indexer.idle({ timeoutMs: 30_000 });
      // 6 records each, at most 10 per batch: two objects a batch (the second crosses the cap).
      expect(indexer.stats.batches - before).toBeGreaterThanOrEqual(6);
      for (const doc of docs) expect(await passageCount(doc.id)).toBe(6);
    } finally {
      await indexer.stop();
      indexer = await start();
    }
  });

  it("lets an object that cannot be indexed hold up only itself", async () => {
    const remiss = await buildRemiss(ds.manager);
    // The API never writes such sections; a row fixed by hand in SQL could.
    const [{ id: poison }] = await ds.query(
      `INSERT INTO response (remiss_id, title, sections, status, version) VALUES ($1, 'Trasigt svar', '[null]', 'approved', 1) RETURNING id`,
      [remiss.id],
    );
    const docs = await Promise.all(Array.from({ length: 3 }, (_, i) => buildDocument(ds.manager, { title: `Fjällnära dokument ${i}` })));
    try {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const present = await indexed();
        if (docs.every((doc) => present.has(groupId("document", doc.id)))) break;
        if (Date.now() > deadline) throw new Error("documents behind the broken response were not indexed");
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const [event] = await ds.query(
        `SELECT attempts, last_error, processed_at FROM change_event WHERE entity = 'response' AND entity_id = $1 ORDER BY id DESC LIMIT 1`,
        [poison],
      );
      expect(event.processed_at).toBeNull();
      expect(event.attempts).toBeGreaterThan(0);
      expect(event.last_error).toBeTruthy();
    } finally {
      await ds.query(`UPDATE response SET sections = '[]' WHERE id = $1`, [poison]);
      await ds.query(`UPDATE change_event SET available_at = now() WHERE processed_at IS NULL`);
      await indexer.idle({ timeoutMs: 30_000 });
    }
  });

  it("sleeps out its backoff while failing, however often writes notify it", async () => {
    const failing = await startIndexer({ databaseUrl, meiliUrl: "http://127.0.0.1:9", index: "unreachable", pollMs: 100 });
    try {
      const until = Date.now() + 3_000;
      while (Date.now() < until) {
        await buildDocument(ds.manager);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // Backoff 0.5 s, 1 s, 2 s: three or four attempts in 3 s, not one per write.
      expect(failing.stats.failures).toBeGreaterThan(0);
      expect(failing.stats.failures).toBeLessThanOrEqual(4);
    } finally {
      await failing.stop();
    }
    await indexer.idle();
  });

  it("deletes passages that a failed batch left in the index", async () => {
    const doc = await buildDocument(ds.manager);
    await indexer.idle();
    const pages = (n: number) => Array.from({ length: n }, (_, i) => `Sida ${i + 1} om dagvattenhantering`).join("\f");

    // A batch that sent 11 records and then failed (killed, timed out): its transaction rolls
    // back, but Meilisearch applies what it was sent.
    const client = new pg.Client({ connectionString: databaseUrl });
    const autocommit = new pg.Client({ connectionString: databaseUrl });
    await Promise.all([client.connect(), autocommit.connect()]);
    try {
      await client.query("BEGIN");
      await client.query(`SELECT pg_advisory_xact_lock($1)`, [INDEX_WRITER_LOCK]);
      await client.query(`INSERT INTO document_text (document_id, source_format, content, page_count, char_count) VALUES ($1, 'text', $2, 10, 100)`, [doc.id, pages(10)]);
      const objects = await loadObjects(client, [{ type: "document", id: doc.id }]);
      const dying: SearchEngine = {
        ...engine,
        async waitForTask(task) {
          await engine.waitForTask(task);
          throw new Error("killed");
        },
      };
      await expect(writeObjects(client, dying, index, objects, { autocommit })).rejects.toThrow("killed");
      await client.query("ROLLBACK");
    } finally {
      await Promise.all([client.end(), autocommit.end()]);
    }
    expect(await passageCount(doc.id)).toBe(11);

    await ds.getRepository(DocumentText).save({ documentId: doc.id, sourceFormat: "text", content: pages(2), pageCount: 2, charCount: 20 });
    await indexer.idle();
    expect(await passageCount(doc.id)).toBe(3);
  });

  it("finds the last of 70,000 comma-separated words", async () => {
    const doc = await buildDocument(ds.manager);
    const words = [...Array.from({ length: 70_000 }, (_, i) => `ord${i}`), "xylofonavslutningen"].join(",");
    await ds.getRepository(DocumentText).save({ documentId: doc.id, sourceFormat: "text", content: words, pageCount: 1, charCount: words.length });
    await indexer.idle({ timeoutMs: 60_000 });
    const result = await engine.search<SearchRecord>(index, { q: analyzeQuery("xylofonavslutningen") });
    expect(result.hits.map((hit) => hit.groupId)).toEqual([groupId("document", doc.id)]);
  }, 60_000);

  it("indexes a response's summary first, then each section under its number and heading, with its quotes", async () => {
    const response = await buildResponse(ds.manager, {
      summary: "SmåKom avstyrker kommunstabiliseringsfonden.",
      sections: [{
        number: "8",
        heading: "Kommunstabiliseringsfond",
        body: "Fonden minskar självstyret.",
        quotes: [{ sourceType: QuoteSourceType.MEMBER_INPUT, sourceId: "00000000-0000-4000-8000-000000000000", label: "Forshaga kommun", text: "Vi vill behålla överskotten." }],
      }],
    });
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const [object] = await loadObjects(client, [{ type: "response", id: response.id }]);
      const passages = object.records.filter((record) => record.ordinal > 0).map((record) => [record.section, record.text]);
      expect(passages).toEqual([
        ["Sammanfattning", expect.stringContaining("SmåKom avstyrker kommunstabiliseringsfonden.")],
        ["8 Kommunstabiliseringsfond", expect.stringMatching(/Fonden minskar självstyret\.[\s\S]*Vi vill behålla överskotten\./)],
      ]);
    } finally {
      await client.end();
    }
  });

  it("re-indexes records that copy a changed field of another row", async () => {
    const doc = await buildDocument(ds.manager, { kind: DocumentKind.SOU, department: "Finansdepartementet" });
    const remiss = await buildRemiss(ds.manager, { documentId: doc.id });
    const position = await buildResponse(ds.manager, { kind: ResponseKind.POSITION, remissId: null });
    await ds.query(`INSERT INTO response_document (response_id, document_id) VALUES ($1, $2)`, [position.id, doc.id]);
    const municipality = await buildMunicipality(ds.manager, { name: "Gamla namnet" });
    const input = await buildMemberInput(ds.manager, { municipalityId: municipality.id });
    await indexer.idle();
    expect((await indexed()).get(groupId("response", position.id))?.department).toBe("Finansdepartementet");

    await ds.getRepository(Document).update(doc.id, { kind: DocumentKind.DS, department: "Miljödepartementet" });
    await ds.getRepository(Municipality).update(municipality.id, { name: "Nya namnet" });
    await indexer.idle();
    const inIndex = await indexed();
    expect(inIndex.get(groupId("remiss", remiss.id))?.kind).toBe("ds");
    expect(inIndex.get(groupId("response", position.id))?.department).toBe("Miljödepartementet");
    expect(inIndex.get(groupId("member_input", input.id))?.title).toBe("Synpunkt från Nya namnet");
  });

  it("deletes processed events after a week", async () => {
    const [old, recent] = await ds.query(
      `INSERT INTO change_event (entity, entity_id, action, processed_at)
       VALUES ('document', gen_random_uuid(), 'upsert', now() - interval '8 days'), ('document', gen_random_uuid(), 'upsert', now() - interval '6 days')
       RETURNING id`,
    );
    const purging = await startIndexer({ databaseUrl, meiliUrl: "http://127.0.0.1:9", index: "unreachable", pollMs: 100 });
    try {
      for (let i = 0; i < 50; i++) {
        const [{ n }] = await ds.query(`SELECT count(*)::int AS n FROM change_event WHERE id = $1`, [old.id]);
        if (!n) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      await purging.stop();
    }
    const left = await ds.query(`SELECT id FROM change_event WHERE id = ANY($1::bigint[])`, [[old.id, recent.id]]);
    expect(left.map((row: { id: string }) => row.id)).toEqual([recent.id]);
  });
});
