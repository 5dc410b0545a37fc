/**
 * Runs the embedded PostgreSQL for `npm start` and restarts it when it exits unexpectedly,
 * on the same port and with the same password, so the API's pool and the indexer reconnect
 * to the address they know. PostgreSQL's crash recovery replays its write-ahead log, so
 * every committed transaction is there again.
 *
 * Waits 1 s, 2 s, 4 s … between attempts. After `maxFailures` failures in a row (a restart
 * that does not come up, or a server that dies again within a minute) it gives up and
 * `failed` settles: `npm start` then stops everything and exits non-zero rather than serve
 * "database unavailable" forever.
 */
import type { Logger } from "pino";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@remissbanken/schema/engines/postgres";

export interface PostgresSupervisorOptions {
  dataDir: string;
  port?: number;
  log: Logger;
  /** Failures in a row before giving up (default 5). */
  maxFailures?: number;
  /** First wait before a restart; doubles per failure (default 1 s). */
  firstDelayMs?: number;
}

export interface SupervisedPostgres {
  url: string;
  port: number;
  /** The running postmaster, or null between a crash and its restart. */
  readonly pid: number | null;
  readonly restarts: number;
  /** Settles with the reason once the supervisor gave up; never settles otherwise. */
  failed: Promise<Error>;
  stop(): Promise<void>;
}

/** A run shorter than this that ends in a crash counts as another failure in a row. */
const STABLE_MS = 60_000;

/** Starts PostgreSQL (failing like startEmbeddedPostgres) and keeps it running until stop(). */
export async function superviseEmbeddedPostgres(options: PostgresSupervisorOptions): Promise<SupervisedPostgres> {
  const { dataDir, log, maxFailures = 5, firstDelayMs = 1_000 } = options;
  const engineLog = (line: string) => log.debug({ engine: "postgres" }, line);
  let current: EmbeddedPostgresHandle | null = await startEmbeddedPostgres({ dataDir, port: options.port, log: engineLog });
  const { url, port } = current;
  let stopping = false;
  let failures = 0;
  let restarts = 0;
  let timer: NodeJS.Timeout | null = null;
  let starting: Promise<unknown> | null = null;
  let giveUp: (reason: Error) => void = () => {};
  const failed = new Promise<Error>((resolve) => (giveUp = resolve));
  const delay = () => firstDelayMs * 2 ** (failures - 1);

  /** Ends supervision after too many failures in a row; true when it did. */
  const gaveUp = (what: string, details: object) => {
    if (failures < maxFailures) return false;
    const reason = new Error(`PostgreSQL ${what} ${failures} times in a row; giving up. Look at ${dataDir}/postgres and the log lines above.`);
    log.fatal(details, reason.message);
    giveUp(reason);
    return true;
  };

  const restartLater = () => {
    timer = setTimeout(() => {
      timer = null;
      starting = startEmbeddedPostgres({ dataDir, port, log: engineLog }).then(
        (started) => {
          starting = null;
          if (stopping) return started.stop();
          restarts++;
          log.info({ port, restarts }, "PostgreSQL restarted; the API and the indexer reconnect by themselves");
          watch(started);
        },
        (error: Error) => {
          starting = null;
          if (stopping) return;
          failures++;
          const details = { err: error, attempt: failures, of: maxFailures };
          if (gaveUp("did not restart", details)) return;
          log.warn({ ...details, restartInMs: delay() }, "PostgreSQL did not restart; trying again");
          restartLater();
        },
      );
    }, delay());
  };

  const watch = (running: EmbeddedPostgresHandle) => {
    current = running;
    const startedAt = Date.now();
    void running.exited.then(async ({ code, signal }) => {
      if (current === running) current = null;
      if (stopping) return;
      await running.stop();
      failures = Date.now() - startedAt > STABLE_MS ? 1 : failures + 1;
      const details = { code, signal, pid: running.pid };
      if (gaveUp("exited", details)) return;
      log.error(
        { ...details, restartInMs: delay(), attempt: failures, of: maxFailures },
        "PostgreSQL exited unexpectedly; restarting it (requests answer SERVICE_UNAVAILABLE meanwhile)",
      );
      restartLater();
    });
  };
  watch(current);

  return {
    url,
    port,
    failed,
    get pid() {
      return current?.pid ?? null;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await starting;
      await current?.stop();
    },
  };
}
