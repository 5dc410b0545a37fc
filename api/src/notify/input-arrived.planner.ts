import { In, type EntityManager } from "typeorm";
import { MemberInput, MemberInputStatus, Municipality, Remiss, User } from "@remissbanken/schema";
import type { Planner, PlannedMail } from "./planned-mail.js";
import { isKindEnabled, remisserWhoseOwnerReceives } from "./notification-settings.js";
import { diarienummerSuffix, documentTitle, excerpt, SIGNATURE, swedishDateTime, type MailSettings } from "./mail-text.js";

/** How far back the planner looks for sent input; the queue drops what it has already queued. */
const LOOKBACK_MS = 2 * 86_400_000;
/** An input saved this long after it was sent was changed after sending. */
const CHANGED_AFTER_MS = 60_000;

/** Per input and version: a sent input changed afterwards is news again. */
const keyOf = (input: Pick<MemberInput, "id" | "version">, userId: string) => `inputArrived:${input.id}:${input.version}:${userId}`;

function arrivedMail(input: MemberInput, remiss: Remiss, municipality: Municipality, owner: User, { publicUrl }: MailSettings): PlannedMail {
  const title = documentTitle(remiss.document!);
  const changed = input.submittedAt && input.updatedAt.getTime() - input.submittedAt.getTime() > CHANGED_AFTER_MS;
  return {
    key: keyOf(input, owner.id),
    kind: "inputArrived",
    userId: owner.id,
    subject: { type: "remiss", id: remiss.id },
    mail: {
      to: owner.email,
      subject: `${changed ? "Ändrade synpunkter" : "Synpunkter"} från ${municipality.name}: ${title}`,
      text:
        `Hej ${owner.name}!\n\n` +
        `${municipality.name} har ${changed ? "ändrat sina synpunkter" : "skickat synpunkter"} på remissen ${title} ` +
        `(${remiss.ministry}${diarienummerSuffix(remiss.diarienummer)}), som du är ansvarig för.\n\n` +
        `Skickat: ${swedishDateTime(input.submittedAt!)}\n` +
        (changed ? `Ändrat: ${swedishDateTime(input.updatedAt)}\n` : "") +
        `\n${excerpt(input.text)}\n\n` +
        `Läs synpunkterna och remissens övriga synpunkter här:\n${publicUrl}/synpunkter/${input.id}\n\n${SIGNATURE}`,
    },
  };
}

/**
 * The mails telling the responsible staff member that these inputs were sent: only sent input
 * on a tracked remiss with a responsible person who wants them (staff may read all sent input).
 * The planner calls it; so may the member-input commands, to queue the mail in the same
 * transaction as the input once it is saved: the keys are the same, so only one is sent.
 */
export async function inputArrivedMails(manager: EntityManager, inputs: MemberInput[], settings: MailSettings): Promise<PlannedMail[]> {
  const sent = inputs.filter((input) => input.status === MemberInputStatus.SUBMITTED && input.remissId && input.submittedAt);
  if (!sent.length) return [];
  const remisser = await remisserWhoseOwnerReceives(manager, "inputArrived")
    .andWhere("r.id IN (:...ids)", { ids: [...new Set(sent.map((input) => input.remissId!))] })
    .andWhere("r.archived_at IS NULL")
    .getMany();
  const municipalities = await manager.getRepository(Municipality).findBy({ id: In([...new Set(sent.map((input) => input.municipalityId))]) });
  const remissById = new Map(remisser.map((r) => [r.id, r]));
  const municipalityById = new Map(municipalities.map((m) => [m.id, m]));
  return sent.flatMap((input) => {
    const remiss = remissById.get(input.remissId!);
    const municipality = municipalityById.get(input.municipalityId);
    return remiss && municipality ? [arrivedMail(input, remiss, municipality, remiss.owner!, settings)] : [];
  });
}

/** Staff: member input sent (or changed after sending) on a remiss they are responsible for. */
export function inputArrivedPlanner(settings: MailSettings): Planner {
  return {
    kind: "inputArrived",
    async plan(ds, now) {
      const inputs = await ds
        .getRepository(MemberInput)
        .createQueryBuilder("mi")
        .where("mi.status = :submitted AND mi.remiss_id IS NOT NULL", { submitted: MemberInputStatus.SUBMITTED })
        .andWhere("mi.updated_at > :since AND mi.updated_at <= :now", { since: new Date(now.getTime() - LOOKBACK_MS), now })
        .orderBy("mi.updated_at")
        .addOrderBy("mi.id")
        .getMany();
      return inputArrivedMails(ds.manager, inputs, settings);
    },
    async stillDue(manager, mail) {
      const [, inputId, version] = mail.key.split(":");
      const input = await manager.getRepository(MemberInput).findOne({ where: { id: inputId } });
      // Withdrawn, or changed again (the newer version has its own mail): not this one.
      if (!input || input.status !== MemberInputStatus.SUBMITTED || String(input.version) !== version) return false;
      const remiss = await manager.getRepository(Remiss).findOne({ where: { id: input.remissId! } });
      if (!remiss || remiss.archivedAt || remiss.ownerId !== mail.userId) return false;
      return isKindEnabled(manager, mail.userId, "inputArrived");
    },
  };
}
