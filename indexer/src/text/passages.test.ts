import { describe, expect, it } from "vitest";
import { pagesFromText } from "./extract.js";
import { MAX_PASSAGE_WORDS, splitIntoPassages } from "./passages.js";

const paragraph = (words: number, word = "ord") => Array.from({ length: words }, () => word).join(" ") + ".";

describe("splitIntoPassages", () => {
  it("finds a word on the last of 800 pages in the last passage, with its page number", () => {
    const pages = Array.from({ length: 800 }, (_, i) =>
      [`${paragraph(120, "text")}`, `${paragraph(150, "mer")}`, i === 799 ? "Här står ordet zyxkvarn." : paragraph(40)].join("\n\n"),
    );
    const passages = splitIntoPassages(pagesFromText(pages.join("\f")));

    const hits = passages.filter((passage) => passage.text.includes("zyxkvarn"));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ page: 800, ordinal: passages.length - 1 });
    expect(passages.map((passage) => passage.ordinal)).toEqual(passages.map((_, i) => i));
    expect(Math.max(...passages.map((passage) => passage.wordCount))).toBeLessThanOrEqual(300);
  });

  it("cuts overlong paragraphs at sentences and never exceeds the word limit", () => {
    const long = Array.from({ length: 50 }, (_, i) => `Mening nummer ${i} handlar om strandskydd i små kommuner.`).join(" ");
    const passages = splitIntoPassages([{ page: 3, text: `${long}\n\n${paragraph(5_000)}` }], { maxWords: 100 });

    expect(passages.every((passage) => passage.wordCount <= 100 && passage.page === 3)).toBe(true);
    expect(passages[0].text).toMatch(/^Mening nummer 0 .*kommuner\.$/);
    expect(passages.reduce((sum, passage) => sum + passage.wordCount, 0)).toBe(50 * 9 + 5_000);
    expect(splitIntoPassages([{ page: 1, text: paragraph(5_000) }], { maxWords: 10_000 })[0].wordCount).toBe(MAX_PASSAGE_WORDS);
  });

  it("starts a passage at each numbered heading and records it as the section", () => {
    const text = [
      "Sammanfattning av uppdraget.",
      "3 Strandskydd",
      "Strandskyddet gäller vid hav, sjöar och vattendrag.",
      "3.2 Dispenser från strandskyddet\nKommunerna prövar dispenser.",
      "Innehåll",
      "3.3 Landsbygdsutveckling i strandnära lägen ........ 45",
      "4.1 Ska inte bli rubrik eftersom raden slutar med punkt.",
    ].join("\n\n");
    const passages = splitIntoPassages([{ page: 7, text }]);

    expect(passages.map(({ section, text }) => [section, text.split("\n")[0]])).toEqual([
      [null, "Sammanfattning av uppdraget."],
      ["3 Strandskydd", "3 Strandskydd"],
      ["3.2 Dispenser från strandskyddet", "3.2 Dispenser från strandskyddet"],
    ]);
    expect(passages[2].text).toContain("3.3 Landsbygdsutveckling");
  });
});
