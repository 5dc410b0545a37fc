/** What the planners' Swedish mails share: dates as Swedish readers write them, titles, links. */
import { RemissStatus, ResponseStatus, type Document } from "@remissbanken/schema";
import { getISODay, getISOWeek, getISOWeekYear, parseISO } from "date-fns";
import { TIME_ZONE } from "../common/dates.js";

/** Where links in mails point: the web app (config.publicUrl, without a trailing slash). */
export interface MailSettings {
  publicUrl: string;
}

const DATE = new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const WEEKDAY_DATE = new Intl.DateTimeFormat("sv-SE", { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
const DATE_TIME = new Intl.DateTimeFormat("sv-SE", {
  day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE,
});

/** "2026-12-15" → "15 december 2026". */
export const swedishDate = (date: string) => DATE.format(new Date(`${date}T12:00:00Z`));
/** "2026-12-15" → "tisdag 15 december". */
export const swedishWeekdayDate = (date: string) => WEEKDAY_DATE.format(new Date(`${date}T12:00:00Z`));
/** A moment as Stockholm reads it: "1 december 2026 10:12". */
export const swedishDateTime = (at: Date) => DATE_TIME.format(at);

/** "om 14 dagar", "i morgon", "i dag". */
export function inDays(days: number): string {
  if (days === 0) return "i dag";
  if (days === 1) return "i morgon";
  return `om ${days} dagar`;
}

/** "Spara i goda tider (SOU 2011:59)". */
export function documentTitle(document: Pick<Document, "title" | "designation">): string {
  return document.designation ? `${document.title} (${document.designation})` : document.title;
}

/** ", dnr Fi2011/4105" or nothing. */
export const diarienummerSuffix = (diarienummer: string | null) => (diarienummer ? `, dnr ${diarienummer}` : "");

/** Cuts a long text at a word, so that a mail never carries a whole 50 000-character input. */
export function excerpt(text: string, max = 1_200): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(" "), max - 100));
  return `${atWord.trimEnd()} …`;
}

export const SIGNATURE = "Remissbanken – SmåKom, De små kommunernas samverkan";

/**
 * The SQL condition for a remiss SmåKom still has to answer: tracked (not archived), neither
 * declined (avstår) nor sent in, and with no remissvar marked as sent to the ministry.
 */
export function unansweredRemiss(alias: string): { sql: string; params: Record<string, unknown> } {
  return {
    sql:
      `(${alias}.archived_at IS NULL AND ${alias}.status NOT IN (:...answeredRemissStatuses) ` +
      `AND NOT EXISTS (SELECT 1 FROM response sent WHERE sent.remiss_id = ${alias}.id AND sent.status = :submittedResponse AND sent.archived_at IS NULL))`,
    params: { answeredRemissStatuses: [RemissStatus.DECLINED, RemissStatus.SUBMITTED], submittedResponse: ResponseStatus.SUBMITTED },
  };
}

/** The statuses in which members are asked for input (as on their start page). */
export const ASKING_FOR_INPUT = [RemissStatus.MONITORING, RemissStatus.TO_ANSWER, RemissStatus.DRAFTING];

/** ISO week of a "YYYY-MM-DD" date, "2026-W49": the digest's key, so it goes out once a week. */
export function isoWeek(date: string): string {
  // parseISO reads a plain date as that day in the process's time zone, which date-fns counts in.
  const day = parseISO(date);
  return `${getISOWeekYear(day)}-W${String(getISOWeek(day)).padStart(2, "0")}`;
}

/** Monday is 1, Sunday 7. */
export const isoWeekday = (date: string) => getISODay(parseISO(date));
