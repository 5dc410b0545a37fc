/**
 * The rules of the start pages' deadline lists: which remisser come first, how a
 * deadline is marked, and the staff board's filters as they stand in the URL.
 */
import { differenceInCalendarDays, parseISO } from "date-fns";

/** A deadline within this many days is due soon ("this week"). */
export const SOON_DAYS = 7;

/** Statuses whose remiss needs no more work: SmåKom declined or has sent its answer. */
export const CLOSED_STATUSES = ["DECLINED", "SUBMITTED"] as const;
export const OPEN_STATUSES = ["MONITORING", "TO_ANSWER", "DRAFTING", "DECIDED"] as const;
export type RemissStatusValue = (typeof OPEN_STATUSES)[number] | (typeof CLOSED_STATUSES)[number];
const ALL_STATUSES: readonly string[] = [...OPEN_STATUSES, ...CLOSED_STATUSES];

export const isClosed = (status: string) => (CLOSED_STATUSES as readonly string[]).includes(status);

/** Calendar days from `today` to `day` (both "YYYY-MM-DD"); negative once it has passed. */
export function daysLeft(day: string, today: string): number {
  return differenceInCalendarDays(parseISO(day), parseISO(today));
}

export type Tone = "overdue" | "soon" | "later" | "done";

/** How a deadline is marked: passed, within a week, later, or moot because the remiss is closed. */
export function deadlineTone(days: number, closed = false): Tone {
  if (closed) return "done";
  if (days < 0) return "overdue";
  return days <= SOON_DAYS ? "soon" : "later";
}

export const TONE_CLASS: Record<Tone, string> = {
  overdue: "badge badge-overdue",
  soon: "badge badge-soon",
  later: "badge",
  done: "muted",
};

interface BoardRow {
  id: string;
  status: string;
  deadline: string;
  memberInputDeadline: string | null;
}

/**
 * 0: the ministry's deadline has passed and the remiss is still open;
 * 1: the ministry's or the members' deadline falls within the coming week;
 * 2: later; 3: closed (declined or submitted).
 */
export function boardRank(row: BoardRow, today: string): number {
  if (isClosed(row.status)) return 3;
  const days = daysLeft(row.deadline, today);
  if (days < 0) return 0;
  const member = row.memberInputDeadline ? daysLeft(row.memberInputDeadline, today) : null;
  if (days <= SOON_DAYS || (member !== null && member >= 0 && member <= SOON_DAYS)) return 1;
  return 2;
}

/**
 * The staff board's order: overdue first, then what is due this week, then the rest,
 * each by the ministry's deadline, earliest first. Closed remisser (shown only when
 * asked for) come last, the most recent first, since their deadlines are history.
 */
export function sortBoard<T extends BoardRow>(rows: readonly T[], today: string): T[] {
  return [...rows].sort((a, b) => {
    const rank = boardRank(a, today) - boardRank(b, today);
    if (rank !== 0) return rank;
    const order = isClosed(a.status) ? b.deadline.localeCompare(a.deadline) : a.deadline.localeCompare(b.deadline);
    return order || a.id.localeCompare(b.id);
  });
}

/** The last day a member may send input: the members' deadline, or the ministry's when there is none. */
export function inputDeadline(row: { deadline: string; memberInputDeadline: string | null }): string {
  return row.memberInputDeadline ?? row.deadline;
}

/** Remisser asking members for input, the one closing first on top. */
export function sortByInputDeadline<T extends { id: string; deadline: string; memberInputDeadline: string | null }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => inputDeadline(a).localeCompare(inputDeadline(b)) || a.id.localeCompare(b.id));
}

/** The staff board's filters as they stand in the URL (?status=…&ansvarig=…). */
export interface BoardFilter {
  /** "open" (the default), "all", or one status. */
  status: "open" | "all" | RemissStatusValue;
  /** "all" (the default), "mine", or a user's id. */
  owner: string;
}

export const STATUS_PARAM = "status";
export const OWNER_PARAM = "ansvarig";

export function parseBoardFilter(params: URLSearchParams): BoardFilter {
  const status = params.get(STATUS_PARAM) ?? "";
  const owner = params.get(OWNER_PARAM) ?? "";
  return {
    status: status === "alla" ? "all" : ALL_STATUSES.includes(status) ? (status as RemissStatusValue) : "open",
    owner: owner === "mina" ? "mine" : /^[0-9a-f-]{36}$/i.test(owner) ? owner : "all",
  };
}

/** The API's RemissFilter for the board's filters. */
export function boardApiFilter(filter: BoardFilter, meId: string): { statuses?: RemissStatusValue[]; ownerId?: string } {
  return {
    ...(filter.status === "open" ? { statuses: [...OPEN_STATUSES] } : filter.status === "all" ? {} : { statuses: [filter.status] }),
    ...(filter.owner === "mine" ? { ownerId: meId } : filter.owner !== "all" ? { ownerId: filter.owner } : {}),
  };
}

/** "Inga än", "1 kommun", "3 kommuner". */
export function describeMunicipalityCount(count: number): string {
  if (count === 0) return "Inga än";
  return count === 1 ? "1 kommun" : `${count} kommuner`;
}
