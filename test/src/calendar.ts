/** Reading a calendar feed back as Outlook or Google would: over HTTP, parsed by an iCalendar parser. */
import ical, { type VEvent } from "node-ical";

export interface FeedEvent {
  uid: string;
  /** "YYYY-MM-DD" of an all-day event. */
  date: string;
  /** Whether DTSTART is a DATE (all day), not a DATE-TIME. */
  allDay: boolean;
  summary: string;
  description: string;
  url: string;
  sequence: number;
  lastModified: Date | undefined;
}

export interface FetchedFeed {
  status: number;
  headers: Headers;
  text: string;
  calendarName: string | undefined;
  events: Map<string, FeedEvent>;
}

const pad = (n: number) => String(n).padStart(2, "0");
/** node-ical gives a DATE as local midnight. */
const localDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

export async function fetchFeed(url: string, headers: Record<string, string> = {}): Promise<FetchedFeed> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  const events = new Map<string, FeedEvent>();
  let calendarName: string | undefined;
  if (res.status === 200) {
    for (const component of Object.values(ical.sync.parseICS(text))) {
      if (component?.type === "VCALENDAR") calendarName = (component as unknown as Record<string, string>)["WR-CALNAME"];
      if (component?.type !== "VEVENT") continue;
      // Typed as a string, parsed as { params, val } when the line has parameters (URL;VALUE=URI:…).
      const url = (component as VEvent).url as unknown as { val: string } | string | undefined;
      events.set(component.uid, {
        uid: component.uid,
        date: localDay(component.start),
        allDay: component.datetype === "date",
        summary: String(component.summary),
        description: String(component.description ?? ""),
        url: typeof url === "string" ? url : (url?.val ?? ""),
        sequence: Number(component.sequence),
        lastModified: component.lastmodified,
      });
    }
  }
  return { status: res.status, headers: res.headers, text, calendarName, events };
}
