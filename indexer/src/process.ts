/**
 * What the indexer process does besides indexing: its environment, the heartbeat file that
 * compose's health check reads, and a clean stop. Shared by indexer/src/main.ts and the
 * worker (api/src/worker/main.ts), which runs the indexer beside the job runner.
 */
import { writeFile } from "node:fs/promises";
import type { Logger } from "pino";
import { z } from "zod";
import { exitAfterFlush } from "@remissbanken/schema/logging";
import { resolveEnvironment } from "@remissbanken/schema/env";
import { startIndexer } from "./indexer.js";

export const LOG_LEVEL = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info");

/** The indexer's settings. Needs DATABASE_URL and MEILI_URL (MEILI_MASTER_KEY, MEILI_INDEX optional). */
export const IndexerEnv = z.object({
  DATABASE_URL: z.string().url(),
  MEILI_URL: z.string().url(),
  MEILI_MASTER_KEY: z.string().optional(),
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]+$/).optional(),
  INDEXER_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  LOG_LEVEL,
  /** Rewritten every few seconds while the indexer runs; compose's health check reads its age. */
  INDEXER_HEARTBEAT_FILE: z.string().optional(),
});
export type IndexerEnv = z.output<typeof IndexerEnv>;

const HEARTBEAT_MS = 5_000;

/**
 * Validates the environment with one schema; on any problem prints them all and exits with 2.
 * Secrets may come from files (NAME_FILE, Docker secrets); DATABASE_URL from its parts.
 */
export function parseProcessEnvironment<S extends z.ZodType>(schema: S, what: string): z.output<S> {
  const resolved = resolveEnvironment(Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== "")));
  const parsed = schema.safeParse(resolved.env);
  if (!parsed.success || resolved.problems.length) {
    const problems = [...resolved.problems, ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`))];
    console.error(`Invalid ${what} configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(2);
  }
  return parsed.data;
}

/** Starts the indexer loop and, when INDEXER_HEARTBEAT_FILE is set, its heartbeat. */
export async function startIndexerProcess(env: IndexerEnv, log: Logger): Promise<{ stop(): Promise<void> }> {
  const indexer = await startIndexer({
    databaseUrl: env.DATABASE_URL,
    meiliUrl: env.MEILI_URL,
    apiKey: env.MEILI_MASTER_KEY,
    index: env.MEILI_INDEX,
    pollMs: env.INDEXER_POLL_MS,
    log,
  });
  const heartbeatFile = env.INDEXER_HEARTBEAT_FILE;
  const beat = () => {
    if (!heartbeatFile) return;
    writeFile(heartbeatFile, JSON.stringify({ at: new Date().toISOString(), ...indexer.stats }) + "\n").catch((error: Error) =>
      log.warn({ err: error, heartbeatFile }, "cannot write the heartbeat file"),
    );
  };
  beat();
  const heartbeat = heartbeatFile ? setInterval(beat, HEARTBEAT_MS) : undefined;
  return {
    async stop() {
      clearInterval(heartbeat);
      await indexer.stop();
    },
  };
}

/** Stops on SIGINT/SIGTERM, or when `npm start`, which supervises the process over IPC, goes away. */
export function stopOnSignals(log: Logger, what: string, stop: () => Promise<void>): void {
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, `${what} stopping`);
    await stop().catch((error: Error) => log.error({ err: error }, `error while stopping the ${what}`));
    await exitAfterFlush(log, 0);
  };
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  if (process.send) process.on("disconnect", () => void shutdown("parent exited"));
}
