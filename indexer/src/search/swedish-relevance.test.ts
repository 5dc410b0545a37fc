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
import { DEFAULT_SYNONYM_GROUPS } from "@remissbanken/schema/migrations/1796200000000-AddThesaurus";
import type { Filter } from "../engine/filter.js";
import { analyzeForIndex, analyzeQuery, SPLIT_KNOWN_COMPOUNDS } from "../text/swedish.js";
import { understandQuery } from "../text/question.js";
import { filters, indexSettings, MATCHING_STRATEGY } from "./settings.js";
import { meiliSynonyms, withShortestPhrases } from "./thesaurus.js";

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

/** One Meilisearch for the file; each measurement fills indexes of its own. */
let dataDir: string;
let meili: RunningMeilisearch;
let engine: SearchEngine;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "rb-relevance-"));
  meili = await startMeilisearch({ dataDir });
  engine = createSearchEngine({ url: meili.url, apiKey: meili.masterKey });
}, 60_000);

afterAll(async () => {
  engine?.close();
  await meili?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe("Swedish analysis, measured", () => {
  beforeAll(async () => {
    const docs = Object.entries(CORPUS).map(([id, text]) => ({ id, text, terms: analyzeForIndex(text), groupId: id }));
    await engine.ensureIndex("plain", {
      primaryKey: "id",
      settings: { searchableAttributes: ["text"], localizedAttributes: [{ attributePatterns: ["*"], locales: ["swe"] }] },
    });
    await engine.ensureIndex("analyzed", { primaryKey: "id", settings: indexSettings() });
    await engine.waitForTask(await engine.addDocuments("plain", docs));
    await engine.waitForTask(await engine.addDocuments("analyzed", docs));
  }, 60_000);

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

/**
 * How people ask (issue 11): abbreviations and synonyms, questions, compounds written apart,
 * and the board's own questions. Realistic passages of documents (type document) and of
 * SmåKom's responses (type response); run as production runs them (the thesaurus as
 * synonyms, the matching strategy, SmåKom's own responses first), against the state before.
 */
const ASKED_CORPUS: Record<string, { type: "document" | "response"; text: string }> = {
  scb1: { type: "document", text: "Statistiska centralbyrån redovisar befolkningens storlek i varje kommun den 31 december." },
  scb2: { type: "document", text: "Enligt SCB minskar befolkningen i nästan hälften av landets kommuner." },
  msb: { type: "document", text: "Myndigheten för samhällsskydd och beredskap stödjer kommunernas arbete med krisberedskap." },
  lss1: { type: "document", text: "Insatser enligt LSS ska ges till personer med omfattande funktionsnedsättningar." },
  lss2: { type: "document", text: "Lagen om stöd och service till vissa funktionshindrade ger rätt till personlig assistans." },
  aldre1: { type: "document", text: "Äldrevården i små kommuner har svårt att rekrytera undersköterskor." },
  aldre2: { type: "document", text: "Kostnaderna för äldreomsorgen väntas öka kraftigt fram till 2035." },
  fritid1: { type: "document", text: "Många fritidshus används numera som permanentbostad året runt." },
  fritid2: { type: "document", text: "Sommarstugor i strandnära lägen omfattas ofta av strandskyddet." },
  pbl: { type: "document", text: "Plan- och bygglagen reglerar hur kommunerna planlägger mark och vatten." },
  sol: { type: "document", text: "Socialtjänstlagen ska ersättas av en ny lag med fokus på förebyggande arbete." },
  va: { type: "document", text: "Vatten och avlopp i omvandlingsområden är en stor kostnad för små kommuner." },
  hemtj1: { type: "document", text: "Hemtjänsten i glesbygden har långa restider mellan brukarna." },
  hemtj2: { type: "document", text: "Insatser i hemtjänsten ska planeras tillsammans med den enskilde." },
  hemtj3: { type: "document", text: "Hemtjänstinsatserna har ökat med tio procent sedan förra året." },
  omsorg: { type: "document", text: "Omsorgen om äldre personer i hemmet behöver fler händer." },
  skydd: { type: "document", text: "Skyddet av vattentäkter nära stranden måste stärkas." },
  tjanst: { type: "document", text: "Tjänstemännen i hemkommunen svarar på frågor om skolskjuts." },
  strand1: { type: "document", text: "Strandskyddsutredningen föreslår ett differentierat strandskydd." },
  strand2: { type: "document", text: "Strandskyddet ska gälla 100 meter från strandlinjen enligt miljöbalken." },
  bredb: { type: "document", text: "Bredbandsutbyggnaden på landsbygden behöver statligt stöd." },
  fond: { type: "document", text: "Utredningen föreslår en kommunstabiliseringsfond för goda och dåliga tider." },
  utj: { type: "document", text: "Utjämningssystemet omfördelar pengar mellan kommunerna." },
  // In the real corpus nearly every passage speaks of "utredningen": a question must not hinge on it.
  utr1: { type: "document", text: "Utredningen har haft i uppdrag att se över kommunernas ekonomi." },
  utr2: { type: "document", text: "Utredningen föreslår att länsstyrelsen får ett tydligare tillsynsansvar." },
  utr3: { type: "document", text: "Enligt utredningen behöver staten ta ett större ansvar för vägarna." },
  own1: { type: "response", text: "SmåKom anser att strandskyddet bör differentieras och att kommunerna ska få ta större ansvar på landsbygden." },
  own2: { type: "response", text: "SmåKom avstyrker förslaget om en kommunstabiliseringsfond." },
  own3: { type: "response", text: "SmåKom tillstyrker att bredband byggs ut till alla hushåll i glesbygd." },
  own4: { type: "response", text: "SmåKom välkomnar att kostnadsutjämningen ses över och vill att glesheten vägs in." },
};

const ASKED: Array<{ kind: string; q: string; relevant: string[] }> = [
  { kind: "abbreviation", q: "SCB", relevant: ["scb1", "scb2"] },
  { kind: "abbreviation", q: "Statistiska centralbyrån", relevant: ["scb1", "scb2"] },
  { kind: "abbreviation", q: "MSB", relevant: ["msb"] },
  { kind: "abbreviation", q: "lagen om stöd och service till vissa funktionshindrade", relevant: ["lss2", "lss1"] },
  { kind: "abbreviation", q: "LSS", relevant: ["lss1", "lss2"] },
  { kind: "abbreviation", q: "PBL", relevant: ["pbl"] },
  { kind: "abbreviation", q: "SoL", relevant: ["sol"] },
  { kind: "abbreviation", q: "VA", relevant: ["va"] },
  { kind: "abbreviation", q: "vatten och avlopp", relevant: ["va"] },
  { kind: "synonym", q: "äldreomsorg", relevant: ["aldre1", "aldre2"] },
  { kind: "synonym", q: "äldrevård", relevant: ["aldre1", "aldre2"] },
  { kind: "synonym", q: "fritidshus", relevant: ["fritid1", "fritid2"] },
  { kind: "synonym", q: "sommarstuga", relevant: ["fritid1", "fritid2"] },
  { kind: "synonym", q: "utjämningssystemet", relevant: ["utj", "own4"] },
  { kind: "question", q: "vad säger utredningen om hemtjänst i glesbygd?", relevant: ["hemtj1"] },
  { kind: "question", q: "vilka regler gäller för strandskydd?", relevant: ["strand2", "strand1"] },
  { kind: "question", q: "hur går bredbandsutbyggnaden på landsbygden?", relevant: ["bredb"] },
  { kind: "question", q: "finns det statistik från SCB om befolkningen?", relevant: ["scb1", "scb2"] },
  { kind: "question", q: "vad kostar äldreomsorgen i små kommuner?", relevant: ["aldre2", "aldre1"] },
  { kind: "compound", q: "hemtjänstinsatser", relevant: ["hemtj2", "hemtj3"] },
  { kind: "compound", q: "äldreomsorgskostnader", relevant: ["aldre2"] },
  { kind: "compound", q: "hemtjänst", relevant: ["hemtj1", "hemtj2", "hemtj3"] },
  { kind: "compound", q: "äldreomsorg hemmet", relevant: ["omsorg"] },
  { kind: "board", q: "vad har vi sagt om strandskydd?", relevant: ["own1"] },
  { kind: "board", q: "vår hållning till bredbandsutbyggnad", relevant: ["own3"] },
  { kind: "board", q: "tycker SmåKom att kommunstabiliseringsfonden är bra?", relevant: ["own2"] },
  { kind: "board", q: "vårt ställningstagande om kostnadsutjämning", relevant: ["own4"] },
  { kind: "board", q: "vad har SmåKom sagt om utjämningssystemet", relevant: ["own4"] },
];

const THESAURUS = DEFAULT_SYNONYM_GROUPS.map(([, phrases]) => phrases);

interface AskConfig {
  name: string;
  thesaurus: boolean;
  questions: boolean;
  strategy: "last" | "frequency";
  splitKnownCompounds: boolean;
  ownViewFirst: boolean;
}

const BEFORE: AskConfig = { name: "before", thesaurus: false, questions: false, strategy: "last", splitKnownCompounds: false, ownViewFirst: false };
const STEPS: AskConfig[] = [
  BEFORE,
  { ...BEFORE, name: "+ thesaurus", thesaurus: true },
  { ...BEFORE, name: "+ thesaurus, questions", thesaurus: true, questions: true },
  { ...BEFORE, name: "+ thesaurus, questions, frequency", thesaurus: true, questions: true, strategy: "frequency" },
  { name: "+ own view first (production)", thesaurus: true, questions: true, strategy: MATCHING_STRATEGY, splitKnownCompounds: SPLIT_KNOWN_COMPOUNDS, ownViewFirst: true },
  { name: "production, known compounds also split", thesaurus: true, questions: true, strategy: MATCHING_STRATEGY, splitKnownCompounds: !SPLIT_KNOWN_COMPOUNDS, ownViewFirst: true },
];

describe("How people ask, measured", () => {
  beforeAll(async () => {
    const docs = Object.entries(ASKED_CORPUS).map(([id, { type, text }]) => ({ id, type, text, terms: analyzeForIndex(text), groupId: id }));
    const synonyms = meiliSynonyms(THESAURUS);
    await engine.ensureIndex("without", { primaryKey: "id", settings: indexSettings() });
    await engine.ensureIndex("with", { primaryKey: "id", settings: indexSettings(synonyms) });
    await engine.waitForTask(await engine.addDocuments("without", docs));
    await engine.waitForTask(await engine.addDocuments("with", docs));
  }, 60_000);

  /** The ids found, best first, as production would list them under `config`. */
  async function ask(config: AskConfig, query: string): Promise<string[]> {
    const understood = config.questions ? understandQuery(query) : { text: query, ownView: false };
    const index = config.thesaurus ? "with" : "without";
    const sent = config.thesaurus ? withShortestPhrases(understood.text, THESAURUS) : understood.text;
    const q = analyzeQuery(sent, { splitKnownCompounds: config.splitKnownCompounds });
    const search = (filter?: Filter) =>
      engine.search<{ id: string }>(index, { q, filter, matchingStrategy: config.strategy, limit: 10 }).then((r) => r.hits.map((h) => h.id));
    if (!(config.ownViewFirst && understood.ownView)) return search();
    const own = await search(filters.eq("type", "response"));
    return [...own, ...(await search(filters.not(filters.eq("type", "response"))))].slice(0, 10);
  }

  it("finds what people ask for, with SmåKom's own view first when they ask for it", async () => {
    const summary: string[] = [];
    const cells = new Map<string, string[]>();
    const totals = new Map<string, { found: number; relevant: number; top: number }>();
    for (const config of STEPS) {
      const total = { found: 0, relevant: 0, top: 0 };
      for (const { q, relevant } of ASKED) {
        const ids = await ask(config, q);
        // Recall among the first 10; precision among the first |relevant| (R-precision): what the asker sees first.
        const found = ids.filter((id) => relevant.includes(id)).length;
        const top = ids.slice(0, relevant.length).filter((id) => relevant.includes(id)).length;
        total.found += found;
        total.relevant += relevant.length;
        total.top += top;
        cells.set(q, [...(cells.get(q) ?? []), `${found}/${relevant.length}, first ${top}/${relevant.length}`]);
      }
      totals.set(config.name, total);
      summary.push(`| ${config.name} | ${pct(total.found, total.relevant)} | ${pct(total.top, total.relevant)} |`);
    }
    const production = STEPS.findIndex((s) => s.name.includes("(production)"));
    console.log(
      [
        "| kind | query | before | production |",
        "|---|---|---|---|",
        ...ASKED.map(({ kind, q }) => `| ${kind} | ${q} | ${cells.get(q)![0]} | ${cells.get(q)![production]} |`),
        "",
        "| configuration | recall (first 10) | R-precision (first \\|relevant\\|) |",
        "|---|---|---|",
        ...summary,
      ].join("\n"),
    );
    const before = totals.get(BEFORE.name)!;
    const after = totals.get(STEPS[production].name)!;
    expect(after.found).toBeGreaterThan(before.found);
    expect(after.found / after.relevant).toBeGreaterThanOrEqual(0.9);
    expect(after.top / after.relevant).toBeGreaterThanOrEqual(0.8);
    // The choices in production are the better ones measured here.
    for (const config of STEPS) expect(after.found + after.top).toBeGreaterThanOrEqual(totals.get(config.name)!.found + totals.get(config.name)!.top);
  });
});

const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(0)} %`;
