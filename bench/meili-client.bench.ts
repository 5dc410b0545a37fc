/**
 * `npx tsx bench/meili-client.bench.ts`: why the indexer's Meilisearch client is built on
 * node:http with keep-alive. Sends the same search (answers of a few KB) through our client
 * and through Node's global fetch to a real Meilisearch, and prints p50/p95 of each.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { startMeilisearch } from "@remissbanken/schema/engines/meilisearch";
import { createSearchEngine } from "@remissbanken/indexer";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 300);
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rb-meili-client-"));
const meili = await startMeilisearch({ dataDir });
try {
  const engine = createSearchEngine({ url: meili.url, apiKey: meili.masterKey });
  const words = "kommun strandskydd bredband utredning remiss betänkande landsbygd vatten avlopp skola".split(" ");
  const docs = Array.from({ length: 2_000 }, (_, i) => ({
    id: `d${i}`,
    text: Array.from({ length: 80 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(" "),
  }));
  await engine.waitForTask(await engine.addDocuments("bench", docs), { timeoutMs: 120_000 });
  const body = { q: "strandskydd kommun", limit: 20, attributesToHighlight: ["text"] };

  const time = async (label: string, run: () => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await run();
    const samples: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const start = performance.now();
      await run();
      samples.push(performance.now() - start);
    }
    samples.sort((a, b) => a - b);
    const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(2);
    console.log(`${label.padEnd(34)} p50 ${at(0.5)} ms   p95 ${at(0.95)} ms`);
  };

  const size = JSON.stringify(await engine.search("bench", body)).length;
  console.log(`${ROUNDS} searches, answers of ${(size / 1024).toFixed(1)} KB`);
  await time("node:http keep-alive (our client)", () => engine.search("bench", body));
  await time("global fetch", async () => {
    const res = await fetch(`${meili.url}/indexes/bench/search`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${meili.masterKey}` },
      body: JSON.stringify(body),
    });
    return res.json();
  });
  engine.close();
} finally {
  await meili.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
