/**
 * Search under faults: a query no engine can take must not send everyone to the
 * fallback, and a hanging Meilisearch must not make people wait for it, one search after
 * another, while it is down. The engine is the real one behind a TCP relay that can hold
 * traffic, which is what a stopped (SIGSTOP) Meilisearch looks like from the API.
 */
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentKind } from "@remissbanken/schema";
import { EngineApiError, EngineUnavailableError, isOutage, startIndexer, type RunningIndexer } from "@remissbanken/indexer";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { buildDocument } from "@remissbanken/test/factories";
import { attachSearch, createSearch } from "./search.service.js";

let api: TestApi;
let indexer: RunningIndexer;

beforeAll(async () => {
  api = await startTestApi();
  await buildDocument(api.ds.manager, { kind: DocumentKind.SOU, designation: "SOU 2020:78", year: 2020, title: "Ett nytt strandskydd", department: "Miljödepartementet" });
  indexer = await startIndexer({ databaseUrl: api.databaseUrl, meiliUrl: api.search.url, apiKey: api.search.apiKey, index: api.search.index, pollMs: 100 });
  await indexer.idle({ timeoutMs: 110_000 });
});
afterAll(async () => {
  await indexer?.stop();
  await api?.stop();
});

const SEARCH = `query($q: String!, $filter: SearchFilter) { search(query: $q, filter: $filter) { totalHits degraded hits { id } } }`;
const PASSAGES = `query($id: ID!, $q: String!) { searchPassages(id: $id, query: $q) { degraded } }`;

async function search(q: string, filter?: object): Promise<{ totalHits: number; degraded: boolean }> {
  const result = await api.gql(SEARCH, { q, filter });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.search;
}

/** A relay to Meilisearch that can hold every byte in both directions, and counts the requests it sees. */
async function startRelay(target: string) {
  const { hostname, port } = new URL(target);
  const held: (() => void)[] = [];
  const seen: string[] = [];
  let holding = false;
  const relay = (from: net.Socket, to: net.Socket, requests: boolean) => {
    from.on("data", (chunk: Buffer) => {
      if (requests) {
        const line = /^(GET|POST|PUT|DELETE|PATCH) (\S+)/.exec(chunk.toString("latin1"));
        if (line) seen.push(`${line[1]} ${line[2]}`);
      }
      if (holding) held.push(() => to.write(chunk));
      else to.write(chunk);
    });
    from.on("close", () => to.destroy());
    from.on("error", () => to.destroy());
  };
  const server = net.createServer((client) => {
    const engine = net.connect(Number(port), hostname);
    relay(client, engine, true);
    relay(engine, client, false);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}`,
    seen,
    hold: () => (holding = true),
    release: () => {
      holding = false;
      for (const write of held.splice(0)) write();
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe("search under faults", () => {
  it("takes a query or filter with a lone surrogate without calling it an outage", async () => {
    expect((await search("strandskydd")).degraded).toBe(false);
    const odd = await search("strandskydd \ud800");
    expect(odd.degraded).toBe(false);
    expect(odd.totalHits).toBe(1);
    expect((await search("strandskydd", { departments: ["Miljö\udfffdepartementet"] })).degraded).toBe(false);
    const [{ id }] = await api.ds.query(`SELECT id FROM document WHERE designation = 'SOU 2020:78'`);
    const passages = await api.gql(PASSAGES, { id, q: "\udc00strand" });
    expect(passages.errors).toBeUndefined();
    expect(passages.data.searchPassages.degraded).toBe(false);
    // Everyone else is still served by the engine.
    expect((await search("strandskydd")).degraded).toBe(false);
  });

  it("searches a NUL or another control character as a space, in Meilisearch and in PostgreSQL alike", async () => {
    const [{ id }] = await api.ds.query(`SELECT id FROM document WHERE designation = 'SOU 2020:78'`);
    const both = async (degraded: boolean) => {
      const answer = await search("strandskydd\u0000\u0007");
      expect(answer).toMatchObject({ totalHits: 1, degraded });
      expect((await search("strandskydd", { departments: ["Miljö\u0000departementet"] })).degraded).toBe(degraded);
      const passages = await api.gql(PASSAGES, { id, q: "\u0000strandskydd" });
      expect(passages.errors, JSON.stringify(passages.errors)).toBeUndefined();
      expect(passages.data.searchPassages.degraded).toBe(degraded);
    };
    await both(false);
    // No engine: PostgreSQL answers, and would refuse a NUL in its query.
    attachSearch(api.ds, createSearch(api.ds, null));
    try {
      await both(true);
    } finally {
      attachSearch(api.ds, createSearch(api.ds, api.search));
    }
  });

  it("counts only a failure of the engine itself as an outage", () => {
    expect(isOutage(new EngineUnavailableError("timeout"))).toBe(true);
    expect(isOutage(new EngineApiError("boom", 500, "internal", "internal"))).toBe(true);
    expect(isOutage(new EngineApiError("no index", 404, "index_not_found", "invalid_request"))).toBe(true);
    expect(isOutage(new EngineApiError("bad json", 400, "bad_request", "invalid_request"))).toBe(false);
    expect(isOutage(new EngineApiError("bad filter", 400, "invalid_search_filter", "invalid_request"))).toBe(false);
  });

  it("while Meilisearch hangs, waits for it once (not for its timeout), then answers from PostgreSQL and probes in the background until it is back", async () => {
    const relay = await startRelay(api.search.url);
    // A request timeout longer than the test's own: only the health check can end the wait.
    const service = createSearch(api.ds, { ...api.search, url: relay.url }, undefined, { timeoutMs: 600_000, retryAfterMs: 100, hedgeAfterMs: 200 });
    attachSearch(api.ds, service);
    try {
      expect((await search("strandskydd")).degraded).toBe(false);
      expect(await service.engineAvailable()).toBe(true);
      relay.hold();
      const searchesBefore = relay.seen.filter((r) => !r.endsWith("/health")).length;

      // The first search after the engine stopped waits until its health check fails too, then falls back.
      expect((await search("strandskydd")).degraded).toBe(true);
      // The search status says so at once, without asking the hanging engine.
      expect(await service.engineAvailable()).toBe(false);
      // Those after it do not reach the engine at all: PostgreSQL answers while a probe runs.
      for (let i = 0; i < 5; i++) {
        const answer = await search("strandskydd");
        expect(answer).toEqual({ totalHits: 1, degraded: true, hits: expect.any(Array) });
      }
      const probes = () => relay.seen.filter((r) => r.endsWith("/health")).length;
      const engineSearches = () => relay.seen.filter((r) => !r.endsWith("/health")).length;
      expect(engineSearches()).toBe(searchesBefore + 1);
      // Probes go on in the background, one after another; searches meanwhile still skip the engine.
      await expect.poll(async () => (await search("strandskydd"), probes()), { timeout: 20_000, interval: 50 }).toBeGreaterThan(1);
      expect(engineSearches()).toBe(searchesBefore + 1);

      // Back: a later probe sees it, and searches use the engine again.
      relay.release();
      await expect.poll(async () => (await search("strandskydd")).degraded, { timeout: 20_000, interval: 100 }).toBe(false);
    } finally {
      relay.release();
      await service.settled();
      attachSearch(api.ds, createSearch(api.ds, api.search));
      await relay.close();
    }
  });
});
