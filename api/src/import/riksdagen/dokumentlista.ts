/**
 * Riksdagen's open data `dokumentlista` (JSON), read into documents of our model. Pure:
 * no database, no network. Every quirk of the real service is handled here, once.
 */
import { DocumentKind, parseDesignation, type DesignationSeries } from "@remissbanken/schema";
import { absoluteUrl, asList, cleanHtmlText, cleanText, localDate } from "../source-text.js";
import type { SourceDocument } from "../import-writer.js";

/** The doktyp values we import, with the kind, series and how the designation is written. */
export const IMPORTED_TYPES = {
  dir: { kind: DocumentKind.DIRECTIVE, series: "DIR", designation: (rm: string, nr: string) => `Dir. ${rm}:${nr}` },
  sou: { kind: DocumentKind.SOU, series: "SOU", designation: (rm: string, nr: string) => `SOU ${rm}:${nr}` },
  ds: { kind: DocumentKind.DS, series: "DS", designation: (rm: string, nr: string) => `Ds ${rm}:${nr}` },
  prop: { kind: DocumentKind.PROPOSITION, series: "PROP", designation: (rm: string, nr: string) => `Prop. ${rm}:${nr}` },
  // A committee report's beteckning carries the committee: rm "2025/26", beteckning "KU45".
  bet: { kind: DocumentKind.COMMITTEE_REPORT, series: "BET", designation: (rm: string, nr: string) => `${rm}:${nr}` },
} satisfies Record<string, { kind: DocumentKind; series: DesignationSeries; designation: (rm: string, nr: string) => string }>;

export type ImportedType = keyof typeof IMPORTED_TYPES;

export function isImportedType(doktyp: string): doktyp is ImportedType {
  return Object.hasOwn(IMPORTED_TYPES, doktyp);
}

export interface Attachment {
  name: string | null;
  url: string;
  type: string | null;
  bytes: number | null;
}

/** One Riksdagen document as our model wants it, with where to find its text. */
export interface RiksdagenDocument extends SourceDocument {
  /** dok_id, e.g. "HD01KU45": the stable key of re-runs. */
  externalId: string;
  doktyp: ImportedType;
  textUrl: string | null;
  htmlUrl: string | null;
  attachments: Attachment[];
}

/** An item left out, and why (a web page, a doktyp we do not import, a broken record). */
export interface SkippedItem {
  externalId: string | null;
  title: string | null;
  reason: string;
}

export interface DokumentlistaPage {
  documents: RiksdagenDocument[];
  skipped: SkippedItem[];
  /** `@nasta_sida`, made absolute; null on the last page. */
  nextPage: string | null;
  page: number | null;
  pages: number | null;
  hits: number | null;
}

/** Input that is not a dokumentlista at all; the message says what is wrong with it. */
export class ImportInputError extends Error {}

type Raw = Record<string, unknown>;

/** Parses a dokumentlista response body. Throws ImportInputError when it is not one. */
export function parseDokumentlista(body: string, where = "the response"): DokumentlistaPage {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const empty = body.trim() === "";
    throw new ImportInputError(
      empty ? `${where} is empty.` : `${where} is not valid JSON (cut off or damaged?): ${(error as Error).message}.`,
    );
  }
  const list = (json as { dokumentlista?: unknown } | null)?.dokumentlista;
  if (!list || typeof list !== "object") {
    throw new ImportInputError(`${where} is JSON but not a Riksdagen dokumentlista (no "dokumentlista" key).`);
  }
  const raw = list as Raw;
  const documents: RiksdagenDocument[] = [];
  const skipped: SkippedItem[] = [];
  for (const item of asList(raw.dokument as Raw | Raw[] | null)) {
    const result = readItem(item);
    if ("reason" in result) skipped.push(result);
    else documents.push(result);
  }
  const number = (v: unknown) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : null);
  return {
    documents,
    skipped,
    nextPage: absoluteUrl(raw["@nasta_sida"]),
    page: number(raw["@sida"]),
    pages: number(raw["@sidor"]),
    hits: number(raw["@traffar"]),
  };
}

/** Reads one item: a document of ours, or the reason it is skipped. */
export function readItem(item: Raw): RiksdagenDocument | SkippedItem {
  const externalId = cleanText(item.dok_id);
  const title = cleanText(item.titel);
  const doktyp = cleanText(item.doktyp)?.toLowerCase() ?? null;
  const skip = (reason: string): SkippedItem => ({ externalId, title, reason });
  if (!doktyp || !externalId) return skip("not a document (a web page or an item without doktyp or dok_id)");
  if (!isImportedType(doktyp)) return skip(`doktyp "${doktyp}" is not imported (only ${Object.keys(IMPORTED_TYPES).join(", ")})`);
  if (!title) return skip("it has no title");
  const type = IMPORTED_TYPES[doktyp];
  const rm = cleanText(item.rm);
  const beteckning = cleanText(item.beteckning);
  if (!rm || !beteckning) return skip(`it has no ${!rm ? "rm (year)" : "beteckning (number)"}, so no designation`);
  const written = type.designation(rm, beteckning);
  const parsed = parseDesignation(written);
  if (!parsed) return skip(`"${written}" is not a valid designation`);
  if (parsed.series !== type.series) return skip(`designation ${parsed.normalized} is not of the ${doktyp} series`);
  const kind = doktyp === "dir" && /^tilläggsdirektiv/i.test(title) ? DocumentKind.SUPPLEMENTARY_DIRECTIVE : type.kind;
  const htmlUrl = absoluteUrl(item.dokument_url_html);
  const filbilaga = item.filbilaga as { fil?: Raw | Raw[] } | null | undefined;
  return {
    externalId,
    doktyp,
    kind,
    designation: parsed.normalized,
    title,
    subtitle: cleanText(item.undertitel),
    department: cleanText(item.organ),
    publishedAt: localDate(item.datum),
    sourceUrl: htmlUrl,
    summary: cleanHtmlText(item.summary),
    textUrl: absoluteUrl(item.dokument_url_text),
    htmlUrl,
    attachments: asList(filbilaga?.fil).flatMap((fil) => {
      const url = absoluteUrl(fil.url);
      if (!url) return [];
      const bytes = Number(fil.storlek);
      return [{ name: cleanText(fil.namn), url, type: cleanText(fil.typ), bytes: Number.isFinite(bytes) && bytes > 0 ? bytes : null }];
    }),
  };
}
