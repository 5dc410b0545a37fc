/**
 * Riksdagen's `dokumentstatus` (XML or JSON): one document with its references to others
 * (a bill "behandlas i" a committee report, a directive's reports…) and often its full text.
 * Pure: no database, no network.
 */
import { parseDocument } from "htmlparser2";
import { isTag, type Element } from "domhandler";
import { getChildren, textContent } from "domutils";
import type { FullText } from "@remissbanken/indexer";
import { asList, cleanText } from "../source-text.js";
import { ImportInputError, IMPORTED_TYPES, isImportedType, readItem, type RiksdagenDocument, type SkippedItem } from "./dokumentlista.js";

export interface Reference {
  /** E.g. "behandlas_i", "följdmotion". */
  type: string;
  externalId: string;
  doktyp: string;
  /** Our designation when the referenced document is of a series we import. */
  designation: string | null;
  title: string | null;
}

export interface Dokumentstatus {
  document: RiksdagenDocument | SkippedItem;
  references: Reference[];
  /** Kommittébeteckning, e.g. "Fi 2019:01", from the title or text. */
  committeeDesignation: string | null;
  /** The text that came with the status, when it did. */
  fullText: FullText | null;
}

type Raw = Record<string, unknown>;

/** Turns an XML element into the shape Riksdagen's JSON has: text leaves, repeated tags as lists. */
function xmlToRaw(element: Element): unknown {
  const children = getChildren(element).filter(isTag);
  if (!children.length) return textContent(element);
  const out: Raw = {};
  for (const child of children) {
    const value = xmlToRaw(child);
    const existing = out[child.name];
    out[child.name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

function rootOf(body: string, where: string): Raw {
  const text = body.replace(/^\uFEFF/, "").trim();
  if (!text) throw new ImportInputError(`${where} is empty.`);
  if (text.startsWith("<")) {
    const root = parseDocument(text, { xmlMode: true }).children.find(isTag);
    if (!root || root.name !== "dokumentstatus") throw new ImportInputError(`${where} is XML but not a Riksdagen dokumentstatus.`);
    return xmlToRaw(root) as Raw;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportInputError(`${where} is neither XML nor valid JSON (cut off or damaged?): ${(error as Error).message}.`);
  }
  const status = (json as { dokumentstatus?: unknown } | null)?.dokumentstatus;
  if (!status || typeof status !== "object") throw new ImportInputError(`${where} is JSON but not a Riksdagen dokumentstatus.`);
  return status as Raw;
}

// A kommittébeteckning: a ministry's abbreviation, a year and a two-digit number ("Fi 2019:01",
// "M 2019:02", "Ju 2023:15"); SOU, Ds, SFS and Prop. numbers look alike and are left out.
const COMMITTEE_RE = /(?<![\p{L}.])(?!(?:SOU|Ds|SFS|Dir|Prop|Bet)\b)(\p{Lu}[\p{Ll}\p{Lu}]{0,2}) (\d{4}):(\d{2})(?!\d)/u;

/** The first kommittébeteckning in a text, normalized to "Fi 2019:01". */
export function findCommitteeDesignation(text: string | null | undefined): string | null {
  const match = text ? COMMITTEE_RE.exec(text.replace(/\s+/g, " ")) : null;
  return match ? `${match[1]} ${match[2]}:${match[3]}` : null;
}

export function parseDokumentstatus(body: string, where = "the response"): Dokumentstatus {
  const status = rootOf(body, where);
  const dokument = status.dokument as Raw | undefined;
  if (!dokument || typeof dokument !== "object") throw new ImportInputError(`${where} has no "dokument".`);
  // dokumentstatus says subtitel where dokumentlista says undertitel.
  const document = readItem({ ...dokument, undertitel: dokument.undertitel ?? dokument.subtitel });
  const references = asList((status.dokreferens as { referens?: Raw | Raw[] } | null | undefined)?.referens).flatMap((ref): Reference[] => {
    const externalId = cleanText(ref.ref_dok_id);
    const doktyp = cleanText(ref.ref_dok_typ)?.toLowerCase();
    if (!externalId || !doktyp) return [];
    const rm = cleanText(ref.ref_dok_rm);
    const nr = cleanText(ref.ref_dok_bet);
    const designation = isImportedType(doktyp) && rm && nr ? IMPORTED_TYPES[doktyp].designation(rm, nr) : null;
    return [{ type: cleanText(ref.referenstyp) ?? "", externalId, doktyp, designation, title: cleanText(ref.ref_dok_titel) }];
  });
  const html = typeof dokument.html === "string" && dokument.html.trim() ? dokument.html : null;
  const text = typeof dokument.text === "string" && dokument.text.trim() ? dokument.text.replace(/\r\n/g, "\n") : null;
  const title = cleanText(dokument.titel);
  // Only a directive's text names its own inquiry; a bill's text cites many others.
  const isDirective = cleanText(dokument.doktyp)?.toLowerCase() === "dir";
  return {
    document,
    references,
    committeeDesignation:
      findCommitteeDesignation(title) ?? (isDirective ? findCommitteeDesignation(text ?? html?.replace(/<[^>]*>/g, " ")) : null),
    fullText: text ? { format: "text", text } : html ? { format: "html", html } : null,
  };
}
