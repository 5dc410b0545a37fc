/**
 * A remiss page of regeringen.se into Remissbanken: the report found by its designation (or
 * created from what the page says), the remiss found by diarienummer or page address (or
 * created). A re-run updates what the ministry changed (the deadline, the referral bodies)
 * and keeps SmåKom's own tracking: status, owner, notes, the members' deadline.
 */
import fs from "node:fs/promises";
import path from "node:path";
import type { DataSource, EntityManager } from "typeorm";
import { Document, DocumentKind, Municipality, Remiss, type DesignationSeries } from "@remissbanken/schema";
import { createRemiss, updateRemiss } from "../../remiss/remiss.service.js";
import { emptySummary, type ImportSummary } from "../import-summary.js";
import { describeError, findImported, importDocument, inImportTransaction } from "../import-writer.js";
import type { HttpClient } from "../http-client.js";
import { parseRemissPage, type PublishedResponse, type RemissPage } from "./remiss-page.js";
import { readReferralBodiesPdf } from "./referral-bodies.js";

const AUDIT_ACTION = "importRemiss";

const KIND_OF_SERIES: Record<DesignationSeries, DocumentKind> = {
  SOU: DocumentKind.SOU,
  DS: DocumentKind.DS,
  DIR: DocumentKind.DIRECTIVE,
  PROP: DocumentKind.PROPOSITION,
  BET: DocumentKind.COMMITTEE_REPORT,
};

/** SmåKom among the referral bodies, however the ministry spelled it. */
export const isSmakom = (body: string) => /\bsm[åa]kom\b|sammanslutningen\s+(för\s+)?små\s+kommuner/i.test(body);

/** Member municipalities named among the referral bodies ("Forshaga kommun"). */
async function membersAmong(manager: EntityManager, bodies: string[]): Promise<string[]> {
  if (!bodies.length) return [];
  const municipalities = await manager.getRepository(Municipality).find();
  return bodies.filter((body) =>
    municipalities.some((m) => new RegExp(`^${m.name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}s?\\s+kommun\\b`, "i").test(body.trim()) || body.trim().toLowerCase() === m.name.toLowerCase()),
  );
}

/**
 * The remiss imported before (by diarienummer or page address), else one staff typed in by
 * hand on the same report (no page address yet), which the import then completes.
 */
async function findRemiss(manager: EntityManager, page: RemissPage, documentId: string): Promise<Remiss | null> {
  const repository = manager.getRepository(Remiss);
  if (page.diarienummer || page.url) {
    const q = repository.createQueryBuilder("r");
    if (page.diarienummer) q.orWhere("lower(r.diarienummer) = lower(:d)", { d: page.diarienummer });
    if (page.url) q.orWhere("r.source_url = :url", { url: page.url });
    const found = await q.getOne();
    if (found) return found;
  }
  return repository
    .createQueryBuilder("r")
    .where("r.document_id = :documentId AND r.source_url IS NULL AND r.archived_at IS NULL", { documentId })
    .andWhere(page.diarienummer ? "(r.diarienummer IS NULL OR lower(r.diarienummer) = lower(:d))" : "TRUE", { d: page.diarienummer })
    .orderBy("r.created_at")
    .getOne();
}

/**
 * Stores the responses other organisations sent, as the page publishes them; keyed by their
 * address, so a re-run adds only new ones (and follows a corrected organisation name).
 * Returns how many were added or changed.
 */
async function storePublishedResponses(manager: EntityManager, remissId: string, responses: PublishedResponse[]): Promise<number> {
  const byUrl = new Map(responses.map((r) => [r.url, r.organisation]));
  if (!byUrl.size) return 0;
  const written: unknown[] = await manager.query(
    `INSERT INTO remiss_published_response (remiss_id, organisation, url)
     SELECT $1, t.organisation, t.url FROM unnest($2::text[], $3::text[]) AS t(organisation, url)
     -- Rows stored as they are are not offered at all: even a conflict that updates nothing is a
     -- write to PostgreSQL, and a re-run that changes nothing must leave no audit row.
     WHERE NOT EXISTS (
       SELECT 1 FROM remiss_published_response p WHERE p.remiss_id = $1 AND p.url = t.url AND p.organisation = t.organisation
     )
     ON CONFLICT (remiss_id, url) DO UPDATE SET organisation = EXCLUDED.organisation
       WHERE remiss_published_response.organisation <> EXCLUDED.organisation
     RETURNING id`,
    [remissId, [...byUrl.values()], [...byUrl.keys()]],
  );
  return written.length;
}

export interface RemissImportResult {
  remiss: Remiss;
  /** Member municipalities among the referral bodies. */
  members: string[];
  /** The report was not in Remissbanken and was created from the page. */
  documentCreated: boolean;
}

export async function importRemissPage(ds: DataSource, page: RemissPage, summary: ImportSummary): Promise<RemissImportResult | null> {
  const label = `${page.diarienummer ?? page.url ?? "?"} ${page.title}`;
  const key = page.diarienummer ?? page.url ?? page.title;
  const fail = (reason: string) => {
    summary.failed.push({ key, label, reason });
    return null;
  };
  if (!page.designation) return fail("the page names no report designation (SOU, Ds, Dir. or Prop.), so it cannot be linked to a document");
  if (!page.deadline) return fail("no last day to answer was found on the page");
  if (!page.ministry) return fail("the page names no ministry");

  // The report's own outcome is told apart from the remiss's: "created SOU 2026:31 too".
  const documents = emptySummary();
  // An existing document is left as it is: Riksdagen's data or staff's edits describe it better than a remiss page.
  const found = await findImported(ds.manager, null, page.designation.normalized);
  const document = found ?? await importDocument(ds, AUDIT_ACTION, {
    externalId: null,
    kind: KIND_OF_SERIES[page.designation.series],
    designation: page.designation.normalized,
    title: page.reportTitle,
    subtitle: null,
    department: page.ministry,
    publishedAt: null,
    sourceUrl: page.documents.find((d) => /rattsliga-dokument/.test(d.url))?.url ?? null,
    summary: null,
  }, null, documents);
  if (!document) return fail(`its document ${page.designation.normalized}: ${documents.failed[0]?.reason ?? documents.skipped[0]?.reason}`);
  const documentCreated = documents.added.length > 0;

  try {
    return await inImportTransaction(ds, AUDIT_ACTION, async (manager) => {
      const existing = await findRemiss(manager, page, document.id);
      const members = await membersAmong(manager, page.referralBodies);
      const smakom = page.referralBodies.some(isSmakom);
      if (!existing) {
        const remiss = await createRemiss(manager, {
          documentId: document.id,
          diarienummer: page.diarienummer,
          ministry: page.ministry!,
          referralBodies: page.referralBodies,
          smakomIsReferralBody: smakom,
          deadline: page.deadline!,
          sourceUrl: page.url,
        });
        await storePublishedResponses(manager, remiss.id, page.responses);
        summary.added.push({ key, label, ...(documentCreated ? { reason: `with ${page.designation!.normalized}, created from the page` } : {}) });
        return { remiss, members, documentCreated };
      }
      const changed: Record<string, unknown> = {};
      if (page.deadline !== existing.deadline) changed.deadline = page.deadline;
      if (page.ministry !== existing.ministry) changed.ministry = page.ministry;
      if (page.diarienummer && !existing.diarienummer) changed.diarienummer = page.diarienummer;
      if (page.url && !existing.sourceUrl) changed.sourceUrl = page.url;
      // The page usually links the list as a PDF; an empty list says nothing about it.
      if (page.referralBodies.length && page.referralBodies.join("\n") !== existing.referralBodies.join("\n")) {
        changed.referralBodies = page.referralBodies;
        if (smakom && !existing.smakomIsReferralBody) changed.smakomIsReferralBody = true;
      }
      const responses = await storePublishedResponses(manager, existing.id, page.responses);
      if (!Object.keys(changed).length && !responses) {
        summary.unchanged.push({ key, label });
        return { remiss: existing, members, documentCreated };
      }
      const remiss = Object.keys(changed).length ? await updateRemiss(manager, { id: existing.id, ...changed }) : existing;
      const what = [...(Object.keys(changed).length ? [`changed ${Object.keys(changed).join(", ")}`] : []), ...(responses ? [`${responses} published responses new or renamed`] : [])];
      summary.updated.push({ key, label, reason: what.join("; ") });
      return { remiss, members, documentCreated };
    });
  } catch (error) {
    return fail(describeError(error));
  }
}

/**
 * The page with its remissinstanser read from the PDF it links, when it lists none as text.
 * `address` says where to ask for the PDF, or null to leave it. A PDF that cannot be read
 * leaves the list empty and says why in `referralBodiesProblem`.
 */
export async function withReferralBodiesPdf(page: RemissPage, client: HttpClient, address: (url: string) => string | null): Promise<RemissPage> {
  const pdf = page.referralBodies.length || !page.referralBodiesUrl ? null : address(page.referralBodiesUrl);
  if (!pdf) return page;
  const read = await readReferralBodiesPdf(client, pdf);
  return "bodies" in read ? { ...page, referralBodies: read.bodies } : { ...page, referralBodiesProblem: read.problem };
}

/** One page read: where from, what it says, and what became of it. */
export interface RemissSourceResult {
  source: string;
  page: RemissPage | null;
  result: RemissImportResult | null;
}

/**
 * Imports remiss pages from addresses (fetched politely) or saved HTML files. A source that
 * cannot be read or is not a remiss page is a failed item; the others still run.
 */
export async function runRemissImport(
  ds: DataSource,
  sources: string[],
  summary: ImportSummary,
  client: HttpClient | null,
): Promise<RemissSourceResult[]> {
  const results: RemissSourceResult[] = [];
  for (const source of sources) {
    const isUrl = /^https?:\/\//i.test(source);
    let page: RemissPage;
    try {
      let html: string;
      let url: string | null = null;
      if (isUrl) {
        if (!client) throw new Error("fetching a page needs an HTTP client");
        const response = await client.get(source);
        if (response.status === 404) throw new Error("the page does not exist (404)");
        html = response.body.toString("utf8");
        url = response.url;
      } else {
        html = await fs.readFile(source, "utf8");
      }
      page = parseRemissPage(html, isUrl ? source : path.basename(source), url);
      // A saved page is read offline; the list on a fetched page is fetched too.
      if (isUrl && client) page = await withReferralBodiesPdf(page, client, (pdf) => pdf);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : describeError(error);
      summary.failed.push({ key: source, label: isUrl ? source : path.basename(source), reason });
      results.push({ source, page: null, result: null });
      continue;
    }
    results.push({ source, page, result: await importRemissPage(ds, page, summary) });
  }
  return results;
}
