import type { EntityManager } from "typeorm";
import { Document, Inquiry, MemberInput, MemberInputStatus, Municipality, Remiss, User } from "@remissbanken/schema";
import type { Context } from "../context.js";
import type { OutgoingMail } from "../auth/mailer.js";
import { queueMails } from "../notify/notification-queue.js";
import { isKindEnabled } from "../notify/notification-settings.js";
import { notificationFooter } from "../notify/notification-sender.js";
import { inputArrivedMails } from "../notify/input-arrived.planner.js";
import { documentTitle, SIGNATURE, swedishDateTime } from "../notify/mail-text.js";

export interface ReceiptFacts {
  to: string;
  authorName: string;
  municipalityName: string;
  /** What the input is about: "Spara i goda tider (SOU 2011:59)". */
  subjectTitle: string;
  diarienummer: string | null;
  url: string;
  text: string;
  /** When it was sent, or for a changed input when it was changed. */
  at: Date;
  /** A sent input edited again: the receipt says it was changed. */
  changed: boolean;
}

/**
 * The receipt a member gets for input sent to SmåKom: what was sent, when, by whom and
 * for which municipality. Only the sender's own input: nothing of other municipalities.
 */
export function memberInputReceiptMail(facts: ReceiptFacts): OutgoingMail {
  const what = facts.changed ? "ändrade synpunkter" : "synpunkter";
  const reference = facts.diarienummer ? ` (dnr ${facts.diarienummer})` : "";
  return {
    to: facts.to,
    subject: facts.changed ? `Kvitto: ändrade synpunkter på ${facts.subjectTitle}` : `Kvitto: synpunkter på ${facts.subjectTitle}`,
    text:
      `Hej ${facts.authorName}!\n\n` +
      `SmåKom har tagit emot ${what} från ${facts.municipalityName} på ${facts.subjectTitle}${reference}.\n\n` +
      `${facts.changed ? "Ändrat" : "Skickat"}: ${swedishDateTime(facts.at)}\n` +
      `Av: ${facts.authorName}\n` +
      `Kommun: ${facts.municipalityName}\n\n` +
      `Det här skickades:\n\n${facts.text}\n\n` +
      `Du kan ändra eller dra tillbaka synpunkterna fram till sista dagen här:\n${facts.url}` +
      `\n\n${SIGNATURE}`,
  };
}

/** The receipt for a sent input, read after commit; null when there is nobody to send it to. */
async function receiptFor(
  manager: EntityManager, publicUrl: string, input: MemberInput, senderId: string, changed: boolean,
): Promise<OutgoingMail | null> {
  if (!input.submittedAt) return null;
  const author = await manager.getRepository(User).findOne({ where: { id: senderId } });
  const municipality = await manager.getRepository(Municipality).findOne({ where: { id: input.municipalityId } });
  if (!author || !municipality) return null;
  let subjectTitle: string;
  let diarienummer: string | null = null;
  let url: string;
  if (input.remissId) {
    const remiss = await manager.getRepository(Remiss).findOneOrFail({ where: { id: input.remissId } });
    subjectTitle = documentTitle(await manager.getRepository(Document).findOneOrFail({ where: { id: remiss.documentId } }));
    diarienummer = remiss.diarienummer;
    url = `${publicUrl}/remisser/${remiss.id}`;
  } else {
    const inquiry = await manager.getRepository(Inquiry).findOneOrFail({ where: { id: input.inquiryId! } });
    subjectTitle = inquiry.name;
    url = `${publicUrl}/utredningar/${inquiry.id}`;
  }
  return memberInputReceiptMail({
    to: author.email, authorName: author.name, municipalityName: municipality.name, subjectTitle, diarienummer, url,
    text: input.text, at: changed ? input.updatedAt : input.submittedAt, changed,
  });
}

/**
 * Emails the member who sent the input (who may be a colleague of its author) a receipt.
 * Called after the transaction commits; a failed send is logged and never undoes what
 * SmåKom received.
 */
export async function sendMemberInputReceipt(ctx: Context, input: MemberInput, changed = false): Promise<void> {
  if (!ctx.auth || !ctx.actor) return;
  const { mailer, publicUrl } = ctx.auth;
  const log = ctx.log;
  try {
    // The sender may have turned receipts off in their settings (E-post).
    if (!(await isKindEnabled(ctx.ds.manager, ctx.actor.id, "inputReceipt"))) return;
    const mail = await receiptFor(ctx.ds.manager, publicUrl, input, ctx.actor.id, changed);
    if (mail) await mailer.send({ ...mail, text: `${mail.text}\n\n${notificationFooter(publicUrl)}` });
  } catch (err) {
    log.error({ err, memberInputId: input.id }, "could not send the member input receipt");
  }
}

/**
 * Sent input: the staff member responsible for the remiss hears of it through the worker's
 * queue, queued in the same transaction as the input, so it is neither lost nor sent for an
 * input that was rolled back. The planner (input-arrived.planner.ts) makes the same keys, so
 * this mail is queued once whichever comes first.
 */
export async function queueArrivalMail(manager: EntityManager, ctx: Context, input: MemberInput): Promise<MemberInput> {
  if (ctx.auth && input.status === MemberInputStatus.SUBMITTED) {
    await queueMails(manager, await inputArrivedMails(manager, [input], { publicUrl: ctx.auth.publicUrl }));
  }
  return input;
}
