import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { extractPages, pagesFromHtml, pagesFromText } from "./extract.js";
import { fixturePath } from "@remissbanken/test/fixtures";

const fixtures = fixturePath("regeringen");

describe("extractPages", () => {
  it("reads a PDF page by page", async () => {
    const data = new Uint8Array(await readFile(`${fixtures}/regeringen-remissvar-sou-2026-14-kammarkollegiet-ferenda.pdf`));
    const pages = await extractPages({ format: "pdf", data });

    expect(pages).toHaveLength(1);
    expect(pages[0].page).toBe(1);
    expect(pages[0].text).toContain("synpunkter");
    expect(pages[0].text).toContain(
      "Kammarkollegiet har, utifrån de utgångspunkter som myndigheten har att beakta, inte\nnågra synpunkter på de remitterade förslagen.\n\nDet bör dock framhållas",
    );
    expect(data.byteLength).toBeGreaterThan(0);
  });

  it("reads HTML without scripts, styles or markup, with entities decoded and blocks as paragraphs", async () => {
    const html = await readFile(`${fixtures}/rkrattsbaser-kommittedirektiv-dir-1994-103-ferenda.html`, "utf8");
    const [page] = pagesFromHtml(html);

    expect(page.page).toBeNull();
    expect(page.text).toContain("Utredning om den svenska rymdverksamheten, Dir. 1994:103");
    expect(page.text).toContain("\n\nSammanfattning av uppdraget\n\nEn särskild utredare skall genomföra en genomgripande översyn av den svenska rymdverksamheten.");
    expect(page.text).not.toMatch(/<|jquery|Regeringskansliet\.js|&nbsp;|&eacute;/);
    expect(page.text).not.toContain("\r");
  });

  it("decodes entities and breaks lines at blocks and <br>", () => {
    const [page] = pagesFromHtml(
      "<html><head><title>T</title><style>p{}</style></head><body><h1>3.2 Strandskydd</h1><p>Kommitt&eacute;n &amp; <b>regeringen</b><br>ny rad</p><script>alert(1)</script><ul><li>ett</li><li>två</li></ul></body></html>",
    );
    expect(page.text).toBe("3.2 Strandskydd\n\nKommittén & regeringen\nny rad\n\nett\n\ntvå");
  });

  it("reads plain text with form feeds as pages and normalises line ends", () => {
    expect(pagesFromText("ett\r\ntvå\fsida två\r\n")).toEqual([
      { page: 1, text: "ett\ntvå" },
      { page: 2, text: "sida två" },
    ]);
    expect(pagesFromText("utan sidor")).toEqual([{ page: null, text: "utan sidor" }]);
    expect(pagesFromText("en sida ur en pdf", { paged: true })).toEqual([{ page: 1, text: "en sida ur en pdf" }]);
  });
});
