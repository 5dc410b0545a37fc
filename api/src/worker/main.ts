/**
 * The worker process: the indexer (outbox → Meilisearch) and the job runner (notification
 * mail, scheduled work; api/src/worker/jobs.ts) on the same database. `npm start` supervises
 * it; docker compose runs it as the `indexer` service.
 * Needs DATABASE_URL and MEILI_URL; WORKER_JOBS=false runs the indexer only.
 */
import "reflect-metadata";
import { z } from "zod";
import { createDataSource } from "@remissbanken/schema";
import { IndexerEnv, parseProcessEnvironment, startIndexerProcess, stopOnSignals } from "@remissbanken/indexer";
import { createLogger } from "../logger.js";
import { createMailer } from "../auth/mailer.js";
import { plannersFor } from "../notify/planners.js";
import { CRONTAB, keepJobRunnerRunning } from "./jobs.js";
import { IMPORT_ENV, scheduledImportCrontab, scheduledImportSettings } from "../import/import-settings.js";
import { attachSearch, createSearch } from "../search/search.service.js";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const WorkerEnv = IndexerEnv.extend({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** false: the indexer only, no job runner (no mail is sent, nothing scheduled runs). */
  WORKER_JOBS: bool.default(true),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(20).default(2),
  /** Unset outside production: `npm start` passes its local capturing server; alone, the worker starts its own. */
  SMTP_URL: z.string().url().refine((u) => /^smtps?:\/\//.test(u), "must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().default("Remissbanken <noreply@smakom.example>"),
  /** Where people open the product; links in mail point here. */
  PUBLIC_URL: z.string().url().default("http://localhost:3000"),
  ...IMPORT_ENV,
}).superRefine((env, ctx) => {
  if (env.NODE_ENV === "production" && env.WORKER_JOBS && !env.SMTP_URL) {
    ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required in production to send notification mail (or set WORKER_JOBS=false)" });
  }
});

const env = parseProcessEnvironment(WorkerEnv, "worker");
const root = createLogger(env.LOG_LEVEL);
const log = root.child({ process: "worker" });

const indexerLog = root.child({ process: "indexer" });
const indexer = await startIndexerProcess(env, indexerLog);
indexerLog.info("indexer running");

let stopJobs: (() => Promise<void>) | undefined;
if (env.WORKER_JOBS) {
  const ds = createDataSource(env.DATABASE_URL, { extra: { max: env.WORKER_CONCURRENCY + 2 } });
  await ds.initialize();
  // Saved searches are run as their owners through the API's own search: Meilisearch, PostgreSQL while it is down.
  const search = createSearch(ds, { url: env.MEILI_URL, apiKey: env.MEILI_MASTER_KEY, index: env.MEILI_INDEX }, log);
  attachSearch(ds, search);
  const mailer = await createMailer({ smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, echoToConsole: env.NODE_ENV === "development" }, log);
  const publicUrl = env.PUBLIC_URL.replace(/\/+$/, "");
  const scheduledImport = scheduledImportSettings(env, env.NODE_ENV === "production");
  const importLine = scheduledImportCrontab(scheduledImport.schedule);
  log.info({ schedule: scheduledImport.schedule ?? "off", types: scheduledImport.types }, "scheduled Riksdagen import");
  const runner = keepJobRunnerRunning(
    env.DATABASE_URL,
    { ds, mailer, publicUrl, planners: plannersFor({ publicUrl }), clock: () => new Date(), log, scheduledImport },
    { concurrency: env.WORKER_CONCURRENCY, crontab: importLine ? [...CRONTAB, importLine] : CRONTAB },
  );
  stopJobs = async () => {
    await runner.stop();
    await mailer.close();
    search.close();
    await ds.destroy();
  };
} else {
  log.info("job runner off (WORKER_JOBS=false)");
}

stopOnSignals(log, "worker", async () => {
  await stopJobs?.();
  await indexer.stop();
});
