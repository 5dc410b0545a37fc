import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMeilisearch, type RunningMeilisearch } from "@remissbanken/schema/engines/meilisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSearchEngine, type IndexSettings, type SearchEngine } from "../engine/meili-client.js";
import { analyzeForIndex, analyzeQuery, decompound, stem } from "./swedish.js";

describe("Swedish analysis", () => {
  it("stems inflections to one term", () => {
    expect(stem("strandskyddet")).toBe(stem("strandskydd"));
    expect(stem("kommunernas")).toBe(stem("kommun"));
    expect(stem("Utredningen")).toBe(stem("utredning"));
    expect(stem("strandskyddsreglerna")).toBe(stem("strandskyddsregler"));
  });

  it("splits compounds at linking morphemes into dictionary forms", () => {
    expect(decompound("strandskyddsutredningen")).toEqual(["strandskydd", "utredning"]);
    expect(decompound("bredbandsutbyggnaden")).toEqual(["bredband", "utbyggnad"]);
    expect(decompound("kommunstabiliseringsfond")).toEqual(["kommun", "stabilisering", "fond"]);
    expect(decompound("kommunernas")).toEqual([]);
    expect(decompound("kommunen")).toEqual([]);
  });

  it("indexes a word with the terms of its parts", () => {
    const terms = analyzeForIndex("Strandskyddsutredningen föreslår").split(" ");
    expect(terms).toEqual(expect.arrayContaining([stem("strandskydd"), stem("utredning"), stem("strand"), stem("skydd")]));
    expect(analyzeForIndex("bredbandsutbyggnaden").split(" ")).toContain(stem("bredband"));
  });

  it("sends a compound the dictionary does not know as its parts, and a known one whole", () => {
    expect(analyzeQuery("stabiliseringsfond")).toBe(`${stem("stabilisering")} ${stem("fond")}`);
    expect(analyzeQuery("strandskydd")).toBe(stem("strandskydd"));
    expect(analyzeForIndex("kommunstabiliseringsfonden").split(" ")).toEqual(expect.arrayContaining(analyzeQuery("stabiliseringsfond").split(" ")));
  });

  it("rewrites query words to terms and keeps operators; in a phrase, words are written as the index writes them", () => {
    expect(analyzeQuery('"Strandskyddet i fjällen" -kommunerna')).toBe(`"${analyzeForIndex("strandskyddet")} ${stem("fjäll")}" -${stem("kommun")}`);
  });

  it("gives function words no term, so that the words around them are neighbours", () => {
    expect(analyzeForIndex("vatten och avlopp")).toBe(`${stem("vatten")} ${stem("avlopp")}`);
    expect(analyzeQuery("vatten och avlopp")).toBe(`${stem("vatten")} ${stem("avlopp")}`);
  });

  it("writes å, ä and ö in terms as letters Meilisearch's synonyms leave alone", () => {
    expect(stem("äldreomsorg")).toBe("xldreomsorg");
    expect(stem("fjällen")).toBe("fjxll");
    expect(analyzeForIndex("Stöd åt små")).not.toMatch(/[åäö]/);
    // An abbreviation's dictionary entry is a compound beginning with a hyphen ("SCB-").
    expect(stem("SCB")).toBe("scb");
  });

  it("analyzes text fast enough for 800-page reports", () => {
    const sentence =
      "Strandskyddsutredningen föreslår att kommunernas möjligheter till bredbandsutbyggnaden på landsbygden stärks. " +
      "Regeringen bör i betänkandet redovisa konsekvenserna för de små kommunerna och för strandskyddet i fjällen. ";
    const text = sentence.repeat(20_000);
    const words = text.split(/\s+/).length;
    analyzeForIndex(sentence);
    const started = performance.now();
    analyzeForIndex(text);
    const wordsPerSecond = words / ((performance.now() - started) / 1000);
    console.log(`analyzeForIndex: ${Math.round(wordsPerSecond).toLocaleString("en")} words/s over ${words} words`);
    expect(wordsPerSecond).toBeGreaterThan(200_000);
  });
});

describe("Swedish analysis against Meilisearch", () => {
  let dataDir: string;
  let meili: RunningMeilisearch;
  let engine: SearchEngine;
  const index = "passages";
  const settings: IndexSettings = {
    searchableAttributes: ["text", "terms"],
    localizedAttributes: [{ attributePatterns: ["*"], locales: ["swe"] }],
  };
  const passages = [
    { id: "utredning", text: "Strandskyddsutredningen lämnade sitt betänkande." },
    { id: "bredband", text: "Bredbandsutbyggnaden går långsamt på landsbygden." },
    { id: "kommuner", text: "Kommunernas ekonomi är ansträngd." },
    { id: "plain-a", text: "Vi vandrade längs fjall och dalar." },
    { id: "a-umlaut", text: "Renskötseln i fjällen." },
  ];
  const search = async (q: string, options: { typos?: boolean } = {}) => {
    const result = await engine.search<{ id: string }>(options.typos === false ? "no-typos" : index, { q: analyzeQuery(q) });
    return result.hits.map((hit) => hit.id);
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "meili-swedish-"));
    meili = await startMeilisearch({ dataDir });
    engine = createSearchEngine({ url: meili.url, apiKey: meili.masterKey });
    const documents = passages.map((passage) => ({ ...passage, terms: analyzeForIndex(passage.text) }));
    await engine.ensureIndex(index, { primaryKey: "id", settings });
    await engine.ensureIndex("no-typos", { primaryKey: "id", settings: { ...settings, typoTolerance: { enabled: false } } });
    await engine.waitForTask(await engine.addDocuments(index, documents));
    await engine.waitForTask(await engine.addDocuments("no-typos", documents));
  });

  afterAll(async () => {
    engine?.close();
    await meili?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("finds compounds and inflections by their parts and base forms", async () => {
    expect(await search("strandskydd")).toEqual(["utredning"]);
    expect(await search("strandskyddet")).toEqual(["utredning"]);
    expect(await search("strandskydd utredning")).toEqual(["utredning"]);
    expect(await search("bredband")).toEqual(["bredband"]);
    expect(await search("kommun")).toEqual(["kommuner"]);
    expect(await search("utredninng")).toEqual(["utredning"]);
  });

  it("keeps å, ä and ö apart from a and o; only typo tolerance bridges them", async () => {
    expect(await search("fjäll", { typos: false })).toEqual(["a-umlaut"]);
    expect(await search("fjall", { typos: false })).toEqual(["plain-a"]);
    // One typo is allowed from five letters on, and ä for a counts as one: the exact match ranks first.
    expect(await search("fjäll")).toEqual(["a-umlaut", "plain-a"]);
  });
});
