/**
 * Runs the embedded Meilisearch for `npm start` and restarts it when it exits unexpectedly,
 * on the same port and with the same key (the API and the indexer keep their address),
 * waiting 1 s, 2 s, 4 s … (at most 30 s) between attempts; the wait resets after a minute of
 * running. Searches answer from PostgreSQL meanwhile and the outbox keeps every change.
 */
import type { Logger } from "pino";
import { startMeilisearch, type MeilisearchOptions } from "@remissbanken/schema/engines/meilisearch";
import { superviseEngine, type SupervisedEngine } from "./engine-supervisor.js";

export interface SupervisedMeilisearch extends Omit<SupervisedEngine, "failed"> {
  url: string;
  masterKey: string;
}

/** Starts Meilisearch (failing like startMeilisearch) and keeps it running until stop(). */
export async function superviseMeilisearch(options: MeilisearchOptions, log: Logger): Promise<SupervisedMeilisearch> {
  const first = await startMeilisearch(options);
  const { url, masterKey } = first;
  const port = Number(new URL(url).port);
  const supervised = superviseEngine(first, {
    name: "Meilisearch",
    restart: () => startMeilisearch({ ...options, port }),
    log,
    meanwhile: "searches answer from PostgreSQL meanwhile",
  });
  return Object.assign(supervised, { url, masterKey });
}
