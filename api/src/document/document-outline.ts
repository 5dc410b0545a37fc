/**
 * The numbered headings of a report's full text ("5.3 Kommunala VA-bolag") and the text
 * under each, so that a response can follow the report's own numbering and show what the
 * report proposed beside what SmåKom said. Pure: the text in, the outline out.
 */

export interface OutlineHeading {
  /** E.g. "5.3". */
  number: string;
  /** E.g. "Kommunala VA-bolag". */
  title: string;
  /** The page the heading stands on, from 1 (pages are separated by form feeds). */
  page: number;
  /** 1 for "5", 2 for "5.3", … */
  level: number;
}

interface Located extends OutlineHeading {
  /** Where the heading line starts and where the text under it starts, in the whole text. */
  start: number;
  bodyStart: number;
}

export interface Outline {
  headings: OutlineHeading[];
  /**
   * The text under a heading, up to the next heading of the same or a higher level (its
   * subsections included), at most `maxLength` characters cut at a word; null without such
   * a heading, "" when the heading has no text.
   */
  sectionText(number: string, maxLength: number): string | null;
}

/** "7 Resultatutjämningsreserver", "5.3 Kommunala VA-bolag", "2.1. Bakgrund": a number, then a capitalised title. */
const HEADING_LINE = /^(\d{1,2}(?:\.\d{1,2}){0,5})\.?[ \t]+(\p{Lu}[^\n]{0,150})$/u;
/** Table-of-contents entries end in a page number, often after dot leaders. */
const TOC_ENTRY_END = /(?:\.{2,}|…|\s)\s*\d{1,4}$/;
/** Running page numbers and headers left on their own line by PDF extraction. */
const PAGE_FURNITURE = /^\s*(?:\d{1,4}|SOU \d{4}:\d{1,4}|Ds \d{4}:\d{1,4})\s*$/;

export function parseOutline(content: string): Outline {
  const located = locateHeadings(content);
  const headings = located.map(({ number, title, page, level }) => ({ number, title, page, level }));
  return {
    headings,
    sectionText(number, maxLength) {
      const index = located.findIndex((h) => h.number === number);
      if (index < 0) return null;
      const heading = located[index];
      const next = located.slice(index + 1).find((h) => h.level <= heading.level);
      return cut(tidy(content.slice(heading.bodyStart, next?.start ?? content.length)), maxLength);
    },
  };
}

/**
 * Every heading line, in order. A heading starts a paragraph and is not a sentence; a bare
 * chapter number ("7 Resultat…") must also stand alone, since a wrapped line of prose may
 * begin with a number. A number that appears more than once (the table of contents, a
 * running header) counts where it appears last: the chapter itself comes after the contents.
 */
function locateHeadings(content: string): Located[] {
  const found = new Map<string, Located>();
  let offset = 0;
  content.split("\f").forEach((pageText, pageIndex) => {
    const lines = pageText.split("\n");
    let lineStart = offset;
    lines.forEach((line, i) => {
      const heading = headingOn(line, lines[i - 1], lines[i + 1]);
      if (heading) {
        const [number, title] = heading;
        found.delete(number);
        found.set(number, {
          number, title, page: pageIndex + 1, level: number.split(".").length, start: lineStart, bodyStart: lineStart + line.length + 1,
        });
      }
      lineStart += line.length + 1;
    });
    offset += pageText.length + 1;
  });
  return [...found.values()].sort((a, b) => a.start - b.start);
}

function headingOn(line: string, before: string | undefined, after: string | undefined): [string, string] | null {
  const startsParagraph = before === undefined || !before.trim();
  if (!startsParagraph) return null;
  const match = HEADING_LINE.exec(line.trim());
  if (!match) return null;
  const [, number, rawTitle] = match;
  const title = rawTitle.replace(/\s+/g, " ").trim();
  if (/^0(\.|$)/.test(number)) return null;
  if (TOC_ENTRY_END.test(title) || /[.,;:]$/.test(title) || title.split(" ").length > 15) return null;
  const standsAlone = after === undefined || !after.trim();
  if (!number.includes(".") && !standsAlone) return null;
  return [number, title];
}

/** Paragraphs kept, page breaks and page furniture dropped. */
function tidy(text: string): string {
  return text
    .replace(/\f/g, "\n\n")
    .split("\n")
    .filter((line) => !PAGE_FURNITURE.test(line))
    .join("\n")
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function cut(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const slice = text.slice(0, maxLength);
  const lastSpace = slice.search(/\s\S*$/);
  return `${(lastSpace > maxLength / 2 ? slice.slice(0, lastSpace) : slice).trimEnd()} …`;
}
