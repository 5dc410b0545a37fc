import { Remiss, User } from "@remissbanken/schema";
import { addDays, daysBetween, stockholmDate } from "../common/dates.js";
import type { Planner, PlannedMail } from "./planned-mail.js";
import { isKindEnabled, remisserWhoseOwnerReceives } from "./notification-settings.js";
import { diarienummerSuffix, documentTitle, inDays, SIGNATURE, swedishDate, unansweredRemiss, type MailSettings } from "./mail-text.js";

/** Days before the ministry's deadline (Stockholm calendar days) on which the responsible person is reminded. */
export const DEADLINE_REMINDER_DAYS = [14, 7, 1] as const;

/** The deadline is part of the key: a moved deadline is reminded of again. */
const keyOf = (remiss: Pick<Remiss, "id" | "deadline">, days: number, userId: string) =>
  `deadlineReminder:${remiss.id}:${remiss.deadline}:${days}:${userId}`;

function reminderMail(remiss: Remiss, owner: User, days: number, { publicUrl }: MailSettings): PlannedMail {
  const title = documentTitle(remiss.document!);
  const memberDeadline = remiss.memberInputDeadline ? `Sista dag för medlemskommunernas synpunkter: ${swedishDate(remiss.memberInputDeadline)}\n` : "";
  return {
    key: keyOf(remiss, days, owner.id),
    kind: "deadlineReminder",
    userId: owner.id,
    subject: { type: "remiss", id: remiss.id },
    mail: {
      to: owner.email,
      subject: `Sista svarsdag ${inDays(days)}: ${title}`,
      text:
        `Hej ${owner.name}!\n\n` +
        `Remissen ${title} har sista svarsdag ${swedishDate(remiss.deadline)}, ${inDays(days)}. ` +
        `Du är ansvarig för den på kansliet, och SmåKoms remissvar är inte inskickat än.\n\n` +
        `Departement: ${remiss.ministry}${diarienummerSuffix(remiss.diarienummer)}\n` +
        memberDeadline +
        `\nRemissen i Remissbanken:\n${publicUrl}/remisser/${remiss.id}\n\n${SIGNATURE}`,
    },
  };
}

/** Staff: 14, 7 and 1 days before the ministry's deadline of a remiss they are responsible for, until it is answered. */
export function deadlineReminderPlanner(settings: MailSettings): Planner {
  return {
    kind: "deadlineReminder",
    async plan(ds, now) {
      const today = stockholmDate(now);
      const open = unansweredRemiss("r");
      const remisser = await remisserWhoseOwnerReceives(ds.manager, "deadlineReminder")
        .andWhere("r.deadline IN (:...dates)", { dates: DEADLINE_REMINDER_DAYS.map((days) => addDays(today, days)) })
        .andWhere(open.sql, open.params)
        .orderBy("r.deadline")
        .addOrderBy("r.id")
        .getMany();
      return remisser.map((remiss) => reminderMail(remiss, remiss.owner!, daysBetween(today, remiss.deadline), settings));
    },
    async stillDue(manager, mail, now) {
      if (mail.subject?.type !== "remiss") return false;
      const open = unansweredRemiss("r");
      const remiss = await manager
        .getRepository(Remiss)
        .createQueryBuilder("r")
        .where("r.id = :id", { id: mail.subject.id })
        .andWhere(open.sql, open.params)
        .getOne();
      // Archived, answered, handed to someone else or moved (a new key reminds of the new date): not this mail.
      if (!remiss || remiss.ownerId !== mail.userId || !mail.key.includes(`:${remiss.deadline}:`)) return false;
      if (remiss.deadline < stockholmDate(now)) return false;
      return isKindEnabled(manager, mail.userId, "deadlineReminder");
    },
  };
}
