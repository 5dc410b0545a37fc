/** Runs the worker (api/src/worker/main.ts: indexer and job runner) under `npm start`'s supervision; events and jobs wait in PostgreSQL meanwhile. */
import path from "node:path";
import type { Logger } from "pino";
import { superviseProcess, type SupervisedProcess } from "./supervise.js";

export interface WorkerProcessOptions {
  databaseUrl: string;
  meiliUrl: string;
  meiliMasterKey?: string;
  index: string;
  logLevel: string;
  /** Links in mail point here. */
  publicUrl: string;
  mailFrom: string;
  /** The API's local capturing SMTP server when no SMTP_URL is set, so development mail shows in one log and tests read it. */
  smtpUrl?: string;
  log: Logger;
}

const MAIN = path.resolve(import.meta.dirname, "../worker/main.ts");

export function superviseWorker(options: WorkerProcessOptions): SupervisedProcess {
  return superviseProcess({
    name: "worker",
    entry: MAIN,
    env: {
      DATABASE_URL: options.databaseUrl,
      MEILI_URL: options.meiliUrl,
      MEILI_MASTER_KEY: options.meiliMasterKey ?? "",
      MEILI_INDEX: options.index,
      LOG_LEVEL: options.logLevel,
      PUBLIC_URL: options.publicUrl,
      MAIL_FROM: options.mailFrom,
      ...(options.smtpUrl ? { SMTP_URL: options.smtpUrl } : {}),
    },
    log: options.log,
  });
}
