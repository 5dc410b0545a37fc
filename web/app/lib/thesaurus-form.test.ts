import { describe, expect, it } from "vitest";
import { DUPLICATE_MESSAGE, duplicateMessage, noWordMessage, parsePhrases, PHRASE_FIELDS } from "./thesaurus-form";

describe("parsePhrases", () => {
  it("takes one phrase per line, spaces tidied, empty lines dropped", () => {
    expect(parsePhrases("  SCB \r\n\nStatistiska   centralbyrån\n")).toEqual({ ok: true, phrases: ["SCB", "Statistiska centralbyrån"] });
  });

  it("refuses too few, too many, too long and repeated phrases in Swedish", () => {
    expect(parsePhrases("SCB")).toEqual({ ok: false, message: "Skriv minst 2 ord eller fraser, en per rad." });
    expect(parsePhrases(Array.from({ length: 11 }, (_, i) => `ord ${i}`).join("\n"))).toMatchObject({ ok: false, message: expect.stringContaining("högst 10") });
    expect(parsePhrases(`SCB\n${"x".repeat(81)}`)).toMatchObject({ ok: false, message: expect.stringContaining("längre än 80 tecken") });
    expect(parsePhrases("SCB\nscb")).toEqual({ ok: false, message: "”scb” står två gånger." });
    expect(parsePhrases("SCB\n!!!")).toEqual({ ok: false, message: "”!!!” innehåller inga bokstäver eller siffror, så sökningen kan inte använda den." });
    expect(parsePhrases("🌲\ngran")).toMatchObject({ ok: false, message: expect.stringContaining("”🌲” innehåller inga bokstäver") });
  });

  it("says in Swedish which phrase the API found no word in, and nothing for other refusals", () => {
    expect(noWordMessage(["SCB", "och i"], [{ field: "phrases.1", message: "must contain a word" }])).toBe(
      "”och i” består bara av småord som sökningen bortser från (som ”och” och ”i”). Skriv ett ord som säger något.",
    );
    expect(noWordMessage(["SCB", "scb"], [{ field: "phrases.1", message: 'says the same as "SCB"' }])).toBeUndefined();
    expect(noWordMessage(["SCB"], [{ field: "phrases.4", message: "must contain a word" }])).toBeUndefined();
  });

  it("maps the API's per-phrase fields to the one textarea", () => {
    expect(PHRASE_FIELDS["phrases.0"]).toBe("phrases");
    expect(PHRASE_FIELDS["phrases.10"]).toBe("phrases");
  });
});

describe("duplicateMessage", () => {
  it("names the phrase and what it clashes with, in this group or another", () => {
    expect(duplicateMessage(["Äldreboende", "äldreboendet"], { field: "phrases.1", message: 'says the same as "Äldreboende"' }, true))
      .toBe("”äldreboendet” och ”Äldreboende” är samma ord för sökningen (böjningar räknas som samma ord). Ta bort den ena raden.");
    expect(duplicateMessage(["centralbyrån", "scb"], { field: "phrases.1", message: 'is already in the group "SCB, Statistiska centralbyrån"' }, false))
      .toBe("”scb” står redan i gruppen ”SCB, Statistiska centralbyrån”. Ett ord kan bara stå i en grupp: ta bort det här eller ändra den andra gruppen.");
  });

  it("falls back to the general message when the API does not say which", () => {
    expect(duplicateMessage(["a", "b"], undefined, false)).toBe(DUPLICATE_MESSAGE);
    expect(duplicateMessage(["a", "b"], { field: "phrases.7", message: 'is already in the group "X"' }, false)).toBe(DUPLICATE_MESSAGE);
  });
});
