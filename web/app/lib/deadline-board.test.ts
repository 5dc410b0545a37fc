import { describe, expect, it } from "vitest";
import {
  boardApiFilter, boardRank, daysLeft, deadlineTone, describeMunicipalityCount, parseBoardFilter, sortBoard, sortByInputDeadline,
} from "./deadline-board";

const TODAY = "2026-12-01";
const row = (id: string, deadline: string, memberInputDeadline: string | null = null, status = "TO_ANSWER") => ({
  id, deadline, memberInputDeadline, status,
});

describe("the staff board's order", () => {
  it("puts overdue first, then what is due this week (either deadline), then the rest, each by the ministry's deadline", () => {
    const rows = [
      row("later", "2027-03-01"),
      row("members-this-week", "2027-02-01", "2026-12-05"),
      row("submitted-old", "2012-01-16", null, "SUBMITTED"),
      row("overdue-recent", "2026-11-30"),
      row("this-week", "2026-12-08"),
      row("overdue-long", "2026-10-01"),
      row("earlier-later", "2027-01-15", "2026-11-20"),
      row("declined-recent", "2026-10-30", null, "DECLINED"),
    ];
    expect(sortBoard(rows, TODAY).map((r) => r.id)).toEqual([
      "overdue-long", "overdue-recent", "this-week", "members-this-week", "earlier-later", "later", "declined-recent", "submitted-old",
    ]);
  });

  it("counts a deadline today and one seven days away as this week, and eight days away as later", () => {
    expect(boardRank(row("a", "2026-12-01"), TODAY)).toBe(1);
    expect(boardRank(row("a", "2026-12-08"), TODAY)).toBe(1);
    expect(boardRank(row("a", "2026-12-09"), TODAY)).toBe(2);
    // A members' deadline that has passed no longer makes the remiss urgent.
    expect(boardRank(row("a", "2027-02-01", "2026-11-30"), TODAY)).toBe(2);
  });

  it("does not call a closed remiss overdue", () => {
    expect(boardRank(row("a", "2026-11-01", null, "SUBMITTED"), TODAY)).toBe(3);
    expect(deadlineTone(-30, true)).toBe("done");
  });
});

describe("deadline marks", () => {
  it("marks passed, within a week and later", () => {
    expect(daysLeft("2026-12-06", TODAY)).toBe(5);
    expect(daysLeft("2026-11-29", TODAY)).toBe(-2);
    expect([-1, 0, 7, 8].map((d) => deadlineTone(d))).toEqual(["overdue", "soon", "soon", "later"]);
  });

  it("counts municipalities in Swedish", () => {
    expect([0, 1, 4].map(describeMunicipalityCount)).toEqual(["Inga än", "1 kommun", "4 kommuner"]);
  });
});

describe("the members' list", () => {
  it("orders by the members' deadline, or the ministry's when there is none", () => {
    const rows = [row("a", "2027-01-30", "2027-01-10"), row("b", "2027-01-05"), row("c", "2027-02-01", "2026-12-20")];
    expect(sortByInputDeadline(rows).map((r) => r.id)).toEqual(["c", "b", "a"]);
  });
});

describe("the board's filters in the URL", () => {
  const ME = "00000000-0000-4000-8000-000000000001";
  const OTHER = "00000000-0000-4000-8000-000000000002";

  it("shows open remisser of everyone by default", () => {
    const filter = parseBoardFilter(new URLSearchParams(""));
    expect(filter).toEqual({ status: "open", owner: "all" });
    expect(boardApiFilter(filter, ME)).toEqual({ statuses: ["MONITORING", "TO_ANSWER", "DRAFTING", "DECIDED"] });
  });

  it("reads all, one status, mine and one person", () => {
    expect(boardApiFilter(parseBoardFilter(new URLSearchParams("status=alla&ansvarig=mina")), ME)).toEqual({ ownerId: ME });
    expect(boardApiFilter(parseBoardFilter(new URLSearchParams(`status=SUBMITTED&ansvarig=${OTHER}`)), ME)).toEqual({
      statuses: ["SUBMITTED"], ownerId: OTHER,
    });
  });

  it("ignores values it does not know instead of failing", () => {
    expect(parseBoardFilter(new URLSearchParams("status=bogus&ansvarig=x' OR 1=1"))).toEqual({ status: "open", owner: "all" });
  });
});
