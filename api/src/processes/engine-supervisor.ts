/**
 * Keeps an embedded engine (PostgreSQL, Meilisearch) of `npm start` running: when it exits
 * unexpectedly it is started again by `restart` (on the same port, with the same secrets, so
 * its clients keep their address), waiting 1 s, 2 s, 4 s … (at most 30 s) between attempts;
 * the count resets after a minute of running. With `maxFailures`, that many failures in a
 * row (a restart that fails, or a run shorter than a minute) end the supervision: `failed`
 * settles with the reason and the caller decides what to stop.
 */
import type { Logger } from "pino";

export interface RunningEngine {
  pid: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export interface EngineSupervisorOptions<T extends RunningEngine> {
  /** What the logs call it: "PostgreSQL", "Meilisearch". */
  name: string;
  restart: () => Promise<T>;
  log: Logger;
  /** Said after "… exited unexpectedly; restarting it": what clients see meanwhile. */
  meanwhile: string;
  /** Said after "… restarted". */
  afterRestart?: string;
  /** Failures in a row before giving up; unbounded when unset. */
  maxFailures?: number;
  /** Where to look when giving up. */
  hint?: string;
  /** The first wait; doubles per failure (default 1 s). */
  firstDelayMs?: number;
}

export interface SupervisedEngine {
  /** The running process, or null between a crash and its restart. */
  readonly pid: number | null;
  readonly restarts: number;
  /** Settles with the reason once the supervisor gave up; never settles otherwise. */
  failed: Promise<Error>;
  stop(): Promise<void>;
}

const STABLE_MS = 60_000;
const MAX_DELAY_MS = 30_000;

export function superviseEngine<T extends RunningEngine>(first: T, options: EngineSupervisorOptions<T>): SupervisedEngine {
  const { name, log, maxFailures = Infinity, firstDelayMs = 1_000 } = options;
  let current: T | null = null;
  let stopping = false;
  let failures = 0;
  let restarts = 0;
  let timer: NodeJS.Timeout | null = null;
  let starting: Promise<unknown> | null = null;
  let giveUp: (reason: Error) => void = () => {};
  const failed = new Promise<Error>((resolve) => (giveUp = resolve));
  const delay = () => Math.min(MAX_DELAY_MS, firstDelayMs * 2 ** (failures - 1));
  const attempt = () => (Number.isFinite(maxFailures) ? { attempt: failures, of: maxFailures } : {});

  /** Ends supervision after too many failures in a row; true when it did. */
  const gaveUp = (what: string, details: object) => {
    if (failures < maxFailures) return false;
    const reason = new Error(`${name} ${what} ${failures} times in a row; giving up.${options.hint ? ` ${options.hint}` : ""}`);
    log.fatal(details, reason.message);
    giveUp(reason);
    return true;
  };

  const restartLater = () => {
    timer = setTimeout(() => {
      timer = null;
      starting = options.restart().then(
        (started) => {
          starting = null;
          if (stopping) return started.stop();
          restarts++;
          log.info({ restarts }, `${name} restarted${options.afterRestart ? `; ${options.afterRestart}` : ""}`);
          watch(started);
        },
        (error: Error) => {
          starting = null;
          if (stopping) return;
          failures++;
          if (gaveUp("did not restart", { err: error })) return;
          log.error({ err: error, restartInMs: delay(), ...attempt() }, `${name} did not restart; trying again`);
          restartLater();
        },
      );
    }, delay());
  };

  const watch = (running: T) => {
    current = running;
    const startedAt = Date.now();
    void running.exited.then(async ({ code, signal }) => {
      if (current === running) current = null;
      if (stopping) return;
      // Lets go of what the dead process's handle still holds (exit hooks, lock files).
      await running.stop().catch(() => undefined);
      failures = Date.now() - startedAt > STABLE_MS ? 1 : failures + 1;
      const details = { code, signal, pid: running.pid };
      if (gaveUp("exited", details)) return;
      log.error({ ...details, restartInMs: delay(), ...attempt() }, `${name} exited unexpectedly; restarting it (${options.meanwhile})`);
      restartLater();
    });
  };
  watch(first);

  return {
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
