/**
 * When a saved search's mail is due, in Stockholm time: daily ones each morning, weekly
 * ones on Monday mornings. A period names the mail ("2026-12-01", "2026-W49"), so each is
 * planned at most once however often the planner runs.
 */
import { SavedSearchFrequency } from "@remissbanken/schema";
import { TIME_ZONE } from "../common/dates.js";
import { isoWeek } from "../notify/mail-text.js";

/** Mails go out from this hour (Stockholm) on: read with the morning coffee, not at midnight. */
export const MORNING_HOUR = 7;

const parts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", hourCycle: "h23", weekday: "short",
});

function stockholm(now: Date) {
  const p = Object.fromEntries(parts.formatToParts(now).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour), monday: p.weekday === "Mon" };
}

/** The period whose mail is due at `now`, or null when none is (a NEVER search, before the morning, not a Monday). */
export function duePeriod(frequency: SavedSearchFrequency, now: Date): string | null {
  const local = stockholm(now);
  if (local.hour < MORNING_HOUR) return null;
  switch (frequency) {
    case SavedSearchFrequency.DAILY:
      return local.date;
    case SavedSearchFrequency.WEEKLY:
      return local.monday ? isoWeek(local.date) : null;
    case SavedSearchFrequency.NEVER:
      return null;
  }
}
