/** Cleaning of text as official sources publish it: HTML entities, markup, stray whitespace, relative URLs. */
import { decodeHTML } from "entities";

/** Decodes entities ("&amp;", "&#229;", "&aring;") and collapses whitespace; "" and whitespace become null. */
export function cleanText(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const text = decodeHTML(raw).replace(/\s+/g, " ").trim();
  return text || null;
}

/** Like cleanText, but drops tags first: Riksdagen's summaries may contain markup. */
export function cleanHtmlText(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  return cleanText(raw.replace(/<[^>]*>/g, " "));
}

/** Sources that serve everything over https even where their data says http. */
const HTTPS_HOSTS = new Set(["data.riksdagen.se", "www.riksdagen.se", "www.regeringen.se"]);

/**
 * An absolute URL: Riksdagen writes "//data.riksdagen.se/…" and "http://data.riksdagen.se/…"
 * (both become https), and dok_ids may contain spaces. Null for anything not a web address.
 */
export function absoluteUrl(raw: unknown, base = "https://data.riksdagen.se/"): string | null {
  if (typeof raw !== "string" || !raw.trim()) return null;
  try {
    const url = new URL(raw.trim(), base);
    if (url.protocol !== "https:" && url.protocol !== "http:") return null;
    if (HTTPS_HOSTS.has(url.hostname)) url.protocol = "https:";
    return url.href;
  } catch {
    return null;
  }
}

/** "2026-06-30" or "2023-05-25 23:10:01" → "2026-06-30"; anything else → null. */
export function localDate(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?/.exec(raw.trim());
  if (!match) return null;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d) ? `${y}-${m}-${d}` : null;
}

/** Riksdagen's "one or many": a single object where a list is expected, or nothing. */
export function asList<T>(value: T | T[] | null | undefined): T[] {
  if (value === null || value === undefined || (value as unknown) === "") return [];
  return Array.isArray(value) ? value : [value];
}
