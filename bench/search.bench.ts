/**
 * `npm run bench:search`: a benchmark, not a test. Loads a generated Swedish-like corpus
 * (BENCH_PASSAGES passages, default 100,000, as documents of 250 pages) into a fresh
 * embedded PostgreSQL and Meilisearch, runs the real indexer, and prints:
 *   - indexing throughput (outbox → Meilisearch, passages per second),
 *   - p50/p95 latency of `search` through GraphQL, of the same query straight to
 *     Meilisearch, and of the PostgreSQL fallback,
 *   - p50/p95 time from a committed write to its being searchable.
 */
import "reflect-metadata";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDataSource, readableBy } from "@remissbanken/schema";
import { startEmbeddedPostgres } from "@remissbanken/schema/engines/postgres";
import { startMeilisearch } from "@remissbanken/schema/engines/meilisearch";
import { analyzeQuery, createSearchEngine, DEFAULT_INDEX, FACETS, filters, SearchService, startIndexer } from "@remissbanken/indexer";
import { loadConfig } from "@remissbanken/api/config";
import { createLogger } from "@remissbanken/api/logger";
import { startServer } from "@remissbanken/api/server";
import { attachSearch, createSearch } from "@remissbanken/api/search/search.service";

const PASSAGES = Number(process.env.BENCH_PASSAGES ?? 100_000);
const PAGES_PER_DOCUMENT = 250;
const WORDS_PER_PAGE = 120;
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const WRITES = Number(process.env.BENCH_WRITES ?? 30);

// A deterministic generator, so runs compare.
let seed = 42;
const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];

const HEADS = ["strand", "bredband", "kommun", "skol", "vatten", "väg", "bostad", "miljö", "arbets", "skatte", "välfärd", "region", "läns", "energi", "vind", "skog", "fjäll", "kultur", "äldre", "barn"];
const TAILS = ["skydd", "utbyggnad", "ekonomi", "utredning", "förvaltning", "plan", "fråga", "reform", "ansvar", "område", "bidrag", "stöd", "kostnad", "tillsyn", "lag"];
const ENDINGS = ["", "", "en", "et", "erna", "ernas", "ar", "s"];
const FUNCTION_WORDS = ["och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "inte", "om", "ett", "kan", "ska", "bör"];
const VERBS = ["föreslår", "bedömer", "anser", "konstaterar", "utreder", "behöver", "påverkar", "stärker", "begränsar", "finansierar"];
const NAMES = ["Tidaholm", "Mullsjö", "Forshaga", "Hjo", "Habo", "Tibro", "Karlsborg", "Hultsfred", "Krokom", "Regeringen", "Riksdagen"];

function word(): string {
  const r = random();
  if (r < 0.45) return pick(FUNCTION_WORDS);
  if (r < 0.55) return pick(VERBS);
  if (r < 0.6) return pick(NAMES);
  const compound = random() < 0.5 ? pick(HEADS) + (random() < 0.4 ? "s" : "") + pick(TAILS) : pick(HEADS) + pick(TAILS.slice(0, 5));
  return compound + pick(ENDINGS);
}

function page(): string {
  const words: string[] = [];
  for (let i = 0; i < WORDS_PER_PAGE; i++) words.push(word());
  return words.join(" ").replace(/(^\w)/, (c) => c.toUpperCase()) + ".";
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function timed(label: string, runs: number, work: (i: number) => Promise<unknown>) {
  for (let i = 0; i < 10; i++) await work(i); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work(i);
    times.push(performance.now() - started);
  }
  return { label, p50: percentile(times, 50), p95: percentile(times, 95) };
}

const SEARCH_QUERIES = [
  "strandskydd", "bredband", "kommun", "vattenförsörjning", "skolans ekonomi", "fjällen", "utredninng", "vindkraft tillsyn",
  "bostadsplan", "äldreomsorg", "regionens ansvar", "Tidaholm", "sou 2020 8", "arbetsmarknad stöd", "skogsbruk lag",
];

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rb-bench-"));
const log = (line: string) => console.error(`[bench] ${line}`);
const pg = await startEmbeddedPostgres({ dataDir });
const meili = await startMeilisearch({ dataDir });
const ds = createDataSource(pg.url, { extra: { max: 20 } });
try {
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  const documents = Math.ceil(PASSAGES / PAGES_PER_DOCUMENT);
  log(`generating ${documents} documents × ${PAGES_PER_DOCUMENT} pages = ${documents * PAGES_PER_DOCUMENT} passages`);
  const loadStarted = performance.now();
  for (let d = 0; d < documents; d++) {
    const year = 2000 + (d % 25);
    const [{ id }] = await ds.query(
      `INSERT INTO document (kind, designation, year, title, department, version) VALUES ('sou', $1, $2, $3, $4, 1) RETURNING id`,
      [d === 0 ? "SOU 2020:8" : `SOU ${year}:${1000 + d}`, d === 0 ? 2020 : year, `${pick(HEADS)}${pick(TAILS)}utredningen ${d}`, pick(["Finansdepartementet", "Miljödepartementet", "Infrastrukturdepartementet"])],
    );
    const pages = Array.from({ length: PAGES_PER_DOCUMENT }, page);
    await ds.query(`INSERT INTO document_text (document_id, source_format, content, page_count, char_count) VALUES ($1, 'text', $2, $3, $4)`, [
      id, pages.join("\f"), pages.length, pages.join("\f").length,
    ]);
    if (d % 50 === 0) log(`  ${d}/${documents} documents`);
  }
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  log(`loaded into PostgreSQL (with search_passage triggers) in ${loadSeconds.toFixed(1)} s`);

  // Indexing throughput: the real indexer drains the outbox, with the production batch limits
  // (200 events, about 5,000 records a batch).
  const indexStarted = performance.now();
  const indexer = await startIndexer({ databaseUrl: pg.url, meiliUrl: meili.url, apiKey: meili.masterKey, pollMs: 100 });
  await indexer.idle({ timeoutMs: 3_600_000 });
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  const engine = createSearchEngine({ url: meili.url, apiKey: meili.masterKey });
  const records = (await engine.stats(DEFAULT_INDEX)).numberOfDocuments;
  log(`indexed ${records} records in ${indexSeconds.toFixed(1)} s`);

  const config = loadConfig({ NODE_ENV: "test", PORT: "0", DATABASE_URL: pg.url, LOG_LEVEL: "silent", MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey });
  attachSearch(ds, createSearch(ds, { url: meili.url, apiKey: meili.masterKey }));
  const server = await startServer(config, ds, createLogger("silent"));
  const gql = async (q: string) => {
    const res = await fetch(server.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        query: `query($q: String!) { search(query: $q, first: 20) { totalHits degraded hits { id title snippet passage { page } node { ... on Document { designation } } } facets { kinds { value count } years { value count } departments { value count } } } }`,
        variables: { q },
      }),
    });
    const body = (await res.json()) as { errors?: unknown; data: { search: { degraded: boolean } } };
    if (body.errors || body.data.search.degraded) throw new Error(`search failed: ${JSON.stringify(body.errors ?? "degraded")}`);
  };
  const direct = (q: string) =>
    engine.search(DEFAULT_INDEX, {
      q: analyzeQuery(q), filter: filters.in("visibility", readableBy(null).levels), facets: [...FACETS], page: 1, hitsPerPage: 20,
      attributesToRetrieve: ["type", "entityId", "ordinal", "page", "title", "text"], attributesToCrop: ["text"], cropLength: 40, showRankingScore: true,
    });
  // A SearchService without an engine answers every search from PostgreSQL.
  const postgresOnly = new SearchService(ds, null);
  const fallback = (q: string) => postgresOnly.search(null, { query: q, filter: {}, offset: 0, limit: 20 });

  const latencies = [
    await timed("search through GraphQL", QUERIES, (i) => gql(SEARCH_QUERIES[i % SEARCH_QUERIES.length])),
    await timed("same query straight to Meilisearch", QUERIES, (i) => direct(SEARCH_QUERIES[i % SEARCH_QUERIES.length])),
    await timed("PostgreSQL fallback (degraded)", Math.min(QUERIES, 100), (i) => fallback(SEARCH_QUERIES[i % SEARCH_QUERIES.length])),
  ];

  // Committed write → searchable, through the outbox and the running indexer.
  const [{ id: target }] = await ds.query(`SELECT id FROM document ORDER BY designation LIMIT 1`);
  const visible: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const token = `benchmarkord${i}x`;
    await ds.query(`UPDATE document SET title = $1, version = version + 1 WHERE id = $2`, [`Utredningen om ${token}`, target]);
    const committed = performance.now();
    for (;;) {
      const result = await engine.search<{ title: string }>(DEFAULT_INDEX, { q: analyzeQuery(token), limit: 5, attributesToRetrieve: ["title"] });
      // Typo tolerance would also match the previous round's word: wait for this one.
      if (result.hits.some((hit) => hit.title.includes(token))) break;
      if (performance.now() - committed > 30_000) throw new Error("write never became searchable");
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    visible.push(performance.now() - committed);
  }

  await server.stop();
  await indexer.stop();
  engine.close();

  console.log(`\n## Search benchmark (${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version})\n`);
  console.log(`Corpus: ${documents} documents × ${PAGES_PER_DOCUMENT} pages of ~${WORDS_PER_PAGE} generated Swedish-like words = ${records} index records (passages + one header per document).\n`);
  console.log(`| measure | p50 | p95 |`);
  console.log(`|---|---|---|`);
  for (const { label, p50, p95 } of latencies) console.log(`| ${label} (${label.startsWith("PostgreSQL") ? Math.min(QUERIES, 100) : QUERIES} queries) | ${ms(p50)} | ${ms(p95)} |`);
  console.log(`| committed write → searchable (${WRITES} writes) | ${ms(percentile(visible, 50))} | ${ms(percentile(visible, 95))} |`);
  console.log(`\nIndexing throughput: ${records} records in ${indexSeconds.toFixed(1)} s = ${Math.round(records / indexSeconds).toLocaleString("en")} passages/s (outbox → analysis → Meilisearch, tasks awaited).`);
  console.log(`Loading into PostgreSQL incl. the fallback's search_passage triggers: ${loadSeconds.toFixed(1)} s.`);
} finally {
  await ds.destroy().catch(() => undefined);
  await meili.stop();
  await pg.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
