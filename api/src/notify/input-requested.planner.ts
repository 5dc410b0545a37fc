import type { DataSource, EntityManager } from "typeorm";
import { InputRequest, Remiss, Role } from "@remissbanken/schema";
import { stockholmDate } from "../common/dates.js";
import type { OutgoingMail } from "../auth/mailer.js";
import type { Planner, PlannedMail } from "./planned-mail.js";
import { isKindEnabled, receivesKind } from "./notification-settings.js";
import { diarienummerSuffix, documentTitle, SIGNATURE, swedishDate, type MailSettings } from "./mail-text.js";
import { closedForInput, memberDeadlineOf } from "../member-input/member-input.commands.js";

export interface InputRequestedFacts {
  to: string;
  name: string;
  /** "Spara i goda tider (SOU 2011:59)". */
  subjectTitle: string;
  diarienummer: string | null;
  intro: string | null;
  questions: string[];
  /** The member deadline, YYYY-MM-DD. */
  deadline: string;
  url: string;
}

/** The mail asking a member to answer: the questions themselves, the last day and where to answer. */
export function inputRequestedMail(facts: InputRequestedFacts): OutgoingMail {
  const questions = facts.questions.map((q, i) => `${i + 1}. ${q}`).join("\n");
  return {
    to: facts.to,
    subject: `SmåKom ber om synpunkter: ${facts.subjectTitle}`,
    text:
      `Hej ${facts.name}!\n\n` +
      `SmåKom ber medlemskommunerna om synpunkter på ${facts.subjectTitle}${diarienummerSuffix(facts.diarienummer)}.\n\n` +
      (facts.intro ? `${facts.intro}\n\n` : "") +
      `Frågorna:\n${questions}\n\n` +
      `Sista dag att svara: ${swedishDate(facts.deadline)}\n\n` +
      `Svara per fråga här (du kan spara ett utkast och skicka senare):\n${facts.url}\n\n${SIGNATURE}`,
  };
}

/** Whether members should still be asked: published, the remiss not archived and its member deadline not passed. */
function stillAsking(request: InputRequest | null, remiss: Remiss | null, now: Date): boolean {
  return !!request?.publishedAt && request.publishedAt <= now && !!remiss && closedForInput(remiss, stockholmDate(now)) === null;
}

interface Recipient {
  id: string;
  email: string;
  name: string;
}

/** Contact people of active member municipalities who have not turned these mails off. */
function recipients(manager: EntityManager): Promise<Recipient[]> {
  const wants = receivesKind("u", "inputRequested");
  const [sql, values] = manager.connection.driver.escapeQueryWithParameters(
    `SELECT u.id, u.email, u.name FROM app_user u
       JOIN municipality mu ON mu.id = u.municipality_id AND mu.active AND mu.archived_at IS NULL
      WHERE u.role = :member AND ${wants.sql} ORDER BY u.id`,
    { member: Role.MEMBER, ...wants.params },
    {},
  );
  return manager.query(sql, values) as Promise<Recipient[]>;
}

/**
 * Tells every member who wants it that SmåKom asks their municipality for input, once per
 * request and person (a member added later is told too, while the request is open).
 */
export function inputRequestedPlanner(settings: MailSettings): Planner {
  return {
    kind: "inputRequested",
    async plan(ds: DataSource, now: Date): Promise<PlannedMail[]> {
      const requests = await ds
        .getRepository(InputRequest)
        .createQueryBuilder("r")
        .where("r.published_at IS NOT NULL AND r.published_at <= :now", { now })
        .getMany();
      if (requests.length === 0) return [];
      const members = await recipients(ds.manager);
      const mails: PlannedMail[] = [];
      for (const request of requests) {
        const remiss = await ds.getRepository(Remiss).findOne({ where: { id: request.remissId }, relations: { document: true } });
        if (!remiss || !stillAsking(request, remiss, now)) continue;
        for (const user of members) {
          mails.push({
            key: `inputRequested:${request.id}:${user.id}`,
            kind: "inputRequested",
            userId: user.id,
            subject: { type: "inputRequest", id: request.id },
            mail: inputRequestedMail({
              to: user.email,
              name: user.name,
              subjectTitle: documentTitle(remiss.document!),
              diarienummer: remiss.diarienummer,
              intro: request.intro,
              questions: request.questions.map((q) => q.text),
              deadline: memberDeadlineOf(remiss),
              url: `${settings.publicUrl}/remisser/${remiss.id}`,
            }),
          });
        }
      }
      return mails;
    },
    async stillDue(manager: EntityManager, mail: PlannedMail, now: Date): Promise<boolean> {
      if (mail.subject?.type !== "inputRequest") return false;
      const request = await manager.getRepository(InputRequest).findOne({ where: { id: mail.subject.id } });
      const remiss = request ? await manager.getRepository(Remiss).findOne({ where: { id: request.remissId } }) : null;
      return stillAsking(request, remiss, now) && isKindEnabled(manager, mail.userId, "inputRequested");
    },
  };
}
