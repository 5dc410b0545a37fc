/**
 * Sending one queued notification: the worker's `sendNotification` job. The row is locked
 * for the whole send, so two workers never send the same key; what changed since planning
 * (user archived, kind turned off, remiss answered) is checked under that lock.
 */
import { createHash } from "node:crypto";
import type { DataSource, EntityManager } from "typeorm";
import { Notification, User } from "@remissbanken/schema";
import type { Mailer } from "../auth/mailer.js";
import type { NotificationKind, Planner, PlannedMail } from "./planned-mail.js";
import { isKindEnabled } from "./notification-settings.js";

/** Where a user changes which mail they get (the settings page's e-mail section). */
export const EMAIL_SETTINGS_PATH = "/installningar#e-post";

export interface SenderServices {
  ds: DataSource;
  mailer: Pick<Mailer, "send">;
  /** The web app's public address, for the footer's link. */
  publicUrl: string;
  planners: Planner[];
  /** Tests move the clock by passing their own. */
  clock: () => Date;
}

export type SendOutcome = "sent" | "dropped" | "done before" | "unknown key";

/** The footer every notification ends with. */
export function notificationFooter(publicUrl: string): string {
  return `-- \nDu får det här mejlet från Remissbanken. Ändra vilka mejl du får: ${publicUrl}${EMAIL_SETTINGS_PATH}`;
}

/**
 * The same Message-ID every time a key is sent, so a mail sent twice (a crash after SMTP
 * accepted it and before the row was marked sent) is recognisable as one by mail clients
 * and by whoever reads the logs.
 */
export function notificationMessageId(key: string, publicUrl: string): string {
  const hash = createHash("sha256").update(key).digest("hex").slice(0, 40);
  return `<notification.${hash}@${new URL(publicUrl).hostname}>`;
}

/**
 * Sends the notification with `key` unless it was sent or dropped before or is no longer
 * wanted. A failed send is recorded on the row and thrown, so the job is retried.
 */
export async function sendNotification(services: SenderServices, key: string): Promise<SendOutcome> {
  const { ds, mailer, publicUrl, clock } = services;
  try {
    return await ds.transaction(async (manager) => {
      const row = await manager.findOne(Notification, { where: { key }, lock: { mode: "pessimistic_write" } });
      if (!row) return "unknown key";
      if (row.sentAt || row.droppedAt) return "done before";
      const now = clock();
      const reason = await reasonToDrop(manager, row, services.planners, now);
      if (reason) {
        await manager.update(Notification, row.id, { droppedAt: now, droppedReason: reason });
        return "dropped";
      }
      const text = `${row.mailText.trimEnd()}\n\n${notificationFooter(publicUrl)}\n`;
      await mailer.send({ to: row.recipient, subject: row.mailSubject, text }, { messageId: notificationMessageId(key, publicUrl) });
      await manager.update(Notification, row.id, { sentAt: now, attempts: row.attempts + 1, lastError: null });
      return "sent";
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // Outside the failed transaction, or the record of the attempt would roll back with it.
    await ds
      .query(`UPDATE notification SET attempts = attempts + 1, last_error = $2 WHERE key = $1`, [key, message.slice(0, 2000)])
      .catch(() => undefined);
    throw error;
  }
}

async function reasonToDrop(manager: EntityManager, row: Notification, planners: Planner[], now: Date): Promise<string | null> {
  const user = await manager.findOne(User, { where: { id: row.userId } });
  if (!user || !user.active || user.archivedAt) return "the user is archived or inactive";
  const kind = row.kind as NotificationKind;
  if (!(await isKindEnabled(manager, row.userId, kind))) return "the user turned this kind of mail off";
  const mail: PlannedMail = {
    key: row.key,
    kind,
    userId: row.userId,
    subject: (row.subject ?? undefined) as PlannedMail["subject"],
    mail: { to: row.recipient, subject: row.mailSubject, text: row.mailText },
  };
  // Every planner of the kind that can tell must still want it (normally one planner per kind).
  for (const planner of planners) {
    if (planner.kind === kind && planner.stillDue && !(await planner.stillDue(manager, mail, now))) return "no longer due";
  }
  return null;
}
