/**
 * `npm run bench:search`: a benchmark, not a test. Loads a generated Swedish-like corpus
 * (BENCH_PASSAGES passages, default 100,000, as documents of 250 pages) into a fresh
 * embedded PostgreSQL and Meilisearch, runs the real indexer and the real API, and prints
 * every speed target of issue 11 beside its reference, measured in this one run:
 *   - `search` through GraphQL against the same engine requests sent straight to Meilisearch
 *     (planSearch builds them for both), one after the other per query so that load from
 *     other processes falls on both alike; what each request option costs;
 *   - throughput with 20 concurrent clients, through GraphQL and straight to Meilisearch;
 *   - indexing by the indexer (outbox → Meilisearch) against Meilisearch's raw ingestion of
 *     the same records, and where the indexer's time goes;
 *   - committed write → searchable for member input, a response, a remiss, a document's title
 *     and a 250-page document's text;
 *   - the PostgreSQL fallback;
 *   - index size on disk, memory (PSS of Meilisearch and of PostgreSQL's processes), full
 *     reindex time (reindexAll), and a linear projection to 3 and 4 million passages.
 *
 * Above BENCH_FULL_LIMIT passages (default 300,000) the corpus is loaded by reindexAll (the
 * full reindex, timed) instead of the outbox, and the raw-ingestion comparison is skipped:
 * a million passages then fit in well under an hour on 2 vCPU. BENCH_PHASES=… (comma list of
 * indexing,latency,options,concurrency,writes,fallback) runs only some phases. `npm run
 * bench:search` sets NODE_ENV=production, as the compose file and the image run the API
 * (graphql-js skips its development checks then), and the API's young generation of 64 MB
 * (`--max-semi-space-size`, as `npm start`, the image and the compose file start it).
 */
import "reflect-metadata";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import http from "node:http";
import inspector from "node:inspector/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDataSource } from "@remissbanken/schema";
import { startEmbeddedPostgres } from "@remissbanken/schema/engines/postgres";
import { startMeilisearch } from "@remissbanken/schema/engines/meilisearch";
import {
  analyzeQuery, createSearchEngine, DEFAULT_INDEX, indexSettings, loadObjects, loadThesaurus, meiliSynonyms, planSearch, poolRows,
  reindexAll, SearchService, startIndexer, type SearchQuery,
} from "@remissbanken/indexer";
import { loadConfig } from "@remissbanken/api/config";
import { createLogger } from "@remissbanken/api/logger";
import { startServer } from "@remissbanken/api/server";
import { attachSearch, createSearch } from "@remissbanken/api/search/search.service";

const PASSAGES = Number(process.env.BENCH_PASSAGES ?? 100_000);
const PAGES_PER_DOCUMENT = 250;
const WORDS_PER_PAGE = 120;
const QUERIES = Number(process.env.BENCH_QUERIES ?? 300);
const WRITES = Number(process.env.BENCH_WRITES ?? 30);
const CLIENTS = 20;
const FULL = PASSAGES <= Number(process.env.BENCH_FULL_LIMIT ?? 300_000);
const PHASES = new Set((process.env.BENCH_PHASES ?? "indexing,latency,options,concurrency,writes,fallback").split(","));

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
const ms = (value: number) => `${value.toLocaleString("en", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} ms`;
const int = (value: number) => Math.round(value).toLocaleString("en");
const mb = (bytes: number) => `${int(bytes / 2 ** 20)} MB`;
const since = (started: number) => performance.now() - started;

interface Latency {
  label: string;
  runs: number;
  p50: number;
  p95: number;
}
const latency = (label: string, times: number[]): Latency => ({ label, runs: times.length, p50: percentile(times, 50), p95: percentile(times, 95) });

/**
 * Runs each piece of work once per round, one after the other, for `runs` rounds (after up
 * to 10 warm-up rounds): measured side by side, so that load from other processes falls on all alike.
 */
async function interleaved(runs: number, works: Record<string, (i: number) => Promise<unknown>>): Promise<Record<string, number[]>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(works).map((name) => [name, []]));
  const warmUp = Math.min(10, Math.ceil(runs / 5));
  for (let i = -warmUp; i < runs; i++) {
    for (const [name, work] of Object.entries(works)) {
      const started = performance.now();
      await work(i < 0 ? warmUp + i : i);
      if (i >= 0) times[name].push(since(started));
    }
  }
  return times;
}

/** `clients` loops running `work` until `total` have run: searches per second and the latencies. */
/**
 * POSTs to the API on node:http with a kept-alive connection: the same kind of transport as
 * the engine client the direct requests use. This process is both the load and (in process)
 * the API, so a heavier client (fetch costs 2–3 × the CPU a request) would be charged to the
 * API's side of the comparison.
 */
const apiAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function postJson(url: string, body: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent: apiAgent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

/**
 * With BENCH_PROFILE=<dir>, a CPU profile of this process (the API and its load) while `work`
 * runs, written to <dir>/<name>.cpuprofile (open it in Chrome's DevTools or speedscope).
 */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return work();
  const session = new inspector.Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  try {
    return await work();
  } finally {
    const { profile } = await session.post("Profiler.stop");
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

async function concurrent(clients: number, total: number, work: (i: number) => Promise<unknown>) {
  let next = 0;
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < total) {
        const i = next++;
        const t = performance.now();
        await work(i);
        times.push(since(t));
      }
    }),
  );
  return { perSecond: total / (since(started) / 1000), p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Proportional set size of a process and its descendants (shared pages counted once overall). */
function pss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1].split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // Gone meanwhile.
    }
  }
  let total = 0;
  const visit = (p: number) => {
    try {
      const match = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${p}/smaps_rollup`, "utf8"));
      total += Number(match?.[1] ?? 0) * 1024;
    } catch {
      // Gone meanwhile.
    }
    for (const child of children.get(p) ?? []) visit(child);
  };
  visit(pid);
  return total;
}
/** CPU seconds a process has used (user + system). */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const peakRss = (pid: number) => Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) * 1024;
const diskBytes = (dir: string) => Number(execFileSync("du", ["-sb", dir], { encoding: "utf8" }).split("\t")[0]);
/** Load average and what else ran, to say under what load the figures were measured. */
const loadAverage = () => os.loadavg().map((n) => n.toFixed(1)).join(" / ");

const SEARCH_QUERIES = [
  "strandskydd", "bredband", "kommun", "vattenförsörjning", "skolans ekonomi", "fjällen", "utredninng", "vindkraft tillsyn",
  "bostadsplan", "äldreomsorg", "regionens ansvar", "Tidaholm", "sou 2020 8", "arbetsmarknad stöd", "skogsbruk lag",
];
const query = (i: number) => SEARCH_QUERIES[i % SEARCH_QUERIES.length];
const searchRequest = (q: string) => ({ query: q, filter: {}, offset: 0, limit: 20 });

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rb-bench-"));
const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
const loadAtStart = loadAverage();
const pgServer = await startEmbeddedPostgres({ dataDir });
const meili = await startMeilisearch({ dataDir });
// The API's own pool size (10), as in production.
const ds = createDataSource(pgServer.url);
const pool = new pg.Pool({ connectionString: pgServer.url, max: 4 });
const engine = createSearchEngine({ url: meili.url, apiKey: meili.masterKey, timeoutMs: 600_000 });
/** The indexer's warnings and errors, to see why a write took long; its debug lines with BENCH_DEBUG=1. */
const indexerLog = {
  info() {},
  warn: (obj: object, msg?: string) => log(`indexer warns: ${msg} ${JSON.stringify(obj)}`),
  error: (obj: object, msg?: string) => log(`indexer error: ${msg} ${JSON.stringify(obj)}`),
  debug: (obj: object, msg?: string) => process.env.BENCH_DEBUG && log(`indexer: ${msg} ${JSON.stringify(obj)}`),
};
const lines: string[] = [];
const out = (line = "") => lines.push(line);
const targets: Array<{ target: string; measured: string; reference: string; bound: string; meets: boolean | null }> = [];

try {
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  const documents = Math.ceil(PASSAGES / PAGES_PER_DOCUMENT);
  log(`generating ${documents} documents × ${PAGES_PER_DOCUMENT} pages = ${documents * PAGES_PER_DOCUMENT} passages (load average ${loadAtStart})`);
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
    if (d % 200 === 0) log(`  ${d}/${documents} documents`);
  }
  // Small objects for write → searchable: a remiss, a response and a member municipality's input.
  const [{ id: municipality }] = await ds.query(`INSERT INTO municipality (name, county, version) VALUES ('Forshaga', 'Värmland', 1) RETURNING id`);
  const [{ id: firstDocument }] = await ds.query(`SELECT id FROM document WHERE designation = 'SOU 2020:8'`);
  const [{ id: remiss }] = await ds.query(
    `INSERT INTO remiss (document_id, diarienummer, ministry, deadline, version) VALUES ($1, 'Fi2020/00001', 'Finansdepartementet', '2030-01-01', 1) RETURNING id`,
    [firstDocument],
  );
  const [{ id: response }] = await ds.query(
    `INSERT INTO response (remiss_id, title, summary, status, version) VALUES ($1, 'SmåKoms remissvar om strandskydd', 'SmåKom tillstyrker förslaget.', 'approved', 1) RETURNING id`,
    [remiss],
  );
  const [{ id: memberInput }] = await ds.query(
    `INSERT INTO member_input (remiss_id, municipality_id, text, status, version) VALUES ($1, $2, 'Forshaga delar bedömningen.', 'submitted', 1) RETURNING id`,
    [remiss, municipality],
  );
  const loadSeconds = since(loadStarted) / 1000;
  log(`loaded into PostgreSQL (with search_passage triggers) in ${loadSeconds.toFixed(1)} s`);
  const settings = indexSettings(meiliSynonyms(await loadThesaurus(pool)));

  // ---- Indexing: Meilisearch's raw ingestion of the built records, then the indexer, then a full reindex.
  let indexSeconds = 0;
  let rawSeconds = 0;
  let rawMeiliCpu = 0;
  let indexMeiliCpu = 0;
  let indexerCpu = 0;
  let buildSeconds = 0;
  let readSeconds = 0;
  let reindexSeconds = 0;
  let indexerStats: Awaited<ReturnType<typeof startIndexer>>["stats"] | null = null;
  const RAW_INDEX = "records_raw";
  if (FULL) {
    // Where the time goes, part 1: reading the texts alone, then reading + splitting + analysing (loadObjects).
    const { rows: ids } = await pool.query(`SELECT id FROM document ORDER BY id`);
    let started = performance.now();
    for (let i = 0; i < ids.length; i += 20) {
      await pool.query(`SELECT content FROM document_text WHERE document_id = ANY($1::uuid[])`, [ids.slice(i, i + 20).map((row) => row.id)]);
    }
    readSeconds = since(started) / 1000;
    started = performance.now();
    const chunks: object[][] = [];
    for (let i = 0; i < ids.length; i += 20) {
      const objects = await loadObjects(pool, ids.slice(i, i + 20).map((row) => ({ type: "document" as const, id: row.id })));
      const records = objects.flatMap((object) => object.records);
      // As the indexer's requests: at most 5,000 records each.
      for (let r = 0; r < records.length; r += 5_000) chunks.push(records.slice(r, r + 5_000));
    }
    buildSeconds = since(started) / 1000;
    log(`read texts in ${readSeconds.toFixed(1)} s; read + split + analysed into records in ${buildSeconds.toFixed(1)} s`);
    await engine.ensureIndex(RAW_INDEX, { primaryKey: "id", settings });
    const rawCpuFrom = cpuSeconds(meili.pid);
    started = performance.now();
    const tasks = [];
    for (const chunk of chunks) tasks.push(await engine.addDocuments(RAW_INDEX, chunk));
    for (const task of tasks) await engine.waitForTask(task, { timeoutMs: 3_600_000 });
    rawSeconds = since(started) / 1000;
    rawMeiliCpu = cpuSeconds(meili.pid) - rawCpuFrom;
    chunks.length = 0;
    log(`raw ingestion: ${documents * (PAGES_PER_DOCUMENT + 1)} records in ${rawSeconds.toFixed(1)} s`);
  }

  let indexer: Awaited<ReturnType<typeof startIndexer>>;
  const reindex = async () => {
    const started = performance.now();
    await reindexAll({ databaseUrl: pgServer.url, meiliUrl: meili.url, apiKey: meili.masterKey });
    reindexSeconds = since(started) / 1000;
    log(`reindexAll in ${reindexSeconds.toFixed(1)} s`);
  };
  if (FULL) {
    const started = performance.now();
    const cpuFrom = cpuSeconds(meili.pid);
    const ownCpuFrom = process.cpuUsage();
    indexer = await startIndexer({ databaseUrl: pgServer.url, meiliUrl: meili.url, apiKey: meili.masterKey, pollMs: 100, log: indexerLog });
    await indexer.idle({ timeoutMs: 3_600_000 });
    indexSeconds = since(started) / 1000;
    indexMeiliCpu = cpuSeconds(meili.pid) - cpuFrom;
    const own = process.cpuUsage(ownCpuFrom);
    indexerCpu = (own.user + own.system) / 1e6;
    indexerStats = { ...indexer.stats, profile: { ...indexer.stats.profile } };
    log(`indexer: ${indexer.stats.records} records in ${indexSeconds.toFixed(1)} s`);
    if (PHASES.has("indexing")) await reindex();
  } else {
    // A million passages: the full reindex loads the index; the outbox's events of the load are then done.
    await reindex();
    await pool.query(`UPDATE change_event SET processed_at = now() WHERE processed_at IS NULL`);
    indexer = await startIndexer({ databaseUrl: pgServer.url, meiliUrl: meili.url, apiKey: meili.masterKey, pollMs: 100, log: indexerLog });
    await indexer.idle({ timeoutMs: 600_000 });
  }
  const records = (await engine.stats(DEFAULT_INDEX)).numberOfDocuments;

  const config = loadConfig({ NODE_ENV: "test", PORT: "0", DATABASE_URL: pgServer.url, LOG_LEVEL: "silent", MEILI_URL: meili.url, MEILI_MASTER_KEY: meili.masterKey });
  attachSearch(ds, createSearch(ds, { url: meili.url, apiKey: meili.masterKey }));
  const server = await startServer(config, ds, createLogger("silent"));
  // What /sok asks (web/app/routes/sok.tsx), with the hydrated node of a document.
  const SEARCH = `query($q: String!) { search(query: $q, first: 20) { totalHits degraded designation
    facets { types { value label count } kinds { value label count } years { value label count } departments { value label count } priorityAreas { value label count } statuses { value label count } }
    hits { type id title snippet pinned passage { page section } node { __typename ... on Document { kind designation year publishedAt department fullText { pageCount } } } } } }`;
  const gql = async (q: string) => {
    const body = JSON.parse(await postJson(server.url, JSON.stringify({ query: SEARCH, variables: { q } }))) as { errors?: unknown; data: { search: { degraded: boolean } } };
    if (body.errors || body.data.search.degraded) throw new Error(`search failed: ${JSON.stringify(body.errors ?? "degraded")}`);
  };
  const thesaurus = await loadThesaurus(pool);
  /** The engine requests the API sends for `q`, straight to Meilisearch (and the second round trip of an own-view question). */
  const direct = async (q: string, index = DEFAULT_INDEX, change: (query: SearchQuery & { indexUid: string }) => SearchQuery & { indexUid: string } = (x) => x) => {
    const plan = planSearch(index, null, searchRequest(q), thesaurus);
    const results = await engine.multiSearch(plan.queries.map(change));
    if (plan.rest && results[0].hits.length < 20) await engine.multiSearch([change(plan.rest(results[0].hits.length, results[0].totalHits ?? 0))]);
  };

  // ---- Latency, GraphQL and direct side by side.
  const latencies: Latency[] = [];
  let gqlLatency: Latency | null = null;
  let directLatency: Latency | null = null;
  if (PHASES.has("latency")) {
    log(`latency: ${QUERIES} rounds (load average ${loadAverage()})`);
    // The query side in this process, without HTTP, GraphQL and hydration: what the API adds on top of the engine's requests.
    const service = new SearchService(poolRows(pool), { url: meili.url, apiKey: meili.masterKey });
    const times = await interleaved(QUERIES, {
      gql: (i) => gql(query(i)),
      direct: (i) => direct(query(i)),
      service: (i) => service.search(null, searchRequest(query(i))),
    });
    service.close();
    gqlLatency = latency("`search` through GraphQL over HTTP (what /sok asks: hits, snippets, facets, hydrated nodes)", times.gql);
    directLatency = latency("the same engine requests straight to Meilisearch (planSearch)", times.direct);
    latencies.push(gqlLatency, directLatency, latency("SearchService.search in process (planning, the requests, snippets; no HTTP, GraphQL or hydration)", times.service));
    targets.push({
      target: "GraphQL `search` p95 ≤ 1.3 × direct p95 + 5 ms",
      measured: ms(gqlLatency.p95),
      reference: `direct ${ms(directLatency.p95)}`,
      bound: `≤ ${ms(1.3 * directLatency.p95 + 5)}`,
      meets: gqlLatency.p95 <= 1.3 * directLatency.p95 + 5,
    });
  }

  // ---- What each request option costs (plain word queries; the designation query's count request separately).
  const optionRows: Latency[] = [];
  if (PHASES.has("options")) {
    log(`options (load average ${loadAverage()})`);
    const words = SEARCH_QUERIES.filter((q) => planSearch(DEFAULT_INDEX, null, searchRequest(q)).kind === "plain");
    const w = (i: number) => words[i % words.length];
    const without = (...keys: Array<keyof SearchQuery>) => (q: SearchQuery & { indexUid: string }) => {
      const copy = { ...q };
      for (const key of keys) delete copy[key];
      return copy;
    };
    const variants: Record<string, (i: number) => Promise<unknown>> = {
      "as sent (facets, crop, highlight tags, ranking score, exact count)": (i) => direct(w(i)),
      "without facets": (i) => direct(w(i), DEFAULT_INDEX, without("facets")),
      "without crop and highlight tags": (i) => direct(w(i), DEFAULT_INDEX, without("attributesToCrop", "cropLength", "highlightPreTag", "highlightPostTag")),
      "without ranking score": (i) => direct(w(i), DEFAULT_INDEX, without("showRankingScore")),
      "estimated count (limit/offset) instead of exact (page/hitsPerPage)": (i) =>
        direct(w(i), DEFAULT_INDEX, ({ page: _p, hitsPerPage, ...q }) => ({ ...q, limit: hitsPerPage, offset: 0 })),
      "bare: q, filter, 20 hits, only the fields shown": (i) =>
        direct(w(i), DEFAULT_INDEX, (q) => ({ indexUid: q.indexUid, q: q.q, filter: q.filter, hitsPerPage: 20, page: 1, attributesToRetrieve: ["type", "entityId", "ordinal", "page", "section", "title", "text"] })),
      "designation query (sou 2020 8): pinned + page + count requests": () => direct("sou 2020 8"),
      "designation query without its count request": () =>
        engine.multiSearch(planSearch(DEFAULT_INDEX, null, searchRequest("sou 2020 8"), thesaurus).queries.filter((q) => !q.facets)),
      "own-view question (vad har vi sagt om strandskydd): own + count (+ rest)": () => direct("vad har vi sagt om strandskydd"),
    };
    const times = await interleaved(Math.min(QUERIES, 200), variants);
    for (const [label, list] of Object.entries(times)) optionRows.push(latency(label, list));
    if (FULL) {
      // Distinct (one hit per object) is a setting: measured on the raw index, the same records, with it switched off.
      const settingsStarted = performance.now();
      await engine.ensureIndex(RAW_INDEX, { primaryKey: "id", settings: { distinctAttribute: null } });
      log(`distinct switched off on the raw index in ${since(settingsStarted).toFixed(0)} ms`);
      const distinct = await interleaved(Math.min(QUERIES, 200), { on: (i) => direct(w(i)), off: (i) => direct(w(i), RAW_INDEX) });
      optionRows.push(latency("as sent (again, beside the next row)", distinct.on));
      optionRows.push(latency("as sent, on the same records without distinct (one hit per passage, not per object)", distinct.off));
    }
  }

  // ---- 20 concurrent clients.
  let throughput: { gql: Awaited<ReturnType<typeof concurrent>>; direct: Awaited<ReturnType<typeof concurrent>> } | null = null;
  if (PHASES.has("concurrency")) {
    log(`${CLIENTS} concurrent clients (load average ${loadAverage()})`);
    const total = Math.max(QUERIES, 400);
    // Alternated twice, so that a burst of outside load does not fall on one side only.
    const g1 = await profiled("graphql-concurrent", () => concurrent(CLIENTS, total / 2, (i) => gql(query(i))));
    const d1 = await concurrent(CLIENTS, total / 2, (i) => direct(query(i)));
    const d2 = await concurrent(CLIENTS, total / 2, (i) => direct(query(i + 7)));
    const g2 = await concurrent(CLIENTS, total / 2, (i) => gql(query(i + 7)));
    const both = (a: typeof g1, b: typeof g1) => ({ perSecond: (a.perSecond + b.perSecond) / 2, p50: (a.p50 + b.p50) / 2, p95: Math.max(a.p95, b.p95) });
    throughput = { gql: both(g1, g2), direct: both(d1, d2) };
    targets.push({
      target: `${CLIENTS} concurrent clients: GraphQL ≥ 60 % of Meilisearch's throughput`,
      measured: `${throughput.gql.perSecond.toFixed(0)}/s (p95 ${ms(throughput.gql.p95)})`,
      reference: `direct ${throughput.direct.perSecond.toFixed(0)}/s (p95 ${ms(throughput.direct.p95)})`,
      bound: `≥ ${(0.6 * throughput.direct.perSecond).toFixed(0)}/s`,
      meets: throughput.gql.perSecond >= 0.6 * throughput.direct.perSecond,
    });
  }

  if (FULL && PHASES.has("indexing")) {
    const indexerRate = records / indexSeconds;
    const rawRate = records / rawSeconds;
    targets.push({
      target: "Indexing ≥ 0.8 × Meilisearch's raw ingestion of the same records",
      measured: `${int(indexerRate)} passages/s`,
      reference: `raw ${int(rawRate)} passages/s`,
      bound: `≥ ${int(0.8 * rawRate)}/s`,
      meets: indexerRate >= 0.8 * rawRate,
    });
  }

  // ---- Committed write → searchable, each kind on its own.
  const writeRows: Latency[] = [];
  if (PHASES.has("writes")) {
    log(`write → searchable (load average ${loadAverage()})`);
    const [{ id: target }] = await ds.query(`SELECT id FROM document ORDER BY designation LIMIT 1`);
    const kinds: Array<{ label: string; runs: number; bound: number; write: (token: string) => Promise<unknown>; field: string }> = [
      { label: "member input (its text)", runs: WRITES, bound: 1_000, field: "text", write: (t) => ds.query(`UPDATE member_input SET text = $1, version = version + 1 WHERE id = $2`, [`Forshaga om ${t}.`, memberInput]) },
      { label: "a response (its title)", runs: WRITES, bound: 1_000, field: "title", write: (t) => ds.query(`UPDATE response SET title = $1, version = version + 1 WHERE id = $2`, [`Remissvar om ${t}`, response]) },
      { label: "a remiss (its ministry)", runs: WRITES, bound: 1_000, field: "heading", write: (t) => ds.query(`UPDATE remiss SET ministry = $1, version = version + 1 WHERE id = $2`, [`Departement ${t}`, remiss]) },
      { label: "a 250-page document's metadata (title)", runs: WRITES, bound: 1_000, field: "title", write: (t) => ds.query(`UPDATE document SET title = $1, version = version + 1 WHERE id = $2`, [`Utredningen om ${t}`, target]) },
      {
        label: "a 250-page document's text (re-indexing all its pages)", runs: Math.max(5, Math.round(WRITES / 3)), bound: 5_000, field: "text",
        write: (t) => ds.query(`UPDATE document_text SET content = $1 WHERE document_id = $2`, [[`Ny text om ${t}.`, ...Array.from({ length: PAGES_PER_DOCUMENT - 1 }, page)].join("\f"), target]),
      },
    ];
    let round = 0;
    for (const kind of kinds) {
      const visible: number[] = [];
      for (let i = 0; i < kind.runs; i++) {
        const token = `benchmarkord${round++}x`;
        await kind.write(token);
        const committed = performance.now();
        for (;;) {
          const result = await engine.search<Record<string, string>>(DEFAULT_INDEX, { q: analyzeQuery(token), limit: 5, attributesToRetrieve: [kind.field] });
          // Typo tolerance would also match the previous round's word: wait for this one.
          if (result.hits.some((hit) => String(hit[kind.field]).includes(token))) break;
          if (since(committed) > 60_000) throw new Error(`${kind.label}: write never became searchable`);
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        visible.push(since(committed));
      }
      const row = latency(`committed write → searchable: ${kind.label}`, visible);
      writeRows.push(row);
      targets.push({
        target: `Write → searchable p95 < ${kind.bound / 1000} s: ${kind.label}`,
        measured: ms(row.p95),
        reference: `p50 ${ms(row.p50)}`,
        bound: `< ${ms(kind.bound)}`,
        meets: row.p95 < kind.bound,
      });
    }
  }

  // ---- The PostgreSQL fallback.
  if (PHASES.has("fallback")) {
    log(`fallback (load average ${loadAverage()})`);
    const runs = Number(process.env.BENCH_FALLBACK_QUERIES ?? Math.min(QUERIES, 100));
    // A SearchService without an engine answers every search from PostgreSQL.
    const postgresOnly = new SearchService(ds, null);
    const times = await interleaved(runs, { fallback: (i) => postgresOnly.search(null, searchRequest(query(i))) });
    const row = latency("PostgreSQL fallback (degraded), same queries", times.fallback);
    latencies.push(row);
    targets.push({ target: "Fallback p95 < 250 ms", measured: ms(row.p95), reference: `p50 ${ms(row.p50)}`, bound: "< 250.0 ms", meets: row.p95 < 250 });
  }

  // ---- Size and memory.
  const indexBytes = diskBytes(path.join(dataDir, "meili"));
  if (FULL) await engine.waitForTask(await engine.deleteIndex(RAW_INDEX));
  const liveIndexBytes = diskBytes(path.join(dataDir, "meili"));
  const [{ database, passages: passageTable }] = await ds.query(
    `SELECT pg_database_size(current_database())::bigint AS database, pg_total_relation_size('search_passage')::bigint AS passages`,
  );
  const meiliPss = pss(meili.pid);
  const meiliPeak = peakRss(meili.pid);
  const postgresPss = pss(pgServer.pid);
  const loadAtEnd = loadAverage();

  await server.stop();
  await indexer.stop();

  // ---- The report.
  out(`## Search benchmark (${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, NODE_ENV=${process.env.NODE_ENV ?? "(unset)"}, NODE_OPTIONS=${process.env.NODE_OPTIONS || "(none)"})`);
  out();
  out(`Corpus: ${documents} documents × ${PAGES_PER_DOCUMENT} pages of ~${WORDS_PER_PAGE} generated Swedish-like words = ${int(records)} index records (passages + one header per document, + 3 small objects). Load average (1/5/15 min) at start ${loadAtStart}, at end ${loadAtEnd}.`);
  out();
  if (targets.length) {
    out(`### Targets (issue 11, part 2), measured side by side in this run`);
    out();
    out(`| target | measured | reference | bound | |`);
    out(`|---|---|---|---|---|`);
    for (const t of targets) out(`| ${t.target} | ${t.measured} | ${t.reference} | ${t.bound} | ${t.meets ? "meets" : "misses"} |`);
    out();
  }
  const table = (title: string, rows: Latency[]) => {
    if (!rows.length) return;
    out(`### ${title}`);
    out();
    out(`| measure | runs | p50 | p95 |`);
    out(`|---|---|---|---|`);
    for (const row of rows) out(`| ${row.label} | ${row.runs} | ${ms(row.p50)} | ${ms(row.p95)} |`);
    out();
  };
  table("Latency", latencies);
  table("What each request option costs (straight to Meilisearch, interleaved)", optionRows);
  table("Committed write → searchable", writeRows);
  if (throughput) {
    out(`### ${CLIENTS} concurrent clients`);
    out();
    out(`| | searches/s | p50 | p95 |`);
    out(`|---|---|---|---|`);
    out(`| through GraphQL | ${throughput.gql.perSecond.toFixed(0)} | ${ms(throughput.gql.p50)} | ${ms(throughput.gql.p95)} |`);
    out(`| straight to Meilisearch | ${throughput.direct.perSecond.toFixed(0)} | ${ms(throughput.direct.p50)} | ${ms(throughput.direct.p95)} |`);
    out();
  }
  out(`### Indexing`);
  out();
  if (FULL && PHASES.has("indexing")) {
    out(`- Indexer (outbox → reload → split → Swedish analysis → Meilisearch, tasks awaited): ${int(records)} records in ${indexSeconds.toFixed(1)} s = **${int(records / indexSeconds)} passages/s**` +
      (indexerStats ? ` (${indexerStats.batches} batches)` : "") + ".");
    out(`- Meilisearch's raw ingestion of the same records (built beforehand, pushed to a fresh index with the same settings, all tasks queued at once): ${rawSeconds.toFixed(1)} s = **${int(records / rawSeconds)} passages/s**.`);
    out(`- Where the indexer's time goes: reading the ${documents} texts from PostgreSQL alone takes ${readSeconds.toFixed(1)} s; reading, splitting and analysing them into records (loadObjects) ${buildSeconds.toFixed(1)} s (${int(records / buildSeconds)} records/s on one core).` +
      (indexerStats?.profile ? ` Inside the indexer: ${Object.entries(indexerStats.profile).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(", ")}.` : ""));
    out(`- CPU: Meilisearch used ${rawMeiliCpu.toFixed(1)} s of CPU for the raw ingestion (${(rawMeiliCpu / rawSeconds).toFixed(2)} cores) and ${indexMeiliCpu.toFixed(1)} s for the indexer's (${(indexMeiliCpu / indexSeconds).toFixed(2)} cores); the indexer itself (this process) ${indexerCpu.toFixed(1)} s.`);
  }
  if (reindexSeconds) out(`- Full reindex (reindexAll: snapshot, analysis, a fresh index, swap): ${reindexSeconds.toFixed(1)} s = ${int(records / reindexSeconds)} passages/s.`);
  out(`- Loading the corpus into PostgreSQL, including the fallback's search_passage triggers: ${loadSeconds.toFixed(1)} s.`);
  out();
  out(`### Size and memory`);
  out();
  out(`- Meilisearch on disk: ${mb(liveIndexBytes)} for ${int(records)} records (${int(liveIndexBytes / records)} bytes a record)` + (FULL ? `; ${mb(indexBytes)} while the raw comparison index also existed.` : "."));
  out(`- PostgreSQL database: ${mb(Number(database))}, of which search_passage with its GIN index ${mb(Number(passageTable))}.`);
  out(`- Memory (PSS, after the run): Meilisearch ${mb(meiliPss)} (peak RSS ${mb(meiliPeak)}), PostgreSQL (all its processes) ${mb(postgresPss)}.`);
  if (reindexSeconds) {
    const scale = (n: number) => (n * 1_000_000) / records;
    out(`- Linear projection to 3–4 million passages: Meilisearch on disk ${int(scale(liveIndexBytes) * 3 / 2 ** 30)}–${int(scale(liveIndexBytes) * 4 / 2 ** 30)} GB, ` +
      `PostgreSQL ${int(scale(Number(database)) * 3 / 2 ** 30)}–${int(scale(Number(database)) * 4 / 2 ** 30)} GB, full reindex ${int(scale(reindexSeconds) * 3 / 60)}–${int(scale(reindexSeconds) * 4 / 60)} min ` +
      `(a lower bound: Meilisearch's indexing slows as the index grows).`);
  }
  console.log("\n" + lines.join("\n"));
} finally {
  engine.close();
  await pool.end().catch(() => undefined);
  await ds.destroy().catch(() => undefined);
  await meili.stop();
  await pgServer.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
