/** The badge class of each goal status, so achieved and missed goals read the same on every page. */
export const GOAL_STATUS_BADGE: Record<string, string> = {
  ACHIEVED: "badge badge-ok",
  NOT_ACHIEVED: "badge badge-overdue",
  IN_PROGRESS: "badge badge-soon",
  NOT_STARTED: "badge badge-muted",
};
