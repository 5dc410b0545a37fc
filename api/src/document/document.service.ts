import type { DataSource, EntityManager } from "typeorm";
import {
  Document, DocumentKind, Inquiry, PriorityArea, parseDesignation, DESIGNATION_EXAMPLES, type DesignationSeries,
} from "@remissbanken/schema";
import { badInput, notFound } from "../common/errors.js";
import { assignDefined, ensureAllExist, ensureNotArchived, loadForUpdate, replaceLinks, touchVersion } from "../common/crud.js";
import { parseInput } from "../common/validation.js";
import { byColumn, byId, paginate, type PageArgs } from "../common/pagination.js";
import { createDocumentSchema, updateDocumentSchema, type CreateDocumentInput, type DocumentFilter, type UpdateDocumentInput } from "./document.inputs.js";

const SERIES_OF_KIND: Record<DocumentKind, DesignationSeries | null> = {
  [DocumentKind.DIRECTIVE]: "DIR",
  [DocumentKind.SUPPLEMENTARY_DIRECTIVE]: "DIR",
  [DocumentKind.SOU]: "SOU",
  [DocumentKind.DS]: "DS",
  [DocumentKind.PROPOSITION]: "PROP",
  [DocumentKind.COMMITTEE_REPORT]: "BET",
  [DocumentKind.OTHER]: null,
};

/** Checks a designation against the document kind and returns its canonical form and year. */
export function designationFor(kind: DocumentKind, raw: string | null | undefined): { designation: string | null; year: number | null } {
  const series = SERIES_OF_KIND[kind];
  const text = raw?.trim() ?? "";
  if (series === null) {
    const parsed = text ? parseDesignation(text) : null;
    return { designation: text || null, year: parsed?.year ?? null };
  }
  if (!text) {
    throw badInput(`A ${kind} needs a designation, e.g. ${DESIGNATION_EXAMPLES}.`, [{ field: "designation", message: "required" }], "INVALID_DESIGNATION");
  }
  const parsed = parseDesignation(text);
  if (!parsed) {
    throw badInput(`"${text}" is not a valid designation; write e.g. ${DESIGNATION_EXAMPLES}.`, [{ field: "designation", message: "malformed" }], "INVALID_DESIGNATION");
  }
  if (parsed.series !== series) {
    throw badInput(`${parsed.normalized} is not a designation for a document of kind ${kind}.`, [{ field: "designation", message: "does not match kind" }], "DESIGNATION_KIND_MISMATCH");
  }
  return { designation: parsed.normalized, year: parsed.year };
}

export async function findDocumentByDesignation(ds: DataSource, raw: string): Promise<Document | null> {
  const parsed = parseDesignation(raw);
  const designation = parsed?.normalized ?? raw.trim();
  if (!designation) return null;
  return ds.getRepository(Document).findOne({ where: { designation } });
}

/**
 * Creates a document with its priority-area links in one transaction. Importers pass the
 * source's own key (`externalId`), which no one sets through the API.
 */
export async function createDocument(
  manager: EntityManager,
  input: CreateDocumentInput,
  source: { externalId?: string | null } = {},
): Promise<Document> {
  const data = parseInput(createDocumentSchema, input);
  const { designation, year } = designationFor(data.kind, data.designation);
  if (data.inquiryId) await ensureAllExist(manager, Inquiry, "Inquiry", [data.inquiryId]);
  await ensureAllExist(manager, PriorityArea, "Priority area", data.priorityAreaIds ?? []);
  const document = manager.create(Document, {
    kind: data.kind,
    designation,
    year,
    title: data.title,
    subtitle: data.subtitle ?? null,
    department: data.department ?? null,
    publishedAt: data.publishedAt ?? null,
    sourceUrl: data.sourceUrl ?? null,
    summary: data.summary ?? null,
    inquiryId: data.inquiryId ?? null,
    externalId: source.externalId ?? null,
    archivedAt: null,
  });
  await manager.save(document);
  await replaceLinks(manager, "document_priority_area", "document_id", document.id, "priority_area_id", data.priorityAreaIds ?? []);
  return document;
}

export async function updateDocument(manager: EntityManager, input: UpdateDocumentInput): Promise<Document> {
  const data = parseInput(updateDocumentSchema, input);
  const document = await loadForUpdate(manager, Document, "Document", data.id, data.expectedVersion);
  ensureNotArchived(document, "The document");
  if (data.designation !== undefined) Object.assign(document, designationFor(document.kind, data.designation));
  if (data.inquiryId) await ensureAllExist(manager, Inquiry, "Inquiry", [data.inquiryId]);
  assignDefined(document, {
    title: data.title,
    subtitle: data.subtitle,
    department: data.department,
    publishedAt: data.publishedAt,
    sourceUrl: data.sourceUrl,
    summary: data.summary,
    inquiryId: data.inquiryId,
  });
  const versionBefore = document.version;
  await manager.save(document);
  if (data.priorityAreaIds) {
    await ensureAllExist(manager, PriorityArea, "Priority area", data.priorityAreaIds);
    await replaceLinks(manager, "document_priority_area", "document_id", document.id, "priority_area_id", data.priorityAreaIds);
    // The version must reflect the new links too.
    await touchVersion(manager, Document, document, versionBefore);
  }
  return document;
}

export async function archiveDocument(manager: EntityManager, id: string, expectedVersion?: number | null): Promise<Document> {
  const document = await loadForUpdate(manager, Document, "Document", id, expectedVersion);
  if (!document.archivedAt) {
    document.archivedAt = new Date();
    await manager.save(document);
  }
  return document;
}

export function listDocuments(ds: DataSource, filter: DocumentFilter | null | undefined, page: PageArgs) {
  const q = ds.getRepository(Document).createQueryBuilder("d");
  if (!filter?.includeArchived) q.andWhere("d.archived_at IS NULL");
  if (filter?.kinds?.length) q.andWhere("d.kind IN (:...kinds)", { kinds: filter.kinds });
  if (filter?.year) q.andWhere("d.year = :year", { year: filter.year });
  if (filter?.department) q.andWhere("lower(d.department) = lower(:department)", { department: filter.department });
  if (filter?.inquiryId) q.andWhere("d.inquiry_id = :inquiryId", { inquiryId: filter.inquiryId });
  if (filter?.publishedFrom) q.andWhere("d.published_at >= :from", { from: filter.publishedFrom });
  if (filter?.publishedTo) q.andWhere("d.published_at <= :to", { to: filter.publishedTo });
  if (filter?.priorityAreaId) {
    q.andWhere("EXISTS (SELECT 1 FROM document_priority_area dpa WHERE dpa.document_id = d.id AND dpa.priority_area_id = :pa)", {
      pa: filter.priorityAreaId,
    });
  }
  return paginate(q, [byColumn("d", "published_at", "publishedAt", "DESC"), byId("d")], page);
}

export async function getDocument(ds: DataSource, id: string): Promise<Document> {
  const document = await ds.getRepository(Document).findOne({ where: { id } });
  if (!document) throw notFound("Document", id);
  return document;
}
