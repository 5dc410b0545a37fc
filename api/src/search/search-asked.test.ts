/**
 * How people ask, through GraphQL over HTTP with the real indexer and Meilisearch, and again
 * from the PostgreSQL fallback: the thesaurus staff edit (no reindex), a question in plain
 * Swedish, and the board's "vad har vi sagt om …" with SmåKom's own responses first and the
 * same visibility as any search.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentKind, ResponseKind, ResponseStatus, Role } from "@remissbanken/schema";
import { startIndexer, type RunningIndexer } from "@remissbanken/indexer";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { buildDocument, buildMunicipality, buildResponse, buildUserWithToken } from "@remissbanken/test/factories";
import { attachSearch, createSearch } from "./search.service.js";

let api: TestApi;
let indexer: RunningIndexer;
let staff: string;
let member: string;
const ids: Record<string, string> = {};

const SEARCH = `query($q: String!) { search(query: $q, first: 10) { totalHits degraded hits { type id title } } }`;

async function search(q: string, token?: string) {
  const result = await api.gql(SEARCH, { q }, { token });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.search as { totalHits: number; degraded: boolean; hits: Array<{ type: string; id: string; title: string }> };
}
const found = async (q: string, token?: string) => (await search(q, token)).hits.map((hit) => hit.id);

/** Runs `check` against Meilisearch, then against the PostgreSQL fallback. */
async function inBothEngines(check: (degraded: boolean) => Promise<void>) {
  await check(false);
  attachSearch(api.ds, createSearch(api.ds, { url: "http://127.0.0.1:9", index: api.search.index }));
  try {
    await check(true);
  } finally {
    attachSearch(api.ds, createSearch(api.ds, api.search));
  }
}

beforeAll(async () => {
  api = await startTestApi();
  const m = api.ds.manager;
  staff = (await buildUserWithToken(m, { role: Role.STAFF })).token;
  const forshaga = await buildMunicipality(m, { name: "Forshaga" });
  member = (await buildUserWithToken(m, { role: Role.MEMBER, municipalityId: forshaga.id })).token;

  const doc = (designation: string, title: string, summary: string) =>
    buildDocument(m, { kind: DocumentKind.SOU, designation, year: 2025, title, summary }).then((d) => d.id);
  ids.valfrihet = await doc("SOU 2025:1", "Valfrihet i omsorgen", "Kommunerna får själva avgöra om lagen om valfrihetssystem ska tillämpas.");
  ids.hemtjanst = await doc("SOU 2025:2", "Omsorg i hela landet", "Hemtjänsten i glesbygden har långa restider mellan brukarna.");
  ids.utredning = await doc("SOU 2025:3", "Utredningens uppdrag", "Utredningen ska enligt direktiven säga något om kommunernas ekonomi.");
  ids.strandDoc = await doc("SOU 2025:4", "Strandskydd i förändring", "Strandskyddet ska differentieras. Strandskyddet i fjällen och strandskyddet vid kusten.");
  ids.published = (await buildResponse(m, {
    title: "Remissvar om landsbygdens stränder", status: ResponseStatus.SUBMITTED,
    sections: [{ heading: "Sammanfattning", body: "SmåKom tillstyrker att strandskyddet differentieras." }],
  })).id;
  ids.draft = (await buildResponse(m, {
    kind: ResponseKind.POSITION, title: "Utkast om stränder", status: ResponseStatus.DRAFT, remissId: null,
    sections: [{ heading: "Ställningstagande", body: "Ett hemligt utkast om strandskyddet." }],
  })).id;

  indexer = await startIndexer({ databaseUrl: api.databaseUrl, meiliUrl: api.search.url, apiKey: api.search.apiKey, index: api.search.index, pollMs: 100 });
  await indexer.idle({ timeoutMs: 60_000 });
}, 120_000);

afterAll(async () => {
  await indexer?.stop();
  await api?.stop();
});

describe("the thesaurus", () => {
  it("finds through a group staff add and then edit, without reindexing, in Meilisearch and in the fallback", async () => {
    expect(await found("LOV")).not.toContain(ids.valfrihet);
    const added = await api.gql(
      `mutation($input: AddSynonymGroupInput!) { addSynonymGroup(input: $input) { id version } }`,
      { input: { phrases: ["LOV", "lagen om valfrihetssystem"] } },
      { token: staff },
    );
    expect(added.errors).toBeUndefined();
    // The indexer applies the change as Meilisearch settings; nothing is reindexed.
    await expect.poll(() => found("LOV"), { timeout: 20_000 }).toContain(ids.valfrihet);

    const { id, version } = added.data.addSynonymGroup;
    const edited = await api.gql(
      `mutation($input: UpdateSynonymGroupInput!) { updateSynonymGroup(input: $input) { version } }`,
      { input: { id, expectedVersion: version, phrases: ["LOV", "lagen om valfrihetssystem", "valfrihetslagen"] } },
      { token: staff },
    );
    expect(edited.errors).toBeUndefined();
    await expect.poll(() => found("valfrihetslagen"), { timeout: 20_000 }).toContain(ids.valfrihet);

    await inBothEngines(async (degraded) => {
      for (const q of ["LOV", "valfrihetslagen", "vad gäller för LOV?"]) {
        const result = await search(q);
        expect(result.degraded, q).toBe(degraded);
        expect(result.hits[0]?.id, `${q} (degraded: ${degraded})`).toBe(ids.valfrihet);
      }
    });
  });

  it("applies the shipped defaults, abbreviations with å, ä and ö included", async () => {
    const id = await buildDocument(api.ds.manager, {
      kind: DocumentKind.DS, designation: "Ds 2025:9", year: 2025, title: "Krisberedskap", summary: "Myndigheten för samhällsskydd och beredskap stödjer kommunerna.",
    }).then((d) => d.id);
    await indexer.idle();
    await inBothEngines(async () => {
      expect(await found("MSB")).toContain(id);
    });
  });
});

describe("questions", () => {
  it("lets the words that matter decide, not the question around them", async () => {
    await inBothEngines(async (degraded) => {
      const result = await search("Vad säger utredningen om hemtjänst i glesbygd?");
      expect(result.hits[0]?.id, `degraded: ${degraded}`).toBe(ids.hemtjanst);
      expect(result.hits.map((hit) => hit.id)).not.toContain(ids.utredning);
    });
  });
});

describe("the board's own question", () => {
  it("puts SmåKom's own responses first, within the same visibility as any search", async () => {
    await inBothEngines(async (degraded) => {
      // Staff see the draft position too; both come before the report that says strandskydd most.
      const forStaff = await search("vad har vi sagt om strandskydd?", staff);
      expect(forStaff.hits.slice(0, 2).map((hit) => hit.id).sort(), `degraded: ${degraded}`).toEqual([ids.published, ids.draft].sort());
      expect(forStaff.hits.map((hit) => hit.id)).toContain(ids.strandDoc);
      expect(forStaff.totalHits).toBe(forStaff.hits.length);

      const forMember = await search("Vår hållning till strandskyddet", member);
      expect(forMember.hits[0]?.id).toBe(ids.published);
      expect(forMember.hits.map((hit) => hit.id)).not.toContain(ids.draft);
      expect(forMember.totalHits).toBe(forMember.hits.length);

      // Anonymous callers see no responses at all: the documents still answer.
      const anonymous = await search("tycker SmåKom att strandskyddet ska differentieras?");
      expect(anonymous.hits.map((hit) => hit.type)).not.toContain("RESPONSE");
      expect(anonymous.hits.map((hit) => hit.id)).toContain(ids.strandDoc);
    });
  });

  it("costs little more than the plain query (printed, for docs/search.md)", async () => {
    const median = async (q: string) => {
      const times: number[] = [];
      for (let i = 0; i < 30; i++) {
        const started = performance.now();
        await search(q, staff);
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[15];
    };
    await median("strandskydd");
    const plain = await median("strandskydd");
    const own = await median("vad har vi sagt om strandskydd?");
    console.log(`search through GraphQL, median of 30: "strandskydd" ${plain.toFixed(1)} ms, "vad har vi sagt om strandskydd?" ${own.toFixed(1)} ms`);
    expect(own).toBeLessThan(plain * 3 + 20);
  });
});
