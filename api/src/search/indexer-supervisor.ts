/** Runs the indexer (indexer/src/main.ts) under `npm start`'s supervision; events wait in the outbox meanwhile. */
import path from "node:path";
import type { Logger } from "pino";
import { superviseProcess, type SupervisedProcess } from "../processes/supervise.js";

export interface IndexerProcessOptions {
  databaseUrl: string;
  meiliUrl: string;
  meiliMasterKey?: string;
  index: string;
  logLevel: string;
  log: Logger;
}

export type SupervisedIndexer = SupervisedProcess;

const MAIN = path.resolve(import.meta.dirname, "../../../indexer/src/main.ts");

export function superviseIndexer(options: IndexerProcessOptions): SupervisedIndexer {
  return superviseProcess({
    name: "indexer",
    entry: MAIN,
    env: {
      DATABASE_URL: options.databaseUrl,
      MEILI_URL: options.meiliUrl,
      MEILI_MASTER_KEY: options.meiliMasterKey ?? "",
      MEILI_INDEX: options.index,
      LOG_LEVEL: options.logLevel,
    },
    log: options.log,
  });
}
