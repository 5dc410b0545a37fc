import type { DataSource, EntityManager } from "typeorm";
import { Document, DocumentText, LIMITS, type FullTextFormat } from "@remissbanken/schema";
import { extractPages, sectionsAtPageStarts, type FullText, type PageProgress } from "@remissbanken/indexer";
import { badInput } from "../common/errors.js";
import { ensureNotArchived, loadForUpdate } from "../common/crud.js";

/** The largest source accepted: an 800-page SOU as PDF is 5–20 MB. */
export const MAX_SOURCE_BYTES = 50 * 1024 * 1024;

/** Turns what a client sent into an extractable source; base64 for PDF. */
export function fullTextSource(format: FullTextFormat, content: string): FullText {
  if (content.length > (format === "pdf" ? Math.ceil((MAX_SOURCE_BYTES * 4) / 3) + 4 : MAX_SOURCE_BYTES)) {
    throw badInput(`The text is larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB.`, [{ field: "content", message: "too large" }]);
  }
  if (format === "text") return { format, text: content };
  if (format === "html") return { format, html: content };
  const compact = content.replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) {
    throw badInput("A PDF must be sent as base64.", [{ field: "content", message: "not base64" }]);
  }
  const data = Buffer.from(compact, "base64");
  if (data.subarray(0, 5).toString("latin1") !== "%PDF-") {
    throw badInput("The content is not a PDF.", [{ field: "content", message: "not a PDF" }]);
  }
  return { format, data: new Uint8Array(data) };
}

export interface ExtractedText {
  format: FullText["format"];
  /** Pages joined with form feeds. */
  content: string;
  pageCount: number;
}

/** Extracts the full text (pages kept, joined with form feeds); refuses a source that yields none. Takes no locks. */
export async function extractDocumentText(source: FullText, onPage?: PageProgress): Promise<ExtractedText> {
  let pages;
  try {
    pages = await extractPages(source, onPage);
  } catch (error) {
    throw badInput(`The ${source.format.toUpperCase()} could not be read: ${(error as Error).message}`, [{ field: "content", message: "unreadable" }]);
  }
  const content = pages.map((page) => page.text).join("\f");
  if (!content.replace(/\f/g, "").trim()) {
    throw badInput("No text could be extracted (a scanned PDF needs OCR first).", [{ field: "content", message: "no text" }]);
  }
  if (content.length > LIMITS.fullTextLength) {
    throw badInput(`The text is longer than ${LIMITS.fullTextLength.toLocaleString("en")} characters.`, [{ field: "content", message: "too long" }]);
  }
  return { format: source.format, content, pageCount: pages.length };
}

/** Stores an extracted text for the document, replacing any earlier one; the indexer then splits it into passages. */
export async function storeDocumentText(manager: EntityManager, documentId: string, text: ExtractedText): Promise<Document> {
  const document = await loadForUpdate(manager, Document, "Document", documentId);
  ensureNotArchived(document, "The document");
  await manager.upsert(
    DocumentText,
    { documentId, sourceFormat: text.format, content: text.content, pageCount: text.pageCount, charCount: text.content.length },
    ["documentId"],
  );
  return document;
}

/**
 * Extracts the full text and stores it for the document. Extraction (seconds for an 800-page
 * PDF) runs before the document row is locked, so edits of the document never wait for it,
 * and a source that cannot be read writes nothing. Call it outside a transaction.
 */
export async function attachDocumentText(ds: DataSource, documentId: string, source: FullText, onPage?: PageProgress): Promise<Document> {
  const text = await extractDocumentText(source, onPage);
  return ds.transaction((manager) => storeDocumentText(manager, documentId, text));
}

/** What is loaded about a document's full text without the text itself (also primed by the document loader). */
export const TEXT_INFO_FIELDS = ["documentId", "sourceFormat", "pageCount", "charCount", "updatedAt"] as const satisfies ReadonlyArray<keyof DocumentText>;

export async function documentTextInfo(manager: EntityManager, documentIds: readonly string[]) {
  const rows = await manager
    .getRepository(DocumentText)
    .createQueryBuilder("t")
    .select(TEXT_INFO_FIELDS.map((field) => `t.${field}`))
    .where("t.document_id IN (:...ids)", { ids: documentIds })
    .getMany();
  const byId = new Map(rows.map((row) => [row.documentId, row]));
  return documentIds.map((id) => byId.get(id) ?? null);
}

export interface TextPage {
  /** From 1; a text without form feeds is one page. */
  number: number;
  section: string | null;
  text: string;
}

/**
 * Pages `from`…`from + count - 1` of a document's stored text (fewer at its end, none without
 * text). PostgreSQL cuts the text at its form feeds, so only the pages up to the last one asked
 * for leave the database: their headings tell the section the first page asked for begins in.
 */
export async function documentTextPages(manager: EntityManager, documentId: string, from: number, count: number): Promise<TextPage[]> {
  const rows: { pages: string[] | null }[] = await manager.query(
    "SELECT (string_to_array(content, $2))[1:$3] AS pages FROM document_text WHERE document_id = $1",
    [documentId, "\f", from + count - 1],
  );
  const pages = rows[0]?.pages ?? [];
  const sections = sectionsAtPageStarts(pages.map((text) => ({ text })));
  return pages.slice(from - 1).map((text, i) => ({ number: from + i, section: sections[from - 1 + i], text }));
}
