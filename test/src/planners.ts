/**
 * A stand-in for the worker's notification queue in planner tests: each key is queued once,
 * and a queued mail is "sent" when the planner's `stillDue` says so, in a transaction as the
 * sender does. Tests move the clock by passing `now`.
 */
import type { DataSource } from "typeorm";
import type { Planner, PlannedMail } from "@remissbanken/api/notify/planned-mail";

export interface PlannerQueue {
  /** Plans at `now`, queues the new keys and sends what is still due; returns the mails sent. */
  run(now: Date): Promise<PlannedMail[]>;
  /** Every mail sent so far. */
  readonly sent: PlannedMail[];
}

/**
 * `subjects`: the ids (saved searches, inquiries) whose mails this queue takes; the others
 * belong to other tests sharing the database, and sending them would change their story.
 */
export function plannerQueue(planner: Planner, ds: DataSource, subjects: string[]): PlannerQueue {
  const queued = new Set<string>();
  const sent: PlannedMail[] = [];
  return {
    sent,
    async run(now) {
      const planned = await planner.plan(ds, now);
      const fresh = planned.filter((mail) => mail.subject && subjects.includes(mail.subject.id) && !queued.has(mail.key));
      const sentNow: PlannedMail[] = [];
      for (const mail of fresh) {
        queued.add(mail.key);
        const due = planner.stillDue ? await ds.transaction((m) => planner.stillDue!(m, mail, now)) : true;
        if (due) sentNow.push(mail);
      }
      sent.push(...sentNow);
      return sentNow;
    },
  };
}

/** A moment given as Stockholm wall-clock time in winter (UTC+1), e.g. stockholmTime("2027-01-04", 8). */
export const stockholmWinterTime = (date: string, hour: number) => new Date(`${date}T${String(hour - 1).padStart(2, "0")}:00:00Z`);

/** The mails about one subject (a saved search, an inquiry): other tests' rows share the database. */
export const about = (id: string) => (mails: PlannedMail[]) => mails.filter((mail) => mail.subject?.id === id);
