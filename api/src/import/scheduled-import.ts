/**
 * The scheduled import: the worker runs it daily (IMPORT_SCHEDULE) and it brings in what
 * Riksdagen published since the last scheduled run that succeeded, recorded as an import run
 * staff see in the web app. The worker's crontab line comes from `scheduledImportCrontab`.
 */
import type { DataSource } from "typeorm";
import { ImportSource, ImportTrigger, type ImportRun } from "@remissbanken/schema";
import { createHttpClient, type HttpClient } from "./http-client.js";
import { lastSucceededRun, recordImportRun } from "./import-run.js";
import type { ImportedType } from "./riksdagen/dokumentlista.js";
import { runRiksdagenImport } from "./riksdagen/riksdagen-import.js";
import { DEFAULT_RIKSDAGEN_BASE_URL } from "./import-settings.js";

export { SCHEDULED_IMPORT_TASK, scheduledImportCrontab } from "./import-settings.js";

/** How far back the first scheduled run looks, with no earlier run to continue from. */
export const FIRST_RUN_DAYS = 30;
const DAY_MS = 86_400_000;

export interface ScheduledImportOptions {
  types: ImportedType[];
  baseUrl?: string;
  /** How far back to look when no scheduled run has succeeded yet. */
  firstRunDays?: number;
  /** Fetch and attach full texts (default true). */
  withText?: boolean;
  client?: HttpClient;
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The window a scheduled run fetches: from the day before the last succeeded scheduled run
 * started (Riksdagen lists some documents a day after their date; re-importing is harmless),
 * or `firstRunDays` back, up to today.
 */
export async function scheduledWindow(ds: DataSource, now: Date, firstRunDays = FIRST_RUN_DAYS): Promise<{ from: string }> {
  const last = await lastSucceededRun(ds, ImportSource.RIKSDAGEN, ImportTrigger.SCHEDULE);
  const since = last ? last.startedAt.getTime() - DAY_MS : now.getTime() - firstRunDays * DAY_MS;
  return { from: isoDate(new Date(since)) };
}

/**
 * Imports Riksdagen's dokumentlista for the configured types since the last succeeded
 * scheduled run, and records the run (trigger `schedule`). A source that fails is a failed
 * run with its reason, not an exception: the next scheduled run covers the window again.
 */
export async function runScheduledImport(ds: DataSource, options: ScheduledImportOptions, now = new Date()): Promise<ImportRun> {
  const { from } = await scheduledWindow(ds, now, options.firstRunDays);
  const query = { types: options.types, from, to: null };
  const client = options.client ?? createHttpClient({ minIntervalMs: 1000 });
  const { run } = await recordImportRun(ds, { source: ImportSource.RIKSDAGEN, trigger: ImportTrigger.SCHEDULE, options: { types: query.types, from }, now }, async () => ({
    result: null,
    summary: await runRiksdagenImport(ds, { query, baseUrl: options.baseUrl ?? DEFAULT_RIKSDAGEN_BASE_URL, client, withText: options.withText ?? true }),
  }));
  return run;
}
