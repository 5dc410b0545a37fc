/**
 * The indexer process: `npm start` supervises it, docker compose runs it as a service.
 * Needs DATABASE_URL and MEILI_URL (MEILI_MASTER_KEY, MEILI_INDEX optional).
 */
import { writeFile } from "node:fs/promises";
import pino from "pino";
import { exitAfterFlush, logTransport } from "@remissbanken/schema/logging";
import { resolveEnvironment } from "@remissbanken/schema/env";
import { z } from "zod";
import { startIndexer } from "./indexer.js";

const Env = z.object({
  DATABASE_URL: z.string().url(),
  MEILI_URL: z.string().url(),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]+$/).optional(),
  INDEXER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Rewritten every few seconds while the indexer runs; compose's health check reads its age. */
  INDEXER_HEARTBEAT_FILE: z.string().optional(),
});

const HEARTBEAT_MS = 5_000;

// Secrets may come from files (NAME_FILE, Docker secrets); DATABASE_URL from its parts.
const resolved = resolveEnvironment(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")));

const parsed = Env.safeParse(resolved.env);
if (!parsed.success || resolved.problems.length) {
  const problems = [...resolved.problems, ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`))];
  console.error(`Invalid indexer configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(2);
}
const env = parsed.data;
const log = pino({ level: env.LOG_LEVEL, base: { process: "indexer" }, transport: logTransport() });

const indexer = await startIndexer({
  databaseUrl: env.DATABASE_URL,
  meiliUrl: env.MEILI_URL,
  apiKey: env.MEILI_MASTER_KEY,
  index: env.MEILI_INDEX,
  pollMs: env.INDEXER_POLL_MS,
  log,
});
log.info("indexer running");

const heartbeatFile = env.INDEXER_HEARTBEAT_FILE;
const beat = () => {
  if (!heartbeatFile) return;
  writeFile(heartbeatFile, JSON.stringify({ at: new Date().toISOString(), ...indexer.stats }) + "\n").catch((error: Error) =>
    log.warn({ err: error, heartbeatFile }, "cannot write the heartbeat file"),
  );
};
beat();
const heartbeat = heartbeatFile ? setInterval(beat, HEARTBEAT_MS) : undefined;

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "indexer stopping");
  clearInterval(heartbeat);
  await indexer.stop();
  await exitAfterFlush(log, 0);
};
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
// Supervised by `npm start` over an IPC channel: when it goes away, so do we.
if (process.send) process.on("disconnect", () => void shutdown("parent exited"));
