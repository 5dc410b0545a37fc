/**
 * The scheduled import's settings (IMPORT_SCHEDULE, IMPORT_TYPES, RIKSDAGEN_BASE_URL), read by
 * the configuration of the processes; pure, so that the configuration stays light.
 */
import { z } from "zod";
import { IMPORTED_TYPES, isImportedType, type ImportedType } from "./riksdagen/dokumentlista.js";

export const DEFAULT_RIKSDAGEN_BASE_URL = "https://data.riksdagen.se/";
/** The task the worker's crontab names. */
export const SCHEDULED_IMPORT_TASK = "scheduledImport";
export const DEFAULT_IMPORT_TYPES: ImportedType[] = ["dir", "sou", "ds", "prop"];
/** Production's schedule: every night at 04:30 (UTC, as graphile-worker reads its crontab). */
export const DEFAULT_IMPORT_SCHEDULE = "30 4 * * *";

/** A cron expression of five fields (minute hour day month weekday), as graphile-worker reads them. */
const CRON = /^\s*(\S+\s+){4}\S+\s*$/;
const CRON_FIELD = /^[\d*,/-]+$/;

/** Whether a setting is a five-field cron expression; names of months and days are not accepted. */
export function isCronExpression(value: string): boolean {
  return CRON.test(value) && value.trim().split(/\s+/).every((field) => CRON_FIELD.test(field));
}

/** IMPORT_TYPES ("dir,sou,ds,prop") read and checked; unknown doktyps are listed in the error. */
export function parseImportTypes(value: string): ImportedType[] {
  const types = value.split(",").map((t) => t.trim().toLowerCase()).filter(Boolean);
  const unknown = types.filter((t) => !isImportedType(t));
  if (!types.length || unknown.length) {
    throw new Error(`IMPORT_TYPES must list doktyps among ${Object.keys(IMPORTED_TYPES).join(", ")}${unknown.length ? `; unknown: ${unknown.join(", ")}` : ""}`);
  }
  return types as ImportedType[];
}

/**
 * The worker's crontab line for the scheduled import, or null when it is off. One attempt
 * (`max=1`): a failed run is recorded and the next night's run covers its window again.
 */
export function scheduledImportCrontab(schedule: string | null): string | null {
  return schedule ? `${schedule.trim()} ${SCHEDULED_IMPORT_TASK} ?max=1` : null;
}

/** The settings' variables, shared by the API's configuration and the worker's (which runs the import). */
export const IMPORT_ENV = {
  /** The scheduled Riksdagen import in the worker: a five-field cron expression (UTC), or "off". Default: off outside production. */
  IMPORT_SCHEDULE: z.string().refine((v) => v.trim() === "off" || isCronExpression(v), 'must be a cron expression like "30 4 * * *" or "off"').optional(),
  /** The doktyps the scheduled import fetches. */
  IMPORT_TYPES: z.string().default(DEFAULT_IMPORT_TYPES.join(",")).transform((v, ctx) => {
    try {
      return parseImportTypes(v);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
      return z.NEVER;
    }
  }),
  RIKSDAGEN_BASE_URL: z.string().url().refine((u) => /^https?:\/\//.test(u), "must be an http(s):// URL").default(DEFAULT_RIKSDAGEN_BASE_URL),
};

export interface ScheduledImportSettings {
  /** Null when off. */
  schedule: string | null;
  types: ImportedType[];
  riksdagenBaseUrl: string;
}

export function scheduledImportSettings(
  env: { IMPORT_SCHEDULE?: string; IMPORT_TYPES: ImportedType[]; RIKSDAGEN_BASE_URL: string },
  production: boolean,
): ScheduledImportSettings {
  const schedule = env.IMPORT_SCHEDULE?.trim() ?? (production ? DEFAULT_IMPORT_SCHEDULE : "off");
  return { schedule: schedule === "off" ? null : schedule, types: env.IMPORT_TYPES, riksdagenBaseUrl: env.RIKSDAGEN_BASE_URL };
}
