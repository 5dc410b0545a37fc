import { In, type EntityManager } from "typeorm";
import { MemberInputStatus, Remiss, User, UserPriorityArea } from "@remissbanken/schema";
import { addDays, stockholmDate, TIME_ZONE } from "../common/dates.js";
import type { Planner, PlannedMail } from "./planned-mail.js";
import { isKindEnabled, receivesKind } from "./notification-settings.js";
import { documentTitle, isoWeek, isoWeekday, SIGNATURE, swedishDate, swedishWeekdayDate, unansweredRemiss, type MailSettings } from "./mail-text.js";

/** How far ahead the digest lists deadlines: the coming three weeks, today included. */
export const DIGEST_DEADLINE_DAYS = 21;

interface NewDocument {
  id: string;
  title: string;
  designation: string | null;
  areaIds: string[];
}

interface ArrivedInput {
  id: string;
  municipalityName: string;
  subjectTitle: string;
  designation: string | null;
}

interface DigestFacts {
  from: string;
  to: string;
  documents: NewDocument[];
  remisser: Remiss[];
  inputs: ArrivedInput[];
}

/** What happened in the seven days before `today` and what is due in the coming weeks; the same for every recipient. */
async function factsOfWeek(manager: EntityManager, today: string): Promise<DigestFacts> {
  const from = addDays(today, -7);
  const to = addDays(today, -1);
  // Documents are public records; "new" is added to Remissbanken, in Stockholm's calendar.
  const documents = (await manager.query(
    `SELECT d.id, d.title, d.designation,
            ARRAY(SELECT dpa.priority_area_id FROM document_priority_area dpa WHERE dpa.document_id = d.id
                  UNION SELECT ipa.priority_area_id FROM inquiry_priority_area ipa WHERE ipa.inquiry_id = d.inquiry_id)::text[] AS "areaIds"
     FROM document d
     WHERE d.archived_at IS NULL AND (d.created_at AT TIME ZONE $3)::date BETWEEN $1 AND $2
     ORDER BY d.published_at DESC NULLS LAST, d.title, d.id`,
    [from, to, TIME_ZONE],
  )) as NewDocument[];
  const open = unansweredRemiss("r");
  const until = addDays(today, DIGEST_DEADLINE_DAYS - 1);
  const remisser = await manager
    .getRepository(Remiss)
    .createQueryBuilder("r")
    .innerJoinAndSelect("r.document", "d")
    .leftJoinAndSelect("r.owner", "owner")
    .where(open.sql, open.params)
    .andWhere("(r.deadline BETWEEN :today AND :until OR r.member_input_deadline BETWEEN :today AND :until)", { today, until })
    .orderBy("least(r.deadline, coalesce(r.member_input_deadline, r.deadline))")
    .addOrderBy("r.id")
    .getMany();
  // Only sent input: a draft is its municipality's own, and withdrawn input was taken back.
  const inputs = (await manager.query(
    `SELECT mi.id, mu.name AS "municipalityName", coalesce(d.title, i.name) AS "subjectTitle", d.designation
     FROM member_input mi
     JOIN municipality mu ON mu.id = mi.municipality_id
     LEFT JOIN remiss r ON r.id = mi.remiss_id
     LEFT JOIN document d ON d.id = r.document_id
     LEFT JOIN inquiry i ON i.id = mi.inquiry_id
     WHERE mi.status = $1 AND (mi.submitted_at AT TIME ZONE $4)::date BETWEEN $2 AND $3
     ORDER BY mi.submitted_at, mi.id`,
    [MemberInputStatus.SUBMITTED, from, to, TIME_ZONE],
  )) as ArrivedInput[];
  return { from, to, documents, remisser, inputs };
}

function deadlineLines(remiss: Remiss, facts: { today: string; until: string }, user: User, publicUrl: string): string[] {
  const title = documentTitle(remiss.document!);
  const owner = remiss.ownerId === user.id ? "du är ansvarig" : remiss.owner ? `ansvarig: ${remiss.owner.name}` : "ingen ansvarig";
  const within = (date: string | null): date is string => date !== null && date >= facts.today && date <= facts.until;
  const lines: string[] = [];
  if (within(remiss.memberInputDeadline)) lines.push(`- ${swedishWeekdayDate(remiss.memberInputDeadline)}: sista dag för medlemmarnas synpunkter, ${title} (${owner})`);
  if (within(remiss.deadline)) lines.push(`- ${swedishWeekdayDate(remiss.deadline)}: sista svarsdag, ${title} (${owner})`);
  return lines.map((line) => `${line}\n  ${publicUrl}/remisser/${remiss.id}`);
}

function digestMail(user: User, areaIds: Set<string>, facts: DigestFacts, today: string, { publicUrl }: MailSettings): PlannedMail | null {
  // No priority areas chosen: every new document.
  const documents = areaIds.size ? facts.documents.filter((d) => d.areaIds.some((id) => areaIds.has(id))) : facts.documents;
  const until = addDays(today, DIGEST_DEADLINE_DAYS - 1);
  const deadlines = facts.remisser.flatMap((remiss) => deadlineLines(remiss, { today, until }, user, publicUrl));
  if (!documents.length && !deadlines.length && !facts.inputs.length) return null;
  const week = isoWeek(today);
  const sections = [
    documents.length
      ? `Nya dokument${areaIds.size ? " inom dina prioriterade frågor" : ""} (${documents.length}):\n` +
        documents.map((d) => `- ${documentTitle(d)}\n  ${publicUrl}/dokument/${d.id}`).join("\n")
      : null,
    deadlines.length ? `Sista dagar de kommande tre veckorna:\n${deadlines.join("\n")}` : null,
    facts.inputs.length
      ? `Synpunkter från medlemskommunerna (${facts.inputs.length}):\n` +
        facts.inputs.map((i) => `- ${i.municipalityName} om ${documentTitle({ title: i.subjectTitle, designation: i.designation })}\n  ${publicUrl}/synpunkter/${i.id}`).join("\n")
      : null,
  ].filter(Boolean);
  return {
    key: `weeklyDigest:${week}:${user.id}`,
    kind: "weeklyDigest",
    userId: user.id,
    mail: {
      to: user.email,
      subject: `Veckobrev från Remissbanken, vecka ${Number(week.slice(6))}`,
      text:
        `Hej ${user.name}!\n\n` +
        `Det här hände i Remissbanken ${swedishDate(facts.from)}–${swedishDate(facts.to)}, och det här har sista dag de kommande veckorna.\n\n` +
        `${sections.join("\n\n")}\n\n` +
        `Alla remisser och sista svarsdagar: ${publicUrl}/\n\n${SIGNATURE}`,
    },
  };
}

/** Staff, on Mondays: new documents (in their priority areas, else all), deadlines of the coming three weeks, input received; nothing when all are empty. */
export function weeklyDigestPlanner(settings: MailSettings): Planner {
  return {
    kind: "weeklyDigest",
    async plan(ds, now) {
      const today = stockholmDate(now);
      if (isoWeekday(today) !== 1) return [];
      const recipient = receivesKind("u", "weeklyDigest");
      const users = await ds.getRepository(User).createQueryBuilder("u").where(recipient.sql, recipient.params).orderBy("u.id").getMany();
      if (!users.length) return [];
      const facts = await factsOfWeek(ds.manager, today);
      const chosen = await ds.getRepository(UserPriorityArea).findBy({ userId: In(users.map((u) => u.id)) });
      return users.flatMap((user) => {
        const areaIds = new Set(chosen.filter((c) => c.userId === user.id).map((c) => c.priorityAreaId));
        return digestMail(user, areaIds, facts, today, settings) ?? [];
      });
    },
    stillDue(manager, mail) {
      return isKindEnabled(manager, mail.userId, "weeklyDigest");
    },
  };
}
