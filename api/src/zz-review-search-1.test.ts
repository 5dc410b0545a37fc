import { afterAll, beforeAll, expect, it } from "vitest";
import { DocumentKind, DocumentText } from "@remissbanken/schema";
import { startIndexer, type RunningIndexer } from "@remissbanken/indexer";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { buildDocument, buildInquiry } from "./seed/factories.js";
import { attachSearch, SearchService } from "./search/search.service.js";

let api: TestApi;
let indexer: RunningIndexer;
const ids: Record<string, string> = {};

const SEARCH = `query($q: String!, $filter: SearchFilter, $first: Int, $after: String) {
  search(query: $q, filter: $filter, first: $first, after: $after) {
    totalHits degraded designation
    hits { type id pinned passage { ordinal page } }
    facets { types { value count } kinds { value count } years { value count } departments { value count } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const s = async (q: string, o: { filter?: object; first?: number; after?: string } = {}) => {
  const r = await api.gql(SEARCH, { q, ...o });
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data.search;
};

beforeAll(async () => {
  api = await startTestApi();
  const m = api.ds.manager;
  ids.many = (await buildDocument(m, { kind: DocumentKind.SOU, designation: "SOU 2020:8", year: 2020, title: "Starkare kommuner", department: "Finansdepartementet" })).id;
  ids.one = (await buildDocument(m, { kind: DocumentKind.DS, designation: "Ds 2021:12", year: 2021, title: "Annat", department: "Dep\\x" })).id;
  for (let i = 0; i < 6; i++) await buildDocument(m, { kind: DocumentKind.DIRECTIVE, year: 2019, title: `Orelaterat direktiv ${i}` });
  await buildInquiry(m, { name: "Någon utredning" });
  const pages = Array.from({ length: 10 }, (_, i) => `Sida ${i + 1}\n\nVindkraftsetableringen i kommunen diskuteras här.`).join("\f");
  await m.getRepository(DocumentText).save({ documentId: ids.many, sourceFormat: "text", content: pages, pageCount: 10, charCount: pages.length });
  await m.getRepository(DocumentText).save({ documentId: ids.one, sourceFormat: "text", content: "Vindkraft nämns en gång.", pageCount: 1, charCount: 10 });
  indexer = await startIndexer({ databaseUrl: api.databaseUrl, meiliUrl: api.search.url, apiKey: api.search.apiKey, index: api.search.index, pollMs: 100 });
  await indexer.idle({ timeoutMs: 60_000 });
}, 120_000);

afterAll(async () => {
  await indexer?.stop();
  await api?.stop();
});

it("E1 facets with distinct", async () => {
  const r = await s("vindkraft");
  console.log("E1", JSON.stringify({ total: r.totalHits, hits: r.hits.length, facets: r.facets }));
});

it("E2 degraded designation-only query", async () => {
  attachSearch(api.ds, new SearchService(api.ds, { url: "http://127.0.0.1:9", index: api.search.index }));
  try {
    const r = await s("sou 2020 8", { first: 100 });
    console.log("E2 degraded", JSON.stringify({ total: r.totalHits, n: r.hits.length, degraded: r.degraded }));
  } finally {
    attachSearch(api.ds, new SearchService(api.ds, api.search));
  }
  const r2 = await s("sou 2020 8", { first: 100 });
  console.log("E2 meili", JSON.stringify({ total: r2.totalHits, n: r2.hits.length }));
});

it("E3 pinned page size", async () => {
  const r = await s("sou 2020 8 vindkraft", { first: 1 });
  console.log("E3", JSON.stringify({ total: r.totalHits, n: r.hits.length, pageInfo: r.pageInfo, hits: r.hits }));
  const r0 = await s("sou 2020 8", { first: 1 });
  console.log("E3b", JSON.stringify({ total: r0.totalHits, n: r0.hits.length, pageInfo: r0.pageInfo }));
  let after = r0.pageInfo.endCursor;
  let pages = 1;
  let seen = r0.hits.length;
  while (after && pages < 10) {
    const p = await s("sou 2020 8", { first: 1, after });
    pages++;
    seen += p.hits.length;
    console.log("E3 page", pages, JSON.stringify({ n: p.hits.length, pageInfo: p.pageInfo }));
    if (!p.pageInfo.hasNextPage) break;
    after = p.pageInfo.endCursor;
  }
});

it("E4 backslash value", async () => {
  const r = await s("", { filter: { departments: ["Dep\\x"] } });
  console.log("E4", JSON.stringify({ total: r.totalHits, facets: r.facets.departments }));
  attachSearch(api.ds, new SearchService(api.ds, { url: "http://127.0.0.1:9", index: api.search.index }));
  try {
    const d = await s("", { filter: { departments: ["Dep\\x"] } });
    console.log("E4 degraded", JSON.stringify({ total: d.totalHits }));
  } finally {
    attachSearch(api.ds, new SearchService(api.ds, api.search));
  }
});
