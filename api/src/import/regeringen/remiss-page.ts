/**
 * A remiss page of regeringen.se (there is no API) read into what a remiss needs. Pure: no
 * database, no network. Parsed with htmlparser2, the HTML parser the indexer already uses for
 * full texts (a real parser: the pages nest, escape and vary; regular expressions over markup
 * would break on the first redesign), so no new dependency.
 */
import { parseDocument } from "htmlparser2";
import { isTag, type Element } from "domhandler";
import { findAll, findOne, getAttributeValue, getParent, nextElementSibling, textContent } from "domutils";
import { parseDesignation, type Designation } from "@remissbanken/schema";
import { absoluteUrl, cleanText } from "../source-text.js";
import { ImportInputError } from "../riksdagen/dokumentlista.js";

export interface Link {
  title: string;
  url: string;
}

export interface PublishedResponse {
  organisation: string;
  url: string;
}

export interface RemissPage {
  url: string | null;
  /** The page's heading, e.g. "Remiss av Ds 2026:15 Gäldenärens avtal i konkurs". */
  title: string;
  /** The report's designation, e.g. "SOU 2026:14"; null when the page names none. */
  designation: Designation | null;
  /** The report's own title, for creating it when it is missing. */
  reportTitle: string;
  diarienummer: string | null;
  ministry: string | null;
  publishedAt: string | null;
  /** Sista svarsdag. */
  deadline: string | null;
  /** Remissinstanser when the page lists them as text (usually it links a PDF instead). */
  referralBodies: string[];
  /** The PDF with the list of remissinstanser, when there is one. */
  referralBodiesUrl: string | null;
  /** Why the remissinstanser could not be read from that PDF. */
  referralBodiesProblem?: string;
  /** The documents sent on remiss ("Genväg", "Genvägar", "Dokumentet som remitteras"). */
  documents: Link[];
  responses: PublishedResponse[];
}

const MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"];
const SWEDISH_DATE = new RegExp(String.raw`(\d{1,2})\s+(${MONTHS.join("|")})\s+(\d{4})`, "i");

/** "30 juni 2026" (or "2026-06-30") → "2026-06-30". */
export function swedishDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const iso = /(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const match = SWEDISH_DATE.exec(text);
  if (!match) return null;
  const [, day, month, year] = match;
  return `${year}-${String(MONTHS.indexOf(month.toLowerCase()) + 1).padStart(2, "0")}-${day.padStart(2, "0")}`;
}

// The wordings of the last day seen on the pages, typos included ("är den den 10 augusti").
const DEADLINE_LEAD = /(sista\s+dag(?:en)?\s+(?:att|för\s+att)\s+(?:svara|lämna\s+synpunkter)|svaren?\s+ska\s+ha\s+kommit\s+in|remissvaren\s+ska\s+ha\s+kommit\s+in|senast)[^.]{0,120}?((?:den\s+)*)(\d{1,2}\s+\p{L}+\s+\d{4})/iu;

/** The last day to answer, from the page's Swedish prose. */
export function deadlineFrom(text: string): string | null {
  const match = DEADLINE_LEAD.exec(text.replace(/\s+/g, " "));
  return match ? swedishDate(match[3]) : null;
}

const DESIGNATION_IN_TEXT = /\b(SOU|Ds|Dir\.?|Prop\.?)\s*(\d{4}(?:\/\d{2})?)\s*:\s*(\d+)/i;
export const DIARIENUMMER = /\b([A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}\d{4}\/\d{3,6}(?:\/[A-ZÅÄÖ0-9]+)?)\b/;

export function designationIn(text: string | null | undefined): Designation | null {
  const match = text ? DESIGNATION_IN_TEXT.exec(text) : null;
  return match ? parseDesignation(`${match[1]} ${match[2]}:${match[3]}`) : null;
}

const text = (node: Element | null | undefined) => (node ? cleanText(textContent(node)) ?? "" : "");
const hasClass = (element: Element, name: string) => (getAttributeValue(element, "class") ?? "").split(/\s+/).includes(name);

/** The element after a heading whose text matches, e.g. the list after "Remissvar:". */
function afterHeading(root: Element[], heading: RegExp): Element | null {
  const h = findOne((e) => /^h[2-4]$/.test(e.name) && heading.test(text(e)), root, true);
  return h ? nextElementSibling(h) : null;
}

function links(container: Element | null, base: string): Link[] {
  if (!container) return [];
  return findAll((e) => e.name === "a", [container]).flatMap((a) => {
    const url = absoluteUrl(getAttributeValue(a, "href"), base);
    const title = text(a);
    return url && title ? [{ title, url }] : [];
  });
}

/** "Kammarkollegiet (pdf 53 kB)" → "Kammarkollegiet". */
const withoutFileInfo = (title: string) => title.replace(/\s*\((?:pdf|docx?|xlsx?)[^)]*\)\s*$/i, "").replace(/\.pdf$/i, "").trim();

export function parseRemissPage(html: string, where = "the page", pageUrl?: string | null): RemissPage {
  const dom = parseDocument(html, { decodeEntities: true });
  const canonical = findOne((e) => e.name === "link" && getAttributeValue(e, "rel") === "canonical", dom.children, true);
  const url = pageUrl ?? absoluteUrl(canonical && getAttributeValue(canonical, "href"), "https://www.regeringen.se/");
  const base = url ?? "https://www.regeringen.se/";
  const main = findOne((e) => e.name === "main", dom.children, true) ?? findOne((e) => e.name === "body", dom.children, true);
  const root = main ? [main] : dom.children.filter(isTag);
  const h1 = findOne((e) => e.name === "h1", root, true);
  const categories = findOne((e) => hasClass(e, "categories-text"), root, true);
  if (!h1 || !(/^Remiss från/i.test(text(categories)) || /^Remiss\b/i.test(text(h1)))) {
    throw new ImportInputError(
      `${where} is not a remiss page from regeringen.se (it has no "Remiss från …" heading${h1 ? `; its heading is "${text(h1).slice(0, 80)}"` : ""}).`,
    );
  }
  const vignette = findOne((e) => hasClass(e, "h1-vignette"), [h1], true);
  const title = cleanText(textContent(h1).replace(vignette ? textContent(vignette) : "", "")) ?? "";
  const mainText = text(main);
  const diarienummer = DIARIENUMMER.exec(text(vignette))?.[1] ?? /Diarienummer:?\s*(\S+)/.exec(mainText)?.[1]?.replace(/[.,;]$/, "") ?? null;

  const ministries = categories ? findAll((e) => e.name === "a", [categories]).map(text) : [];
  const ministry = ministries.find((m) => /departementet$/i.test(m)) ?? ministries[0] ?? null;

  const published = findOne((e) => hasClass(e, "published"), root, true);
  const publishedTime = published && findOne((e) => e.name === "time", [published], true);
  const publishedAt = swedishDate(getAttributeValue(publishedTime ?? ({} as Element), "datetime") ?? text(published));

  // The island headed "Genväg", "Genvägar" or "Dokumentet som remitteras" links the report.
  const shortcutHeading = findOne((e) => /^h[2-4]$/.test(e.name) && /^(genväg(ar)?|dokumentet som remitteras)$/i.test(text(e)), root, true);
  const documents = shortcutHeading ? links(getParent(shortcutHeading) as Element, base) : [];

  const referralContainer = afterHeading(root, /^remissinstanser:?$/i);
  const referralLinks = links(referralContainer, base);
  const referralBodiesUrl = referralLinks.find((l) => /\.pdf($|\?)/i.test(l.url))?.url ?? null;
  const referralBodies = referralContainer && !referralBodiesUrl
    ? findAll((e) => e.name === "li", [referralContainer]).map(text).filter(Boolean)
    : [];

  const responses = links(afterHeading(root, /^remissvar:?$/i), base).map((l) => ({ organisation: withoutFileInfo(l.title), url: l.url }));

  const designation = designationIn(title) ?? designationIn(documents.map((d) => d.title).join(" "));
  const shortcutTitle = designation && documents.map((d) => d.title).find((t) => designationIn(t)?.normalized === designation.normalized);
  const reportTitle = withoutFileInfo(
    (shortcutTitle ?? title.replace(/^Remiss av\s+/i, ""))
      .replace(DESIGNATION_IN_TEXT, "")
      .replace(/\(\s*\)/, "")
      .replace(/^[\s,:–-]+|[\s,:–-]+$/g, ""),
  );
  return {
    url,
    title,
    designation,
    reportTitle: reportTitle || title,
    diarienummer,
    ministry,
    publishedAt,
    deadline: deadlineFrom(mainText),
    referralBodies,
    referralBodiesUrl,
    documents,
    responses,
  };
}
