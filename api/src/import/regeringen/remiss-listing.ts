/**
 * The listing of current remisser on regeringen.se (/remisser/), for staff to pick those not
 * yet tracked. Pure parsing, plus one query to tell tracked from untracked.
 */
import { parseDocument } from "htmlparser2";
import { findAll, findOne, getAttributeValue, textContent } from "domutils";
import type { Element } from "domhandler";
import type { DataSource } from "typeorm";
import { Remiss } from "@remissbanken/schema";
import { absoluteUrl, cleanText, localDate } from "../source-text.js";
import { ImportInputError } from "../riksdagen/dokumentlista.js";
import { designationIn, DIARIENUMMER } from "./remiss-page.js";

export interface ListedRemiss {
  title: string;
  url: string;
  diarienummer: string | null;
  designation: string | null;
  publishedAt: string | null;
  ministry: string | null;
}

const text = (node: Element | null | undefined) => (node ? cleanText(textContent(node)) ?? "" : "");

export function parseRemissListing(html: string, where = "the page", base = "https://www.regeringen.se/remisser/"): ListedRemiss[] {
  const dom = parseDocument(html, { decodeEntities: true });
  const h1 = findOne((e) => e.name === "h1", dom.children, true);
  if (!h1 || !/^remisser$/i.test(text(h1))) {
    throw new ImportInputError(`${where} is not the listing of remisser on regeringen.se (its heading is not "Remisser").`);
  }
  const items = findAll((e) => (getAttributeValue(e, "class") ?? "").split(/\s+/).includes("sortcompact"), dom.children);
  return items.flatMap((item): ListedRemiss[] => {
    const link = findOne((e) => e.name === "a", [item], true);
    const url = absoluteUrl(link && getAttributeValue(link, "href"), base);
    const fullTitle = text(link);
    if (!url || !fullTitle || !/\/remisser\//.test(url)) return [];
    // The diarienummer is appended to the title: "…, Fi2026/01655".
    const suffix = new RegExp(`,\\s*${DIARIENUMMER.source}\\s*$`).exec(fullTitle);
    const time = findOne((e) => e.name === "time", [item], true);
    const ministries = findAll((e) => e.name === "a", [item]).slice(1).map(text).filter((m) => /departementet$/i.test(m));
    return [{
      title: suffix ? fullTitle.slice(0, suffix.index).trim() : fullTitle,
      url,
      diarienummer: suffix?.[1] ?? null,
      designation: designationIn(fullTitle)?.normalized ?? null,
      publishedAt: localDate(time && getAttributeValue(time, "datetime")),
      ministry: ministries[0] ?? null,
    }];
  });
}

/** The listed remisser that Remissbanken does not track yet (by page address or diarienummer). */
export async function untrackedRemisser(ds: DataSource, listed: ListedRemiss[]): Promise<ListedRemiss[]> {
  if (!listed.length) return [];
  const rows: { source_url: string | null; diarienummer: string | null }[] = await ds.getRepository(Remiss)
    .createQueryBuilder("r")
    .select(["r.source_url AS source_url", "lower(r.diarienummer) AS diarienummer"])
    .where("r.source_url = ANY(:urls)", { urls: listed.map((l) => l.url) })
    .orWhere("lower(r.diarienummer) = ANY(:numbers)", { numbers: listed.flatMap((l) => (l.diarienummer ? [l.diarienummer.toLowerCase()] : [])) })
    .getRawMany();
  const urls = new Set(rows.map((r) => r.source_url));
  const numbers = new Set(rows.map((r) => r.diarienummer));
  return listed.filter((l) => !urls.has(l.url) && !(l.diarienummer && numbers.has(l.diarienummer.toLowerCase())));
}
