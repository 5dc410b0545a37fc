/**
 * The Riksdagen import: saved `dokumentlista` files or the live service, page by page,
 * into documents with their full text. One bad item or file never stops the run.
 */
import path from "node:path";
import type { DataSource } from "typeorm";
import type { Document } from "@remissbanken/schema";
import { emptySummary, type ImportSummary } from "../import-summary.js";
import { HttpError, onBase, type HttpClient } from "../http-client.js";
import { describeError, importDocument, type TextFetcher, type TextResult } from "../import-writer.js";
import { importChain } from "./chain.js";
import { parseDokumentstatus } from "./dokumentstatus.js";
import { readSaved } from "../import-database.js";
import { ImportInputError, parseDokumentlista, type DokumentlistaPage, type ImportedType, type RiksdagenDocument } from "./dokumentlista.js";
import { DEFAULT_RIKSDAGEN_BASE_URL } from "../import-settings.js";

export { DEFAULT_RIKSDAGEN_BASE_URL };

/** Riksdagen's service stops paging around page 50 and repeats; no honest query needs more. */
const MAX_PAGES = 500;
const PAGE_SIZE = 100;
const AUDIT_ACTION = "importRiksdagen";

export interface RiksdagenQuery {
  types: ImportedType[];
  from: string;
  to?: string | null;
}

export interface RiksdagenImportOptions {
  /** Saved responses to import instead of asking the service. */
  files?: string[];
  /** Saved `dokumentstatus` responses (XML or JSON): documents with their chain. */
  statusFiles?: string[];
  query?: RiksdagenQuery;
  baseUrl?: string;
  /** Needed for a query and for full texts. */
  client?: HttpClient | null;
  /** Fetch and attach each new document's full text. */
  withText?: boolean;
  /** Also fetch each document's dokumentstatus and import its chain (references, inquiry). */
  chain?: boolean;
  progress?: (line: string) => void;
}

/** The listing URL of one doktyp, oldest first so that an interrupted run resumes naturally. */
export function listingUrl(base: string, type: ImportedType, from: string, to?: string | null): string {
  const url = new URL("dokumentlista/", base);
  url.search = new URLSearchParams({
    doktyp: type, from, ...(to ? { tom: to } : {}), sort: "datum", sortorder: "asc", sz: String(PAGE_SIZE), utformat: "json", p: "1",
  }).toString();
  return url.href;
}

/**
 * Pages through one listing. Stops at the last page, when a page repeats the one before
 * (the service does so past page ~50) or at a page already seen.
 */
export async function* listingPages(client: HttpClient, base: string, firstUrl: string): AsyncGenerator<DokumentlistaPage> {
  const seen = new Set<string>();
  let previous: string | null = null;
  let url: string | null = firstUrl;
  while (url && seen.size < MAX_PAGES && !seen.has(url)) {
    seen.add(url);
    const response = await client.get(url);
    if (response.status === 404) throw new HttpError(`${url} answered 404: is the base URL right?`, 404);
    const page = parseDokumentlista(response.body.toString("utf8"), url);
    const signature = [...page.documents.map((d) => d.externalId), ...page.skipped.map((s) => s.externalId)].join("|");
    if (previous !== null && signature === previous) return;
    previous = signature;
    yield page;
    url = page.nextPage ? onBase(page.nextPage, base) : null;
  }
}

/** Fetches a document's text: the plain text, else the HTML, else its PDF attachment. */
export function riksdagenText(client: HttpClient, base: string, doc: RiksdagenDocument): TextFetcher {
  return async (): Promise<TextResult> => {
    const pdf = doc.attachments.find((a) => a.type === "pdf" || a.name?.toLowerCase().endsWith(".pdf"));
    const candidates = [
      { url: doc.textUrl, format: "text" as const },
      { url: doc.htmlUrl, format: "html" as const },
      { url: pdf?.url ?? null, format: "pdf" as const },
    ];
    for (const { url, format } of candidates) {
      if (!url) continue;
      const response = await client.get(onBase(url, base));
      if (response.status === 404 || response.body.length === 0) continue;
      if (format === "pdf") return { format, data: new Uint8Array(response.body) };
      const content = response.body.toString("utf8");
      if (!content.trim()) continue;
      return format === "text" ? { format, text: content.replace(/\r\n/g, "\n") } : { format, html: content };
    }
    return { missing: "Riksdagen has published no text for it yet" };
  };
}

/** Fetches a document's dokumentstatus and imports its chain; a failure is the item's, not the run's. */
async function importChainOf(ds: DataSource, client: HttpClient, base: string, doc: RiksdagenDocument, document: Document, summary: ImportSummary) {
  const url = new URL(`dokumentstatus/${encodeURIComponent(doc.externalId)}.json`, base).href;
  try {
    const response = await client.get(url);
    if (response.status === 404) return;
    await importChain(ds, parseDokumentstatus(response.body.toString("utf8"), url), summary, document);
  } catch (error) {
    summary.failed.push({ key: doc.externalId, label: `${doc.designation} ${doc.title}`, reason: `its dokumentstatus: ${describeError(error)}` });
  }
}

async function importPage(ds: DataSource, page: DokumentlistaPage, options: RiksdagenImportOptions, summary: ImportSummary, where: string) {
  for (const skipped of page.skipped) {
    summary.skipped.push({ key: skipped.externalId ?? "?", label: `${skipped.externalId ?? "(no dok_id)"} ${skipped.title ?? ""}`.trim(), reason: skipped.reason });
  }
  const base = options.baseUrl ?? DEFAULT_RIKSDAGEN_BASE_URL;
  for (const doc of page.documents) {
    const fetchText = options.withText && options.client ? riksdagenText(options.client, base, doc) : null;
    const document = await importDocument(ds, AUDIT_ACTION, doc, fetchText, summary);
    if (document && options.chain && options.client) await importChainOf(ds, options.client, base, doc, document, summary);
  }
  options.progress?.(
    `${where}: ${page.documents.length} documents, ${page.skipped.length} skipped` +
      (page.page && page.pages ? ` (page ${page.page} of ${page.pages})` : "") +
      ` — so far added ${summary.added.length}, updated ${summary.updated.length}, failed ${summary.failed.length}`,
  );
}

export async function runRiksdagenImport(ds: DataSource, options: RiksdagenImportOptions): Promise<ImportSummary> {
  const summary = emptySummary();
  const base = options.baseUrl ?? DEFAULT_RIKSDAGEN_BASE_URL;
  for (const file of options.files ?? []) {
    const page = await readSaved(file, parseDokumentlista, summary);
    if (page) await importPage(ds, page, options, summary, path.basename(file));
  }
  for (const file of options.statusFiles ?? []) {
    const status = await readSaved(file, parseDokumentstatus, summary);
    if (!status) continue;
    await importChain(ds, status, summary);
    options.progress?.(`${path.basename(file)}: ${status.references.length} references`);
  }
  if (options.query) {
    if (!options.client) throw new Error("Fetching from Riksdagen needs an HTTP client.");
    for (const type of options.query.types) {
      const first = listingUrl(base, type, options.query.from, options.query.to);
      try {
        for await (const page of listingPages(options.client, base, first)) await importPage(ds, page, options, summary, type);
      } catch (error) {
        // The listing itself broke (not one item): what came before stays, the next doktyp still runs.
        const reason = error instanceof ImportInputError || error instanceof HttpError ? error.message : describeError(error);
        summary.failed.push({ key: first, label: `the ${type} listing`, reason, source: true });
      }
    }
  }
  return summary;
}
