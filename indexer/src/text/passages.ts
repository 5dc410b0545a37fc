import type { Page } from "./extract.js";
// Words counted as the analysis (text/swedish.ts) and Meilisearch split them: "a,b,c" is three
// words, each a position of its own. Counting whitespace-separated words instead let 70,000
// comma-separated tokens into one passage, past the positions Meilisearch indexes.
import { countWords } from "./words.js";

export interface Passage {
  /** Position in the document, from 0. */
  ordinal: number;
  page: number | null;
  /** The nearest numbered heading before the passage, e.g. "3.2 Strandskydd". */
  section: string | null;
  text: string;
  wordCount: number;
}

/**
 * Far below Meilisearch's limit of 65,535 word positions per attribute (the analysis adds a
 * few terms per word), and small enough to show as a hit.
 */
export const MAX_PASSAGE_WORDS = 1_000;
/** Also a cap on characters, for text with few separators (tables, base64, long tokens). */
export const MAX_PASSAGE_CHARS = 12_000;
const DEFAULT_PASSAGE_WORDS = 300;

/**
 * Groups paragraphs into passages of at most `maxWords` words. A passage never spans two pages,
 * and a numbered heading starts a new one.
 */
export function splitIntoPassages(pages: Page[], { maxWords = DEFAULT_PASSAGE_WORDS } = {}): Passage[] {
  const limit = Math.max(1, Math.min(maxWords, MAX_PASSAGE_WORDS));
  const passages: Passage[] = [];
  let section: string | null = null;

  for (const { page, text } of pages) {
    let paragraphs: string[] = [];
    let words = 0;
    let chars = 0;
    let passageSection: string | null = section;
    const flush = () => {
      if (words) passages.push({ ordinal: passages.length, page, section: passageSection, text: paragraphs.join("\n\n"), wordCount: words });
      paragraphs = [];
      words = 0;
      chars = 0;
      passageSection = section;
    };

    for (const paragraph of text.split(/\n{2,}/)) {
      const heading = headingOf(paragraph);
      if (heading) {
        flush();
        section = passageSection = heading;
      }
      for (const chunk of chunks(paragraph, limit)) {
        if (words + chunk.words > limit || chars + chunk.text.length > MAX_PASSAGE_CHARS) flush();
        paragraphs.push(chunk.text);
        words += chunk.words;
        chars += chunk.text.length + 2;
      }
    }
    flush();
  }
  return passages;
}

/**
 * The section each page begins in, labelled as its first passage is: a heading at the top of
 * the page, else the nearest heading before it. Lets a reader show a page's section without
 * splitting the whole text into passages.
 */
export function sectionsAtPageStarts(pages: Pick<Page, "text">[]): (string | null)[] {
  let section: string | null = null;
  return pages.map(({ text }) => {
    let atStart = section;
    let started = false;
    for (const paragraph of text.split(/\n{2,}/)) {
      const heading = headingOf(paragraph);
      if (heading) {
        if (!started) atStart = heading;
        section = heading;
      }
      if (countWords(paragraph)) started = true;
    }
    return atStart;
  });
}

const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2}){0,5})\.?[ \t]+(\p{Lu}[^\n]{0,150})$/u;

/** SOU reports number their headings: "3.2 Strandskydd" on its own line at the start of a paragraph. */
function headingOf(paragraph: string): string | null {
  const firstLine = paragraph.split("\n", 1)[0].trim();
  const match = NUMBERED_HEADING.exec(firstLine);
  if (!match) return null;
  const [, number, title] = match;
  const nested = number.includes(".");
  // A bare number on a wrapped line ("15 Länder...") is more likely prose than a heading.
  if (!nested && paragraph.includes("\n")) return null;
  // Table of contents lines end in page numbers, sentences in punctuation.
  if (/(\.{3,}|…|\s\d+)$/.test(title) || /[.,;:]$/.test(title) || title.split(/\s+/).length > 15) return null;
  return firstLine.replace(/\s+/g, " ");
}

interface Piece {
  text: string;
  words: number;
}

const fits = (words: number, chars: number, limit: number) => words <= limit && chars <= MAX_PASSAGE_CHARS;

/** The paragraph whole when it fits, else cut at sentence ends, and at words for overlong sentences. */
function chunks(paragraph: string, limit: number): Piece[] {
  const words = countWords(paragraph);
  if (fits(words, paragraph.length, limit)) return words ? [{ text: paragraph, words }] : [];

  const pieces: Piece[] = [];
  let current: string[] = [];
  let currentWords = 0;
  let currentChars = 0;
  const push = (text: string, count: number, separator = " ") => {
    if (current.length && !fits(currentWords + count, currentChars + separator.length + text.length, limit)) {
      pieces.push({ text: current.join(""), words: currentWords });
      current = [];
      currentWords = 0;
      currentChars = 0;
    }
    if (current.length) {
      current.push(separator);
      currentChars += separator.length;
    }
    current.push(text);
    currentWords += count;
    currentChars += text.length;
  };
  for (const sentence of paragraph.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
    const sentenceWords = countWords(sentence);
    if (fits(sentenceWords, sentence.length, limit)) {
      push(sentence, sentenceWords);
      continue;
    }
    for (const word of sentence.split(/\s+/).filter(Boolean)) {
      const count = countWords(word);
      if (fits(count, word.length, limit)) push(word, count);
      // One "word" of many tokens ("a,b,c,…") or of thousands of letters: cut between tokens, then by length.
      else for (const [i, part] of splitWord(word).entries()) push(part, countWords(part), i ? "" : " ");
    }
  }
  if (current.length) pieces.push({ text: current.join(""), words: currentWords });
  return pieces.filter((piece) => piece.words);
}

/** Cuts before each token, and tokens longer than a passage into slices. */
function splitWord(word: string): string[] {
  return word
    .split(/(?<=[^\p{L}\p{N}])(?=[\p{L}\p{N}])/u)
    .flatMap((part) => Array.from({ length: Math.ceil(part.length / MAX_PASSAGE_CHARS) }, (_, i) => part.slice(i * MAX_PASSAGE_CHARS, (i + 1) * MAX_PASSAGE_CHARS)));
}

