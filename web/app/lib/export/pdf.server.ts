/**
 * The remissvar as a PDF (the version the ministry publishes). pdfmake writes real text
 * with the embedded Roboto fonts, which carry å, ä and ö, and sets the document's
 * language and title so that screen readers read it as Swedish.
 */
import { createRequire } from "node:module";
import path from "node:path";
import pdfmake from "pdfmake";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { closingLines, DRAFT_MARK, type Letter } from "./letter.server";

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve("pdfmake/package.json")), "fonts", "Roboto");
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, "Roboto-Regular.ttf"),
    bold: path.join(fontDir, "Roboto-Medium.ttf"),
    italics: path.join(fontDir, "Roboto-Italic.ttf"),
    bolditalics: path.join(fontDir, "Roboto-MediumItalic.ttf"),
  },
});
// The document contains only our own text; it must never fetch anything.
pdfmake.setUrlAccessPolicy(() => false);

export const PDF_TYPE = "application/pdf";

export function pdfDefinition(letter: Letter): TDocumentDefinitions {
  const content: Content[] = [
    {
      columns: [
        { width: "*", stack: [letter.addressee ?? "", letter.diarienummer ? `Diarienummer ${letter.diarienummer}` : ""] },
        { width: "auto", text: `Datum ${letter.date}` },
      ],
      margin: [0, 0, 0, 28],
    },
    { text: letter.title, style: "title" },
  ];
  if (letter.summary.length > 0) {
    content.push({ text: "Sammanfattning", style: "heading" });
    content.push(...letter.summary.map((p): Content => ({ text: p, style: "paragraph" })));
  }
  for (const section of letter.sections) {
    content.push({ text: section.heading, style: "heading" });
    if (section.stance) content.push({ text: section.stance, style: "stance" });
    content.push(...section.paragraphs.map((p): Content => ({ text: p, style: "paragraph" })));
    for (const quote of section.quotes) {
      content.push({ text: `”${quote.text}”`, style: "quote" });
      content.push({ text: `Källa: ${quote.source}`, style: "quoteSource" });
    }
  }
  content.push({ text: "", margin: [0, 24, 0, 0] });
  content.push(...closingLines(letter).map((line): Content => ({ text: line, style: "paragraph" })));
  content.push({ text: letter.organisation, bold: true });

  return {
    info: { title: letter.title, author: letter.organisation, subject: letter.diarienummer ?? undefined, creator: "Remissbanken" },
    language: "sv-SE",
    displayTitle: true,
    pageSize: "A4",
    pageMargins: [70, 80, 70, 60],
    header: () => ({
      columns: [
        { text: letter.organisation, style: "pageHeader" },
        ...(letter.draft ? [{ text: `${DRAFT_MARK} – inte beslutat av styrelsen`, style: "draftMark", width: "auto" as const }] : []),
      ],
      margin: [70, 30, 70, 0],
    }),
    footer: (page, pages) => ({ text: `${page} (${pages})`, alignment: "right", style: "pageHeader", margin: [70, 20, 70, 0] }),
    ...(letter.draft ? { watermark: { text: DRAFT_MARK.toUpperCase(), opacity: 0.08, bold: true } } : {}),
    content,
    defaultStyle: { font: "Roboto", fontSize: 11, lineHeight: 1.25 },
    styles: {
      title: { fontSize: 17, bold: true, margin: [0, 0, 0, 16] },
      heading: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
      stance: { bold: true, margin: [0, 0, 0, 6] },
      paragraph: { margin: [0, 0, 0, 8] },
      quote: { italics: true, margin: [24, 0, 0, 2] },
      quoteSource: { fontSize: 10, margin: [24, 0, 0, 8] },
      pageHeader: { fontSize: 9, color: "#444444" },
      draftMark: { fontSize: 9, bold: true, color: "#9b1c1c" },
    },
  };
}

export async function buildPdf(letter: Letter): Promise<Uint8Array<ArrayBuffer>> {
  const buffer = await pdfmake.createPdf(pdfDefinition(letter)).getBuffer();
  return new Uint8Array(buffer);
}
