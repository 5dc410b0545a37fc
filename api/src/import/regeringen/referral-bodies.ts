/**
 * The remissinstanser when a remiss page gives them only as a PDF ("Remissinstanser",
 * "Sändlista"): the PDF's text, read with the same code as full texts, one body per line.
 */
import { describeError } from "../import-writer.js";
import { extractDocumentText } from "../../document/document-text.service.js";
import type { HttpClient } from "../http-client.js";
import { DIARIENUMMER, swedishDate } from "./remiss-page.js";

/** Lines of a referral list that are not referral bodies: headings, page numbers, dates, prose. */
const NOT_A_BODY = [
  /^(remissinstanser|sändlista|remisslista|remissmissiv)\b/i,
  /^(sida\s+)?\d+(\s*(\(|av)\s*\d+\)?)?$/i,
  /:$/,
  /^(regeringskansliet|departementet)$/i,
];

/** One referral body per line; numbering and bullets dropped, headings and prose left out. */
export function referralBodiesFromText(text: string): string[] {
  const bodies = new Set<string>();
  for (const raw of text.split(/[\n\f]/)) {
    const line = raw.replace(/^\s*(\d+[.)]|[•·▪–-])\s*/, "").replace(/\s+/g, " ").trim();
    if (!line || line.length > 120 || NOT_A_BODY.some((pattern) => pattern.test(line))) continue;
    // A sentence ("Remissvaren ska ha kommit in …") or a date or diarienummer line is no body.
    if (/[.!?]$/.test(line) && line.split(" ").length > 4) continue;
    if (swedishDate(line) || DIARIENUMMER.test(line)) continue;
    bodies.add(line);
  }
  return [...bodies];
}

/** Fetches and reads the PDF; a PDF that cannot be had or read gives its reason instead. */
export async function readReferralBodiesPdf(client: HttpClient, url: string): Promise<{ bodies: string[] } | { problem: string }> {
  try {
    const response = await client.get(url);
    if (response.status === 404) return { problem: "the PDF does not exist (404)" };
    const text = await extractDocumentText({ format: "pdf", data: new Uint8Array(response.body) });
    const bodies = referralBodiesFromText(text.content);
    return bodies.length ? { bodies } : { problem: "no remissinstanser were found in the PDF" };
  } catch (error) {
    return { problem: describeError(error) };
  }
}
