/**
 * Every import records one `import_run`: what started it, what it was asked, what it did and
 * how it ended, so that staff see in the web app whether imports work.
 */
import type { DataSource } from "typeorm";
import { ImportRun, ImportRunStatus, type ImportSource, type ImportTrigger } from "@remissbanken/schema";
import { describeError } from "./import-writer.js";
import type { ImportSummary } from "./import-summary.js";

/** A run stores its first failures only: a broken source can fail thousands of items alike. */
export const MAX_STORED_FAILURES = 50;
const HEARTBEAT_MS = 60_000;
/** A `running` run not heard from for this long belongs to a process that died. */
export const STALE_AFTER_MS = 5 * HEARTBEAT_MS;

export interface ImportRunStart {
  source: ImportSource;
  trigger: ImportTrigger;
  options: Record<string, unknown>;
  /** The staff member who asked (runs started in the web app). */
  startedById?: string | null;
  now?: Date;
}

/** Marks the runs whose process stopped beating as failed: they never finished. */
export async function failStaleRuns(ds: DataSource, now = new Date()): Promise<number> {
  const result = await ds
    .createQueryBuilder()
    .update(ImportRun)
    .set({ status: ImportRunStatus.FAILED, finishedAt: now, error: "The run stopped before it finished (the process ended or crashed)." })
    .where("status = :running AND heartbeat_at < :stale", { running: ImportRunStatus.RUNNING, stale: new Date(now.getTime() - STALE_AFTER_MS) })
    .execute();
  return result.affected ?? 0;
}

/** Whether a summary says the source itself failed (a listing, a file), not only some of its items. */
function sourceFailure(summary: ImportSummary): string | null {
  const told = (items: ImportSummary["failed"]) => items.map((f) => `${f.label}: ${(f.reason ?? "").replace(/\.$/, "")}`).join("; ");
  const broken = summary.failed.filter((f) => f.source);
  if (broken.length) return told(broken);
  const done = summary.added.length + summary.updated.length + summary.unchanged.length;
  if (summary.failed.length && !done) return told(summary.failed.slice(0, 3));
  return null;
}

/** The run's row at its end: counts, the first failures, and how it ended. */
export function finishedRun(summary: ImportSummary, error: string | null, now = new Date()) {
  const reason = error ?? sourceFailure(summary);
  return {
    status: reason ? ImportRunStatus.FAILED : ImportRunStatus.SUCCEEDED,
    finishedAt: now,
    heartbeatAt: now,
    added: summary.added.length,
    updated: summary.updated.length,
    unchanged: summary.unchanged.length,
    skipped: summary.skipped.length,
    failed: summary.failed.length,
    failures: summary.failed.slice(0, MAX_STORED_FAILURES).map((f) => ({ item: f.label, reason: f.reason ?? "" })),
    error: reason,
  } satisfies Partial<ImportRun>;
}

/**
 * Runs an import and records it: marks stale runs failed, writes a `running` row kept alive by
 * a heartbeat, and at the end the counts and status. An error thrown by the work is recorded
 * as the run's failure and thrown on.
 */
export async function recordImportRun<T>(
  ds: DataSource,
  start: ImportRunStart,
  work: (run: ImportRun) => Promise<{ result: T; summary: ImportSummary }>,
): Promise<{ result: T; summary: ImportSummary; run: ImportRun }> {
  const now = start.now ?? new Date();
  await failStaleRuns(ds, now);
  const repository = ds.getRepository(ImportRun);
  const run = await repository.save(repository.create({
    source: start.source,
    trigger: start.trigger,
    options: start.options,
    startedById: start.startedById ?? null,
    startedAt: now,
    heartbeatAt: now,
    status: ImportRunStatus.RUNNING,
  }));
  const heartbeat = setInterval(() => {
    repository.update(run.id, { heartbeatAt: new Date() }).catch(() => undefined);
  }, HEARTBEAT_MS);
  heartbeat.unref();
  try {
    const outcome = await work(run);
    const end = finishedRun(outcome.summary, null);
    await repository.update(run.id, end);
    return { ...outcome, run: Object.assign(run, end) };
  } catch (error) {
    await repository.update(run.id, { status: ImportRunStatus.FAILED, finishedAt: new Date(), error: describeError(error) }).catch(() => undefined);
    throw error;
  } finally {
    clearInterval(heartbeat);
  }
}

/** The last run that succeeded, e.g. the scheduled import's window starts where it left off. */
export function lastSucceededRun(ds: DataSource, source: ImportSource, trigger: ImportTrigger): Promise<ImportRun | null> {
  return ds.getRepository(ImportRun).findOne({
    where: { source, trigger, status: ImportRunStatus.SUCCEEDED },
    order: { startedAt: "DESC" },
  });
}
