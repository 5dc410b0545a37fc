import { describe, expect, it } from "vitest";
import { apiFieldErrors, differences, draftFromSaved, readDraft, validateDraft } from "./response-editor";

function form(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

const base: [string, string][] = [
  ["baseVersion", "3"],
  ["signatory", "Anna Andersson, ordförande"],
  ["presenter", ""],
  ["letterDate", "2026-03-15"],
  ["summary", "SmåKom tillstyrker."],
  ["comment", "Nytt avsnitt"],
];

describe("the editor's form model", () => {
  it("reads sections in the order shown, keeping their quotes", () => {
    const draft = readDraft(form([
      ...base,
      ["sections.10.heading", "Tio"], ["sections.10.number", "10"], ["sections.10.stance", ""], ["sections.10.body", "b"],
      ["sections.2.heading", "Två"], ["sections.2.number", "2"], ["sections.2.stance", "OPPOSES"], ["sections.2.body", "a"],
      ["sections.2.quotes", '[{"sourceType":"DOCUMENT","sourceId":"x","label":"l","text":"t"}]'],
    ]));
    expect(draft.sections.map((s) => s.heading)).toEqual(["Två", "Tio"]);
    expect(draft.sections[1].quotes).toBe("[]");
    const valid = validateDraft(draft);
    expect(valid.ok && valid.input).toMatchObject({
      signatory: "Anna Andersson, ordförande",
      presenter: null,
      letterDate: "2026-03-15",
      comment: "Nytt avsnitt",
      sections: [{ number: "2", stance: "OPPOSES", quotes: [{ label: "l" }] }, { number: "10", stance: null, quotes: [] }],
    });
  });

  it("points at the repeated section number in Swedish", () => {
    const draft = readDraft(form([
      ...base,
      ["sections.0.heading", "A"], ["sections.0.number", "5.3"],
      ["sections.1.heading", "B"], ["sections.1.number", "5.3"],
    ]));
    const valid = validateDraft(draft);
    expect(valid.ok).toBe(false);
    if (!valid.ok) {
      expect(Object.keys(valid.fieldErrors)).toEqual(["sections.1.number"]);
      expect(valid.fieldErrors["sections.1.number"]).toContain("Samma avsnittsnummer");
    }
  });

  it("asks for a heading, a well-formed number and a date", () => {
    const valid = validateDraft(readDraft(form([
      ...base.filter(([k]) => k !== "letterDate"), ["letterDate", "15/3"],
      ["sections.0.heading", " "], ["sections.0.number", "5a"], ["sections.0.stance", "MAYBE"],
    ])));
    expect(valid.ok).toBe(false);
    if (!valid.ok) {
      expect(valid.fieldErrors).toMatchObject({
        letterDate: expect.stringContaining("ÅÅÅÅ-MM-DD"),
        "sections.0.heading": "Skriv en rubrik för avsnittet.",
        "sections.0.number": expect.stringContaining("5.3.2"),
        "sections.0.stance": expect.stringContaining("Välj"),
      });
    }
  });

  it("maps the API's field problems to the form's names", () => {
    expect(apiFieldErrors([{ field: "sections.1.number", message: "section 5 is answered twice" }], "DUPLICATE_SECTION_NUMBER")).toEqual({
      "sections.1.number": expect.stringContaining("Samma avsnittsnummer"),
    });
    expect(apiFieldErrors([{ field: "summary", message: "must be at most 20000 characters" }], "INVALID_INPUT").summary).toContain("20");
  });

  it("lists only the fields that differ in a conflict", () => {
    const theirs = draftFromSaved({ signatory: "A", presenter: null, letterDate: null, summary: "S", sections: [{ number: "1", heading: "H", stance: "SUPPORTS", body: "deras", quotes: [] }] });
    const mine = { ...theirs, sections: [{ ...theirs.sections[0], body: "min" }] };
    const diff = differences(theirs, mine, (s) => s.toLowerCase());
    expect(diff).toEqual([{ label: "Avsnitt 1", theirs: "1 H\nStällningstagande: supports\nderas", mine: "1 H\nStällningstagande: supports\nmin" }]);
  });

  it("counts lengths as the API does, with the limits it shares, and knows the calendar", async () => {
    const { LIMITS } = await import("@remissbanken/schema/limits");
    const at = (extra: [string, string][]) => validateDraft(readDraft(form([...base.filter(([k]) => !extra.some(([e]) => e === k)), ["sections.0.heading", "A"], ...extra])));
    const body = at([["sections.0.body", "x".repeat(LIMITS.sectionBodyLength + 1)]]);
    expect(!body.ok && body.fieldErrors["sections.0.body"]).toMatch(/^Texten är för lång: högst 200\s000 tecken.$/);
    expect(at([["sections.0.body", "x".repeat(LIMITS.sectionBodyLength)]]).ok).toBe(true);
    // The API counts the summary before trimming it.
    const summary = at([["summary", `${"x".repeat(LIMITS.summaryLength)} `]]);
    expect(!summary.ok && summary.fieldErrors.summary).toContain("för lång");
    const date = at([["letterDate", "2026-02-30"]]);
    expect(!date.ok && date.fieldErrors.letterDate).toBe("Datumet finns inte i kalendern.");
  });
});
