import { describe, expect, it } from "vitest";
import {
  boundedQuery, hitHref, MAX_PAGE, PAGE_SIZE, searchArguments, searchHref, searchStateFromUrl, separateWords, toggleFacetHref,
  withoutFiltersHref,
} from "./search";

const AREA = "0b6f3c2e-8d1a-4f3b-9c57-2a1e4d5f6a7b";
const DOC = "5d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
const state = (query: string) => searchStateFromUrl(new URL(`http://x/sok?${query}`));

describe("the search page's address", () => {
  it("becomes the API's search arguments", () => {
    const s = state(`q=+strandskydd+&typ=document&typ=response&slag=sou&ar=2020&departement=Miljödepartementet&fraga=${AREA}&status=submitted&sida=3`);
    expect(searchArguments(s)).toEqual({
      query: "strandskydd",
      first: PAGE_SIZE,
      page: 3,
      filter: {
        types: ["DOCUMENT", "RESPONSE"],
        kinds: ["sou"],
        years: [2020],
        departments: ["Miljödepartementet"],
        priorityAreaIds: [AREA],
        statuses: ["submitted"],
      },
    });
  });

  it("searches without a filter when none is chosen, on page 1", () => {
    expect(searchArguments(state("q=sou+2020+8"))).toEqual({ query: "sou 2020 8", first: PAGE_SIZE, page: 1, filter: null });
  });

  it("leaves out what the API could not take instead of failing", () => {
    const s = state(`q=x&typ=table&typ=document&typ=document&ar=20x0&fraga=1;drop&status=bogus&status=drafting&sida=-2&dokument=../etc`);
    expect(s.filters.types).toEqual(["document"]);
    expect(s.filters.statuses).toEqual(["drafting"]);
    expect(s.filters.years).toEqual([]);
    expect(s.filters.priorityAreas).toEqual([]);
    expect(s.page).toBe(1);
    expect(s.document).toBeNull();
    expect(state("q=x&sida=2.5").page).toBe(1);
    expect(state("q=x&sida=99999").page).toBe(MAX_PAGE);
    expect(state(`q=${"a".repeat(600)}`).q).toHaveLength(500);
  });

  it("cuts a long search between characters, never inside one", () => {
    // 499 letters and an emoji (two UTF-16 units) cross the 500-unit edge: the emoji goes whole.
    const q = state(`q=${"a".repeat(499)}${encodeURIComponent("🌲")}b`).q;
    expect(q).toBe("a".repeat(499));
    expect(q).not.toMatch(/\p{Cs}/u);
    expect(state(`q=${"a".repeat(498)}${encodeURIComponent("🌲")}b`).q).toBe(`${"a".repeat(498)}🌲`);
    expect(boundedQuery(`  ${"å".repeat(10)}  `, 5)).toBe("ååååå");
    expect(boundedQuery(null)).toBe("");
  });

  it("round-trips through searchHref", () => {
    const url = `/sok?q=strandskydd&typ=document&ar=2019&ar=2020&dokument=${DOC}&sida=2`;
    expect(searchHref(state(url.split("?")[1]), { page: 2 })).toBe(url);
    expect(searchHref(state(""))).toBe("/sok");
  });

  it("starts a changed search on page 1 and toggles facet values", () => {
    const s = state("q=kommun&typ=document&sida=4");
    expect(toggleFacetHref(s, "years", "2020")).toBe("/sok?q=kommun&typ=document&ar=2020");
    expect(toggleFacetHref(s, "types", "document")).toBe("/sok?q=kommun");
    expect(withoutFiltersHref(s)).toBe("/sok?q=kommun");
    expect(searchHref(s, { page: 5 })).toBe("/sok?q=kommun&typ=document&sida=5");
    expect(searchHref(s, { q: "kommun & region" })).toBe("/sok?q=kommun+%26+region&typ=document");
  });

  it("suggests the words of a query one by one", () => {
    expect(separateWords("strandskydd  fjällen strandskydd")).toEqual(["strandskydd", "fjällen"]);
    expect(separateWords("strandskydd")).toEqual([]);
  });
});

describe("hit links", () => {
  it("opens each kind of hit on its own page", () => {
    expect(hitHref({ type: "DOCUMENT", id: "d", page: 12 })).toBe("/dokument/d?sida=12#sida-12");
    expect(hitHref({ type: "DOCUMENT", id: "d", page: null })).toBe("/dokument/d");
    expect(hitHref({ type: "INQUIRY", id: "i" })).toBe("/utredningar/i");
    expect(hitHref({ type: "REMISS", id: "r" })).toBe("/remisser/r");
    expect(hitHref({ type: "RESPONSE", id: "s" })).toBe("/remissvar/s");
    expect(hitHref({ type: "MEMBER_INPUT", id: "m", remissId: "r" })).toBe("/remisser/r");
    expect(hitHref({ type: "MEMBER_INPUT", id: "m", inquiryId: "i" })).toBe("/utredningar/i");
  });
});
