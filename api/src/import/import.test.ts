/**
 * "Add a remiss from its address" through GraphQL, against a local stand-in for
 * regeringen.se: a page imported and re-imported, addresses that must never be asked
 * refused before any request, pages that are not remisser refused with nothing written.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@remissbanken/schema";
import { errorCode, startTestApi, type TestApi } from "@remissbanken/test/harness";
import { rowCounts } from "@remissbanken/test/db";
import { buildUserWithToken } from "@remissbanken/test/factories";
import { REFERRAL_BODIES, REGERINGEN_PAGES, startRegeringenServer, type RegeringenServer } from "@remissbanken/test/regeringen-server";
import { remissPageAddress } from "./regeringen/remiss-from-url.js";

let regeringen: RegeringenServer;
let api: TestApi;
let staff: string;
let staffId: string;
let member: string;

beforeAll(async () => {
  regeringen = await startRegeringenServer();
  api = await startTestApi({ REGERINGEN_BASE_URL: regeringen.base });
  ({ token: staff, user: { id: staffId } } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF }));
  member = (await buildUserWithToken(api.ds.manager, { role: Role.MEMBER })).token;
});
afterAll(async () => {
  await api?.stop();
  await regeringen?.stop();
});

const IMPORT = `mutation($url: String!) {
  importRemissFromUrl(url: $url) { created remiss { id diarienummer ministry deadline sourceUrl document { designation title } } }
}`;

describe("adding a remiss from its address", () => {
  it("imports a remiss page with its report, and a second time finds it there", async () => {
    const url = `${regeringen.base}${REGERINGEN_PAGES.open}`;
    const first = await api.gql(IMPORT, { url }, { token: staff });
    expect(first.errors).toBeUndefined();
    expect(first.data.importRemissFromUrl).toMatchObject({
      created: true,
      remiss: { diarienummer: null, ministry: "Justitiedepartementet", deadline: "2026-10-30", sourceUrl: url, document: { designation: "Ds 2026:15", title: "Gäldenärens avtal i konkurs" } },
    });
    const again = await api.gql(IMPORT, { url: `  ${url}#remissinstanser ` }, { token: staff });
    expect(again.errors).toBeUndefined();
    expect(again.data.importRemissFromUrl).toMatchObject({ created: false, remiss: { id: first.data.importRemissFromUrl.remiss.id } });
    // The audit log names the staff member who asked for the import.
    const rows: { actor_id: string | null }[] = await api.ds.query(`SELECT actor_id FROM audit_log WHERE entity_id = $1`, [first.data.importRemissFromUrl.remiss.id]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.actor_id === staffId)).toBe(true);
  });

  it("refuses every address that is not a remiss page of regeringen.se, before asking anything", async () => {
    const before = await rowCounts(api.ds);
    const asked = regeringen.requests.length;
    const port = new URL(regeringen.base).port;
    for (const url of [
      "http://127.0.0.1/remisser/x",
      `http://127.0.0.1:${Number(port) + 1}/remisser/x`,
      `${regeringen.base}/`,
      `${regeringen.base}/remisser/`,
      `${regeringen.base}/pressmeddelanden/2026/01/x/`,
      `http://user:pass@127.0.0.1:${port}/remisser/x`,
      "file:///etc/passwd",
      "https://evil.example/remisser/x",
      "https://www.regeringen.se/remisser/2026/04/x/",
      "javascript:alert(1)",
      "inte en adress",
      `${regeringen.base}/remisser/${"x".repeat(3000)}`,
    ]) {
      const result = await api.gql(IMPORT, { url }, { token: staff });
      expect(errorCode(result), url).toBe("BAD_USER_INPUT");
      expect(result.errors![0].extensions!.reason, url).toBe("SOURCE_NOT_ALLOWED");
      expect(result.errors![0].message).toMatch(/^Only remiss pages of 127\.0\.0\.1 can be added/);
    }
    expect(regeringen.requests.length).toBe(asked);
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("says why a page cannot be added and writes nothing but the failed runs", async () => {
    const before = await rowCounts(api.ds);
    const [{ lastRun }] = await api.ds.query(`SELECT coalesce(max(started_at), '-infinity') AS "lastRun" FROM import_run`);
    const notARemiss = await api.gql(IMPORT, { url: `${regeringen.base}${REGERINGEN_PAGES.notARemiss}` }, { token: staff });
    expect(errorCode(notARemiss)).toBe("BAD_USER_INPUT");
    expect(notARemiss.errors![0].extensions!.reason).toBe("NOT_A_REMISS_PAGE");
    expect(notARemiss.errors![0].message).toMatch(/is not a remiss page from regeringen\.se/);

    const missing = await api.gql(IMPORT, { url: `${regeringen.base}${REGERINGEN_PAGES.missing}` }, { token: staff });
    expect(missing.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "NOT_A_REMISS_PAGE" });
    expect(missing.errors![0].message).toMatch(/does not exist \(404\)/);

    const huge = await api.gql(IMPORT, { url: `${regeringen.base}${REGERINGEN_PAGES.huge}` }, { token: staff });
    expect(huge.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "NOT_A_REMISS_PAGE" });
    expect(huge.errors![0].message).toMatch(/answered with more than 5120 kB; not read/);

    // A redirect to another host is not followed.
    const asked = regeringen.requests.length;
    const moved = await api.gql(IMPORT, { url: `${regeringen.base}${REGERINGEN_PAGES.elsewhere}` }, { token: staff });
    expect(moved.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "SOURCE_NOT_ALLOWED" });
    expect(moved.errors![0].message).toMatch(/redirects to https:\/\/evil\.example, which is not followed/);
    expect(regeringen.requests.length).toBe(asked + 1);
    // Each page was asked for, so each is a run, recorded as failed with its reason for /admin/importer
    // (README "Import runs"), and audited as the staff member's; nothing else is written.
    const runs: { status: string; error: string }[] = await api.ds.query(
      `SELECT status, error FROM import_run WHERE started_at > $1 ORDER BY started_at`, [lastRun],
    );
    expect(runs.map((run) => run.status)).toEqual(["failed", "failed", "failed", "failed"]);
    expect(runs[3].error).toMatch(/redirects to https:\/\/evil\.example/);
    const audited: { entity_type: string }[] = await api.ds.query(`SELECT DISTINCT entity_type FROM audit_log WHERE action = 'importRemissFromUrl'`);
    expect(audited).toEqual([{ entity_type: "ImportRun" }]);
    expect(await rowCounts(api.ds)).toEqual({ ...before, import_run: before.import_run + 4, audit_log: before.audit_log + 4 });
  });

  it("is for staff: members are refused and nothing is asked", async () => {
    const asked = regeringen.requests.length;
    const result = await api.gql(IMPORT, { url: `${regeringen.base}${REGERINGEN_PAGES.closed}` }, { token: member });
    expect(errorCode(result)).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(IMPORT, { url: `${regeringen.base}${REGERINGEN_PAGES.closed}` }))).toBe("UNAUTHENTICATED");
    expect(regeringen.requests.length).toBe(asked);
  });
});

describe("the record of import runs", () => {
  const RUNS = `query($first: Int, $source: ImportSource) {
    importRuns(first: $first, source: $source) { source trigger status added updated unchanged failed failures { item reason } error startedAt finishedAt startedBy { id } options }
  }`;

  it("lists staff's imports from a link newest first, who asked, and why one failed; refused addresses are no run", async () => {
    await api.gql(IMPORT, { url: `${regeringen.base}${REGERINGEN_PAGES.closed}` }, { token: staff });
    await api.gql(IMPORT, { url: `${regeringen.base}${REGERINGEN_PAGES.notARemiss}` }, { token: staff });
    await api.gql(IMPORT, { url: "https://evil.example/remisser/x" }, { token: staff });
    const result = await api.gql(RUNS, { first: 2, source: "REGERINGEN" }, { token: staff });
    expect(result.errors).toBeUndefined();
    const [failed, succeeded] = result.data.importRuns;
    expect(failed).toMatchObject({
      source: "REGERINGEN", trigger: "WEB", status: "FAILED", startedBy: { id: staffId },
      error: expect.stringMatching(/is not a remiss page from regeringen\.se/),
      options: { addresses: [`${regeringen.base}${REGERINGEN_PAGES.notARemiss}`] },
    });
    expect(succeeded).toMatchObject({ trigger: "WEB", status: "SUCCEEDED", failed: 0, failures: [], error: null, startedBy: { id: staffId } });
    expect(succeeded.added + succeeded.updated + succeeded.unchanged).toBe(1);
    expect(Date.parse(succeeded.finishedAt)).toBeGreaterThanOrEqual(Date.parse(succeeded.startedAt));
    expect((await api.gql(RUNS, { source: "RIKSDAGEN" }, { token: staff })).data.importRuns).toEqual([]);
  });

  it("is for staff only", async () => {
    const board = (await buildUserWithToken(api.ds.manager, { role: Role.BOARD })).token;
    expect(errorCode(await api.gql(RUNS, {}, { token: member }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(RUNS, {}, { token: board }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(RUNS, {}))).toBe("UNAUTHENTICATED");
  });
});

describe("the responses published on a remiss page, and its remissinstanser as a PDF", () => {
  it("are stored with the remiss and shown to whoever may read it", async () => {
    const imported = await api.gql(IMPORT, { url: `${regeringen.base}${REGERINGEN_PAGES.closed}` }, { token: staff });
    const id = imported.data.importRemissFromUrl.remiss.id;
    const result = await api.gql(`query($id: ID) { remiss(id: $id) { referralBodies smakomIsReferralBody publishedResponses { organisation url } } }`, { id }, { token: member });
    expect(result.errors).toBeUndefined();
    const published = result.data.remiss.publishedResponses;
    expect(published).toHaveLength(17);
    expect(published).toContainEqual({ organisation: "Kammarkollegiet", url: expect.stringMatching(/kammarkollegiet\.pdf$/) });
    // The page gives the remissinstanser only as a PDF: read from it, SmåKom among them.
    expect(result.data.remiss).toMatchObject({ referralBodies: REFERRAL_BODIES, smakomIsReferralBody: true });
  });
});

describe("which addresses may be asked", () => {
  it("takes regeringen.se with or without www and always asks the configured site", () => {
    const base = "https://www.regeringen.se";
    expect(remissPageAddress("https://regeringen.se/remisser/2026/04/a/?x=1#y", base)).toBe("https://www.regeringen.se/remisser/2026/04/a/?x=1");
    expect(remissPageAddress(" https://www.regeringen.se/remisser/2026/04/a/ ", base)).toBe("https://www.regeringen.se/remisser/2026/04/a/");
    for (const url of ["http://www.regeringen.se/remisser/a/", "https://www.regeringen.se:8443/remisser/a/", "https://www.regeringen.se.evil.example/remisser/a/", "https://evilregeringen.se/remisser/a/"]) {
      expect(() => remissPageAddress(url, base), url).toThrow(/Only remiss pages of www\.regeringen\.se/);
    }
  });
});
