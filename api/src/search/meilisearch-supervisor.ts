/**
 * Runs the embedded Meilisearch for `npm start` and restarts it when it exits unexpectedly,
 * on the same port and with the same key (the API and the indexer keep their address),
 * waiting 1 s, 2 s, 4 s … (at most 30 s) between attempts; the wait resets after a minute of
 * running. Searches answer from PostgreSQL meanwhile and the outbox keeps every change.
 */
import type { Logger } from "pino";
import { startMeilisearch, type MeilisearchOptions, type RunningMeilisearch } from "@remissbanken/schema/engines/meilisearch";

export interface SupervisedMeilisearch {
  url: string;
  masterKey: string;
  /** The running process, or null between a crash and its restart. */
  readonly pid: number | null;
  readonly restarts: number;
  stop(): Promise<void>;
}

/** Starts Meilisearch (failing like startMeilisearch) and keeps it running until stop(). */
export async function superviseMeilisearch(options: MeilisearchOptions, log: Logger): Promise<SupervisedMeilisearch> {
  let current: RunningMeilisearch | null = await startMeilisearch(options);
  const { url, masterKey } = current;
  const port = Number(new URL(url).port);
  let stopping = false;
  let failures = 0;
  let restarts = 0;
  let timer: NodeJS.Timeout | null = null;
  let starting: Promise<unknown> | null = null;

  const restartLater = () => {
    const delay = Math.min(30_000, 1_000 * 2 ** (failures - 1));
    timer = setTimeout(() => {
      timer = null;
      starting = startMeilisearch({ ...options, port }).then(
        (started) => {
          starting = null;
          if (stopping) return started.stop();
          restarts++;
          log.info({ url, restarts }, "Meilisearch restarted");
          watch(started);
        },
        (error: Error) => {
          starting = null;
          if (stopping) return;
          failures++;
          log.error({ err: error, restartInMs: Math.min(30_000, 1_000 * 2 ** (failures - 1)) }, "Meilisearch did not restart; trying again");
          restartLater();
        },
      );
    }, delay);
  };

  const watch = (running: RunningMeilisearch) => {
    current = running;
    const startedAt = Date.now();
    void running.exited.then(({ code, signal }) => {
      if (current === running) current = null;
      if (stopping) return;
      failures = Date.now() - startedAt > 60_000 ? 1 : failures + 1;
      log.error(
        { code, signal, restartInMs: Math.min(30_000, 1_000 * 2 ** (failures - 1)) },
        "Meilisearch exited unexpectedly; restarting it (searches answer from PostgreSQL meanwhile)",
      );
      restartLater();
    });
  };
  watch(current);

  return {
    url,
    masterKey,
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
