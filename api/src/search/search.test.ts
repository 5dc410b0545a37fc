/**
 * Search through the real API, a real Meilisearch and the real indexer: Swedish analysis,
 * long documents, designations, filter injection, who sees what (hits, counts and facets),
 * and the PostgreSQL fallback when Meilisearch is unreachable.
 */
import { readFile } from "node:fs/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentKind, DocumentText, MemberInputStatus, ResponseKind, ResponseStatus, Role } from "@remissbanken/schema";
import { startIndexer, type RunningIndexer } from "@remissbanken/indexer";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import {
  buildDocument, buildInquiry, buildMemberInput, buildMunicipality, buildPriorityArea, buildResponse, buildUserWithToken,
} from "@remissbanken/test/factories";
import { attachSearch, createSearch } from "./search.service.js";
import { fixturePath } from "@remissbanken/test/fixtures";

let api: TestApi;
let indexer: RunningIndexer;
const tokens: Record<"staff" | "board" | "admin" | "memberA" | "memberB", string> = {} as never;
const ids: Record<string, string> = {};

const SEARCH = `query($q: String!, $filter: SearchFilter, $first: Int, $after: String) {
  search(query: $q, filter: $filter, first: $first, after: $after) {
    totalHits degraded designation
    hits { type id title snippet pinned passage { ordinal page section } node { __typename ... on Document { id designation } } }
    facets { types { value label count } kinds { value count } years { value count } departments { value count }
             priorityAreas { value label count } statuses { value label count } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function search(q: string, options: { token?: string; filter?: object; first?: number; after?: string } = {}) {
  const result = await api.gql(SEARCH, { q, filter: options.filter, first: options.first, after: options.after }, { token: options.token });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.search as {
    totalHits: number;
    degraded: boolean;
    designation: string | null;
    hits: Array<{ type: string; id: string; title: string; snippet: string; pinned: boolean; passage: { ordinal: number; page: number | null; section: string | null } }>;
    facets: Record<string, Array<{ value: string; label?: string; count: number }>>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const hitIds = (result: Awaited<ReturnType<typeof search>>) => result.hits.map((hit) => hit.id);
const facetTotal = (list: Array<{ count: number }>) => list.reduce((sum, entry) => sum + entry.count, 0);

const FILLER =
  "Regeringen bedömer att förslagen i betänkandet behöver analyseras vidare inom Regeringskansliet innan ställning tas. " +
  "Remissinstanserna har i huvudsak varit positiva men flera har efterfrågat tydligare konsekvensanalyser. ";

beforeAll(async () => {
  api = await startTestApi({ MAX_BODY_BYTES: String(20 * 1024 * 1024) });
  const m = api.ds.manager;
  const [a, b] = [await buildMunicipality(m, { name: "Tidaholm" }), await buildMunicipality(m, { name: "Mullsjö" })];
  tokens.staff = (await buildUserWithToken(m, { role: Role.STAFF })).token;
  tokens.board = (await buildUserWithToken(m, { role: Role.BOARD })).token;
  tokens.admin = (await buildUserWithToken(m, { role: Role.ADMIN })).token;
  tokens.memberA = (await buildUserWithToken(m, { role: Role.MEMBER, municipalityId: a.id })).token;
  tokens.memberB = (await buildUserWithToken(m, { role: Role.MEMBER, municipalityId: b.id })).token;
  const area = await buildPriorityArea(m, { name: "Bostadsförsörjning", year: 2021 });
  ids.area = area.id;

  ids.kommun = (await buildDocument(m, { kind: DocumentKind.SOU, designation: "SOU 2020:8", year: 2020, title: "Starkare kommuner – med kapacitet att klara välfärdsuppdraget" })).id;
  ids.strand = (await buildDocument(m, { kind: DocumentKind.SOU, designation: "SOU 2020:78", year: 2020, title: "Ett nytt regelverk", department: "Miljödepartementet" }, [area.id])).id;
  ids.bredband = (await buildDocument(m, { kind: DocumentKind.DS, designation: "Ds 2021:12", year: 2021, title: "Digital infrastruktur", department: "Infrastrukturdepartementet" })).id;
  ids.citing = (await buildDocument(m, { kind: DocumentKind.DIRECTIVE, designation: "Dir. 2021:5", year: 2021, title: "Tilläggsdirektiv", summary: "Utredaren ska beakta SOU 2020:8 och kommunernas kapacitet." })).id;
  ids.long = (await buildDocument(m, { kind: DocumentKind.SOU, designation: "SOU 2019:1", year: 2019, title: "En mycket lång utredning" })).id;
  ids.inquiry = (await buildInquiry(m, { name: "Strandskyddsutredningen", committeeDesignation: "M 2019:02", department: "Miljödepartementet", summary: "Utredningen ska se över strandskyddet." })).id;

  const attach = async (documentId: string, content: string) => {
    const result = await api.gql(
      `mutation($id: ID!, $content: String!) { attachDocumentText(documentId: $id, format: TEXT, content: $content) { id fullText { pageCount } } }`,
      { id: documentId, content },
      { token: tokens.staff },
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data.attachDocumentText.fullText.pageCount as number;
  };
  await attach(ids.kommun, `1 Inledning\n\n${FILLER}\fKommunernas kapacitet att klara välfärdsuppdraget varierar kraftigt.`);
  await attach(ids.strand, `3.2 Strandskydd\n\nStrandskyddsutredningen föreslår att strandskyddet i fjällen ses över. ${FILLER}`);
  await attach(ids.bredband, `Bredbandsutbyggnaden på landsbygden går långsamt. ${FILLER}`);
  // 800 pages; one word occurs only on the last one.
  const pages = Array.from({ length: 800 }, (_, i) => `Sida ${i + 1}\n\n${FILLER.repeat(6)}`);
  pages[799] += " Här nämns xylofonkvartetten en enda gång.";
  expect(await attach(ids.long, pages.join("\f"))).toBe(800);

  ids.published = (await buildResponse(m, { title: "Remissvar om strandskydd", status: ResponseStatus.SUBMITTED, sections: [{ heading: "Sammanfattning", body: "SmåKom tillstyrker att strandskyddet differentieras." }] }, )).id;
  ids.draft = (await buildResponse(m, { title: "Utkast om strandskydd", status: ResponseStatus.DRAFT, sections: [{ heading: "Sammanfattning", body: "Hemligt utkast om strandskyddet." }] })).id;
  ids.position = (await buildResponse(m, { kind: ResponseKind.POSITION, title: "Ställningstagande om strandskydd", status: ResponseStatus.FOR_APPROVAL, remissId: null })).id;
  ids.inputADraft = (await buildMemberInput(m, { municipalityId: a.id, status: MemberInputStatus.DRAFT, submittedAt: null, text: "Tidaholms utkast om strandskyddet vid Vättern." })).id;
  ids.inputA = (await buildMemberInput(m, { municipalityId: a.id, status: MemberInputStatus.SUBMITTED, text: "Tidaholm anser att strandskyddet hindrar byggande." })).id;
  ids.inputBDraft = (await buildMemberInput(m, { municipalityId: b.id, status: MemberInputStatus.DRAFT, submittedAt: null, text: "Mullsjös utkast om strandskyddet." })).id;
  ids.inputB = (await buildMemberInput(m, { municipalityId: b.id, status: MemberInputStatus.WITHDRAWN, text: "Mullsjö drog tillbaka sin synpunkt om strandskyddet." })).id;

  indexer = await startIndexer({ databaseUrl: api.databaseUrl, meiliUrl: api.search.url, apiKey: api.search.apiKey, index: api.search.index, pollMs: 100 });
  await indexer.idle({ timeoutMs: 110_000 });
}, 120_000);

afterAll(async () => {
  await indexer?.stop();
  await api?.stop();
});

describe("Swedish", () => {
  it("finds compounds by their parts and inflections by their base form", async () => {
    const strand = await search("strandskydd");
    expect(hitIds(strand)).toContain(ids.strand);
    expect(hitIds(strand)).toContain(ids.inquiry);
    expect(strand.hits.find((h) => h.id === ids.strand)!.snippet).toMatch(/<mark>Strandskyddsutredningen<\/mark>.*<mark>strandskyddet<\/mark>/);
    expect(hitIds(await search("strandskyddet"))).toContain(ids.strand);
    expect(hitIds(await search("bredband"))).toEqual([ids.bredband]);
    expect(hitIds(await search("kommun"))).toEqual(expect.arrayContaining([ids.kommun, ids.citing]));
    expect((await search("kommun")).hits.find((h) => h.id === ids.citing)!.snippet).toContain("<mark>kommunernas</mark>");
  });

  it("tolerates a typo", async () => {
    expect(hitIds(await search("utredninng"))).toContain(ids.strand);
  });

  it("keeps å, ä and ö as letters", async () => {
    expect(hitIds(await search("fjällen"))).toEqual([ids.strand]);
  });
});

describe("long documents", () => {
  it("finds a word on the last page of an 800-page report, with its page", async () => {
    const result = await search("xylofonkvartetten");
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]).toMatchObject({ id: ids.long, passage: { page: 800 } });
    expect(result.hits[0].snippet).toContain("<mark>xylofonkvartetten</mark>");
  });

  it("lists every matching passage of one document", async () => {
    const result = await api.gql(
      `query($id: ID!) { searchPassages(id: $id, query: "konsekvensanalyser", first: 5) { totalHits degraded hits { passage { page } snippet } pageInfo { hasNextPage } } }`,
      { id: ids.long },
    );
    expect(result.errors).toBeUndefined();
    const { totalHits, hits, pageInfo } = result.data.searchPassages;
    expect(totalHits).toBeGreaterThanOrEqual(800);
    expect(hits).toHaveLength(5);
    expect(pageInfo.hasNextPage).toBe(true);
    expect(new Set(hits.map((h: { passage: { page: number } }) => h.passage.page)).size).toBe(5);
  });

  it("inside a document, finds the page a hit showed when no page holds every word", async () => {
    // "kraftigt" is on page 2 only, "remissinstanserna" on page 1: search keeps the rarer word.
    const hit = (await search("kraftigt remissinstanserna")).hits.find((h) => h.id === ids.kommun);
    expect(hit?.passage.page).toBe(2);
    const inside = async (query: string) => {
      const result = await api.gql(`query($id: ID!, $q: String!) { searchPassages(id: $id, query: $q) { totalHits hits { passage { page } } } }`, { id: ids.kommun, q: query });
      expect(result.errors).toBeUndefined();
      return result.data.searchPassages.hits.map((h: { passage: { page: number } }) => h.passage.page);
    };
    expect(await inside("kraftigt remissinstanserna")).toEqual([2]);
    // A page holding every word is still the only answer: the words are not loosened then.
    expect(await inside("remissinstanserna konsekvensanalyser")).toEqual([1]);
  });

  it("gives one hit per document by default", async () => {
    const result = await search("konsekvensanalyser", { first: 100 });
    expect(new Set(hitIds(result)).size).toBe(result.hits.length);
    expect(result.totalHits).toBe(result.hits.length);
  });
});

describe("designations", () => {
  it("ranks the named document first however the designation is typed", async () => {
    for (const form of ["SOU 2020:8", "sou 2020 8", "SOU2020:8", "sou 2020:08"]) {
      const result = await search(form);
      expect(result.designation, form).toBe("SOU 2020:8");
      expect(result.hits[0], form).toMatchObject({ id: ids.kommun, pinned: true });
    }
    // The directive that cites it comes after.
    expect(hitIds(await search("sou 2020 8"))).toContain(ids.citing);
  });

  it("pages the pinned document as the first hit: every page holds `first` hits", async () => {
    const all = await search("sou 2020 8", { first: 100 });
    expect(all.totalHits).toBeGreaterThanOrEqual(2);
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < all.totalHits; page++) {
      const result = await search("sou 2020 8", { first: 1, after });
      expect(result.hits, `page ${page + 1}`).toHaveLength(1);
      expect(result.totalHits).toBe(all.totalHits);
      expect(result.pageInfo.hasNextPage).toBe(page + 1 < all.totalHits);
      seen.push(...hitIds(result));
      after = result.pageInfo.endCursor!;
    }
    expect(seen).toEqual(hitIds(all));
    expect(seen[0]).toBe(ids.kommun);
  });

  it("pages by page number as by cursor, and refuses a page out of range or with a cursor", async () => {
    const all = await search("sou 2020 8", { first: 100 });
    const byPage: string[] = [];
    for (let page = 1; page <= all.totalHits; page++) {
      const result = await api.gql(`query($q: String!, $page: Int) { search(query: $q, first: 1, page: $page) { hits { id } pageInfo { hasNextPage } } }`, { q: "sou 2020 8", page });
      expect(result.errors).toBeUndefined();
      expect(result.data.search.pageInfo.hasNextPage).toBe(page < all.totalHits);
      byPage.push(...result.data.search.hits.map((h: { id: string }) => h.id));
    }
    expect(byPage).toEqual(hitIds(all));
    const ask = (vars: Record<string, unknown>) => api.gql(`query($page: Int, $after: String) { search(query: "kommun", first: 10, page: $page, after: $after) { totalHits } }`, vars);
    for (const page of [0, -1, 1002]) expect(errorCode(await ask({ page })), String(page)).toBe("BAD_USER_INPUT");
    expect(errorCode(await ask({ page: 2, after: all.pageInfo.endCursor ?? "eyJvIjoxMH0" }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await ask({ page: 1001 }))).toBeUndefined();
  });

  it("pins within other words too", async () => {
    const result = await search("kapacitet sou 2020:8");
    expect(result.hits[0].id).toBe(ids.kommun);
  });
});

describe("filters", () => {
  it("filters by kind, year, department and priority area, with facets", async () => {
    expect(hitIds(await search("strandskydd", { filter: { kinds: ["sou"] } }))).toEqual([ids.strand]);
    expect(hitIds(await search("strandskydd", { filter: { priorityAreaIds: [ids.area] } }))).toEqual([ids.strand]);
    expect(hitIds(await search("", { filter: { years: [2021], types: ["DOCUMENT"] } })).sort()).toEqual([ids.bredband, ids.citing].sort());
    expect(hitIds(await search("", { filter: { departments: ["Infrastrukturdepartementet"] } }))).toEqual([ids.bredband]);
    const faceted = await search("strandskydd", { token: tokens.memberA });
    expect(faceted.facets.priorityAreas).toEqual([{ value: ids.area, label: "Bostadsförsörjning (2021)", count: 1 }]);
    // Priority areas need sign-in (decision 003): anonymous callers get no such facet.
    expect((await search("strandskydd")).facets.priorityAreas).toEqual([]);
    expect(faceted.facets.kinds).toEqual(expect.arrayContaining([{ value: "sou", count: 1 }]));
  });

  it("keeps quotes, backslashes and operator words in values as data", async () => {
    const attempts = [
      'Miljödepartementet" OR visibility = "staff_board',
      'x" OR type EXISTS OR department = "y',
      "\\",
      '\\" OR year > 0 OR "',
      "NOT EXISTS",
      "x) OR (year > 0",
      "2000 TO 3000",
    ];
    for (const value of attempts) {
      for (const filter of [{ departments: [value] }, { kinds: [value] }, { priorityAreaIds: [value] }]) {
        const result = await search("strandskydd", { filter, token: tokens.memberA });
        expect(result.hits, `${JSON.stringify(filter)}`).toEqual([]);
        expect(result.totalHits).toBe(0);
      }
    }
    const bad = await api.gql(SEARCH, { q: "x", filter: { statuses: ['draft" OR status = "submitted'] } });
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
  });

  it("pages with cursors", async () => {
    const first = await search("konsekvensanalyser", { first: 2 });
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search("konsekvensanalyser", { first: 2, after: first.pageInfo.endCursor! });
    expect(hitIds(second).some((id) => hitIds(first).includes(id))).toBe(false);
    const bad = await api.gql(SEARCH, { q: "x", after: "nonsense" });
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
  });
});

/** Who sees which of the strandskydd objects; the same for Meilisearch and the PostgreSQL fallback. */
function visibilityCases() {
  const publicIds = () => [ids.strand, ids.inquiry];
  return [
    { who: "anonymous", token: undefined, sees: () => publicIds(), never: () => [ids.published, ids.draft, ids.position, ids.inputA, ids.inputADraft, ids.inputB, ids.inputBDraft] },
    { who: "member of Tidaholm", token: "memberA", sees: () => [...publicIds(), ids.published, ids.inputA, ids.inputADraft], never: () => [ids.draft, ids.position, ids.inputB, ids.inputBDraft] },
    { who: "member of Mullsjö", token: "memberB", sees: () => [...publicIds(), ids.published, ids.inputB, ids.inputBDraft], never: () => [ids.draft, ids.position, ids.inputA, ids.inputADraft] },
    { who: "staff", token: "staff", sees: () => [...publicIds(), ids.published, ids.draft, ids.position, ids.inputA, ids.inputB], never: () => [ids.inputADraft, ids.inputBDraft] },
    { who: "board", token: "board", sees: () => [...publicIds(), ids.published, ids.draft, ids.position, ids.inputA, ids.inputB], never: () => [ids.inputADraft, ids.inputBDraft] },
    { who: "admin", token: "admin", sees: () => [...publicIds(), ids.published, ids.draft, ids.position, ids.inputA, ids.inputB], never: () => [ids.inputADraft, ids.inputBDraft] },
  ] as const;
}

async function expectVisibility(degraded: boolean) {
  for (const { who, token, sees, never } of visibilityCases()) {
    const result = await search("strandskydd", { token: token && tokens[token], first: 100 });
    expect(result.degraded, who).toBe(degraded);
    expect(hitIds(result).sort(), who).toEqual([...sees()].sort());
    for (const id of never()) expect(hitIds(result), who).not.toContain(id);
    // Counts tell nothing more than the hits: totals and every facet add up to what is shown.
    expect(result.totalHits, who).toBe(sees().length);
    expect(facetTotal(result.facets.types), who).toBe(sees().length);
    const shown = result.hits.filter((h) => h.type !== "DOCUMENT" && h.type !== "INQUIRY");
    const statusCount = facetTotal(result.facets.statuses);
    expect(statusCount, who).toBe(shown.length + 1 /* the inquiry's "ongoing" */);
    if (who !== "staff" && who !== "board" && who !== "admin") {
      expect(result.facets.statuses.map((s) => s.value), who).not.toContain("for_approval");
      if (who === "anonymous") expect(result.facets.types.map((t) => t.value).sort(), who).toEqual(["document", "inquiry"]);
    }
  }
}

describe("visibility", () => {
  it("shows, counts and facets only what each caller may open (Meilisearch)", async () => {
    await expectVisibility(false);
  });

  it("keeps a member's own drafts out of another municipality's snippets", async () => {
    const result = await search("Vättern", { token: tokens.memberB });
    expect(result.totalHits).toBe(0);
    expect(result.facets.types).toEqual([]);
    expect((await search("Vättern", { token: tokens.memberA })).hits.map((h) => h.id)).toEqual([ids.inputADraft]);
  });
});

describe("degraded mode", () => {
  it("answers from PostgreSQL with the same visibility when Meilisearch is unreachable", async () => {
    const designationOnly = await search("sou 2020 8", { first: 100 });
    attachSearch(api.ds, createSearch(api.ds, { url: "http://127.0.0.1:9", index: api.search.index }));
    try {
      await expectVisibility(true);
      const pinned = await search("sou 2020 8");
      expect(pinned.degraded).toBe(true);
      expect(pinned.hits[0]).toMatchObject({ id: ids.kommun, pinned: true });
      // Only the designation: the pinned document and the texts citing it, not every object.
      expect(designationOnly.degraded).toBe(false);
      expect((await search("sou 2020 8", { first: 100 })).totalHits).toBe(designationOnly.totalHits);
      expect(hitIds(await search("sou 2020 8", { first: 100 })).sort()).toEqual(hitIds(designationOnly).sort());
      const last = await search("xylofonkvartetten");
      expect(last.hits[0]).toMatchObject({ id: ids.long, passage: { page: 800 } });
      expect(last.hits[0].snippet).toContain("<mark>xylofonkvartetten</mark>");
      const injected = await search("strandskydd", { filter: { departments: ['x" OR 1=1 --'] } });
      expect(injected.totalHits).toBe(0);
    } finally {
      attachSearch(api.ds, createSearch(api.ds, api.search));
    }
  });
});

describe("degraded mode, one row per object", () => {
  const attach = (id: string, content: string) =>
    api.gql(`mutation($id: ID!, $content: String!) { attachDocumentText(documentId: $id, format: TEXT, content: $content) { id } }`, { id, content }, { token: tokens.staff });

  it("finds, ranks and forgets objects as their texts change, with the snippet from the matching page", async () => {
    const m = api.ds.manager;
    // Both mention "ålgräsängar"; only one says so in its title, the other on page 3 of its text, on every line.
    const titled = (await buildDocument(m, { kind: DocumentKind.SOU, designation: "SOU 2018:1", year: 2018, title: "Ålgräsängar längs kusten" })).id;
    const body = (await buildDocument(m, { kind: DocumentKind.SOU, designation: "SOU 2024:1", year: 2024, title: "Havsplanering" })).id;
    expect((await attach(body, `Inledning\fBakgrund\f${"Ålgräsängar och fjärilshåvar. ".repeat(40)}`)).errors).toBeUndefined();
    attachSearch(api.ds, createSearch(api.ds, { url: "http://127.0.0.1:9", index: api.search.index }));
    try {
      const found = await search("ålgräsängar");
      expect(found.degraded).toBe(true);
      expect(found.totalHits).toBe(2);
      expect(hitIds(found)).toEqual([titled, body]);
      expect(found.hits[1].passage.page).toBe(3);
      expect(found.hits[1].snippet).toContain("<mark>Ålgräsängar</mark>");
      // Words on different pages of one object: found, the object counted once.
      const spread = await search("bakgrund fjärilshåvar");
      expect(hitIds(spread)).toEqual([body]);

      // A new text without the word: the object is no longer found by it.
      expect((await attach(body, "Inledning\fBakgrund")).errors).toBeUndefined();
      expect(hitIds(await search("ålgräsängar"))).toEqual([titled]);
      expect(hitIds(await search("fjärilshåvar"))).toEqual([]);
      // Archived: gone from the fallback altogether.
      const archived = await api.gql(`mutation($id: ID!) { archiveDocument(id: $id) { id } }`, { id: titled }, { token: tokens.staff });
      expect(archived.errors).toBeUndefined();
      expect((await search("ålgräsängar")).totalHits).toBe(0);
      expect(await api.ds.query(`SELECT 1 FROM search_object WHERE entity_id = $1`, [titled])).toEqual([]);
    } finally {
      attachSearch(api.ds, createSearch(api.ds, api.search));
    }
  });
});

describe("the fallback's object rows under concurrent writes", () => {
  it("keep both of two transactions' changes to one object, whichever commits first", async () => {
    const contains = async (id: string, words: string[]) => {
      const [row] = await api.ds.query(
        `SELECT bool_and(o.terms @@ plainto_tsquery('swedish', w)) AS all FROM search_object o, unnest($2::text[]) w WHERE o.entity_id = $1 GROUP BY o.entity_id`,
        [id, words],
      );
      return row?.all ?? false;
    };
    for (const titleFirst of [true, false]) {
      const id = (await buildDocument(api.ds.manager, { kind: DocumentKind.SOU, title: "Havsmiljön" })).id;
      const title = new pg.Client({ connectionString: api.databaseUrl });
      const text = new pg.Client({ connectionString: api.databaseUrl });
      await Promise.all([title.connect(), text.connect()]);
      try {
        const [first, second] = titleFirst ? [title, text] : [text, title];
        const change = (client: pg.Client) =>
          client === title
            ? client.query(`UPDATE document SET title = 'Havsörnar och sjöfåglar' WHERE id = $1`, [id])
            : client.query(`INSERT INTO document_text (document_id, source_format, content, page_count, char_count) VALUES ($1, 'text', 'Tumlare i Östersjön.', 1, 20)`, [id]);
        await first.query("BEGIN");
        await change(first);
        const [{ pid }] = (await second.query(`SELECT pg_backend_pid() AS pid`)).rows;
        await second.query("BEGIN");
        const waiting = change(second);
        // The second waits for the first's lock on the object's row, then reads what it committed.
        await expect.poll(async () => (await api.ds.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid]))[0]?.wait_event_type).toBe("Lock");
        await first.query("COMMIT");
        await waiting;
        await second.query("COMMIT");
      } finally {
        await Promise.all([title.end(), text.end()]);
      }
      expect(await contains(id, ["havsörnar", "sjöfåglar", "tumlare", "östersjön"]), `title first: ${titleFirst}`).toBe(true);
    }
  });
});

describe("attachDocumentText", () => {
  const ATTACH = `mutation($id: ID!, $format: FullTextFormat!, $content: String!) { attachDocumentText(documentId: $id, format: $format, content: $content) { fullText { format pageCount } } }`;

  it("is for staff only", async () => {
    const variables = { id: ids.bredband, format: "TEXT", content: "x" };
    expect(errorCode(await api.gql(ATTACH, variables))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(ATTACH, variables, { token: tokens.memberA }))).toBe("FORBIDDEN");
  });

  it("reads a PDF with its pages, and writes nothing when extraction fails", async () => {
    const pdf = await readFile(fixturePath("regeringen", "regeringen-remissvar-sou-2026-14-kammarkollegiet-ferenda.pdf"));
    const doc = await buildDocument(api.ds.manager);
    const ok = await api.gql(ATTACH, { id: doc.id, format: "PDF", content: pdf.toString("base64") }, { token: tokens.staff });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.attachDocumentText.fullText).toEqual({ format: "PDF", pageCount: 1 });
    // A one-page PDF is still paged: its passages say page 1.
    const pages = await api.ds.query(`SELECT DISTINCT page FROM search_passage WHERE entity_id = $1 AND ordinal > 0`, [doc.id]);
    expect(pages).toEqual([{ page: 1 }]);

    const other = await buildDocument(api.ds.manager);
    for (const content of ["not base64 !!", Buffer.from("%PDF-1.7 broken").toString("base64"), Buffer.from("hello").toString("base64")]) {
      const result = await api.gql(ATTACH, { id: other.id, format: "PDF", content }, { token: tokens.staff });
      expect(errorCode(result), content).toBe("BAD_USER_INPUT");
    }
    expect(await api.ds.getRepository(DocumentText).countBy({ documentId: other.id })).toBe(0);
  });
});
