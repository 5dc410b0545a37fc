import { parseDocument } from "htmlparser2";
import type { ChildNode } from "domhandler";
import { getDocumentProxy } from "unpdf";

/** Text of one page; `page` is null for sources without pages (HTML, text without form feeds). Paragraphs are separated by blank lines. */
export interface Page {
  page: number | null;
  text: string;
}

export type FullText =
  | { format: "text"; text: string }
  | { format: "html"; html: string }
  | { format: "pdf"; data: Uint8Array };

/** Called after each page of a PDF is read, for progress on long reports. */
export type PageProgress = (done: number, total: number) => void;

/** Turns a document's full text into pages of plain text. */
export async function extractPages(source: FullText, onPage?: PageProgress): Promise<Page[]> {
  switch (source.format) {
    case "text":
      return pagesFromText(source.text);
    case "html":
      return pagesFromHtml(source.html);
    case "pdf":
      return pagesFromPdf(source.data, onPage);
  }
}

/** Form feeds separate pages, as pdftotext writes them. */
/** Pages split at form feeds; text without them is one unnumbered page unless `paged` (PDFs). */
export function pagesFromText(text: string, { paged = false }: { paged?: boolean } = {}): Page[] {
  const normalized = text.replace(/\r\n?/g, "\n");
  if (!paged && !normalized.includes("\f")) return [{ page: null, text: tidy(normalized) }];
  return normalized.split("\f").map((pageText, index) => ({ page: index + 1, text: tidy(pageText) }));
}

const SKIPPED = new Set(["script", "style", "noscript", "template", "head", "svg", "iframe", "object", "canvas", "select"]);
const BLOCKS = new Set([
  "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "fieldset",
  "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
  "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
]);

export function pagesFromHtml(html: string): Page[] {
  const out: string[] = [];
  const walk = (nodes: ChildNode[], preformatted: boolean) => {
    for (const node of nodes) {
      if (node.type === "text") {
        // Text with blank lines in it is preformatted prose (as in rättsdatabaser): keep them as paragraph breaks.
        const data = node.data.replace(/\r\n?/g, "\n");
        out.push(preformatted ? data : data.split(/\n[ \t]*\n\s*/).map((part) => part.replace(/\s*\n\s*/g, " ")).join("\n\n"));
      } else if (node.type === "tag" || node.type === "script" || node.type === "style") {
        const name = node.name.toLowerCase();
        if (SKIPPED.has(name)) continue;
        if (name === "br") {
          out.push("\n");
          continue;
        }
        const block = BLOCKS.has(name);
        if (block) out.push("\n\n");
        walk(node.children, preformatted || name === "pre");
        if (block) out.push("\n\n");
      } else if ("children" in node) {
        walk(node.children, preformatted);
      }
    }
  };
  walk(parseDocument(html, { decodeEntities: true }).children, false);
  return [{ page: null, text: tidy(out.join("")) }];
}

export async function pagesFromPdf(data: Uint8Array, onPage?: PageProgress): Promise<Page[]> {
  // pdf.js takes ownership of (detaches) the buffer it is given.
  const pdf = await getDocumentProxy(data.slice());
  try {
    const pages: Page[] = [];
    // One page after the other, so that progress can be told and memory stays per page.
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const items = content.items.flatMap((item): PdfTextItem[] => {
        if (!("str" in item)) return [];
        const [, , c, d, , y] = item.transform as number[];
        return [{ str: item.str, y, fontSize: Math.hypot(c, d), hasEOL: item.hasEOL }];
      });
      pages.push({ page: number, text: tidy(pdfPageText(items)) });
      page.cleanup();
      onPage?.(number, pdf.numPages);
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

interface PdfTextItem {
  str: string;
  y: number;
  fontSize: number;
  hasEOL: boolean;
}

/** Joins pdf.js text items into lines, and lines into paragraphs where the vertical gap exceeds normal line spacing. */
function pdfPageText(items: PdfTextItem[]): string {
  let text = "";
  let lineY: number | undefined;
  let lineSize = 0;
  let endedLine = false;
  for (const item of items) {
    if (item.str) {
      const newLine = lineY !== undefined && (endedLine || Math.abs(item.y - lineY) > lineSize / 2);
      if (newLine) {
        const gap = lineY! - item.y;
        text += gap > lineSize * 1.8 || gap < 0 ? "\n\n" : "\n";
      }
      if (lineY === undefined || newLine) {
        lineY = item.y;
        lineSize = item.fontSize || 10;
      }
      text += item.str;
      endedLine = false;
    }
    if (item.hasEOL) endedLine = true;
  }
  return text;
}

/** Trims lines, squeezes spaces and keeps at most one blank line between paragraphs. */
function tidy(text: string): string {
  // Each pattern matches only where something changes (not every space and line break):
  // a 250-page text has some 30,000 of them.
  return text
    .replace(/[ \t\v\u00a0]{2,}|[\t\v\u00a0]/g, " ")
    .replace(/ +\n *|\n +/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
