import { describe, expect, it } from "vitest";
import { pagesFromText } from "./extract.js";
import { MAX_PASSAGE_CHARS, MAX_PASSAGE_WORDS, sectionsAtPageStarts, splitIntoPassages } from "./passages.js";
import { analyzeForIndex } from "./swedish.js";

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

  it("counts words as the analysis does: 70,000 comma-separated tokens are many passages", () => {
    const tokens = Array.from({ length: 70_000 }, (_, i) => `t${i}`);
    tokens.push("xylofonslut");
    const passages = splitIntoPassages([{ page: 1, text: tokens.join(",") }]);

    expect(passages.length).toBeGreaterThanOrEqual(70_001 / 300);
    expect(passages.every((passage) => passage.wordCount <= 300 && passage.text.length <= MAX_PASSAGE_CHARS)).toBe(true);
    expect(passages.reduce((sum, passage) => sum + passage.wordCount, 0)).toBe(70_001);
    const last = passages.at(-1)!;
    expect(last.text.endsWith("xylofonslut")).toBe(true);
    expect(analyzeForIndex(last.text).split(" ").length).toBeLessThan(65_535);
  });

  it("caps characters too: a token of 100,000 letters is sliced", () => {
    const passages = splitIntoPassages([{ page: 1, text: `Början. ${"a".repeat(100_000)} slutord` }]);
    expect(passages.every((passage) => passage.text.length <= MAX_PASSAGE_CHARS)).toBe(true);
    expect(passages.at(-1)!.text).toMatch(/slutord$/);
  });
});

describe("sectionsAtPageStarts", () => {
  it("labels each page as its first passage is labelled", () => {
    const pages = pagesFromText(
      "Innehåll utan rubrik.\f3.2 Strandskydd\n\nText om strandskydd.\f" +
        "Fortsättning om strandskydd.\n\n3.3 Dispenser\n\nText om dispenser.\f\fSista sidan.",
    );
    const sections = sectionsAtPageStarts(pages);
    expect(sections).toEqual([null, "3.2 Strandskydd", "3.2 Strandskydd", "3.3 Dispenser", "3.3 Dispenser"]);
    const firstPassageOfPage = new Map<number | null, string | null>();
    for (const passage of splitIntoPassages(pages)) if (!firstPassageOfPage.has(passage.page)) firstPassageOfPage.set(passage.page, passage.section);
    for (const [page, section] of firstPassageOfPage) expect(sections[page! - 1], `page ${page}`).toBe(section);
  });
});
