import { describe, expect, it } from "vitest";
import { parsePhrases, PHRASE_FIELDS } from "./thesaurus-form";

describe("parsePhrases", () => {
  it("takes one phrase per line, spaces tidied, empty lines dropped", () => {
    expect(parsePhrases("  SCB \r\n\nStatistiska   centralbyrån\n")).toEqual({ ok: true, phrases: ["SCB", "Statistiska centralbyrån"] });
  });

  it("refuses too few, too many, too long and repeated phrases in Swedish", () => {
    expect(parsePhrases("SCB")).toEqual({ ok: false, message: "Skriv minst 2 ord eller fraser, en per rad." });
    expect(parsePhrases(Array.from({ length: 11 }, (_, i) => `ord ${i}`).join("\n"))).toMatchObject({ ok: false, message: expect.stringContaining("högst 10") });
    expect(parsePhrases(`SCB\n${"x".repeat(81)}`)).toMatchObject({ ok: false, message: expect.stringContaining("längre än 80 tecken") });
    expect(parsePhrases("SCB\nscb")).toEqual({ ok: false, message: "”scb” står två gånger." });
  });

  it("maps the API's per-phrase fields to the one textarea", () => {
    expect(PHRASE_FIELDS["phrases.0"]).toBe("phrases");
    expect(PHRASE_FIELDS["phrases.10"]).toBe("phrases");
  });
});
