/**
 * The contract between what decides that someone should be told something (a planner) and
 * what sends it (the worker's notification queue, api/src/notify/). Planners are pure about
 * time: they get `now` and never read the clock, so tests move the clock by passing a date.
 */
import type { DataSource, EntityManager } from "typeorm";
import type { OutgoingMail } from "../auth/mailer.js";

/** What a mail is about; a user's settings page turns each kind on or off. */
export const NOTIFICATION_KINDS = [
  /** Staff: 14, 7 and 1 days before the deadline of a remiss they are responsible for. */
  "deadlineReminder",
  /** Staff: weekly digest (new documents in their priority areas, coming deadlines, input received). */
  "weeklyDigest",
  /** Staff: member input arrived on a remiss they are responsible for. */
  "inputArrived",
  /** Members: the member-input deadline is near and their municipality has not answered. */
  "inputReminder",
  /** Members: SmåKom asks their municipality for input (an input request). */
  "inputRequested",
  /** Members: the receipt for input they sent or changed; sent by the API at once, not planned. */
  "inputReceipt",
  /** New or changed matches of a saved search. */
  "savedSearch",
  /** News in a followed inquiry's chain: new document, new remiss, deadline moved. */
  "follow",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** One mail a planner decided is due. */
export interface PlannedMail {
  /**
   * Unique for ever: a mail with a key already queued is never queued again, whatever runs
   * twice or restarts. Build it from what makes the mail this one, e.g.
   * `deadlineReminder:<remissId>:<deadline ISO date>:14:<userId>` (a moved deadline is a new key).
   */
  key: string;
  kind: NotificationKind;
  userId: string;
  /** What it concerns, for the check just before sending (archived or answered meanwhile?). */
  subject?: { type: "remiss" | "inquiry" | "savedSearch" | "inputRequest"; id: string };
  /** The sender adds the footer with the link to change one's settings; leave it out here. */
  mail: OutgoingMail;
}

export interface Planner {
  kind: NotificationKind;
  /** The mails due at `now` (the queue drops keys it has seen). Respect the users' settings. */
  plan(ds: DataSource, now: Date): Promise<PlannedMail[]>;
  /** Called in the sender's transaction just before sending; false drops the mail unsent. */
  stillDue?(manager: EntityManager, mail: PlannedMail, now: Date): Promise<boolean>;
}
