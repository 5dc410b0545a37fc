/** dokumentstatus in XML and JSON: the document, its references and its inquiry's kommittébeteckning. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DocumentKind } from "@remissbanken/schema";
import { fixturePath } from "@remissbanken/test/fixtures";
import { ImportInputError } from "./dokumentlista.js";
import { findCommitteeDesignation, parseDokumentstatus } from "./dokumentstatus.js";
import { inquiryNameFrom } from "./chain.js";

const shared = (name: string) => fs.readFileSync(fixturePath("riksdagen", name), "utf8");

describe("parseDokumentstatus", () => {
  it("reads the XML of Prop. 2016/17:14 with its committee report and motion", () => {
    const status = parseDokumentstatus(shared("riksdagen-dokumentstatus-prop-2016-17-14-H40314-ferenda.xml"));
    expect(status.document).toMatchObject({
      externalId: "H40314",
      kind: DocumentKind.PROPOSITION,
      designation: "Prop. 2016/17:14",
      title: "Ny definition av fastighetsbegreppet i mervärdesskattelagen",
      subtitle: null,
      department: "Finansdepartementet",
      publishedAt: "2016-09-27",
      sourceUrl: "https://data.riksdagen.se/dokument/H40314",
    });
    expect(status.references).toEqual([
      { type: "behandlas_i", externalId: "H401SkU8", doktyp: "bet", designation: "2016/17:SkU8", title: "Ny definition av fastighetsbegreppet i mervärdesskattelagen" },
      { type: "följdmotion", externalId: "H4023502", doktyp: "mot", designation: null, title: "med anledning av prop. 2016/2017:14 Ny definition av fastighetsbegreppet i mervärdesskattelagen" },
    ]);
    expect(status.committeeDesignation).toBeNull();
  });

  it("reads the JSON of Prop. 2019/20:181 with its HTML as full text and five references", () => {
    const status = parseDokumentstatus(shared("riksdagen-dokumentstatus-prop-2019-20-181-H703181-swegov-opendata-rs.json"));
    expect(status.document).toMatchObject({ externalId: "H703181", designation: "Prop. 2019/20:181", publishedAt: "2020-06-10" });
    expect(status.references).toHaveLength(5);
    expect(status.references[0]).toMatchObject({ type: "behandlas_i", designation: "2019/20:FiU61" });
    expect(status.fullText?.format).toBe("html");
    // A bill's text cites other inquiries; only a directive's names its own.
    expect(status.committeeDesignation).toBeNull();
  });

  it("prefers the OCR text of an old Ds and trims its placeholder title", () => {
    const status = parseDokumentstatus(shared("riksdagen-dokumentstatus-ds-1994-72-GIB472-fulltext-swegov-opendata-rs.json"));
    expect(status.document).toMatchObject({ designation: "Ds 1994:72", title: "ds 1994 72", department: null });
    expect(status.fullText).toMatchObject({ format: "text", text: expect.stringContaining("Sammanfattning och slutsatser") });
    expect(status.fullText && "text" in status.fullText && status.fullText.text).not.toContain("\r");
    expect(status.references).toEqual([]);
  });

  it("finds a directive's kommittébeteckning in its text", () => {
    const status = parseDokumentstatus(fs.readFileSync(path.join(import.meta.dirname, "fixtures", "dokumentstatus-dir-2024-12.json"), "utf8"));
    expect(status.committeeDesignation).toBe("Fi 2024:03");
    expect(status.references.map((r) => r.designation)).toEqual(["SOU 2024:20", "Dir. 2024:41"]);
  });

  it("tells a kommittébeteckning from SOU, Ds and SFS numbers", () => {
    expect(findCommitteeDesignation("Utredningen om kommunal ekonomi (Fi 2023:05)")).toBe("Fi 2023:05");
    expect(findCommitteeDesignation("Strandskyddsutredningen, M 2019:02, lämnar")).toBe("M 2019:02");
    expect(findCommitteeDesignation("enligt SOU 2020:08, Ds 2021:12, SFS 2010:80 och Dir. 2019:41")).toBeNull();
    expect(inquiryNameFrom("Tilläggsdirektiv till Utredningen om kommunal ekonomi (Fi 2023:05)")).toBe("Utredningen om kommunal ekonomi");
  });

  it("says what is wrong with input that is not a dokumentstatus", () => {
    expect(() => parseDokumentstatus("<html><body>Sidan finns inte</body></html>", "a.xml")).toThrow(new ImportInputError("a.xml is XML but not a Riksdagen dokumentstatus."));
    expect(() => parseDokumentstatus('{"dokumentstatus": {"dokument": ', "a.json")).toThrow(/^a\.json is neither XML nor valid JSON \(cut off or damaged\?\)/);
    expect(() => parseDokumentstatus('{"dokumentlista": {}}', "a.json")).toThrow("a.json is JSON but not a Riksdagen dokumentstatus.");
  });
});
