/**
 * Snippets that follow the Swedish analysis: a word is marked when one of its terms (its
 * stem or the stem of a compound part) is a term of the query, so "strandskydd" marks
 * "Strandskyddsutredningen". Meilisearch's own highlighter only sees the analyzed `terms`.
 */
import { analyzeForIndex, analyzeQuery } from "./swedish.js";

const WORD = /[\p{L}\p{N}]+/gu;
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** The terms of a query, as analyzeQuery makes them, without operators. */
export function queryTerms(query: string): Set<string> {
  return new Set(analyzeQuery(query).toLowerCase().match(WORD) ?? []);
}

export interface Snippet {
  /** HTML-escaped text with matches in <mark>…</mark>. */
  html: string;
  matched: boolean;
}

/** The window of about `words` words with the most matches, escaped, matches marked. */
export function highlight(text: string, terms: Set<string>, { words = 32 } = {}): Snippet {
  const tokens = [...text.matchAll(WORD)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, hit: false }));
  let matched = false;
  if (terms.size) {
    // A passage repeats its words: each is analysed once.
    const hits = new Map<string, boolean>();
    for (const token of tokens) {
      const word = text.slice(token.start, token.end).toLowerCase();
      let hit = hits.get(word);
      if (hit === undefined) {
        hit = analyzeForIndex(word).split(" ").some((term) => terms.has(term));
        hits.set(word, hit);
      }
      token.hit = hit;
      matched ||= hit;
    }
  }
  if (!tokens.length) return { html: escapeHtml(text.slice(0, 300)), matched: false };

  // Slide a window over the tokens and keep the one with most hits (earliest on ties).
  let best = 0;
  let bestHits = -1;
  let hits = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].hit) hits++;
    if (i >= words && tokens[i - words].hit) hits--;
    const start = Math.max(0, i - words + 1);
    if (hits > bestHits) {
      bestHits = hits;
      best = start;
    }
  }
  // Start a little before the first hit so it has context.
  const firstHit = tokens.findIndex((t, i) => i >= best && t.hit);
  if (firstHit > best + 4) best = Math.min(firstHit - 4, Math.max(0, tokens.length - words));
  const last = Math.min(tokens.length, best + words) - 1;
  const from = best === 0 ? 0 : tokens[best].start;
  const to = last === tokens.length - 1 ? text.length : tokens[last].end;

  let html = best === 0 ? "" : "… ";
  let cursor = from;
  for (let i = best; i <= last; i++) {
    const token = tokens[i];
    if (!token.hit) continue;
    html += escapeHtml(text.slice(cursor, token.start)) + "<mark>" + escapeHtml(text.slice(token.start, token.end)) + "</mark>";
    cursor = token.end;
  }
  html += escapeHtml(text.slice(cursor, to));
  if (to < text.length) html += " …";
  return { html: html.replace(/\s+/g, " ").trim(), matched };
}
