import { describe, expect, it } from "vitest";
import { parseCsv } from "../../e2e/csv";
import { goalTally, priorityReportCsv, yearFromUrl, type PriorityReportData } from "./priority-report";

const REPORT: PriorityReportData = {
  year: 2026,
  areas: [
    {
      area: { id: "a", name: "Bostadsförsörjning; strandskydd" },
      inquiriesFollowed: 3,
      responsesSent: 2,
      memberInputReceived: 7,
      goals: [
        { id: "g1", text: 'Ett "differentierat" strandskydd', status: "ACHIEVED", comment: "Klart i juni.\nBeslut i riksdagen." },
        { id: "g2", text: "=HYPERLINK(\"https://evil.example\")", status: "NOT_STARTED", comment: null },
      ],
    },
    { area: { id: "b", name: "=1+1" }, inquiriesFollowed: 0, responsesSent: 0, memberInputReceived: 0, goals: [] },
  ],
};

describe("priorityReportCsv", () => {
  const csv = priorityReportCsv(REPORT);

  it("starts with a byte order mark and ends rows with CRLF, for Excel", () => {
    expect(csv.startsWith("\uFEFFÅr;Prioriterad fråga;")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("reads back with the figures, the goal tally and the goals, separators and quotes intact", () => {
    const [header, housing, agenda, ...rest] = parseCsv(csv.slice(1));
    expect(rest).toEqual([]);
    expect(header).toEqual([
      "År", "Prioriterad fråga", "Aktiva utredningar", "Skickade remissvar", "Inkomna synpunkter",
      "Mål", "Mål: Uppnått", "Mål: Pågår", "Mål: Ej påbörjat", "Mål: Ej uppnått", "Målen och deras status",
    ]);
    expect(housing.slice(0, 10)).toEqual(["2026", "Bostadsförsörjning; strandskydd", "3", "2", "7", "2", "1", "0", "1", "0"]);
    expect(housing[10].split("\n")).toEqual([
      'Ett "differentierat" strandskydd – Uppnått (Klart i juni.',
      "Beslut i riksdagen.)",
      `=HYPERLINK("https://evil.example") – Ej påbörjat`,
    ]);
    // A cell that starts like a formula is shown, not run.
    expect(agenda).toEqual(["2026", "'=1+1", "0", "0", "0", "0", "0", "0", "0", "0", ""]);
  });

  it("is only the header for a year without areas", () => {
    expect(parseCsv(priorityReportCsv({ year: 2030, areas: [] }).slice(1))).toHaveLength(1);
  });
});

describe("yearFromUrl", () => {
  const now = new Date("2026-12-31T23:30:00Z"); // already 2027 in Stockholm
  it.each([
    ["?ar=2025", 2025],
    ["", 2027],
    ["?ar=tjugo", 2027],
    ["?ar=1899", 2027],
    ["?ar=2025.5", 2027],
  ])("reads %s as %i", (query, year) => {
    expect(yearFromUrl(`https://remissbanken.example/prioriterade-fragor/rapport${query}`, now)).toBe(year);
  });
});

describe("goalTally", () => {
  it("counts each status", () => {
    expect(goalTally([{ status: "ACHIEVED" }, { status: "ACHIEVED" }, { status: "NOT_ACHIEVED" }])).toEqual({ ACHIEVED: 2, IN_PROGRESS: 0, NOT_STARTED: 0, NOT_ACHIEVED: 1 });
  });
});
