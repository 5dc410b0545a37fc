/**
 * How people ask: "vad säger utredningen om hemtjänst i glesbygd?", "vår hållning till
 * strandskyddet". The words that frame a question (vad, vilka, säger, gäller …) and the words
 * that say "SmåKom's own view" (vi, vår, SmåKom, ställningstagande …) would otherwise decide
 * the ranking: they are frequent, and the analysis keeps them as terms like any other word.
 * They are taken out of the query; the second kind also asks for SmåKom's own responses and
 * positions first.
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** Words that say the asker wants what SmåKom itself has said. */
const OWN_VIEW = new Set([
  "vi", "vår", "vårt", "våra", "oss", "småkom", "ställningstagande", "ställningstagandet", "ställningstaganden",
  "hållning", "hållningen", "ståndpunkt", "ståndpunkten", "ståndpunkter", "tycker", "tyckt", "tyckte", "sagt", "sa", "sade",
  "svarat", "yttrat", "framfört",
]);

/** Words that frame a question without saying what it is about. */
const QUESTION_FRAME = new Set([
  "vad", "vilka", "vilken", "vilket", "hur", "varför", "när", "var", "vem", "vems", "finns", "fanns", "det", "den", "säger",
  "sägs", "står", "gäller", "gällde", "har", "hade", "om", "till", "för", "kring", "angående", "beträffande", "rörande",
  "är", "var", "ska", "skall", "kan", "bör", "man", "de", "att", "i", "på", "med", "och", "en", "ett", "något", "några",
  "någon", "mer", "mest", "egentligen", "tänker", "anser", "vill", "skrivit", "skrev", "kommit", "fram",
  // "Vad säger utredningen om …": the document asked about, not what it is asked about.
  "utredningen", "betänkandet", "förslaget", "remissen", "regeringen",
]);

/** Words that make a query a question when it starts with one of them (besides a question mark). */
const QUESTION_START = new Set([
  "vad", "vilka", "vilken", "vilket", "hur", "varför", "när", "vem", "vems", "finns", "gäller", "har", "kan", "ska", "får", "tycker",
]);

export interface UnderstoodQuery {
  /** The query with question and own-view words removed; operators, quotes and designations kept. */
  text: string;
  /** The asker wants SmåKom's own responses and positions first. */
  ownView: boolean;
}

export function understandQuery(query: string): UnderstoodQuery {
  const words = outsideQuotes(query).map((m) => m[0].toLowerCase());
  const ownView = words.some((word) => OWN_VIEW.has(word));
  const question = ownView || query.includes("?") || QUESTION_START.has(words[0] ?? "");
  if (!question) return { text: query, ownView: false };
  const drop = (word: string) => OWN_VIEW.has(word) || QUESTION_FRAME.has(word);
  // A question of frame words only ("vad gäller?") keeps its words: something must be searched.
  if (words.every(drop) && !ownView) return { text: query, ownView: false };
  let text = "";
  let cursor = 0;
  for (const match of outsideQuotes(query)) {
    if (!drop(match[0].toLowerCase())) continue;
    text += query.slice(cursor, match.index);
    cursor = match.index! + match[0].length;
  }
  text += query.slice(cursor);
  return { text: text.replace(/\?/g, " ").replace(/\s+/g, " ").trim(), ownView };
}

/** The words of a query that are not inside a quoted phrase (a phrase is searched as written). */
function outsideQuotes(query: string): RegExpMatchArray[] {
  const quoted: Array<[number, number]> = [];
  for (const m of query.matchAll(/"[^"]*"?/g)) quoted.push([m.index!, m.index! + m[0].length]);
  return [...query.matchAll(WORD)].filter((m) => !quoted.some(([from, to]) => m.index! >= from && m.index! < to));
}
