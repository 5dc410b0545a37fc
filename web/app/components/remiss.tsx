/** Small pieces the remiss pages share: a deadline with the days left, a status badge. */
import { daysUntil, describeDaysLeft, formatDate } from "~/lib/format";
import { label } from "~/lib/labels";

/** Within this many days a deadline is shown as close. */
const SOON_DAYS = 14;

export function deadlineTone(days: number): "overdue" | "soon" | "ok" {
  if (days < 0) return "overdue";
  return days <= SOON_DAYS ? "soon" : "ok";
}

/** "30 januari 2027" and a badge "om 45 dagar" (red once passed, amber when close). */
export function Deadline({ day, passedText }: { day: string | null | undefined; passedText?: string }) {
  if (!day) return <span className="muted">Ingen angiven</span>;
  const days = daysUntil(day);
  const tone = deadlineTone(days);
  return (
    <span className="deadline">
      <time dateTime={day}>{formatDate(day)}</time>{" "}
      <span className={`badge badge-${tone}`}>{days < 0 && passedText ? passedText : describeDaysLeft(days)}</span>
    </span>
  );
}

export function RemissStatusBadge({ status }: { status: string }) {
  return <span className={`badge remiss-status remiss-status-${status.toLowerCase()}`}>{label("remissStatus", status)}</span>;
}

/** "Spara i goda tider (SOU 2011:59)", or the title alone for documents without a designation. */
export function reportName(document: { designation: string | null; title: string }): string {
  return document.designation ? `${document.title} (${document.designation})` : document.title;
}
