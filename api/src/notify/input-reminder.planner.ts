import { In, type EntityManager } from "typeorm";
import { MemberInputStatus, Remiss, Role } from "@remissbanken/schema";
import { addDays, daysBetween, stockholmDate } from "../common/dates.js";
import { memberDeadlineOf } from "../member-input/member-input.commands.js";
import type { Planner, PlannedMail } from "./planned-mail.js";
import { isKindEnabled, receivesKind } from "./notification-settings.js";
import { ASKING_FOR_INPUT, diarienummerSuffix, documentTitle, inDays, SIGNATURE, swedishDate, type MailSettings } from "./mail-text.js";

/** Days before the member-input deadline on which members whose municipality has not answered are reminded. */
export const INPUT_REMINDER_DAYS = [3, 1] as const;

interface Due {
  remissId: string;
  /** The member deadline, "YYYY-MM-DD". */
  deadline: string;
  userId: string;
  email: string;
  name: string;
  municipalityName: string;
  hasDraft: boolean;
}

/**
 * The members to remind on a remiss: active contact people of an active municipality that has
 * sent nothing (a draft is not sent; withdrawn input is taken back, so it counts as nothing).
 */
const DUE_SQL = `
  SELECT r.id AS "remissId", to_char(coalesce(r.member_input_deadline, r.deadline), 'YYYY-MM-DD') AS deadline, u.id AS "userId", u.email, u.name, mu.name AS "municipalityName",
         EXISTS (SELECT 1 FROM member_input draft WHERE draft.remiss_id = r.id AND draft.municipality_id = mu.id AND draft.status = :draft) AS "hasDraft"
  FROM remiss r
  JOIN app_user u ON u.role = :member
  JOIN municipality mu ON mu.id = u.municipality_id AND mu.active AND mu.archived_at IS NULL
  WHERE r.archived_at IS NULL AND r.status IN (:...asking)
    AND coalesce(r.member_input_deadline, r.deadline) IN (:...dates)
    AND NOT EXISTS (SELECT 1 FROM member_input sent WHERE sent.remiss_id = r.id AND sent.municipality_id = mu.id AND sent.status = :submitted)`;

/** The members due a reminder on remisser whose member deadline is one of `dates` (plus `where`, e.g. one pair). */
function findDue(manager: EntityManager, dates: string[], where = "", params: Record<string, unknown> = {}): Promise<Due[]> {
  const recipient = receivesKind("u", "inputReminder");
  const [sql, values] = manager.connection.driver.escapeQueryWithParameters(
    `${DUE_SQL} AND ${recipient.sql} ${where} ORDER BY r.id, u.id`,
    {
      draft: MemberInputStatus.DRAFT,
      submitted: MemberInputStatus.SUBMITTED,
      member: Role.MEMBER,
      asking: ASKING_FOR_INPUT,
      dates,
      ...recipient.params,
      ...params,
    },
    {},
  );
  return manager.query(sql, values) as Promise<Due[]>;
}

const keyOf = (remissId: string, deadline: string, days: number, userId: string) => `inputReminder:${remissId}:${deadline}:${days}:${userId}`;

function reminderMail(remiss: Remiss, due: Due, days: number, { publicUrl }: MailSettings): PlannedMail {
  const deadline = memberDeadlineOf(remiss);
  const title = documentTitle(remiss.document!);
  const draft = due.hasDraft
    ? `Det finns ett utkast från ${due.municipalityName} som inte är skickat. Öppna det och välj Skicka, så når det SmåKom.\n\n`
    : "";
  return {
    key: keyOf(remiss.id, deadline, days, due.userId),
    kind: "inputReminder",
    userId: due.userId,
    subject: { type: "remiss", id: remiss.id },
    mail: {
      to: due.email,
      subject: `Sista dag för synpunkter ${inDays(days)}: ${title}`,
      text:
        `Hej ${due.name}!\n\n` +
        `SmåKom tar emot medlemskommunernas synpunkter på remissen ${title} till och med ${swedishDate(deadline)}, ${inDays(days)}. ` +
        `${due.municipalityName} har inte skickat några synpunkter än.\n\n` +
        draft +
        `Remissen kommer från ${remiss.ministry}${diarienummerSuffix(remiss.diarienummer)}. ` +
        `Det ni skickar läses av SmåKoms kansli och styrelse inför SmåKoms remissvar; andra medlemskommuner ser det inte.\n\n` +
        `Skriv och skicka synpunkter här:\n${publicUrl}/remisser/${remiss.id}\n\n${SIGNATURE}`,
    },
  };
}

/** Members: 3 and 1 days before the member-input deadline of a remiss their municipality has not answered. */
export function inputReminderPlanner(settings: MailSettings): Planner {
  return {
    kind: "inputReminder",
    async plan(ds, now) {
      const today = stockholmDate(now);
      const due = await findDue(ds.manager, INPUT_REMINDER_DAYS.map((days) => addDays(today, days)));
      if (!due.length) return [];
      const remisser = await ds.getRepository(Remiss).find({ where: { id: In([...new Set(due.map((d) => d.remissId))]) }, relations: { document: true } });
      const byId = new Map(remisser.map((r) => [r.id, r]));
      return due.map((d) => {
        const remiss = byId.get(d.remissId)!;
        return reminderMail(remiss, d, daysBetween(today, memberDeadlineOf(remiss)), settings);
      });
    },
    async stillDue(manager, mail, now) {
      if (mail.subject?.type !== "remiss") return false;
      // Any day up to the deadline: a retried send is still worth it, a passed deadline is not.
      const dates = Array.from({ length: Math.max(...INPUT_REMINDER_DAYS) + 1 }, (_, days) => addDays(stockholmDate(now), days));
      const rows = await findDue(manager, dates, "AND r.id = :remissId AND u.id = :userId", { remissId: mail.subject.id, userId: mail.userId });
      // A moved deadline has its own key (and date in the text): this one is no longer due.
      return rows.length > 0 && mail.key === keyOf(rows[0].remissId, rows[0].deadline, Number(mail.key.split(":")[3]), mail.userId) &&
        isKindEnabled(manager, mail.userId, "inputReminder");
    },
  };
}
