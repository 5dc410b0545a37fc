/**
 * The chain of an inquiry from `dokumentstatus`: the document itself, the documents it
 * references (created when missing, from what the reference says), its inquiry found or
 * created by kommittébeteckning, and the inquiry shared along the references. Links staff
 * set are never replaced; only empty ones are filled.
 */
import type { DataSource, EntityManager } from "typeorm";
import { Document, DocumentKind, Inquiry, parseDesignation } from "@remissbanken/schema";
import { createInquiry } from "../../inquiry/inquiry.service.js";
import { updateDocument } from "../../document/document.service.js";
import type { ImportSummary } from "../import-summary.js";
import { describeError, findImported, importDocument, inImportTransaction } from "../import-writer.js";
import { IMPORTED_TYPES, isImportedType } from "./dokumentlista.js";
import type { Dokumentstatus } from "./dokumentstatus.js";

const AUDIT_ACTION = "importRiksdagenChain";

/** "Tilläggsdirektiv till Utredningen om kommunal ekonomi (Fi 2023:05)" → "Utredningen om kommunal ekonomi". */
export function inquiryNameFrom(title: string): string {
  return title
    .replace(/^tilläggsdirektiv till\s+/i, "")
    .replace(/\s*\([^)]*\d{4}:\d{2}\)\s*$/, "")
    .replace(/^./, (c) => c.toUpperCase());
}

async function findOrCreateInquiry(manager: EntityManager, committeeDesignation: string, name: string, department: string | null): Promise<Inquiry> {
  const found = await manager
    .getRepository(Inquiry)
    .createQueryBuilder("i")
    .where("lower(i.committee_designation) = lower(:committeeDesignation)", { committeeDesignation })
    .getOne();
  return found ?? createInquiry(manager, { name, committeeDesignation, department });
}

async function fillInquiry(manager: EntityManager, document: Document, inquiryId: string): Promise<boolean> {
  const fresh = await manager.getRepository(Document).findOneByOrFail({ id: document.id });
  if (fresh.inquiryId || fresh.archivedAt) return false;
  await updateDocument(manager, { id: fresh.id, inquiryId });
  return true;
}

/** Imports one dokumentstatus with its chain (its document too, unless given); the summary tells what was linked. */
export async function importChain(ds: DataSource, status: Dokumentstatus, summary: ImportSummary, imported?: Document): Promise<void> {
  if ("reason" in status.document) {
    summary.skipped.push({ key: status.document.externalId ?? "?", label: `${status.document.externalId ?? ""} ${status.document.title ?? ""}`.trim(), reason: status.document.reason });
    return;
  }
  const doc = status.document;
  const fullText = status.fullText;
  // A document the list import just wrote is not written again from the status: the two
  // describe it slightly differently (URLs, dates), and re-runs would flip between them.
  const document = imported ?? (await importDocument(ds, AUDIT_ACTION, doc, fullText ? async () => fullText : null, summary));
  if (!document) return;

  const related: Document[] = [];
  for (const ref of status.references) {
    if (!isImportedType(ref.doktyp) || !ref.designation) continue;
    const parsed = parseDesignation(ref.designation);
    if (!parsed) continue;
    const type = IMPORTED_TYPES[ref.doktyp];
    const kind = ref.doktyp === "dir" && /^tilläggsdirektiv/i.test(ref.title ?? "") ? DocumentKind.SUPPLEMENTARY_DIRECTIVE : type.kind;
    // A reference only names a document: one already here is described better by its own import.
    const referenced = (await findImported(ds.manager, ref.externalId, parsed.normalized)) ?? await importDocument(ds, AUDIT_ACTION, {
      externalId: ref.externalId, kind, designation: parsed.normalized, title: ref.title ?? parsed.normalized,
      subtitle: null, department: null, publishedAt: null, sourceUrl: null, summary: null,
    }, null, summary);
    if (referenced) related.push(referenced);
  }

  const label = `${doc.designation} ${doc.title}`;
  try {
    await inImportTransaction(ds, AUDIT_ACTION, async (manager) => {
      let inquiryId = (await manager.getRepository(Document).findOneByOrFail({ id: document.id })).inquiryId;
      if (!inquiryId && status.committeeDesignation) {
        const inquiry = await findOrCreateInquiry(manager, status.committeeDesignation, inquiryNameFrom(doc.title), doc.department);
        inquiryId = inquiry.id;
        if (await fillInquiry(manager, document, inquiryId)) summary.updated.push({ key: doc.externalId, label, reason: `linked to inquiry ${status.committeeDesignation}` });
      }
      // The documents along the chain share the inquiry of whichever already has one.
      inquiryId ??= related.find((r) => r.inquiryId)?.inquiryId ?? null;
      if (!inquiryId) return;
      for (const other of [document, ...related]) {
        if (await fillInquiry(manager, other, inquiryId)) {
          summary.updated.push({ key: other.externalId ?? other.id, label: `${other.designation} ${other.title}`, reason: "linked to the inquiry of its chain" });
        }
      }
    });
  } catch (error) {
    summary.failed.push({ key: doc.externalId, label, reason: `linking its chain: ${describeError(error)}` });
  }
}
