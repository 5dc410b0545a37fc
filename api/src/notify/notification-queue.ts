/**
 * Queueing notification mail: a row per key in `notification` and a graphile-worker job
 * that sends it, written in the caller's transaction so a domain write and its mail commit
 * or roll back together.
 */
import type { DataSource, EntityManager } from "typeorm";
import type { Planner, PlannedMail } from "./planned-mail.js";

export const SEND_NOTIFICATION = "sendNotification";
/** With graphile-worker's backoff (exp(attempt) seconds) ten attempts span about three hours. */
export const SEND_MAX_ATTEMPTS = 10;

/** The job's payload: the row holds the mail, so a payload never carries stale text. */
export interface SendNotificationPayload {
  key: string;
}

/**
 * Queues each mail whose key was never queued before, in `manager`'s transaction: the row
 * and its job are both written or neither. Returns the keys that were new.
 */
export async function queueMails(manager: EntityManager, mails: PlannedMail[]): Promise<string[]> {
  const queued: string[] = [];
  for (const mail of mails) {
    const inserted: { key: string }[] = await manager.query(
      `INSERT INTO notification (key, kind, user_id, subject, recipient, mail_subject, mail_text)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (key) DO NOTHING
       RETURNING key`,
      [mail.key, mail.kind, mail.userId, mail.subject ?? null, mail.mail.to, mail.mail.subject, mail.mail.text],
    );
    if (!inserted.length) continue;
    const payload: SendNotificationPayload = { key: mail.key };
    // The job key is a second guard: graphile-worker keeps one pending job per key.
    await manager.query(`SELECT graphile_worker.add_job($1, $2::json, max_attempts := $3, job_key := $4)`, [
      SEND_NOTIFICATION,
      JSON.stringify(payload),
      SEND_MAX_ATTEMPTS,
      `notification:${mail.key}`,
    ]);
    queued.push(mail.key);
  }
  return queued;
}

export interface PlanningResult {
  queued: number;
  /** Planners that threw, by kind; the others' mail is queued all the same. */
  failed: { kind: string; error: Error }[];
}

/** Runs every planner for `now` and queues the mails they return (the worker's ten-minute cron). */
export async function planNotifications(ds: DataSource, now: Date, planners: Planner[]): Promise<PlanningResult> {
  const result: PlanningResult = { queued: 0, failed: [] };
  for (const planner of planners) {
    try {
      const mails = await planner.plan(ds, now);
      if (!mails.length) continue;
      const queued = await ds.transaction((manager) => queueMails(manager, mails));
      result.queued += queued.length;
    } catch (error) {
      // One broken planner must not keep the others' reminders from going out.
      result.failed.push({ kind: planner.kind, error: error as Error });
    }
  }
  return result;
}
