import type { DataSource, EntityManager } from "typeorm";
import { Inquiry, InquiryStatus, PriorityArea } from "@remissbanken/schema";
import { assignDefined, ensureAllExist, ensureNotArchived, loadForUpdate, replaceLinks, touchVersion } from "../common/crud.js";
import { parseInput } from "../common/validation.js";
import { byColumn, byId, paginate, type PageArgs } from "../common/pagination.js";
import {
  createInquirySchema, updateInquirySchema, type CreateInquiryInput, type InquiryFilter, type UpdateInquiryInput,
} from "./inquiry.inputs.js";

export async function createInquiry(manager: EntityManager, input: CreateInquiryInput): Promise<Inquiry> {
  const data = parseInput(createInquirySchema, input);
  await ensureAllExist(manager, PriorityArea, "Priority area", data.priorityAreaIds ?? []);
  const inquiry = manager.create(Inquiry, {
    name: data.name,
    committeeDesignation: data.committeeDesignation ?? null,
    department: data.department ?? null,
    status: data.status ?? InquiryStatus.ONGOING,
    reportDueDate: data.reportDueDate ?? null,
    summary: data.summary ?? null,
    archivedAt: null,
  });
  await manager.save(inquiry);
  await replaceLinks(manager, "inquiry_priority_area", "inquiry_id", inquiry.id, "priority_area_id", data.priorityAreaIds ?? []);
  return inquiry;
}

export async function updateInquiry(manager: EntityManager, input: UpdateInquiryInput): Promise<Inquiry> {
  const data = parseInput(updateInquirySchema, input);
  const inquiry = await loadForUpdate(manager, Inquiry, "Inquiry", data.id, data.expectedVersion);
  ensureNotArchived(inquiry, "The inquiry");
  assignDefined(inquiry, {
    name: data.name ?? undefined,
    committeeDesignation: data.committeeDesignation,
    department: data.department,
    status: data.status ?? undefined,
    reportDueDate: data.reportDueDate,
    summary: data.summary,
  });
  const versionBefore = inquiry.version;
  await manager.save(inquiry);
  if (data.priorityAreaIds) {
    await ensureAllExist(manager, PriorityArea, "Priority area", data.priorityAreaIds);
    await replaceLinks(manager, "inquiry_priority_area", "inquiry_id", inquiry.id, "priority_area_id", data.priorityAreaIds);
    // The version must reflect the new links too.
    await touchVersion(manager, Inquiry, inquiry, versionBefore);
  }
  return inquiry;
}

export async function archiveInquiry(manager: EntityManager, id: string, expectedVersion?: number | null): Promise<Inquiry> {
  const inquiry = await loadForUpdate(manager, Inquiry, "Inquiry", id, expectedVersion);
  if (!inquiry.archivedAt) {
    inquiry.archivedAt = new Date();
    await manager.save(inquiry);
  }
  return inquiry;
}

export function listInquiries(ds: DataSource, filter: InquiryFilter | null | undefined, page: PageArgs) {
  const q = ds.getRepository(Inquiry).createQueryBuilder("i");
  if (!filter?.includeArchived) q.andWhere("i.archived_at IS NULL");
  if (filter?.status) q.andWhere("i.status = :status", { status: filter.status });
  if (filter?.department) q.andWhere("lower(i.department) = lower(:department)", { department: filter.department });
  if (filter?.reportDueFrom) q.andWhere("i.report_due_date >= :from", { from: filter.reportDueFrom });
  if (filter?.reportDueTo) q.andWhere("i.report_due_date <= :to", { to: filter.reportDueTo });
  if (filter?.priorityAreaId) {
    q.andWhere("EXISTS (SELECT 1 FROM inquiry_priority_area ipa WHERE ipa.inquiry_id = i.id AND ipa.priority_area_id = :pa)", {
      pa: filter.priorityAreaId,
    });
  }
  return paginate(q, [byColumn("i", "name", "name"), byId("i")], page);
}
