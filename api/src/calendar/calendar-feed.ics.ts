import ical, { ICalEventTransparency } from "ical-generator";
import type { CalendarEvent } from "./calendar-events.js";

export const CALENDAR_NAME = "Remissbanken – SmåKom";
/** How often a subscribing calendar is asked to fetch again (Outlook and Apple honour it; Google decides itself). */
const REFRESH_SECONDS = 6 * 3600;

const utcMidnight = (date: string) => new Date(`${date}T00:00:00Z`);

/**
 * The feed as iCalendar text. Deadlines are whole days (DATE values, no time zone to get
 * wrong); the calendar names Europe/Stockholm for clients that show it. DTSTAMP is when the
 * event last changed, as RFC 5545 asks of a feed without METHOD, so the same data gives the
 * same text and ETags work.
 */
export function renderCalendar(events: CalendarEvent[]): string {
  const calendar = ical({
    name: CALENDAR_NAME,
    description: "Sista svarsdagar och sista dagar för synpunkter från Remissbanken.",
    prodId: { company: "SmåKom", product: "Remissbanken", language: "SV" },
    ttl: REFRESH_SECONDS,
  });
  calendar.x([{ key: "X-WR-TIMEZONE", value: "Europe/Stockholm" }]);
  for (const event of events) {
    const start = utcMidnight(event.date);
    calendar.createEvent({
      id: event.uid,
      allDay: true,
      start,
      end: new Date(start.getTime() + 86_400_000),
      summary: event.summary,
      description: event.description,
      url: event.url,
      sequence: event.sequence,
      stamp: event.lastModified,
      lastModified: event.lastModified,
      // A deadline is a reminder, not a meeting: it must not make the person look busy.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}
