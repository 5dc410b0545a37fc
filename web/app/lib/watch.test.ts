import { describe, expect, it } from "vitest";
import { emptyFilters, searchArguments, searchStateFromUrl } from "./search";
import { savedSearchHref, saveSearchAction } from "./watch";

describe("saved searches in the web app", () => {
  it("open at the search page's own address, filters and all", () => {
    expect(savedSearchHref("strandskydd", {})).toBe("/sok?q=strandskydd");
    expect(savedSearchHref("", { types: ["DOCUMENT"], years: [2020, 2021], statuses: ["ongoing"], kinds: null })).toBe(
      "/sok?typ=document&ar=2020&ar=2021&status=ongoing",
    );
  });

  it("round-trip: what the page searches is what is saved and opened again", () => {
    const url = new URL("http://x/sok?q=kommun&typ=inquiry&slag=sou&ar=2020&departement=Finansdepartementet&sida=3");
    const state = searchStateFromUrl(url);
    const { query, filter } = searchArguments(state);
    expect(savedSearchHref(query, filter ?? {})).toBe("/sok?q=kommun&typ=inquiry&slag=sou&ar=2020&departement=Finansdepartementet");
  });

  it("are saved at the save route with the search in its address, starting at page 1", () => {
    const state = { q: "vindkraft", filters: { ...emptyFilters(), types: ["document"] }, page: 4, document: null };
    expect(saveSearchAction(state)).toBe("/sok/spara?q=vindkraft&typ=document");
    expect(saveSearchAction({ ...state, q: "", filters: emptyFilters() })).toBe("/sok/spara");
  });
});
