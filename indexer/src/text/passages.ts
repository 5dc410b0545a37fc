import type { Page } from "./extract.js";

export interface Passage {
  /** Position in the document, from 0. */
  ordinal: number;
  page: number | null;
  /** The nearest numbered heading before the passage, e.g. "3.2 Strandskydd". */
  section: string | null;
  text: string;
  wordCount: number;
}

/** Far below Meilisearch's limit of 65,535 word positions per attribute, and small enough to show as a hit. */
export const MAX_PASSAGE_WORDS = 1_000;
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
    let passageSection: string | null = section;
    const flush = () => {
      if (words) passages.push({ ordinal: passages.length, page, section: passageSection, text: paragraphs.join("\n\n"), wordCount: words });
      paragraphs = [];
      words = 0;
      passageSection = section;
    };

    for (const paragraph of text.split(/\n{2,}/)) {
      const heading = headingOf(paragraph);
      if (heading) {
        flush();
        section = passageSection = heading;
      }
      for (const chunk of chunks(paragraph, limit)) {
        if (words + chunk.words > limit) flush();
        paragraphs.push(chunk.text);
        words += chunk.words;
      }
    }
    flush();
  }
  return passages;
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

/** The paragraph whole when it fits, else cut at sentence ends, and at words for overlong sentences. */
function chunks(paragraph: string, limit: number): Array<{ text: string; words: number }> {
  const words = countWords(paragraph);
  if (words <= limit) return words ? [{ text: paragraph, words }] : [];

  const pieces: Array<{ text: string; words: number }> = [];
  let current: string[] = [];
  let currentWords = 0;
  const push = (text: string, count: number) => {
    if (currentWords + count > limit && currentWords) {
      pieces.push({ text: current.join(" "), words: currentWords });
      current = [];
      currentWords = 0;
    }
    current.push(text);
    currentWords += count;
  };
  for (const sentence of paragraph.split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
    const sentenceWords = sentence.split(/\s+/).filter(Boolean);
    if (sentenceWords.length <= limit) push(sentence, sentenceWords.length);
    else for (let i = 0; i < sentenceWords.length; i += limit) push(sentenceWords.slice(i, i + limit).join(" "), Math.min(limit, sentenceWords.length - i));
  }
  if (currentWords) pieces.push({ text: current.join(" "), words: currentWords });
  return pieces;
}

function countWords(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}
