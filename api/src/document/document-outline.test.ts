/** The outline parser on text shaped like an SOU as PDF extraction leaves it. */
import { describe, expect, it } from "vitest";
import { parseOutline } from "./document-outline.js";

const REPORT = [
  // Page 1: title page.
  "Spara i goda tider\n– för en stabil kommunal verksamhet\n\nBetänkande av Utredningen om en kommunal stabiliseringsfond\n\nStockholm 2011\n\nSOU 2011:59",
  // Page 2: table of contents, with dot leaders and without.
  "Innehåll\n\nSammanfattning .......................... 9\n1 Inledning ........................... 13\n1.1 Uppdraget ........................... 13\n" +
    "7 Resultatutjämningsreserver ............ 45\n7.1 Gällande regler 46\n8 Kommunstabiliseringsfond 61\n9 Ikraftträdande 80",
  // Page 3.
  "SOU 2011:59\n\n1 Inledning\n\n1.1 Uppdraget\n\nRegeringen beslutade den 20 maj 2010 att tillkalla en särskild utredare.\nUtredaren ska föreslå hur kommunerna kan spara i goda tider.\n\n" +
    "15 kommuner har redan infört egna regler för att\nspara överskott, visar en enkät.\n\n9",
  // Page 4.
  "7 Resultatutjämningsreserver\n\nUtredningen föreslår att kommunerna får reservera delar av ett överskott\ni en resultatutjämningsreserv.\n\n" +
    "7.1 Gällande regler\n\nEnligt kommunallagen ska budgeten upprättas så att intäkterna överstiger kostnaderna.\n\n46",
  // Page 5.
  "SOU 2011:59\n\n7.2 Förslag\n\nReserven får användas när skatteunderlaget växer långsamt.\n\n8 Kommunstabiliseringsfond\n\nUtredningen föreslår en statlig kommunstabiliseringsfond.\n\n" +
    "9 Ikraftträdande\n\nLagändringarna föreslås träda i kraft den 1 januari 2013.",
].join("\f");

describe("parseOutline", () => {
  const outline = parseOutline(REPORT);

  it("finds the numbered headings where they stand, not in the table of contents", () => {
    expect(outline.headings).toEqual([
      { number: "1", title: "Inledning", page: 3, level: 1 },
      { number: "1.1", title: "Uppdraget", page: 3, level: 2 },
      { number: "7", title: "Resultatutjämningsreserver", page: 4, level: 1 },
      { number: "7.1", title: "Gällande regler", page: 4, level: 2 },
      { number: "7.2", title: "Förslag", page: 5, level: 2 },
      { number: "8", title: "Kommunstabiliseringsfond", page: 5, level: 1 },
      { number: "9", title: "Ikraftträdande", page: 5, level: 1 },
    ]);
  });

  it("does not take a sentence that starts with a number for a heading", () => {
    expect(outline.headings.map((h) => h.number)).not.toContain("15");
  });

  it("gives the text under a heading up to the next one of the same level, subsections included, without page furniture", () => {
    expect(outline.sectionText("7", 2_000)).toBe(
      "Utredningen föreslår att kommunerna får reservera delar av ett överskott\ni en resultatutjämningsreserv.\n\n" +
        "7.1 Gällande regler\n\nEnligt kommunallagen ska budgeten upprättas så att intäkterna överstiger kostnaderna.\n\n" +
        "7.2 Förslag\n\nReserven får användas när skatteunderlaget växer långsamt.",
    );
    expect(outline.sectionText("7.1", 2_000)).toBe("Enligt kommunallagen ska budgeten upprättas så att intäkterna överstiger kostnaderna.");
    expect(outline.sectionText("9", 2_000)).toBe("Lagändringarna föreslås träda i kraft den 1 januari 2013.");
  });

  it("cuts a long text at a word and marks the cut", () => {
    expect(outline.sectionText("8", 30)).toBe("Utredningen föreslår en …");
  });

  it("answers null for a number the text does not have, and nothing for a text without headings", () => {
    expect(outline.sectionText("5.3", 2_000)).toBeNull();
    expect(parseOutline("Bara löptext.\n\nUtan rubriker.").headings).toEqual([]);
    expect(parseOutline("").headings).toEqual([]);
  });

  it("accepts a heading with a trailing dot after the number and one followed directly by text", () => {
    const outline = parseOutline("2.1. Bakgrund\nText direkt under rubriken.\n\n2.2 Nästa\n\nMer.");
    expect(outline.headings.map((h) => [h.number, h.title])).toEqual([["2.1", "Bakgrund"], ["2.2", "Nästa"]]);
    expect(outline.sectionText("2.1", 100)).toBe("Text direkt under rubriken.");
  });

  it("skips sentences, lower-case starts and years", () => {
    const outline = parseOutline("3 kommuner svarade\n\n2011 Nytt år\n\n4 Detta är en mening.\n\n5 Slutsatser");
    expect(outline.headings.map((h) => h.number)).toEqual(["5"]);
  });
});
