import { describe, expect, it } from "vitest";
import { LIMITS } from "@remissbanken/schema/limits";
import { quoteSearchFrom, quoteSearchHref, readSource } from "./quote-search";
import {
  addQuote, documentLabel, memberInputLabel, parseQuotes, quoteHref, readQuote, removeQuote, responseLabel, snippetText, type Quote,
} from "./quotes";
import { emptySection, validateDraft, type ResponseDraft } from "./response-editor";

const ID = "7b0c9a52-1d43-4c55-9a8e-0f1e2d3c4b5a";
const fromResponse: Quote = { sourceType: "RESPONSE", sourceId: ID, label: "SmåKom, remissvar 2012-01-12 (SOU 2011:59)", text: "SmåKom säger nej." };
const fromMember: Quote = { sourceType: "MEMBER_INPUT", sourceId: ID, label: "Forshaga kommun, synpunkter 2026-11-20", text: "Forshaga ser positivt på samverkan." };

const draft = (): ResponseDraft => ({
  signatory: "", presenter: "", letterDate: "", summary: "", comment: "",
  sections: [{ ...emptySection(), heading: "Samverkan" }, { ...emptySection(), heading: "Ekonomi" }],
});

describe("quote labels", () => {
  it("cites a response by SmåKom, its kind, the letter's day and the report's designation", () => {
    expect(responseLabel({ kind: "RESPONSE", letterDate: "2012-01-12", submittedAt: "2012-01-13T11:00:00.000Z", designation: "SOU 2011:59" }))
      .toBe("SmåKom, remissvar 2012-01-12 (SOU 2011:59)");
  });

  it("falls back to the day it was sent, then decided, in Stockholm time", () => {
    // 23:30 UTC on 11 January is already 12 January in Stockholm.
    expect(responseLabel({ kind: "RESPONSE", letterDate: null, submittedAt: "2012-01-11T23:30:00.000Z", designation: "SOU 2011:59" }))
      .toBe("SmåKom, remissvar 2012-01-12 (SOU 2011:59)");
    expect(responseLabel({ kind: "POSITION", approvedAt: "2021-03-01T11:00:00.000Z" })).toBe("SmåKom, ställningstagande 2021-03-01");
    expect(responseLabel({ kind: "POSITION" })).toBe("SmåKom, ställningstagande");
  });

  it("cites member input by municipality and day", () => {
    expect(memberInputLabel({ municipality: "Forshaga", submittedAt: "2026-11-20T09:00:00.000Z" })).toBe("Forshaga kommun, synpunkter 2026-11-20");
    expect(memberInputLabel({ municipality: "Habo kommun", submittedAt: null })).toBe("Habo kommun, synpunkter");
  });

  it("cites a document by designation and page, or its title", () => {
    expect(documentLabel({ designation: "SOU 2011:59", title: "Spara i goda tider", page: 112 })).toBe("SOU 2011:59, s. 112");
    expect(documentLabel({ designation: null, title: "Övningsremiss", page: null })).toBe("Övningsremiss");
  });
});

describe("where a quote links", () => {
  it("opens the response, the member input's place and the document at the cited page", () => {
    expect(quoteHref(fromResponse)).toBe(`/remissvar/${ID}`);
    expect(quoteHref(fromMember)).toBe(`/synpunkter/${ID}`);
    expect(quoteHref({ sourceType: "DOCUMENT", sourceId: ID, label: "SOU 2011:59, s. 112" })).toBe(`/dokument/${ID}?sida=112#sida-112`);
    expect(quoteHref({ sourceType: "DOCUMENT", sourceId: ID, label: "Övningsremiss" })).toBe(`/dokument/${ID}`);
  });
});

describe("a section's quotes in the draft", () => {
  it("adds a quote to the chosen section only, once", () => {
    const once = addQuote(draft(), 1, fromResponse);
    expect(parseQuotes(once.sections[0].quotes)).toEqual([]);
    expect(parseQuotes(once.sections[1].quotes)).toEqual([fromResponse]);
    const twice = addQuote(addQuote(once, 1, fromResponse), 1, fromMember);
    expect(parseQuotes(twice.sections[1].quotes)).toEqual([fromResponse, fromMember]);
  });

  it("removes the quote asked for and leaves the rest", () => {
    const both = addQuote(addQuote(draft(), 0, fromResponse), 0, fromMember);
    expect(parseQuotes(removeQuote(both, 0, 0).sections[0].quotes)).toEqual([fromMember]);
    // A section or quote that is not there changes nothing.
    expect(removeQuote(both, 5, 0)).toEqual(both);
    expect(parseQuotes(removeQuote(both, 0, 9).sections[0].quotes)).toHaveLength(2);
  });

  it("saves the inserted quotes with the section", () => {
    const result = validateDraft(addQuote(draft(), 0, fromMember));
    expect(result.ok && result.input.sections[0].quotes).toEqual([fromMember]);
  });

  it("cuts a passage longer than the API keeps at a word, and refuses more quotes than a section may hold", () => {
    const long = addQuote(draft(), 0, { ...fromMember, text: "ord ".repeat(2_000) });
    const [quote] = parseQuotes(long.sections[0].quotes);
    expect(quote.text.length).toBeLessThanOrEqual(LIMITS.quoteTextLength);
    expect(quote.text).toMatch(/ord…$/);
    expect(validateDraft(long).ok).toBe(true);

    let many = draft();
    for (let i = 0; i <= LIMITS.quotesPerSection; i++) many = addQuote(many, 0, { ...fromMember, text: `Citat ${i}` });
    const refused = validateDraft(many);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.fieldErrors["sections.0.quotes"]).toBe(`Ett avsnitt kan ha högst ${LIMITS.quotesPerSection} citat. Ta bort något.`);
  });

  it("reads only well-formed quotes", () => {
    expect(parseQuotes("not json")).toEqual([]);
    expect(parseQuotes(JSON.stringify([fromResponse, { sourceType: "USER", sourceId: ID, label: "x", text: "y" }]))).toEqual([fromResponse]);
    expect(readQuote(JSON.stringify({ ...fromMember, extra: "dropped" }))).toEqual(fromMember);
    expect(readQuote("{")).toBeNull();
    expect(readQuote(null)).toBeNull();
  });
});

describe("a passage as a quote's text", () => {
  it("drops the marks and undoes the escaping", () => {
    expect(snippetText("…säger nej till <mark>kommunstabiliseringsfonden</mark> &amp; \n fonden &lt;x&gt;")).toBe(
      "…säger nej till kommunstabiliseringsfonden & fonden <x>",
    );
  });
});

describe("the panel's search fields", () => {
  it("reads the words and a known type, else searches everything", () => {
    const params = new URLSearchParams({ citat: "  fond  ", citattyp: "synpunkter" });
    expect(quoteSearchFrom((n) => params.get(n))).toEqual({ q: "fond", typ: "synpunkter", source: null });
    expect(quoteSearchFrom(() => null)).toEqual({ q: "", typ: "allt", source: null });
    expect(quoteSearchFrom((n) => (n === "citattyp" ? "REMISS" : "x"))).toMatchObject({ q: "x", typ: "allt" });
  });

  it("reads one source to show all its passages, and only a source that can be quoted", () => {
    const params = new URLSearchParams({ citat: "fond", citatkalla: `RESPONSE:${ID}` });
    expect(quoteSearchFrom((n) => params.get(n)).source).toEqual({ type: "RESPONSE", id: ID });
    expect(readSource(`REMISS:${ID}`)).toBeNull();
    expect(readSource("DOCUMENT:not-an-id")).toBeNull();
    expect(readSource(null)).toBeNull();
  });

  it("writes the resource route's address", () => {
    expect(quoteSearchHref(ID, { q: "fond å", typ: "remissvar", source: null })).toBe(`/remissvar/${ID}/citat?citat=fond+%C3%A5&citattyp=remissvar`);
    expect(quoteSearchHref(ID, { q: "fond", typ: "allt", source: { type: "DOCUMENT", id: ID } })).toBe(
      `/remissvar/${ID}/citat?citat=fond&citattyp=allt&citatkalla=DOCUMENT%3A${ID}`,
    );
  });
});
