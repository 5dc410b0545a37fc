/** Riksdagen's dokumentlista, read from real saved responses and hand-written cases for the series no public fixture has. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DocumentKind } from "@remissbanken/schema";
import { fixturePath } from "@remissbanken/test/fixtures";
import { ImportInputError, parseDokumentlista } from "./dokumentlista.js";

const shared = (name: string) => fs.readFileSync(fixturePath("riksdagen", name), "utf8");
const own = (name: string) => fs.readFileSync(path.join(import.meta.dirname, "fixtures", name), "utf8");

describe("parseDokumentlista", () => {
  it("reads committee reports with protocol-relative URLs, attachments and the next page", () => {
    const page = parseDokumentlista(shared("riksdagen-dokumentlista-bet-page1-ferenda.json"));
    expect(page.nextPage).toBe("https://data.riksdagen.se/dokumentlista/?doktyp=bet&utformat=json&sort=datum&sortorder=desc&sz=200&p=2");
    expect(page).toMatchObject({ page: 1, pages: 374, hits: 74773, skipped: [] });
    expect(page.documents.map((d) => d.designation)).toEqual(["2026/27:FiU8", "2025/26:KU45", "2025/26:JuU47"]);
    expect(page.documents[1]).toEqual({
      externalId: "HD01KU45",
      doktyp: "bet",
      kind: DocumentKind.COMMITTEE_REPORT,
      designation: "2025/26:KU45",
      title: "Prövning av fråga om tillämpligheten av 2 kap. 22 § regeringsformen i visst fall (bet. 2025/26:SfU31)",
      subtitle: null,
      department: "KU",
      publishedAt: "2026-06-16",
      sourceUrl: "https://data.riksdagen.se/dokument/HD01KU45.html",
      summary: null,
      textUrl: "https://data.riksdagen.se/dokument/HD01KU45.text",
      htmlUrl: "https://data.riksdagen.se/dokument/HD01KU45.html",
      attachments: [{
        name: "2025_26_KU45_20260616180940_Publicering.pdf",
        url: "https://data.riksdagen.se/fil/C889726E-ED62-4E29-9FBB-C25B8458C08E",
        type: "pdf",
        bytes: 215108,
      }],
    });
    expect(page.documents[0].attachments).toEqual([]);
  });

  it("knows the last page by its missing @nasta_sida", () => {
    const page = parseDokumentlista(shared("riksdagen-dokumentlista-bet-page2-ferenda.json"));
    expect(page.nextPage).toBeNull();
    expect(page.documents.map((d) => d.externalId)).toEqual(["HD01JuU45"]);
  });

  it("skips and counts doktyps it does not import, with the reason", () => {
    const page = parseDokumentlista(shared("riksdagen-dokumentlista-sfs-swegov-opendata-rs.json"));
    expect(page.documents).toEqual([]);
    expect(page.skipped).toHaveLength(20);
    expect(page.skipped[0]).toEqual({
      externalId: "sfs-1895-bih. 52 s. 1",
      title: expect.stringMatching(/^Kungl\. Maj:ts Resolution \(1895:bih\.52s\.1\) på en av/),
      reason: 'doktyp "sfs" is not imported (only dir, sou, ds, prop, bet)',
    });
    expect(page.nextPage).toBe("https://data.riksdagen.se/dokumentlista/?to=1900-12-31&a=s&utformat=json&doktyp=SFS&sort=rel&sortorder=desc&from=1880-01-01&p=2");
  });

  it("builds SOU, Dir., Ds and Prop. designations and cleans entities, markup, whitespace and times", () => {
    const page = parseDokumentlista(own("dokumentlista-sou-dir-ds-prop.json"));
    expect(page.documents.map((d) => [d.designation, d.kind])).toEqual([
      ["SOU 2024:20", DocumentKind.SOU],
      ["Dir. 2024:12", DocumentKind.DIRECTIVE],
      ["Dir. 2024:41", DocumentKind.SUPPLEMENTARY_DIRECTIVE],
      ["Ds 2024:7", DocumentKind.DS],
      ["Prop. 2023/24:150", DocumentKind.PROPOSITION],
    ]);
    const [sou, dir, , ds] = page.documents;
    expect(sou).toMatchObject({
      title: "Kommunal ekonomi & utjämning – en översyn",
      subtitle: "Betänkande av Utredningen om kommunal ekonomi",
      department: "Finansdepartementet",
      publishedAt: "2024-03-15",
      summary: "Utredningen föreslår ett nytt utjämningssystem…",
      // A single attachment comes as an object, not a list.
      attachments: [{ name: "SOU 2024_20.pdf", url: "https://data.riksdagen.se/fil/AAAA-BBBB", type: "pdf", bytes: 2048000 }],
    });
    expect(dir).toMatchObject({ subtitle: null, summary: null, attachments: [] });
    expect(ds).toMatchObject({ title: "Ändrade regler för kommunal borgen", publishedAt: "2024-05-02", textUrl: null });
  });

  it("skips a web page, a designation of the wrong series and an unknown doktyp, saying why", () => {
    const page = parseDokumentlista(own("dokumentlista-sou-dir-ds-prop.json"));
    expect(page.skipped).toEqual([
      { externalId: null, title: "Så fungerar riksdagen", reason: "not a document (a web page or an item without doktyp or dok_id)" },
      { externalId: "HC03FiU8", title: "En sou med ett betänkandes beteckning", reason: '"SOU 2024/25:FiU8" is not a valid designation' },
      { externalId: "HB023456", title: expect.any(String), reason: 'doktyp "mot" is not imported (only dir, sou, ds, prop, bet)' },
    ]);
  });

  it("takes one document given as an object instead of a list", () => {
    const page = parseDokumentlista(own("dokumentlista-single-object.json"));
    expect(page.documents).toHaveLength(1);
    expect(page.documents[0]).toMatchObject({ designation: "SOU 2024:21", title: 'Kommunernas planering för vatten "och" avlopp' });
  });

  it("reads an empty result (no dokument key) as no documents", () => {
    expect(parseDokumentlista('{"dokumentlista":{"@traffar":"0","@sidor":"0"}}')).toMatchObject({ documents: [], skipped: [], nextPage: null });
  });

  it("says what is wrong with truncated JSON, empty bodies and other JSON", () => {
    expect(() => parseDokumentlista(own("dokumentlista-truncated.json"), "a.json")).toThrow(ImportInputError);
    expect(() => parseDokumentlista(own("dokumentlista-truncated.json"), "a.json")).toThrow(/^a\.json is not valid JSON \(cut off or damaged\?\)/);
    expect(() => parseDokumentlista("  ", "a.json")).toThrow("a.json is empty.");
    expect(() => parseDokumentlista('{"dokumentstatus":{}}', "a.json")).toThrow('a.json is JSON but not a Riksdagen dokumentlista (no "dokumentlista" key).');
  });
});
