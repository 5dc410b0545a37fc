import { formatDate, describeDaysLeft } from "~/lib/format";
import { daysLeft, deadlineTone, TONE_CLASS } from "~/lib/deadline-board";

/** What a remiss without its own member-input deadline shows: members answer by the ministry's. */
export const SAME_AS_DEADLINE = "Samma som sista svarsdag";

/** A deadline as its date and the days left, marked when passed or within a week. */
export function Deadline({ date, today, closed = false, missing = "Ingen" }: { date: string | null; today: string; closed?: boolean; missing?: string }) {
  if (!date) return <span className="muted">{missing}</span>;
  const days = daysLeft(date, today);
  const tone = deadlineTone(days, closed);
  return (
    <span className="deadline">
      <time dateTime={date}>{formatDate(date)}</time>{" "}
      <span className={TONE_CLASS[tone]}>
        {tone === "overdue" && <span className="visually-hidden">Passerad: </span>}
        {describeDaysLeft(days)}
      </span>
    </span>
  );
}
