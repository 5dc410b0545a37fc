/**
 * Measures the Swedish analysis: the same small labelled corpus and queries against
 * Meilisearch as it is (raw text, Swedish locale) and with our analysis (decompounding and
 * stemming into `terms`, the product's settings). Prints recall and precision; the figures
 * are recorded in docs/search.md.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMeilisearch, type RunningMeilisearch } from "@remissbanken/schema/engines/meilisearch";
import { createSearchEngine, type SearchEngine } from "../engine/meili-client.js";
import { analyzeForIndex, analyzeQuery } from "../text/swedish.js";
import { indexSettings } from "./settings.js";

const CORPUS: Record<string, string> = {
  a: "Strandskyddsutredningen lämnade sitt betänkande till regeringen.",
  b: "Strandskyddet i fjällen bör differentieras efter tillgång på stränder.",
  c: "De nya strandskyddsreglerna gäller från årsskiftet.",
  d: "Bredbandsutbyggnaden på landsbygden går långsamt.",
  e: "Bredbandet når inte alla hushåll i glesbygden.",
  f: "Kommunernas ekonomi är ansträngd efter pandemin.",
  g: "Kommunen ansvarar för vattenförsörjningen.",
  h: "En kommunstabiliseringsfond föreslogs i betänkandet.",
  i: "Utredningen föreslår ändrade regler för skolorna.",
  j: "Flera utredningar har berört skolans finansiering.",
  k: "Vi badade vid stranden hela sommaren.",
  l: "Vattnet i sjön var kallt.",
  m: "Regionerna och landstingen ansvarar för vården.",
};

const QUERIES: Array<{ q: string; relevant: string[] }> = [
  { q: "strandskydd", relevant: ["a", "b", "c"] },
  { q: "strandskyddet", relevant: ["a", "b", "c"] },
  { q: "bredband", relevant: ["d", "e"] },
  { q: "kommun", relevant: ["f", "g", "h"] },
  { q: "utredning", relevant: ["a", "i", "j"] },
  { q: "utredninng", relevant: ["a", "i", "j"] },
  { q: "skola", relevant: ["i", "j"] },
  { q: "vattenförsörjning", relevant: ["g"] },
  { q: "region", relevant: ["m"] },
  { q: "fjäll", relevant: ["b"] },
  // A compound's later parts, and words not last in the query (only the last word is matched as a prefix).
  { q: "utbyggnad", relevant: ["d"] },
  { q: "stabiliseringsfond", relevant: ["h"] },
  { q: "försörjning", relevant: ["g"] },
  { q: "kommun ekonomi", relevant: ["f"] },
  { q: "strandskydd regler", relevant: ["c"] },
  { q: "utredning strandskydd", relevant: ["a"] },
];

describe("Swedish analysis, measured", () => {
  let dataDir: string;
  let meili: RunningMeilisearch;
  let engine: SearchEngine;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "rb-relevance-"));
    meili = await startMeilisearch({ dataDir });
    engine = createSearchEngine({ url: meili.url, apiKey: meili.masterKey });
    const docs = Object.entries(CORPUS).map(([id, text]) => ({ id, text, terms: analyzeForIndex(text), groupId: id }));
    await engine.ensureIndex("plain", {
      primaryKey: "id",
      settings: { searchableAttributes: ["text"], localizedAttributes: [{ attributePatterns: ["*"], locales: ["swe"] }] },
    });
    await engine.ensureIndex("analyzed", { primaryKey: "id", settings: indexSettings() });
    await engine.waitForTask(await engine.addDocuments("plain", docs));
    await engine.waitForTask(await engine.addDocuments("analyzed", docs));
  }, 60_000);

  afterAll(async () => {
    engine?.close();
    await meili?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it("finds far more of the relevant passages than Meilisearch alone, without losing precision", async () => {
    const rows: string[] = [];
    const totals = { plain: { found: 0, relevant: 0, returned: 0 }, analyzed: { found: 0, relevant: 0, returned: 0 } };
    for (const { q, relevant } of QUERIES) {
      const cells: string[] = [];
      for (const variant of ["plain", "analyzed"] as const) {
        const { hits } = await engine.search<{ id: string }>(variant, {
          q: variant === "plain" ? q : analyzeQuery(q),
          // Every word must match, so precision measures the analysis rather than the fallback to fewer words.
          matchingStrategy: "all",
          limit: 20,
        });
        const ids = hits.map((hit) => hit.id);
        const found = ids.filter((id) => relevant.includes(id)).length;
        totals[variant].found += found;
        totals[variant].relevant += relevant.length;
        totals[variant].returned += ids.length;
        cells.push(`${found}/${relevant.length}${ids.length > found ? ` (+${ids.length - found} wrong)` : ""}`);
      }
      rows.push(`| ${q} | ${cells.join(" | ")} |`);
    }
    const summary = (v: keyof typeof totals) =>
      `recall ${((100 * totals[v].found) / totals[v].relevant).toFixed(0)} %, precision ${totals[v].returned ? ((100 * totals[v].found) / totals[v].returned).toFixed(0) : "–"} %`;
    console.log(
      ["| query | Meilisearch alone | with our analysis |", "|---|---|---|", ...rows, `| **total** | ${summary("plain")} | ${summary("analyzed")} |`].join("\n"),
    );
    expect(totals.analyzed.found / totals.analyzed.relevant).toBeGreaterThanOrEqual(0.9);
    expect(totals.analyzed.found).toBeGreaterThan(totals.plain.found);
    expect(totals.analyzed.found / totals.analyzed.returned).toBeGreaterThanOrEqual(0.9);
  });
});
