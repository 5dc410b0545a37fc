/** The yearly report of the priority areas: its figures, the year it shows, and its CSV. */
import { label } from "./labels";
import { todayInStockholm } from "./format";

export interface ReportGoal {
  id: string;
  text: string;
  status: string;
  comment: string | null;
}

export interface ReportArea {
  area: { id: string; name: string };
  inquiriesFollowed: number;
  responsesSent: number;
  memberInputReceived: number;
  goals: ReportGoal[];
}

export interface PriorityReportData {
  year: number;
  areas: ReportArea[];
}

/** The three figures per area, in the order the table, the chart and the CSV show them. */
export const SERIES = [
  { key: "inquiriesFollowed", label: "Aktiva utredningar", color: "#1f5f8b" },
  { key: "responsesSent", label: "Skickade remissvar", color: "#b35806" },
  { key: "memberInputReceived", label: "Inkomna synpunkter", color: "#6a3d9a" },
] as const satisfies readonly { key: keyof ReportArea; label: string; color: string }[];

/** Goal statuses in the order the report counts them: achieved first. */
export const GOAL_STATUS_ORDER = ["ACHIEVED", "IN_PROGRESS", "NOT_STARTED", "NOT_ACHIEVED"] as const;

export function currentYear(now = new Date()): number {
  return Number(todayInStockholm(now).slice(0, 4));
}

/** The year asked for in `?ar=`, or this year when it is missing or not a year the API takes. */
export function yearFromUrl(url: string | URL, now = new Date()): number {
  const asked = Number(new URL(url).searchParams.get("ar"));
  return Number.isInteger(asked) && asked >= 1900 && asked <= 2100 ? asked : currentYear(now);
}

/** How many of the area's goals have each status. */
export function goalTally(goals: Pick<ReportGoal, "status">[]): Record<(typeof GOAL_STATUS_ORDER)[number], number> {
  const tally = { ACHIEVED: 0, IN_PROGRESS: 0, NOT_STARTED: 0, NOT_ACHIEVED: 0 };
  for (const goal of goals) if (goal.status in tally) tally[goal.status as keyof typeof tally]++;
  return tally;
}

export const CSV_TYPE = "text/csv; charset=utf-8";
const BOM = "\uFEFF";
const SEPARATOR = ";";

/**
 * One cell. A text that starts like a formula (=, +, -, @) gets a leading apostrophe so that
 * Excel shows it rather than runs it (CSV injection); quotes, separators and line breaks are quoted.
 */
function cell(value: string | number): string {
  if (typeof value === "number") return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The report as Swedish Excel opens it: UTF-8 with a byte order mark (or Excel guesses the
 * wrong encoding and å, ä, ö break), semicolons (Swedish Excel's list separator, since the
 * comma is the decimal sign), CRLF line ends. One row per area; its goals in one cell, a line each.
 */
export function priorityReportCsv(report: PriorityReportData): string {
  const header = [
    "År", "Prioriterad fråga", ...SERIES.map((s) => s.label),
    "Mål", ...GOAL_STATUS_ORDER.map((status) => `Mål: ${label("goalStatus", status)}`), "Målen och deras status",
  ];
  const rows = report.areas.map((row) => {
    const tally = goalTally(row.goals);
    const goals = row.goals
      .map((g) => `${g.text} – ${label("goalStatus", g.status)}${g.comment ? ` (${g.comment})` : ""}`)
      .join("\n");
    return [report.year, row.area.name, ...SERIES.map((s) => row[s.key]), row.goals.length, ...GOAL_STATUS_ORDER.map((s) => tally[s]), goals];
  });
  return BOM + [header, ...rows].map((r) => r.map(cell).join(SEPARATOR)).join("\r\n") + "\r\n";
}

export const csvFileName = (year: number) => `prioriterade-fragor-${year}.csv`;
