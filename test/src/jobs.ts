/**
 * The worker's jobs in tests: every job that is due now, run once through the real
 * graphile-worker on the test file's database, with the planners, mailer and clock a test
 * chooses. Mail goes over SMTP to the API's capturing server unless a test passes a mailer.
 */
import pino from "pino";
import { runOnce } from "graphile-worker";
import type { Mailer } from "@remissbanken/api/auth/mailer";
import type { Planner } from "@remissbanken/api/notify/planned-mail";
import { jobRunnerOptions, type WorkerContext } from "@remissbanken/api/worker/jobs";
import type { TestApi } from "./harness.js";

export interface JobOptions {
  planners?: Planner[];
  mailer?: Pick<Mailer, "send">;
  clock?: () => Date;
  publicUrl?: string;
}

/** What the worker's tasks get, as the worker process builds it. */
export function workerContext(api: TestApi, options: JobOptions = {}): WorkerContext {
  return {
    ds: api.ds,
    mailer: options.mailer ?? api.server.mailer,
    publicUrl: options.publicUrl ?? "http://localhost:3000",
    planners: options.planners ?? [],
    clock: options.clock ?? (() => new Date()),
    log: pino({ level: "silent" }),
  };
}

/** Runs every job due now (not the crontab), as a worker would, and returns when none is left. */
export function runDueJobs(api: TestApi, options: JobOptions = {}): Promise<void> {
  return runOnce(jobRunnerOptions(api.databaseUrl, workerContext(api, options)));
}
