import { describe, expect, it } from "vitest";
import ical, { type VEvent } from "node-ical";
import type { Inquiry } from "@remissbanken/schema";
import { calendarScope, inquiryReportDueEvent } from "./calendar-events.js";
import { renderCalendar } from "./calendar-feed.ics.js";

describe("calendar events without a database", () => {
  it("writes an inquiry's report due date as an all-day event for the follows source", () => {
    const scope = calendarScope("https://remissbanken.example", "2026-12-01");
    expect(scope.from).toBe("2025-12-01");
    const inquiry = {
      id: "1b2c", name: "Strandskyddsutredningen", committeeDesignation: "M 2019:02", reportDueDate: "2027-11-30",
      version: 4, updatedAt: new Date("2026-11-02T09:00:00Z"),
    } as Inquiry & { reportDueDate: string };
    const event = inquiryReportDueEvent(inquiry, scope);
    expect(event).toMatchObject({
      uid: "inquiry-1b2c-report-due@remissbanken",
      date: "2027-11-30",
      summary: "Utredningen redovisas: Strandskyddsutredningen (M 2019:02)",
      url: "https://remissbanken.example/utredningar/1b2c",
      sequence: 4,
    });

    const text = renderCalendar([event]);
    const parsed = ical.sync.parseICS(text)[event.uid] as VEvent;
    expect(parsed.datetype).toBe("date");
    expect(parsed.summary).toBe(event.summary);
    expect(text).toContain("DTSTART;VALUE=DATE:20271130");
    expect(text).toContain("DTEND;VALUE=DATE:20271201");
    expect(text).toContain("TRANSP:TRANSPARENT");
    expect(text).toContain("DTSTAMP:20261102T090000Z");
  });
});
