/**
 * Snippets that follow the Swedish analysis: a word is marked when one of its terms (its
 * stem or the stem of a compound part) is a term of the query, so "strandskydd" marks
 * "Strandskyddsutredningen". Meilisearch's own highlighter only sees the analyzed `terms`.
 */
import { analyzeQuery, wordTermList } from "./swedish.js";
import { eachWord } from "./words.js";

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
  // Word boundaries as parallel arrays, and whether each word is a match: a page holds hundreds
  // of words, and a search shows twenty passages.
  const starts: number[] = [];
  const ends: number[] = [];
  const hit: boolean[] = [];
  // A passage repeats its words: each distinct spelling is analysed once.
  const seen = new Map<string, boolean>();
  let matched = false;
  const endWord = (start: number, end: number) => {
    const word = text.slice(start, end);
    let isHit = false;
    if (terms.size) {
      const known = seen.get(word);
      if (known === undefined) {
        isHit = wordTermList(word.toLowerCase()).some((term) => terms.has(term));
        seen.set(word, isHit);
      } else {
        isHit = known;
      }
    }
    starts.push(start);
    ends.push(end);
    hit.push(isHit);
    matched ||= isHit;
  };
  eachWord(text, endWord);
  const count = starts.length;
  if (!count) return { html: escapeHtml(text.slice(0, 300)), matched: false };

  // Slide a window over the words and keep the one with most hits (earliest on ties).
  let best = 0;
  let bestHits = -1;
  let hits = 0;
  for (let i = 0; i < count; i++) {
    if (hit[i]) hits++;
    if (i >= words && hit[i - words]) hits--;
    const start = Math.max(0, i - words + 1);
    if (hits > bestHits) {
      bestHits = hits;
      best = start;
    }
  }
  // Start a little before the first hit so it has context.
  let firstHit = -1;
  for (let i = best; i < count; i++) {
    if (hit[i]) {
      firstHit = i;
      break;
    }
  }
  if (firstHit > best + 4) best = Math.min(firstHit - 4, Math.max(0, count - words));
  const last = Math.min(count, best + words) - 1;
  const from = best === 0 ? 0 : starts[best];
  const to = last === count - 1 ? text.length : ends[last];

  let html = best === 0 ? "" : "… ";
  let cursor = from;
  for (let i = best; i <= last; i++) {
    if (!hit[i]) continue;
    html += escapeHtml(text.slice(cursor, starts[i])) + "<mark>" + escapeHtml(text.slice(starts[i], ends[i])) + "</mark>";
    cursor = ends[i];
  }
  html += escapeHtml(text.slice(cursor, to));
  if (to < text.length) html += " …";
  return { html: html.replace(/\s+/g, " ").trim(), matched };
}
