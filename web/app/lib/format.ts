/** Dates as Swedish readers write them ("17 oktober 2025"), always in Stockholm time. */
import { differenceInCalendarDays, parseISO } from "date-fns";

const TIME_ZONE = "Europe/Stockholm";
const dateFormat = new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", year: "numeric", timeZone: TIME_ZONE });
const dateTimeFormat = new Intl.DateTimeFormat("sv-SE", {
  day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE,
});
const isoDay = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: TIME_ZONE });

/** A LocalDate ("2025-10-17") or a timestamp as "17 oktober 2025". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  // A LocalDate is a calendar day: read it at noon UTC so no time zone moves it.
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
}

/** Today's date in Stockholm as "YYYY-MM-DD". */
export function todayInStockholm(now = new Date()): string {
  return isoDay.format(now);
}

/** Calendar days from today (Stockholm) to a LocalDate; negative once it has passed. */
export function daysUntil(day: string, now = new Date()): number {
  return differenceInCalendarDays(parseISO(day), parseISO(todayInStockholm(now)));
}

/** "i dag", "i morgon", "om 5 dagar", "i går", "för 3 dagar sedan". */
export function describeDaysLeft(days: number): string {
  if (days === 0) return "i dag";
  if (days === 1) return "i morgon";
  if (days === -1) return "i går";
  return days > 0 ? `om ${days} dagar` : `för ${-days} dagar sedan`;
}
