/**
 * `npm run bench:web`: a benchmark, not a test. Runs the product as `npm start` does (a
 * fresh data directory with the demo data, the indexer, the web app's production build)
 * and prints:
 *   - p50/p95 of the web server's full response (HTML streamed to the end) for `/`,
 *     `/sok?q=strandskydd` and `/remisser/:id`, signed in as staff, and `/` anonymous;
 *   - the JavaScript each route ships on a first visit (entry, root and the route's own
 *     modules with their imports), gzipped.
 */
import "reflect-metadata";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import http from "node:http";
import { loadConfig } from "@remissbanken/api/config";
import { createLogger } from "@remissbanken/api/logger";
import { startApp } from "@remissbanken/api/app";
import { freePort } from "@remissbanken/schema/engines/ports";
import { currentBuildDir } from "@remissbanken/web/server/build";

const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const agent = new http.Agent({ keepAlive: true });

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

/** GET and read the whole body; returns status and body. */
function get(url: string, cookie?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent, headers: cookie ? { cookie } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      })
      .on("error", reject);
  });
}

async function measure(url: string, cookie?: string) {
  for (let i = 0; i < 20; i++) await get(url, cookie);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const res = await get(url, cookie);
    times.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

interface ManifestChunk { file: string; imports?: string[]; isEntry?: boolean; src?: string }

/** Gzipped bytes of a route's JavaScript on a first visit: entry.client, root, the route, and their imports. */
async function routeJavaScript(buildDir: string, routeFile: string): Promise<number> {
  const manifest = JSON.parse(await fs.readFile(path.join(buildDir, ".vite/client-manifest.json"), "utf8")) as Record<string, ManifestChunk>;
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported);
  };
  // Remix names a route's client module by its file with a query.
  const clientModule = (file: string) => manifest[`${file}?__remix-build-client-route`] ? `${file}?__remix-build-client-route` : file;
  for (const key of ["app/entry.client.tsx", clientModule("app/root.tsx"), clientModule(`app/routes/${routeFile}`)]) visit(key);
  let total = 0;
  for (const key of seen) {
    const file = manifest[key].file;
    if (!file.endsWith(".js")) continue;
    total += zlib.gzipSync(await fs.readFile(path.join(buildDir, "client", file)), { level: 9 }).length;
  }
  // The manifest module Remix loads on every page.
  const assets = (await fs.readdir(path.join(buildDir, "client/assets"))).filter((f) => f.startsWith("manifest-"));
  for (const file of assets) total += zlib.gzipSync(await fs.readFile(path.join(buildDir, "client/assets", file)), { level: 9 }).length;
  return total;
}

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rb-bench-web-"));
const config = loadConfig({
  ...process.env,
  NODE_ENV: "development",
  DATA_DIR: dataDir,
  PORT: String(await freePort()),
  WEB_PORT: String(await freePort()),
  LOG_LEVEL: "warn",
});
const app = await startApp(config, createLogger("warn"));
try {
  const web = app.webUrl!;
  const signIn = await fetch(`${web}/logga-in`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: web, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "staff@smakom.example", password: "demo-staff-2021", redirectTo: "/" }),
  });
  const cookie = signIn.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  const remisser = await fetch(app.url, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ query: "{ remisser(first: 1) { nodes { id diarienummer } } }" }),
  }).then((r) => r.json() as Promise<{ data: { remisser: { nodes: { id: string; diarienummer: string }[] } } }>);
  const remiss = remisser.data.remisser.nodes[0];

  // Search answers once the indexer has caught up with the demo data.
  const deadline = Date.now() + 120_000;
  while (!(await get(`${web}/sok?q=strandskydd`, cookie)).body.includes("<mark>")) {
    if (Date.now() > deadline) throw new Error("the demo data was not searchable within 2 minutes");
    await new Promise((r) => setTimeout(r, 250));
  }

  const pages = [
    { label: "/ (staff: deadline board)", url: `${web}/`, cookie },
    { label: "/sok?q=strandskydd (staff)", url: `${web}/sok?q=strandskydd`, cookie },
    { label: `/remisser/:id (staff, ${remiss.diarienummer})`, url: `${web}/remisser/${remiss.id}`, cookie },
    { label: "/ (anonymous)", url: `${web}/`, cookie: undefined },
  ];
  console.log(`\nServer response, whole HTML (${RUNS} requests each, one at a time, ${os.cpus().length} vCPU):\n`);
  console.log("| page | p50 | p95 |\n|---|---|---|");
  for (const page of pages) {
    const { p50, p95 } = await measure(page.url, page.cookie);
    console.log(`| ${page.label} | ${p50.toFixed(1)} ms | ${p95.toFixed(1)} ms |`);
  }

  const buildDir = await currentBuildDir();
  // Resource routes (exports) ship no JavaScript.
  const routes = (await fs.readdir(path.join(import.meta.dirname, "../web/app/routes"))).filter((f) => /\.tsx$/.test(f) && !f.includes("export[.]") && f !== "logga-ut.tsx").sort();
  console.log("\nJavaScript shipped on a first visit, gzipped:\n");
  console.log("| route module | JavaScript (gzip) |\n|---|---|");
  for (const route of routes) console.log(`| ${route} | ${((await routeJavaScript(buildDir, route)) / 1024).toFixed(1)} kB |`);
} finally {
  await app.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
