/** The neutral model of an exported remissvar: title, date, draft mark, file name. */
import { describe, expect, it } from "vitest";
import { letterFileName, toLetter } from "./letter.server";

const response = {
  id: "r1",
  kind: "RESPONSE",
  title: "Remissvar Spara i goda tider",
  status: "DRAFT",
  summary: "Första stycket.\n\nAndra stycket.",
  signatory: null,
  presenter: "Kansliet",
  letterDate: null,
  submittedAt: null,
  sections: [
    { number: "8", heading: "Kommunstabiliseringsfond", stance: "OPPOSES", body: "Nej.", quotes: [{ label: "Forshaga kommun", text: "Citat" }] },
    { number: null, heading: "Övrigt", stance: null, body: "", quotes: [] },
  ],
  remiss: { ministry: "Finansdepartementet", diarienummer: "Fi2011/4105", document: { title: "Spara i goda tider", designation: "SOU 2011:59" } },
  inquiry: null,
} as const;

describe("toLetter", () => {
  it("names the report, states stances in Swedish and splits paragraphs", () => {
    const letter = toLetter(structuredClone(response) as never, "2026-12-01");
    expect(letter).toMatchObject({
      title: "Remissvar: Spara i goda tider (SOU 2011:59)",
      addressee: "Finansdepartementet",
      diarienummer: "Fi2011/4105",
      date: "2026-12-01",
      draft: true,
      summary: ["Första stycket.", "Andra stycket."],
      fileName: "Fi2011-4105_SmaKom",
      sections: [
        { heading: "8 Kommunstabiliseringsfond", stance: "Ställningstagande: Avstyrker", paragraphs: ["Nej."], quotes: [{ text: "Citat", source: "Forshaga kommun" }] },
        { heading: "Övrigt", stance: null, paragraphs: [], quotes: [] },
      ],
    });
  });

  it("dates the answer by its letter date, else the day it was sent (Stockholm), else today", () => {
    const dated = (changes: object) => toLetter({ ...structuredClone(response), ...changes } as never, "2026-12-01").date;
    expect(dated({ letterDate: "2012-01-10", submittedAt: "2012-01-12T09:00:00.000Z" })).toBe("2012-01-10");
    expect(dated({ submittedAt: "2012-01-11T23:30:00.000Z" })).toBe("2012-01-12");
    expect(dated({})).toBe("2026-12-01");
  });

  it("marks only answers the board has not decided as drafts", () => {
    const draft = (status: string) => toLetter({ ...structuredClone(response), status } as never).draft;
    expect([draft("DRAFT"), draft("FOR_APPROVAL"), draft("APPROVED"), draft("SUBMITTED")]).toEqual([true, true, false, false]);
  });
});

describe("letterFileName", () => {
  it("uses the diarienummer, else the designation, in characters every mail system keeps", () => {
    expect(letterFileName("Fi2011/4105", "SOU 2011:59")).toBe("Fi2011-4105_SmaKom");
    expect(letterFileName(null, "SOU 2011:59")).toBe("SOU-2011-59_SmaKom");
    expect(letterFileName("Kö2020/åäö", null)).toBe("Ko2020-aao_SmaKom");
    expect(letterFileName(null, null)).toBe("Remissvar_SmaKom");
  });
});
