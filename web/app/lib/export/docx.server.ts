/** The remissvar as a Word file (the editable version the ministry asks for). */
import {
  AlignmentType, Document, Header, HeadingLevel, Packer, Paragraph, TabStopPosition, TabStopType, TextRun,
} from "docx";
import { closingLines, DRAFT_MARK, type Letter } from "./letter.server";

export const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const text = (value: string, options: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text: value, ...options });
const paragraph = (value: string, options: { bold?: boolean; italics?: boolean; spacingAfter?: number } = {}) =>
  new Paragraph({ children: [text(value, options)], spacing: { after: options.spacingAfter ?? 160 } });

/** The ministry and diarienummer at the left, the date at the right margin, as on the ministry's own letters. */
function addressBlock(letter: Letter): Paragraph[] {
  const tabbed = (left: string, right: string) =>
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
      children: [text(left), new TextRun({ text: `\t${right}` })],
    });
  return [
    tabbed(letter.addressee ?? "", `Datum ${letter.date}`),
    ...(letter.diarienummer ? [paragraph(`Diarienummer ${letter.diarienummer}`, { spacingAfter: 360 })] : [paragraph("", { spacingAfter: 360 })]),
  ];
}

export async function buildDocx(letter: Letter): Promise<Uint8Array<ArrayBuffer>> {
  const headerLines = [
    new Paragraph({ children: [text(letter.organisation)] }),
    ...(letter.draft
      ? [new Paragraph({ alignment: AlignmentType.RIGHT, children: [text(`${DRAFT_MARK} – inte beslutat av styrelsen`, { bold: true })] })]
      : []),
  ];
  const body: Paragraph[] = [
    ...addressBlock(letter),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [text(letter.title)] }),
  ];
  if (letter.summary.length > 0) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text("Sammanfattning")] }));
    body.push(...letter.summary.map((p) => paragraph(p)));
  }
  for (const section of letter.sections) {
    body.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [text(section.heading)] }));
    if (section.stance) body.push(paragraph(section.stance, { bold: true }));
    body.push(...section.paragraphs.map((p) => paragraph(p)));
    for (const quote of section.quotes) {
      body.push(new Paragraph({ indent: { left: 567 }, children: [text(`”${quote.text}”`, { italics: true })] }));
      body.push(new Paragraph({ indent: { left: 567 }, spacing: { after: 160 }, children: [text(`Källa: ${quote.source}`)] }));
    }
  }
  body.push(new Paragraph({ spacing: { before: 480 }, children: [] }));
  body.push(...closingLines(letter).map((line) => paragraph(line)));
  body.push(paragraph(letter.organisation, { bold: true, spacingAfter: 0 }));

  const document = new Document({
    title: letter.title,
    subject: letter.diarienummer ?? undefined,
    creator: letter.organisation,
    styles: {
      default: {
        // Swedish, so that Word checks spelling and screen readers pronounce it right.
        document: { run: { language: { value: "sv-SE" }, font: "Calibri", size: 24 } },
      },
    },
    sections: [{ headers: { default: new Header({ children: headerLines }) }, children: body }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
