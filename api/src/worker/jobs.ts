/**
 * The worker's jobs on PostgreSQL (graphile-worker, decision 012): what each task does and
 * when the scheduled ones run. A task is one line in TASKS, a schedule one line in CRONTAB.
 */
import { Logger as JobLogger, parseCrontab, run, runMigrations, type JobHelpers, type Runner, type RunnerOptions, type TaskList } from "graphile-worker";
import type { Logger } from "pino";
import { z } from "zod";
import { planNotifications, SEND_NOTIFICATION } from "../notify/notification-queue.js";
import { sendNotification, type SenderServices } from "../notify/notification-sender.js";
import { runScheduledImport, SCHEDULED_IMPORT_TASK } from "../import/scheduled-import.js";
import type { ScheduledImportSettings } from "../import/import-settings.js";
import { ImportRunStatus } from "@remissbanken/schema";

/** What every task may use (the sender's services and a log); one per worker process. */
export interface WorkerContext extends SenderServices {
  log: Logger;
  /** What the scheduled Riksdagen import fetches (IMPORT_TYPES, RIKSDAGEN_BASE_URL). */
  scheduledImport?: Pick<ScheduledImportSettings, "types" | "riksdagenBaseUrl">;
}

export type WorkerTask = (payload: unknown, context: WorkerContext, helpers: JobHelpers) => Promise<void>;

const SendPayload = z.object({ key: z.string().min(1) });

export const TASKS: Record<string, WorkerTask> = {
  /** Queued by queueMails (api/src/notify/notification-queue.ts), one job per notification key. */
  [SEND_NOTIFICATION]: async (payload, context) => {
    const { key } = SendPayload.parse(payload);
    const outcome = await sendNotification(context, key);
    context.log.info({ key, outcome }, `notification ${outcome}`);
  },
  planNotifications: async (_payload, context) => {
    const result = await planNotifications(context.ds, context.clock(), context.planners);
    if (result.queued) context.log.info({ queued: result.queued }, "notifications queued");
    // Not thrown: the other planners' mail is queued, and the next run is ten minutes away.
    for (const { kind, error } of result.failed) context.log.error({ err: error, kind }, "a notification planner failed");
  },
  /** In CRONTAB only when IMPORT_SCHEDULE is set (see scheduledImportCrontab); the run is recorded for staff to see. */
  [SCHEDULED_IMPORT_TASK]: async (_payload, context) => {
    const settings = context.scheduledImport;
    if (!settings) throw new Error("the scheduled import has no settings in this worker");
    const run = await runScheduledImport(context.ds, { types: settings.types, baseUrl: settings.riksdagenBaseUrl }, context.clock());
    const counts = { added: run.added, updated: run.updated, skipped: run.skipped, failed: run.failed };
    if (run.status === ImportRunStatus.FAILED) context.log.error({ run: run.id, ...counts, error: run.error }, "scheduled import failed");
    else context.log.info({ run: run.id, ...counts }, "scheduled import done");
  },
};

/** graphile-worker crontab lines: minute hour day month weekday task [options]. */
export const CRONTAB: string[] = [
  // Planning again is harmless: a mail's key is queued once.
  "*/10 * * * * planNotifications",
];

/** The runner's options for `run` (the worker) and `runOnce` (tests). */
export function jobRunnerOptions(
  databaseUrl: string,
  context: WorkerContext,
  { tasks = TASKS, crontab = CRONTAB, concurrency = 2 }: { tasks?: Record<string, WorkerTask>; crontab?: string[]; concurrency?: number } = {},
): RunnerOptions {
  return {
    connectionString: databaseUrl,
    concurrency,
    // The worker's main stops the runner in order with the indexer.
    noHandleSignals: true,
    pollInterval: 2_000,
    logger: jobLogger(context.log),
    taskList: taskList(tasks, context),
    parsedCronItems: parseCrontab(crontab.join("\n")),
  };
}

/**
 * Runs the job runner (it installs or upgrades graphile-worker's schema first) and keeps it
 * running: graphile-worker stops its runner when the database goes away, so it is started
 * again, after 1 s, 2 s, 4 s … (at most 30 s), without taking the indexer beside it down.
 * Says once that it stopped and once that it runs again, not once per attempt.
 */
export function keepJobRunnerRunning(databaseUrl: string, context: WorkerContext, options?: Parameters<typeof jobRunnerOptions>[2]): { stop(): Promise<void> } {
  const { log } = context;
  let runner: Runner | undefined;
  let starting: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let failures = 0;
  let stopping = false;

  const retry = () => {
    failures++;
    timer = setTimeout(() => void (starting = start()), Math.min(30_000, 1_000 * 2 ** Math.min(failures - 1, 5)));
  };
  const start = async () => {
    try {
      const started = await run(jobRunnerOptions(databaseUrl, context, options));
      if (stopping) return void (await started.stop());
      runner = started;
      failures = 0;
      log.info({ concurrency: options?.concurrency }, "job runner running");
      started.promise.catch((error: Error) => {
        runner = undefined;
        if (stopping) return;
        log.warn({ err: error }, "job runner stopped; it starts again when the database answers");
        retry();
      });
    } catch (error) {
      if (stopping) return;
      if (failures === 0) log.warn({ err: error }, "job runner cannot start; trying again until the database answers");
      retry();
    }
  };
  starting = start();

  return {
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await starting;
      // Lets running jobs finish (a mail being sent) before the process goes.
      await runner?.stop().catch((error: Error) => log.warn({ err: error }, "job runner did not stop cleanly"));
    },
  };
}

function taskList(tasks: Record<string, WorkerTask>, context: WorkerContext): TaskList {
  return Object.fromEntries(Object.entries(tasks).map(([name, task]) => [name, (payload: unknown, helpers: JobHelpers) => task(payload, context, helpers)]));
}

const CONNECTION_NOISE = /^(PostgreSQL (idle|active) client generated error|Error with notify listener|Error occurred attempting to UNLISTEN|Error occurred, but worker is already stopping|Error occurred whilst attempting to release|Stopping worker due to an error)/;

/** graphile-worker's messages in our log; a job's routine "completed" line is debug. */
function jobLogger(log: Logger): JobLogger {
  return new JobLogger((scope) => (level, message, meta) => {
    // The job row in `meta` repeats what the message says; its error goes where pino expects it.
    const fields = meta?.error ? { ...scope, err: meta.error } : { ...scope };
    // A database going away is said once by keepJobRunnerRunning, not by each pooled client.
    if (CONNECTION_NOISE.test(message)) return log.debug(fields, message);
    switch (String(level)) {
      case "error":
        return log.error(fields, message);
      case "warning":
        return log.warn(fields, message);
      case "info":
        return /^Completed task/.test(message) ? log.debug(fields, message) : log.info(fields, message);
      default:
        return log.debug(fields, message);
    }
  });
}

/**
 * Installs or upgrades graphile-worker's schema (graphile_worker). `npm start` and the test
 * set-up call it after the migrations, so the API can queue jobs before a worker first ran.
 */
export async function installJobQueue(databaseUrl: string): Promise<void> {
  await runMigrations({ connectionString: databaseUrl, logger: new JobLogger(() => () => {}) });
}
