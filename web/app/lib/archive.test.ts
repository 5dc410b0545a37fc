import { describe, expect, it } from "vitest";
import { archiveDate, archiveHref, archiveYears, isFiltered, readArchiveFilter, stanceSummary, takesStance } from "./archive";
import { designationLines, NewPositionForm, pickedIds } from "./position-form";
import { answeredNumbers, openHeadings, withReportSections } from "./report-outline";
import { emptySection } from "./response-editor";

const AREA = "0b7f3c1e-6a2d-4c1b-9f7e-2d3c4b5a6978";

describe("readArchiveFilter", () => {
  it("reads area, year, stance, words and cursor from the URL", () => {
    const f = readArchiveFilter(new URLSearchParams(`omrade=${AREA}&ar=2012&stallning=OPPOSES&q=%20fond%20&efter=abc`), 2026);
    expect(f).toMatchObject({ areaId: AREA, year: 2012, stance: "OPPOSES", query: "fond", after: "abc", errors: [] });
    expect(isFiltered(f)).toBe(true);
    // The cursor belongs to one page: links to other pages build their own.
    expect(archiveHref(f)).toBe(`/stallningstaganden?omrade=${AREA}&ar=2012&stallning=OPPOSES&q=fond`);
    expect(archiveHref(f, "xyz")).toContain("&efter=xyz");
  });

  it("ignores what cannot be used and says so in Swedish", () => {
    const f = readArchiveFilter(new URLSearchParams("omrade=nej&ar=3000&stallning=KANSKE"), 2026);
    expect(f).toMatchObject({ areaId: null, year: null, stance: null });
    expect(f.errors).toHaveLength(3);
    expect(isFiltered(f)).toBe(false);
    expect(archiveHref(readArchiveFilter(new URLSearchParams(""), 2026))).toBe("/stallningstaganden");
  });

  it("offers the years from the newest back to the first", () => {
    const years = archiveYears(2026);
    expect(years[0]).toBe(2026);
    expect(years.at(-1)).toBe(2005);
  });
});

describe("a row of the archive", () => {
  const sections = [{ stance: "OPPOSES" }, { stance: "SUPPORTS_WITH_CHANGES" }, { stance: null }, { stance: "OPPOSES" }];

  it("sums up the stances in the labels' order", () => {
    expect(stanceSummary(sections)).toBe("Tillstyrker med ändringar 1 · Avstyrker 2");
    expect(stanceSummary([{ stance: null }])).toBe("");
  });

  it("narrows search hits by stance as the API's filter does", () => {
    expect(takesStance(sections, "OPPOSES")).toBe(true);
    expect(takesStance(sections, "SUPPORTS")).toBe(false);
    expect(takesStance([], null)).toBe(true);
  });

  it("is dated by when it was sent, else decided, else the date on it", () => {
    expect(archiveDate({ submittedAt: "2012-01-12T11:00:00Z", approvedAt: "2012-01-10T11:00:00Z", letterDate: null })).toBe("2012-01-12T11:00:00Z");
    expect(archiveDate({ submittedAt: null, approvedAt: null, letterDate: "2021-03-01" })).toBe("2021-03-01");
  });
});

describe("the new-position form", () => {
  it("needs a title and reads designations one a line", () => {
    const ok = NewPositionForm.safeParse({ title: " Strandskydd ", designations: "SOU 2011:59\n\nSOU 2011:59\nDir. 2019:41" });
    expect(ok.success && ok.data).toEqual({ title: "Strandskydd", inquiryId: null, designations: ["SOU 2011:59", "Dir. 2019:41"] });
    const bad = NewPositionForm.safeParse({ title: "", inquiryId: "nej", designations: "inte en beteckning" });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.message)).toEqual([
      "Skriv en titel.", "Välj en utredning i listan.", "Beteckningen inte en beteckning kunde inte tolkas. Skriv till exempel SOU 2011:59.",
    ]);
    expect(designationLines(" a \r\nb\n")).toEqual(["a", "b"]);
    expect(pickedIds([AREA, "nej", AREA])).toEqual([AREA]);
  });
});

describe("sections from the report's headings", () => {
  const headings = [
    { number: "7", title: "Resultatutjämningsreserver", level: 1 },
    { number: "7.1", title: "Gällande regler", level: 2 },
    { number: "8", title: "Kommunstabiliseringsfond", level: 1 },
  ];
  const typed = [{ ...emptySection(), number: "8", heading: "Fonden", body: "Det vi har skrivit." }];

  it("adds the picked headings in the report's order, keeping the draft and skipping numbers already answered", () => {
    const sections = withReportSections(typed, headings, ["8", "7.1", "7", "99"]);
    expect(sections.map((s) => [s.number, s.heading, s.body])).toEqual([
      ["8", "Fonden", "Det vi har skrivit."], ["7", "Resultatutjämningsreserver", ""], ["7.1", "Gällande regler", ""],
    ]);
    expect(openHeadings(headings, sections)).toEqual([]);
    expect(openHeadings(headings, typed).map((h) => h.number)).toEqual(["7", "7.1"]);
  });

  it("asks the report only for the numbers the response answers", () => {
    expect(answeredNumbers([{ number: "7" }, { number: null }, { number: " 7 " }, { number: "8" }])).toEqual(["7", "8"]);
  });
});
