import type { DataSource, EntityManager } from "typeorm";
import { Inquiry, InquiryStatus, MemberInput, MemberInputStatus, Remiss } from "@remissbanken/schema";
import { authorize, can, type Actor } from "../auth/policy.js";
import { memberInputReadSql } from "../auth/visibility.js";
import { badInput, DomainError, notFound } from "../common/errors.js";
import { ensureNotArchived, loadForUpdate } from "../common/crud.js";
import { stockholmDate } from "../common/dates.js";
import { parseInput } from "../common/validation.js";
import { byId, byTimestamp, paginate, type PageArgs } from "../common/pagination.js";
import {
  createMemberInputSchema, updateMemberInputSchema, type CreateMemberInputInput, type MemberInputFilter, type UpdateMemberInputInput,
} from "./member-input.inputs.js";
import { inputContent } from "../input-request/input-request.commands.js";

/** The last day members may write: the member deadline, else the ministry's deadline. */
export function memberDeadlineOf(remiss: Remiss): string {
  return remiss.memberInputDeadline ?? remiss.deadline;
}

/**
 * Why input on this remiss or inquiry can no longer be written, or null while it can.
 * Shared by the commands and the `abilities` the web app shows buttons from.
 */
export function closedForInput(subject: Remiss | Inquiry, today = stockholmDate()): string | null {
  if (subject.archivedAt) return "It is archived.";
  if (isRemiss(subject)) {
    const deadline = memberDeadlineOf(subject);
    return today > deadline ? `The deadline for member input was ${deadline}.` : null;
  }
  return subject.status !== InquiryStatus.ONGOING ? "The inquiry is concluded; input is no longer taken." : null;
}

function isRemiss(subject: Remiss | Inquiry): subject is Remiss {
  return "deadline" in subject;
}

async function ensureOpen(manager: EntityManager, subject: { remissId: string | null; inquiryId: string | null }): Promise<void> {
  const target = subject.remissId
    ? await manager.getRepository(Remiss).findOne({ where: { id: subject.remissId } })
    : await manager.getRepository(Inquiry).findOne({ where: { id: subject.inquiryId! } });
  if (!target) throw notFound(subject.remissId ? "Remiss" : "Inquiry", (subject.remissId ?? subject.inquiryId)!);
  ensureNotArchived(target, subject.remissId ? "The remiss" : "The inquiry");
  const closed = closedForInput(target);
  if (closed) throw new DomainError("BAD_USER_INPUT", "DEADLINE_PASSED", closed);
}

/** A member writes input for their own municipality, as a draft or submitted at once. */
export async function memberInputSubmitter(manager: EntityManager, actor: Actor, input: CreateMemberInputInput): Promise<MemberInput> {
  const data = parseInput(createMemberInputSchema, input);
  if (!data.remissId === !data.inquiryId) {
    throw badInput("Give exactly one of remissId and inquiryId.", [{ field: "remissId", message: "exactly one required" }]);
  }
  authorize(actor, "memberInput", "create", { municipalityId: actor.municipalityId ?? "" });
  const subject = { remissId: data.remissId ?? null, inquiryId: data.inquiryId ?? null };
  await ensureOpen(manager, subject);
  const content = await inputContent(manager, subject, { text: data.text, answers: input.answers });
  const submit = data.submit ?? false;
  const row = manager.create(MemberInput, {
    ...subject,
    municipalityId: actor.municipalityId!,
    authorId: actor.id,
    ...content,
    status: submit ? MemberInputStatus.SUBMITTED : MemberInputStatus.DRAFT,
    submittedAt: submit ? new Date() : null,
  });
  return manager.save(row);
}

async function loadOwn(manager: EntityManager, actor: Actor, id: string, expectedVersion?: number | null): Promise<MemberInput> {
  const row = await loadForUpdate(manager, MemberInput, "Member input", id, expectedVersion);
  // Others' input is reported as missing rather than forbidden, so its existence does not leak.
  if (!can(actor, "memberInput", "read", row)) throw notFound("Member input", id);
  authorize(actor, "memberInput", "edit", row);
  return row;
}

export async function memberInputEditor(manager: EntityManager, actor: Actor, input: UpdateMemberInputInput): Promise<MemberInput> {
  const data = parseInput(updateMemberInputSchema, input);
  const row = await loadOwn(manager, actor, data.id, data.expectedVersion);
  if (row.status === MemberInputStatus.WITHDRAWN) throw badInput("Withdrawn input cannot be edited.", [], "INVALID_TRANSITION");
  await ensureOpen(manager, row);
  Object.assign(row, await inputContent(manager, row, { text: data.text, answers: input.answers }, row));
  return manager.save(row);
}

export async function memberInputFinalizer(manager: EntityManager, actor: Actor, id: string): Promise<MemberInput> {
  const row = await loadOwn(manager, actor, id);
  if (row.status !== MemberInputStatus.DRAFT) throw badInput(`Input with status ${row.status} cannot be submitted.`, [], "INVALID_TRANSITION");
  await ensureOpen(manager, row);
  row.status = MemberInputStatus.SUBMITTED;
  row.submittedAt = new Date();
  return manager.save(row);
}

export async function memberInputWithdrawer(manager: EntityManager, actor: Actor, id: string): Promise<MemberInput> {
  const row = await loadOwn(manager, actor, id);
  if (row.status === MemberInputStatus.WITHDRAWN) return row;
  // Withdrawing is taking back what SmåKom has received; a draft was never sent. (Were it
  // withdrawn, it would become readable to staff as input that had been submitted.)
  if (row.status === MemberInputStatus.DRAFT) {
    throw badInput("A draft has not been sent to SmåKom, so there is nothing to withdraw.", [], "INVALID_TRANSITION");
  }
  await ensureOpen(manager, row);
  row.status = MemberInputStatus.WITHDRAWN;
  return manager.save(row);
}

export function listMemberInputs(ds: DataSource, actor: Actor, filter: MemberInputFilter | null | undefined, page: PageArgs) {
  const visibility = memberInputReadSql(actor, "mi");
  const q = ds.getRepository(MemberInput).createQueryBuilder("mi").where(visibility.sql, visibility.params);
  if (filter?.remissId) q.andWhere("mi.remiss_id = :remissId", { remissId: filter.remissId });
  if (filter?.inquiryId) q.andWhere("mi.inquiry_id = :inquiryId", { inquiryId: filter.inquiryId });
  if (filter?.municipalityId) q.andWhere("mi.municipality_id = :municipalityId", { municipalityId: filter.municipalityId });
  if (filter?.statuses?.length) q.andWhere("mi.status IN (:...statuses)", { statuses: filter.statuses });
  return paginate(q, [byTimestamp("mi", "created_at", "createdAt"), byId("mi")], page);
}
