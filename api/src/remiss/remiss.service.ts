import DataLoader from "dataloader";
import type { DataSource, EntityManager } from "typeorm";
import { Document, MemberInputStatus, Remiss, RemissStatus, Role, User } from "@remissbanken/schema";
import type { Actor } from "../auth/policy.js";
import { memberInputReadSql } from "../auth/visibility.js";
import { badInput, notFound } from "../common/errors.js";
import { assignDefined, ensureNotArchived, loadForUpdate } from "../common/crud.js";
import { parseInput } from "../common/validation.js";
import { byColumn, byId, paginate, type PageArgs } from "../common/pagination.js";
import {
  createRemissSchema, memberInputSummarySchema, updateRemissSchema, type CreateRemissInput, type RemissFilter, type UpdateRemissInput,
} from "./remiss.inputs.js";

function checkDeadlines(deadline: string, memberInputDeadline: string | null): void {
  if (memberInputDeadline && memberInputDeadline > deadline) {
    throw badInput(
      `The deadline for member input (${memberInputDeadline}) must not be after the ministry's deadline (${deadline}).`,
      [{ field: "memberInputDeadline", message: "after the ministry deadline" }],
      "MEMBER_DEADLINE_AFTER_DEADLINE",
    );
  }
}

async function checkOwner(manager: EntityManager, ownerId: string | null | undefined): Promise<void> {
  if (!ownerId) return;
  const owner = await manager.getRepository(User).findOne({ where: { id: ownerId } });
  if (!owner) throw notFound("User", ownerId);
  if (owner.role !== Role.STAFF && owner.role !== Role.ADMIN) {
    throw badInput("The owner of a remiss must be on SmåKom's staff.", [{ field: "ownerId", message: "not staff" }]);
  }
}

export async function createRemiss(manager: EntityManager, input: CreateRemissInput): Promise<Remiss> {
  const data = parseInput(createRemissSchema, input);
  checkDeadlines(data.deadline, data.memberInputDeadline ?? null);
  const document = await manager.getRepository(Document).findOne({ where: { id: data.documentId } });
  if (!document) throw notFound("Document", data.documentId);
  ensureNotArchived(document, "The document");
  await checkOwner(manager, data.ownerId);
  const remiss = manager.create(Remiss, {
    documentId: data.documentId,
    diarienummer: data.diarienummer ?? null,
    ministry: data.ministry,
    referralBodies: data.referralBodies ?? [],
    smakomIsReferralBody: data.smakomIsReferralBody ?? false,
    deadline: data.deadline,
    memberInputDeadline: data.memberInputDeadline ?? null,
    status: data.status ?? RemissStatus.MONITORING,
    ownerId: data.ownerId ?? null,
    notes: data.notes ?? null,
    sourceUrl: data.sourceUrl ?? null,
    archivedAt: null,
  });
  return manager.save(remiss);
}

export async function updateRemiss(manager: EntityManager, input: UpdateRemissInput): Promise<Remiss> {
  const data = parseInput(updateRemissSchema, input);
  const remiss = await loadForUpdate(manager, Remiss, "Remiss", data.id, data.expectedVersion);
  ensureNotArchived(remiss, "The remiss");
  await checkOwner(manager, data.ownerId);
  assignDefined(remiss, {
    diarienummer: data.diarienummer,
    ministry: data.ministry ?? undefined,
    referralBodies: data.referralBodies ?? undefined,
    smakomIsReferralBody: data.smakomIsReferralBody ?? undefined,
    deadline: data.deadline ?? undefined,
    memberInputDeadline: data.memberInputDeadline,
    status: data.status ?? undefined,
    ownerId: data.ownerId,
    notes: data.notes,
    sourceUrl: data.sourceUrl,
  });
  checkDeadlines(remiss.deadline, remiss.memberInputDeadline);
  return manager.save(remiss);
}

export async function archiveRemiss(manager: EntityManager, id: string, expectedVersion?: number | null): Promise<Remiss> {
  const remiss = await loadForUpdate(manager, Remiss, "Remiss", id, expectedVersion);
  if (!remiss.archivedAt) {
    remiss.archivedAt = new Date();
    await manager.save(remiss);
  }
  return remiss;
}

/**
 * Saves staff's summary of the member input and publishes it to members, or keeps it as
 * a draft only staff and board read. An empty text removes the summary.
 */
export async function memberInputSummarySaver(
  manager: EntityManager,
  input: { remissId: string; text: string; publish: boolean; expectedVersion?: number | null },
): Promise<Remiss> {
  const data = parseInput(memberInputSummarySchema, input);
  const remiss = await loadForUpdate(manager, Remiss, "Remiss", data.remissId, data.expectedVersion);
  ensureNotArchived(remiss, "The remiss");
  remiss.memberInputSummary = data.text ?? null;
  remiss.memberInputSummaryPublishedAt = data.text && data.publish ? (remiss.memberInputSummaryPublishedAt ?? new Date()) : null;
  return manager.save(remiss);
}

export function listRemisser(ds: DataSource, filter: RemissFilter | null | undefined, page: PageArgs) {
  const q = ds.getRepository(Remiss).createQueryBuilder("r");
  if (!filter?.includeArchived) q.andWhere("r.archived_at IS NULL");
  if (filter?.statuses?.length) q.andWhere("r.status IN (:...statuses)", { statuses: filter.statuses });
  if (filter?.ministry) q.andWhere("lower(r.ministry) = lower(:ministry)", { ministry: filter.ministry });
  if (filter?.deadlineFrom) q.andWhere("r.deadline >= :from", { from: filter.deadlineFrom });
  if (filter?.deadlineTo) q.andWhere("r.deadline <= :to", { to: filter.deadlineTo });
  if (filter?.ownerId) q.andWhere("r.owner_id = :owner", { owner: filter.ownerId });
  if (filter?.smakomIsReferralBody !== undefined && filter?.smakomIsReferralBody !== null) {
    q.andWhere("r.smakom_is_referral_body = :srb", { srb: filter.smakomIsReferralBody });
  }
  if (filter?.priorityAreaId) {
    q.andWhere("EXISTS (SELECT 1 FROM document_priority_area dpa WHERE dpa.document_id = r.document_id AND dpa.priority_area_id = :pa)", {
      pa: filter.priorityAreaId,
    });
  }
  return paginate(q, [byColumn("r", "deadline", "deadline"), byId("r")], page);
}

export async function findRemissByDiarienummer(ds: DataSource, raw: string): Promise<Remiss | null> {
  return ds
    .getRepository(Remiss)
    .createQueryBuilder("r")
    .where("lower(r.diarienummer) = lower(:d)", { d: raw.trim().replace(/\s+/g, "") })
    .getOne();
}

/**
 * Per remiss, how many municipalities have submitted input that the actor may read, in
 * one statement per batch: staff and board count every municipality, a member only
 * their own (so a count never tells a member what another municipality did).
 */
export function submittedInputMunicipalityCounter(ds: DataSource, actor: Actor | null) {
  return new DataLoader<string, number>(async (remissIds) => {
    const visibility = memberInputReadSql(actor, "mi");
    const rows: { remissId: string; count: string }[] = await ds
      .createQueryBuilder()
      .select("mi.remiss_id", "remissId")
      .addSelect("count(DISTINCT mi.municipality_id)", "count")
      .from("member_input", "mi")
      .where("mi.remiss_id IN (:...remissIds)", { remissIds })
      .andWhere("mi.status = :submitted", { submitted: MemberInputStatus.SUBMITTED })
      .andWhere(visibility.sql, visibility.params)
      .groupBy("mi.remiss_id")
      .getRawMany();
    const counts = new Map(rows.map((row) => [row.remissId, Number(row.count)]));
    return remissIds.map((id) => counts.get(id) ?? 0);
  });
}
