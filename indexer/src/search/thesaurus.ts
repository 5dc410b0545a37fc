/**
 * The thesaurus (table synonym_group, edited by staff): groups of words and phrases search
 * treats as one. Meilisearch gets them as synonyms of the ANALYSED phrases, because queries
 * reach it analysed ("Statistiska centralbyrån" arrives as "statistisk centralbyrå"); the
 * PostgreSQL fallback turns a phrase found in the query into alternatives (thesaurusMatches).
 */
import { analyzeForIndex, analyzeQuery, stem } from "../text/swedish.js";
import type { Queryable } from "./db.js";
import type { Rows } from "../query/rows.js";

const WORD = /[\p{L}\p{N}]+/gu;

const THESAURUS_SQL = `SELECT phrases FROM synonym_group ORDER BY code`;

/** Every group's phrases, in a stable order. */
export async function loadThesaurus(db: Queryable): Promise<string[][]> {
  const { rows } = await db.query(THESAURUS_SQL);
  return rows.map((row) => row.phrases as string[]);
}

/** The same, read through the query side's `Rows` (the API's DataSource). */
export async function readThesaurus(db: Rows): Promise<string[][]> {
  return (await db.query(THESAURUS_SQL)).map((row: { phrases: string[] }) => row.phrases);
}

/** A phrase as the index holds it and as analyzeQuery sends it. */
export function analyzePhrase(phrase: string): string {
  return (analyzeQuery(phrase).toLowerCase().match(WORD) ?? []).join(" ");
}

/**
 * Meilisearch's `synonyms`: each phrase as a query is analysed maps to the other phrases of
 * its group as the index holds them (Meilisearch's synonyms are one-way). A multi-word
 * alternative is matched as a phrase, word after word, and the index follows each compound
 * with its parts ("samhällsskydd och beredskap" is "samhxllsskyd samhxll skydd beredskap"),
 * so alternatives are analysed as the index analyses text. A phrase in two groups gets the
 * alternatives of both.
 */
export function meiliSynonyms(groups: string[][]): Record<string, string[]> {
  const synonyms = new Map<string, Set<string>>();
  for (const group of groups) {
    const phrases = group.map((phrase) => ({ key: analyzePhrase(phrase), indexed: analyzeForIndex(phrase) })).filter((p) => p.key);
    for (const { key } of phrases) {
      const others = synonyms.get(key) ?? new Set<string>();
      for (const other of phrases) if (other.key !== key) others.add(other.indexed);
      synonyms.set(key, others);
    }
  }
  return Object.fromEntries([...synonyms].filter(([, others]) => others.size).map(([phrase, others]) => [phrase, [...others].sort()]));
}

export interface ThesaurusMatch {
  /** Where the phrase stands in the query. */
  start: number;
  end: number;
  /** Every phrase of the group (the one typed included), as written in the thesaurus. */
  alternatives: string[];
}

/**
 * The thesaurus phrases a query contains, compared word by word by their terms (so
 * "äldreomsorgen" finds the group of "äldreomsorg"), longest first, not overlapping.
 */
export function thesaurusMatches(query: string, groups: string[][]): ThesaurusMatch[] {
  const words = [...query.matchAll(WORD)].map((m) => ({ term: stem(m[0]), start: m.index!, end: m.index! + m[0].length }));
  const candidates: ThesaurusMatch[] = [];
  for (const group of groups) {
    for (const phrase of group) {
      const terms = (phrase.match(WORD) ?? []).map(stem);
      if (!terms.length) continue;
      for (let i = 0; i + terms.length <= words.length; i++) {
        if (terms.every((term, j) => words[i + j].term === term)) {
          candidates.push({ start: words[i].start, end: words[i + terms.length - 1].end, alternatives: group });
        }
      }
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const chosen: ThesaurusMatch[] = [];
  for (const match of candidates) {
    if (chosen.some((c) => match.start < c.end && c.start < match.end)) continue;
    chosen.push(match);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/**
 * The query with every thesaurus phrase of several words replaced by the shortest phrase of
 * its group ("lagen om stöd och service till vissa funktionshindrade" → "LSS"). Meilisearch
 * looks synonyms up for a few words at a time only; the shortest phrase brings the whole
 * group along, the long one included.
 */
export function withShortestPhrases(query: string, groups: string[][]): string {
  let result = "";
  let cursor = 0;
  for (const match of thesaurusMatches(query, groups)) {
    const typed = query.slice(match.start, match.end);
    const shortest = [...match.alternatives].sort((a, b) => wordCount(a) - wordCount(b))[0];
    result += query.slice(cursor, match.start) + (wordCount(shortest) < wordCount(typed) ? shortest : typed);
    cursor = match.end;
  }
  return result + query.slice(cursor);
}

const wordCount = (phrase: string) => analyzePhrase(phrase).split(" ").filter(Boolean).length;
