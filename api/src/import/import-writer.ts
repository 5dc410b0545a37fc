/**
 * Writes imported documents through the document service, one transaction per item, inside
 * an audit scope: search (through the outbox triggers) and the audit log follow as they do
 * for edits made in the web app.
 */
import type { DataSource, EntityManager } from "typeorm";
import { Document, DocumentText, type DocumentKind } from "@remissbanken/schema";
import type { FullText } from "@remissbanken/indexer";
import { currentAuditScope, runInAuditScope } from "../audit/audit-scope.js";
import { auditTransaction } from "../audit/audit.instrument.js";
import { AuditSubscriber } from "../audit/audit.subscriber.js";
import { DomainError } from "../common/errors.js";
import { createDocument, updateDocument } from "../document/document.service.js";
import { extractDocumentText, storeDocumentText, type ExtractedText } from "../document/document-text.service.js";
import type { ImportSummary, ItemOutcome } from "./import-summary.js";

/** A document as a source describes it; fields left null are unknown to the source. */
export interface SourceDocument {
  externalId: string | null;
  kind: DocumentKind;
  designation: string;
  title: string;
  subtitle: string | null;
  department: string | null;
  publishedAt: string | null;
  sourceUrl: string | null;
  summary: string | null;
}

/** The full text, or why there is none ("not published yet"). */
export type TextResult = FullText | { missing: string };
export type TextFetcher = () => Promise<TextResult>;

const SOURCE_FIELDS = ["title", "subtitle", "department", "publishedAt", "sourceUrl", "summary"] as const;

/**
 * Runs a write as the named import in the audit log; there is no signed-in person. The audit
 * subscriber is attached here too, since a command's DataSource was not made by the server.
 */
export function inImportTransaction<T>(ds: DataSource, action: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  if (!ds.subscribers.some((s) => s instanceof AuditSubscriber)) ds.subscribers.push(new AuditSubscriber());
  // Run from a command line nobody is signed in; asked for through the API (a remiss added
  // from a link), the staff member who asked is the actor of the audit rows.
  const asked = currentAuditScope();
  return runInAuditScope({ actorId: asked?.actorId ?? null, requestId: asked?.requestId ?? null, action }, () =>
    ds.transaction((manager) => auditTransaction(manager, () => work(manager), { onlyIfWritten: true })),
  );
}

/** The document imported before (by the source's key), or one staff typed in with the same designation. */
export async function findImported(manager: EntityManager, externalId: string | null, designation: string): Promise<Document | null> {
  const repository = manager.getRepository(Document);
  return (
    (externalId ? await repository.findOne({ where: { externalId } }) : null) ??
    (await repository.findOne({ where: { designation } }))
  );
}

export function describeError(error: unknown): string {
  if (error instanceof DomainError || error instanceof Error) return error.message;
  return String(error);
}

/**
 * Adds or updates one document and, when it has none yet, its full text. The text is fetched
 * and extracted before the transaction, so a slow source never holds a lock and a failure
 * writes nothing. Staff's additions (priority areas, the inquiry, remisser, notes) are never
 * touched; the source's own fields follow the source.
 */
export async function importDocument(
  ds: DataSource,
  action: string,
  doc: SourceDocument,
  fetchText: TextFetcher | null,
  summary: ImportSummary,
): Promise<Document | null> {
  const label = `${doc.designation} ${doc.title}`;
  const outcome = (reason?: string): ItemOutcome => ({ key: doc.externalId ?? doc.designation, label, ...(reason ? { reason } : {}) });
  try {
    const existing = await findImported(ds.manager, doc.externalId, doc.designation);
    if (existing?.archivedAt) {
      summary.skipped.push(outcome("archived in Remissbanken"));
      return existing;
    }
    const hasText = existing ? await ds.manager.getRepository(DocumentText).exists({ where: { documentId: existing.id } }) : false;
    let text: ExtractedText | null = null;
    if (fetchText && !hasText) {
      const source = await fetchText();
      if ("missing" in source) summary.withoutText.push(outcome(source.missing));
      else {
        try {
          text = await extractDocumentText(source);
        } catch (error) {
          summary.withoutText.push(outcome(describeError(error)));
        }
      }
    }
    return await inImportTransaction(ds, action, async (manager) => {
      const { externalId, kind, designation, ...fields } = doc;
      let document: Document;
      if (!existing) {
        document = await createDocument(manager, { ...withoutNulls(fields), kind, designation, title: fields.title }, { externalId });
        summary.added.push(outcome());
      } else {
        const changed: Partial<Record<(typeof SOURCE_FIELDS)[number] | "designation", string>> = {};
        for (const field of SOURCE_FIELDS) {
          if (fields[field] !== null && fields[field] !== existing[field]) changed[field] = fields[field];
        }
        if (existing.designation !== designation) changed.designation = designation;
        document = Object.keys(changed).length ? await updateDocument(manager, { id: existing.id, ...changed }) : existing;
        const what: string[] = [];
        if (Object.keys(changed).length || text) what.push(`changed ${[...Object.keys(changed), ...(text ? ["full text"] : [])].join(", ")}`);
        if (externalId && existing.externalId !== externalId) {
          await manager.update(Document, existing.id, { externalId });
          what.push(`linked to the source's ${externalId}`);
        }
        if (what.length) summary.updated.push(outcome(what.join("; ")));
        else summary.unchanged.push(outcome());
      }
      if (text) await storeDocumentText(manager, document.id, text);
      return document;
    });
  } catch (error) {
    summary.failed.push(outcome(describeError(error)));
    return null;
  }
}

function withoutNulls<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) as never;
}
