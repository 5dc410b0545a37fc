/** Reading exported remissvar back: the Word file's XML as text, the PDF's text page by page. */
import JSZip from "jszip";
import { extractText } from "unpdf";
import { expect } from "vitest";

/** The text of word/document.xml (or a header), one line per paragraph. */
export async function docxText(body: ArrayBuffer, part = "word/document.xml"): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file(part)!.async("string");
  return xml
    .split("</w:p>")
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
        .map((m) => (m[0] === "<w:tab/>" ? "\t" : m[1]))
        .join(""),
    )
    .map((line) => line.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'"))
    .filter((line) => line.trim() !== "")
    .join("\n");
}

export async function docxParts(body: ArrayBuffer, prefix: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(body);
  return Object.keys(zip.files).filter((name) => name.startsWith(prefix));
}

export async function pdfPages(body: ArrayBuffer): Promise<string[]> {
  const { text } = await extractText(new Uint8Array(body.slice(0)), { mergePages: false });
  return text;
}

/** Asserts that the texts appear in this order; line breaks (a PDF wraps lines) count as spaces. */
export function expectInOrder(raw: string, parts: string[]) {
  const text = raw.replace(/\s+/g, " ");
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `"${part}" after position ${from} in:\n${text}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

