/**
 * `npm run bench:meili-client`: decision 008's measurement. Sends the same searches to a
 * real Meilisearch through our client (node:http keep-alive), the official `meilisearch`
 * package with its default fetch, with `Accept-Encoding: identity` (fetch asks for gzip,
 * which costs ~40 ms here: see the decision), and with an `httpClient` on node:http; prints
 * p50/p95 and the client's CPU time side by side. The clients take turns sample by sample,
 * so load from other processes on the machine falls on all of them alike.
 */
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { Meilisearch, type Config, type MultiSearchQuery, type SearchParams } from "meilisearch";
import { startMeilisearch } from "@remissbanken/schema/engines/meilisearch";
import { createSearchEngine, type SearchEngine } from "@remissbanken/indexer";

type SearchQuery = Parameters<SearchEngine["search"]>[1];

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const INDEX = "bench";
const TYPES = ["document", "inquiry", "remiss", "response", "member_input"];
const KINDS = ["SOU", "Ds", "Dir.", "Prop.", "Remiss"];
const WORDS = ("kommun strandskydd bredband utredning remiss betänkande landsbygd vatten avlopp skola " +
  "äldreomsorg hemtjänst glesbygd planering bygglov förskola kollektivtrafik ekonomi utjämning").split(" ");

/** Passages shaped like the indexer's records: a heading, a few hundred words of text, facets. */
const docs = Array.from({ length: 3_000 }, (_, i) => ({
  id: `d${i}`,
  groupId: `g${i % 600}`,
  type: TYPES[i % TYPES.length],
  kind: KINDS[i % KINDS.length],
  year: 1995 + (i % 31),
  title: `SOU ${1995 + (i % 31)}:${i % 90} ${WORDS[i % WORDS.length]} och ${WORDS[(i * 3) % WORDS.length]}`,
  text: Array.from({ length: 120 }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]).join(" "),
}));

const SNIPPETS = {
  attributesToRetrieve: ["id", "groupId", "type", "kind", "year", "title"],
  attributesToCrop: ["text"],
  cropLength: 40,
  highlightPreTag: "\u0001",
  highlightPostTag: "\u0002",
  showRankingScore: true,
};
/** What `/sok` sends for a plain query: one page of snippets with exact totals and facets. */
const pageQuery = { ...SNIPPETS, q: "strandskydd kommun", facets: ["type", "kind", "year"], page: 1, hitsPerPage: 20 };
/** What a query naming a document sends: the page, the counts and the pinned document. */
const namedQueries = [
  { ...SNIPPETS, q: "bredband glesbygd", offset: 0, limit: 21 },
  { q: "bredband glesbygd", facets: ["type", "kind", "year"], page: 1, hitsPerPage: 0 },
  { ...SNIPPETS, q: "", filter: 'kind = "SOU"', limit: 1 },
];
/** A small answer (a title lookup in bench:search). */
const titleQuery = { q: "utjämning", limit: 5, attributesToRetrieve: ["title"] };

interface Client {
  label: string;
  page(): Promise<unknown>;
  named(): Promise<unknown>;
  titles(): Promise<unknown>;
  close(): void;
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rb-meili-client-"));
const meili = await startMeilisearch({ dataDir });
try {
  const ours = createSearchEngine({ url: meili.url, apiKey: meili.masterKey });
  await ours.ensureIndex(INDEX, {
    primaryKey: "id",
    settings: { searchableAttributes: ["title", "text"], filterableAttributes: ["type", "kind", "year"], distinctAttribute: "groupId" },
  });
  await ours.waitForTask(await ours.addDocuments(INDEX, docs), { timeoutMs: 120_000 });

  // Our client takes a Filter object; the bench's one filter is a fixed string.
  const asOurs = ({ filter, ...query }: { filter?: string } & Omit<SearchQuery, "filter">) =>
    ({ ...query, ...(filter ? { filter: { expression: filter } } : {}) }) as SearchQuery;

  const official = (label: string, config: Partial<Config>, close = () => {}): Client => {
    const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey, ...config });
    const index = client.index(INDEX);
    return {
      label,
      page: () => index.search(pageQuery.q, pageQuery as SearchParams),
      named: () => client.multiSearch({ queries: namedQueries.map((query) => ({ indexUid: INDEX, ...query }) as MultiSearchQuery) }),
      titles: () => index.search(titleQuery.q, titleQuery),
      close,
    };
  };

  const keepAlive = new http.Agent({ keepAlive: true });
  const clients: Client[] = [
    {
      label: "ours: node:http keep-alive",
      page: () => ours.search(INDEX, pageQuery as SearchQuery),
      named: () => ours.multiSearch(namedQueries.map((query) => ({ indexUid: INDEX, ...asOurs(query) }))),
      titles: () => ours.search(INDEX, titleQuery),
      close: () => ours.close(),
    },
    official("meilisearch, default fetch", {}),
    official("meilisearch, fetch + identity", { requestInit: { headers: { "Accept-Encoding": "identity" } } }),
    official("meilisearch, httpClient node:http", { httpClient: nodeHttpClient(keepAlive) }, () => keepAlive.destroy()),
  ];

  const size = async (run: () => Promise<unknown>) => `${(JSON.stringify(await run()).length / 1024).toFixed(1)} KB`;
  console.log(
    `Node ${process.versions.node}, meilisearch-js ${(await import("meilisearch/package.json", { with: { type: "json" } })).default.version}, ` +
      `Meilisearch ${(await new Meilisearch({ host: meili.url, apiKey: meili.masterKey }).getVersion()).pkgVersion}, ` +
      `${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`,
  );
  console.log(
    `${docs.length} records, ${ROUNDS} rounds; answers: page ${await size(clients[0].page)}, ` +
      `named (multi-search of 3) ${await size(clients[0].named)}, titles ${await size(clients[0].titles)}`,
  );

  const searches = ["page", "named", "titles"] as const;
  const samples = new Map(clients.map((client) => [client, Object.fromEntries(searches.map((s) => [s, [] as number[]]))]));
  // This process's CPU time is the client's own cost, whatever else the machine runs.
  const cpuMicros = new Map(clients.map((client) => [client, 0]));
  for (let round = -20; round < ROUNDS; round++) {
    for (const search of searches) {
      // Rotate who goes first so that no client always follows the same one.
      for (let k = 0; k < clients.length; k++) {
        const client = clients[(k + round + clients.length * 10) % clients.length];
        const start = performance.now();
        const cpu = process.cpuUsage();
        await client[search]();
        if (round < 0) continue;
        samples.get(client)![search].push(performance.now() - start);
        const { user, system } = process.cpuUsage(cpu);
        cpuMicros.set(client, cpuMicros.get(client)! + user + system);
      }
    }
  }

  const at = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))].toFixed(2);
  };
  console.log(`\n| client | ${searches.map((s) => `${s} p50 | ${s} p95`).join(" | ")} | client CPU |`);
  console.log(`|---|${searches.map(() => "---:|---:").join("|")}|---:|`);
  for (const client of clients) {
    const row = searches.map((s) => `${at(samples.get(client)![s], 0.5)} | ${at(samples.get(client)![s], 0.95)}`);
    const cpu = (cpuMicros.get(client)! / 1000 / (ROUNDS * searches.length)).toFixed(2);
    console.log(`| ${client.label} | ${row.join(" | ")} | ${cpu} |`);
  }
  console.log(`\nload after: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} (ms per request; client CPU: this process's user+system time, averaged over all three searches)`);
  for (const client of clients) client.close();
} finally {
  await meili.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}

/**
 * The official client's `httpClient` hook (deprecated there) on node:http with keep-alive:
 * it receives fetch's arguments and must return the parsed answer and raise errors itself.
 */
function nodeHttpClient(agent: http.Agent): NonNullable<Config["httpClient"]> {
  return (input, init = {}) =>
    new Promise((resolve, reject) => {
      const url = new URL(String(input));
      const body = typeof init.body === "string" ? init.body : undefined;
      const headers = Object.fromEntries(new Headers(init.headers));
      if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
      const req = http.request(url, { method: init.method ?? "GET", headers, agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          if ((res.statusCode ?? 500) >= 300) reject(new Error(`${res.statusCode}: ${text}`));
          else resolve(text ? JSON.parse(text) : undefined);
        });
      });
      req.on("error", reject);
      req.end(body);
    });
}
