/**
 * Runs the embedded PostgreSQL for `npm start` and restarts it when it exits unexpectedly,
 * on the same port and with the same password, so the API's pool and the indexer reconnect
 * to the address they know. PostgreSQL's crash recovery replays its write-ahead log, so
 * every committed transaction is there again.
 *
 * After `maxFailures` failures in a row (a restart that does not come up, or a server that
 * dies again within a minute) it gives up and `failed` settles: `npm start` then stops
 * everything and exits non-zero rather than serve "database unavailable" forever.
 */
import type { Logger } from "pino";
import { startEmbeddedPostgres } from "@remissbanken/schema/engines/postgres";
import { superviseEngine, type SupervisedEngine } from "./engine-supervisor.js";

export interface PostgresSupervisorOptions {
  dataDir: string;
  port?: number;
  log: Logger;
  /** Failures in a row before giving up (default 5). */
  maxFailures?: number;
  /** First wait before a restart; doubles per failure (default 1 s). */
  firstDelayMs?: number;
}

export interface SupervisedPostgres extends SupervisedEngine {
  url: string;
  port: number;
}

/** Starts PostgreSQL (failing like startEmbeddedPostgres) and keeps it running until stop() or until it gives up. */
export async function superviseEmbeddedPostgres(options: PostgresSupervisorOptions): Promise<SupervisedPostgres> {
  const { dataDir, log, maxFailures = 5, firstDelayMs } = options;
  const engineLog = (line: string) => log.debug({ engine: "postgres" }, line);
  const first = await startEmbeddedPostgres({ dataDir, port: options.port, log: engineLog });
  const { url, port } = first;
  const supervised = superviseEngine(first, {
    name: "PostgreSQL",
    restart: () => startEmbeddedPostgres({ dataDir, port, log: engineLog }),
    log,
    meanwhile: "requests answer SERVICE_UNAVAILABLE meanwhile",
    afterRestart: "the API and the indexer reconnect by themselves",
    maxFailures,
    hint: `Look at ${dataDir}/postgres and the log lines above.`,
    firstDelayMs,
  });
  return Object.assign(supervised, { url, port });
}
