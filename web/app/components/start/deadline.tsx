import { formatDate, describeDaysLeft } from "~/lib/format";
import { daysLeft, deadlineTone, TONE_CLASS } from "~/lib/deadline-board";

/** A deadline as its date and the days left, marked when passed or within a week. */
export function Deadline({ date, today, closed = false }: { date: string | null; today: string; closed?: boolean }) {
  if (!date) return <span className="muted">Ingen</span>;
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
