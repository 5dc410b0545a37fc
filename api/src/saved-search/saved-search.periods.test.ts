import { describe, expect, it } from "vitest";
import { SavedSearchFrequency } from "@remissbanken/schema";
import { isoWeek } from "../notify/mail-text.js";
import { duePeriod } from "./saved-search.periods.js";

describe("when a saved search's mail is due (Stockholm time)", () => {
  it("numbers weeks as ISO 8601 does, at year ends too", () => {
    expect(["2026-12-01", "2027-01-04", "2027-01-11", "2027-01-03", "2021-01-03", "2020-12-31", "2026-12-31", "2024-12-30"].map(isoWeek)).toEqual([
      "2026-W49", "2027-W01", "2027-W02", "2026-W53", "2020-W53", "2020-W53", "2026-W53", "2025-W01",
    ]);
  });

  it("daily from 07:00, weekly on Monday from 07:00, never for NEVER", () => {
    const winter = (iso: string) => new Date(iso); // UTC+1 in January
    expect(duePeriod(SavedSearchFrequency.DAILY, winter("2027-01-05T05:59:00Z"))).toBeNull();
    expect(duePeriod(SavedSearchFrequency.DAILY, winter("2027-01-05T06:00:00Z"))).toBe("2027-01-05");
    // 23:30 UTC on the 5th is 00:30 on the 6th in Stockholm: the 6th, but not its morning yet.
    expect(duePeriod(SavedSearchFrequency.DAILY, winter("2027-01-05T22:59:00Z"))).toBe("2027-01-05");
    expect(duePeriod(SavedSearchFrequency.DAILY, winter("2027-01-05T23:30:00Z"))).toBeNull();
    expect(duePeriod(SavedSearchFrequency.WEEKLY, winter("2027-01-11T06:00:00Z"))).toBe("2027-W02");
    expect(duePeriod(SavedSearchFrequency.WEEKLY, winter("2027-01-12T08:00:00Z"))).toBeNull();
    expect(duePeriod(SavedSearchFrequency.NEVER, winter("2027-01-11T08:00:00Z"))).toBeNull();
    // Summer time: 07:00 in Stockholm is 05:00 UTC.
    expect(duePeriod(SavedSearchFrequency.DAILY, new Date("2027-06-01T05:00:00Z"))).toBe("2027-06-01");
  });
});
