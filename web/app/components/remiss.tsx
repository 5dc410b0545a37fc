/** The remiss status as a badge, in the remiss pages' colours. */
import { label } from "~/lib/labels";

export function RemissStatusBadge({ status }: { status: string }) {
  return <span className={`badge remiss-status remiss-status-${status.toLowerCase()}`}>{label("remissStatus", status)}</span>;
}
