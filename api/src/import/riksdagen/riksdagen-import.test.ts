/**
 * The Riksdagen import into a real database: saved responses through the command's own code
 * and through the command itself, every field checked, re-runs that change nothing, staff's
 * additions kept, and the live service played by a local server with paging, a 500, a 429 with
 * Retry-After and a slow answer.
 */
import fs from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { createDataSource, Document, DocumentKind, DocumentText, Inquiry } from "@remissbanken/schema";
import { createTestDatabase } from "@remissbanken/test/harness";
import { rowCounts } from "@remissbanken/test/db";
import { fixturePath } from "@remissbanken/test/fixtures";
import { runCommand } from "@remissbanken/test/command";
import { buildInquiry, buildPriorityArea } from "@remissbanken/test/factories";
import { createDocument } from "../../document/document.service.js";
import { createHttpClient, HttpError, retryAfterMs } from "../http-client.js";
import { runRiksdagenImport } from "./riksdagen-import.js";

const own = (name: string) => path.join(import.meta.dirname, "fixtures", name);
const shared = (name: string) => fixturePath("riksdagen", name);
const FILES = [
  shared("riksdagen-dokumentlista-bet-page1-ferenda.json"),
  shared("riksdagen-dokumentlista-bet-page2-ferenda.json"),
  shared("riksdagen-dokumentlista-sfs-swegov-opendata-rs.json"),
  own("dokumentlista-sou-dir-ds-prop.json"),
  own("dokumentlista-single-object.json"),
];

let databaseUrl: string;
let ds: DataSource;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  ds = createDataSource(databaseUrl);
  await ds.initialize();
});

afterAll(async () => {
  await ds?.destroy();
});

const documentByKey = (externalId: string) => ds.getRepository(Document).findOneByOrFail({ externalId });

describe("importing saved dokumentlista files", () => {
  it("adds every document with every field, skips what is not ours, and a re-run changes nothing", async () => {
    const first = await runRiksdagenImport(ds, { files: FILES });
    expect(first.failed).toEqual([]);
    expect(first.added.map((a) => a.key).sort()).toEqual(
      ["HB03150", "HC0320", "HC0321", "HCB112", "HCB141", "HCC37", "HD01JuU45", "HD01JuU47", "HD01KU45", "HE01FiU8"].sort(),
    );
    // 20 SFS, one web page, one SOU with a committee report's number, one motion.
    expect(first.skipped).toHaveLength(23);

    const sou = await documentByKey("HC0320");
    expect(sou).toMatchObject({
      kind: DocumentKind.SOU,
      designation: "SOU 2024:20",
      year: 2024,
      title: "Kommunal ekonomi & utjämning – en översyn",
      subtitle: "Betänkande av Utredningen om kommunal ekonomi",
      department: "Finansdepartementet",
      publishedAt: "2024-03-15",
      sourceUrl: "https://data.riksdagen.se/dokument/HC0320.html",
      summary: "Utredningen föreslår ett nytt utjämningssystem…",
      inquiryId: null,
      archivedAt: null,
    });
    expect(await documentByKey("HCB141")).toMatchObject({ kind: DocumentKind.SUPPLEMENTARY_DIRECTIVE, designation: "Dir. 2024:41" });
    expect(await documentByKey("HB03150")).toMatchObject({ kind: DocumentKind.PROPOSITION, designation: "Prop. 2023/24:150", year: 2023 });
    expect(await documentByKey("HD01KU45")).toMatchObject({ kind: DocumentKind.COMMITTEE_REPORT, designation: "2025/26:KU45", department: "KU" });

    // Search and the audit log follow: an outbox event and an audit row per document.
    const [{ events }] = await ds.query(`SELECT count(*)::int AS events FROM change_event WHERE entity = 'document' AND entity_id = $1`, [sou.id]);
    expect(events).toBeGreaterThan(0);
    const [{ audited }] = await ds.query(`SELECT count(*)::int AS audited FROM audit_log WHERE action = 'importRiksdagen' AND entity_id = $1`, [sou.id]);
    expect(audited).toBeGreaterThan(0);

    const before = await rowCounts(ds);
    const versions = await ds.query(`SELECT id, version, updated_at FROM document ORDER BY id`);
    const again = await runRiksdagenImport(ds, { files: FILES });
    expect(again.added).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toHaveLength(10);
    expect(await rowCounts(ds)).toEqual(before);
    expect(await ds.query(`SELECT id, version, updated_at FROM document ORDER BY id`)).toEqual(versions);
  });

  it("updates what the source changed and keeps staff's priority areas and inquiry", async () => {
    await runRiksdagenImport(ds, { files: [own("dokumentlista-single-object.json")] });
    const document = await documentByKey("HC0321");
    const area = await buildPriorityArea(ds.manager);
    const inquiry = await buildInquiry(ds.manager);
    await ds.query(`INSERT INTO document_priority_area (document_id, priority_area_id) VALUES ($1, $2)`, [document.id, area.id]);
    await ds.getRepository(Document).update(document.id, { inquiryId: inquiry.id });

    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "riksdagen-"));
    const changed = (await fs.readFile(own("dokumentlista-single-object.json"), "utf8")).replace("&quot;och&quot;", "och");
    await fs.writeFile(path.join(dir, "changed.json"), changed);
    const summary = await runRiksdagenImport(ds, { files: [path.join(dir, "changed.json")] });
    expect(summary.updated).toEqual([{ key: "HC0321", label: "SOU 2024:21 Kommunernas planering för vatten och avlopp", reason: "changed title" }]);

    const after = await documentByKey("HC0321");
    expect(after).toMatchObject({ title: "Kommunernas planering för vatten och avlopp", inquiryId: inquiry.id });
    const links = await ds.query(`SELECT priority_area_id FROM document_priority_area WHERE document_id = $1`, [document.id]);
    expect(links).toEqual([{ priority_area_id: area.id }]);
  });

  it("adopts a document staff typed in by its designation instead of duplicating it", async () => {
    await ds.query(`DELETE FROM document WHERE external_id = 'HCC37'`);
    const staffs = await createDocument(ds.manager, { kind: DocumentKind.DS, designation: "ds 2024 7", title: "Kommunal borgen" });
    const summary = await runRiksdagenImport(ds, { files: [own("dokumentlista-sou-dir-ds-prop.json")] });
    expect(summary.updated.map((u) => [u.key, u.reason])).toEqual([
      ["HCC37", "changed title, department, publishedAt, sourceUrl; linked to the source's HCC37"],
    ]);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM document WHERE designation = 'Ds 2024:7'`);
    expect(count).toBe(1);
    expect((await documentByKey("HCC37")).id).toBe(staffs.id);
  });

  it("reports a truncated or missing file and goes on with the others, writing nothing from it", async () => {
    const before = await rowCounts(ds);
    const summary = await runRiksdagenImport(ds, { files: [own("dokumentlista-truncated.json"), "/no/such.json", shared("riksdagen-dokumentlista-bet-page2-ferenda.json")] });
    expect(summary.failed).toEqual([
      { key: own("dokumentlista-truncated.json"), label: "dokumentlista-truncated.json", reason: expect.stringMatching(/^dokumentlista-truncated\.json is not valid JSON \(cut off or damaged\?\)/), source: true },
      { key: "/no/such.json", label: "such.json", reason: "there is no such file", source: true },
    ]);
    expect(summary.unchanged.map((u) => u.key)).toEqual(["HD01JuU45"]);
    expect(await rowCounts(ds)).toEqual(before);
  });
});

describe("npm run import:riksdagen", () => {
  const run = (...args: string[]) => runCommand("api/src/import/riksdagen/riksdagen.cli.ts", args, { DATABASE_URL: databaseUrl });

  it("imports saved files and ends with its summary", async () => {
    const result = await run("--no-text", "--file", FILES[0], FILES[2]);
    expect(result.output).toContain("Added 0, updated 0, unchanged 3, skipped 20, failed 0.");
    expect(result.output).toContain('20 × doktyp "sfs" is not imported (only dir, sou, ds, prop, bet)');
    expect(result.code).toBe(0);
  });

  it("answers usage mistakes with a clear message before touching the database", async () => {
    const [unknownType, badDate, nothing] = await Promise.all([run("--types", "sou,mot", "--from", "2024-01-01"), run("--types", "sou", "--from", "2024-13-01"), run()]);
    expect(unknownType).toMatchObject({ code: 2, output: expect.stringContaining('Unknown doktyp "mot"; known are dir, sou, ds, prop, bet.') });
    expect(badDate).toMatchObject({ code: 2, output: expect.stringContaining('--from needs a date like 2024-01-01, not "2024-13-01".') });
    expect(nothing).toMatchObject({ code: 2, output: expect.stringContaining("Give --file with saved responses, or --types and --from to fetch.") });
  });
});

describe("fetching from Riksdagen's service", () => {
  let server: http.Server;
  let base: string;
  const requests: { path: string; at: number }[] = [];
  let page2Attempts = 0;
  let slowAttempts = 0;

  beforeAll(async () => {
    const page1 = await fs.readFile(shared("riksdagen-dokumentlista-bet-page1-ferenda.json"), "utf8");
    const page2 = await fs.readFile(shared("riksdagen-dokumentlista-bet-page2-ferenda.json"), "utf8");
    const single = JSON.parse(await fs.readFile(own("dokumentlista-single-object.json"), "utf8"));
    const lists = JSON.parse(await fs.readFile(own("dokumentlista-sou-dir-ds-prop.json"), "utf8"));
    const directiveStatus = await fs.readFile(own("dokumentstatus-dir-2024-12.json"), "utf8");
    server = http.createServer((req, res) => {
      const url = new URL(req.url!, "http://localhost");
      requests.push({ path: url.pathname + url.search, at: Date.now() });
      const json = (body: string) => res.writeHead(200, { "content-type": "application/json" }).end(body);
      if (url.pathname === "/dokumentlista/") {
        const p = url.searchParams.get("p");
        if (url.searchParams.get("doktyp") === "bet") {
          if (p === "1") return json(page1);
          page2Attempts++;
          if (page2Attempts === 1) return res.writeHead(500).end("Internal error");
          if (page2Attempts === 2) return res.writeHead(429, { "retry-after": "1" }).end("Too many requests");
          return json(page2);
        }
        if (url.searchParams.get("doktyp") === "dir") {
          const directive = lists.dokumentlista.dokument.find((d: { dok_id: string }) => d.dok_id === "HCB112");
          return json(JSON.stringify({ dokumentlista: { "@sida": "1", "@sidor": "1", dokument: [directive] } }));
        }
        // Like the real service past page ~50: a next page that repeats this one, forever.
        single.dokumentlista["@nasta_sida"] = `http://data.riksdagen.se/dokumentlista/?doktyp=sou&p=${Number(p) + 1}`;
        return json(JSON.stringify(single));
      }
      if (url.pathname === "/dokument/HD01KU45.text") return res.writeHead(200, { "content-type": "text/plain" }).end("Konstitutionsutskottets betänkande\n\nUtskottet föreslår att riksdagen godkänner…");
      if (url.pathname === "/dokument/HE01FiU8.html") {
        slowAttempts++;
        const answer = () => res.writeHead(200, { "content-type": "text/html" }).end("<html><body><h1>Skattetransparenta fonder</h1><p>Finansutskottet &amp; fonderna.</p></body></html>");
        if (slowAttempts === 1) return void setTimeout(answer, 1500);
        return answer();
      }
      // A PDF that is cut off: it cannot be read.
      if (url.pathname === "/fil/52E8F89D-D3E8-4562-8746-6A6C6F14D765") return res.writeHead(200, { "content-type": "application/pdf" }).end("%PDF-1.7\n1 0 obj <<");
      if (url.pathname === "/dokumentstatus/HCB112.json") return json(directiveStatus.replace(/Fi 2024:03/g, "Fi 2024:09"));
      if (url.pathname === "/forbidden") return res.writeHead(403).end();
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("pages, retries a 500 and a 429 after its Retry-After, times out a slow answer, stops at a repeating page and attaches texts", async () => {
    await ds.query(`DELETE FROM document WHERE external_id IN ('HE01FiU8', 'HD01KU45', 'HD01JuU47', 'HD01JuU45', 'HC0321')`);
    const retries: string[] = [];
    const progress: string[] = [];
    const client = createHttpClient({ minIntervalMs: 0, backoffMs: 20, timeoutMs: 500, onRetry: (url, attempt, why) => retries.push(`${new URL(url).pathname} ${attempt}: ${why}`) });
    const summary = await runRiksdagenImport(ds, { query: { types: ["bet", "sou"], from: "2024-01-01" }, baseUrl: base, client, withText: true, progress: (l) => progress.push(l) });

    expect(summary.failed).toEqual([]);
    // The repeating sou page adds its one document once.
    expect(summary.added.map((a) => a.key)).toEqual(["HE01FiU8", "HD01KU45", "HD01JuU47", "HD01JuU45", "HC0321"]);
    expect(summary.unchanged).toEqual([]);
    // Page 1's documents (and their texts) are imported before page 2 is asked for.
    expect(retries).toEqual([
      "/dokument/HE01FiU8.html 1: no answer in 0.5 s",
      "/dokumentlista/ 1: HTTP 500",
      "/dokumentlista/ 2: HTTP 429",
    ]);
    const listing = requests.filter((r) => r.path.startsWith("/dokumentlista/"));
    expect(listing.map((r) => new URL(r.path, base).searchParams.get("p"))).toEqual(["1", "2", "2", "2", "1", "2"]);
    expect(listing[1].path).toBe("/dokumentlista/?doktyp=bet&utformat=json&sort=datum&sortorder=desc&sz=200&p=2");
    expect(listing[3].at - listing[2].at).toBeGreaterThanOrEqual(990);
    expect(progress[0]).toMatch(/^bet: 3 documents, 0 skipped \(page 1 of 374\)/);

    const ku = await ds.getRepository(DocumentText).findOneByOrFail({ documentId: (await documentByKey("HD01KU45")).id });
    expect(ku).toMatchObject({ sourceFormat: "text", content: expect.stringContaining("Utskottet föreslår att riksdagen godkänner") });
    const fiu = await ds.getRepository(DocumentText).findOneByOrFail({ documentId: (await documentByKey("HE01FiU8")).id });
    expect(fiu).toMatchObject({ sourceFormat: "html", content: expect.stringContaining("Finansutskottet & fonderna.") });
    // No text or HTML is served for these, and the one PDF is broken: imported without text, and said so.
    expect(summary.withoutText.map((w) => [w.key, w.reason])).toEqual([
      ["HD01JuU47", expect.stringMatching(/^The PDF could not be read: /)],
      ["HD01JuU45", "Riksdagen has published no text for it yet"],
      ["HC0321", "Riksdagen has published no text for it yet"],
    ]);
  });

  it("with --chain, fetches each document's dokumentstatus and links its inquiry; a re-run changes nothing", async () => {
    await ds.query(`UPDATE document SET inquiry_id = NULL WHERE external_id IN ('HCB112', 'HC0320', 'HCB141')`);
    const client = createHttpClient({ minIntervalMs: 0, backoffMs: 20 });
    const run = () => runRiksdagenImport(ds, { query: { types: ["dir"], from: "2024-01-01" }, baseUrl: base, client, chain: true });
    const summary = await run();
    expect(summary.failed).toEqual([]);
    const inquiry = await ds.getRepository(Inquiry).findOneByOrFail({ committeeDesignation: "Fi 2024:09" });
    expect(summary.updated.map((u) => [u.key, u.reason])).toEqual([
      ["HCB112", "linked to inquiry Fi 2024:09"],
      ["HC0320", "linked to the inquiry of its chain"],
      ["HCB141", "linked to the inquiry of its chain"],
    ]);
    for (const key of ["HCB112", "HC0320", "HCB141"]) expect((await documentByKey(key)).inquiryId).toBe(inquiry.id);
    const before = await rowCounts(ds);
    const again = await run();
    expect(again).toMatchObject({ added: [], updated: [], failed: [] });
    expect(await rowCounts(ds)).toEqual(before);
  });

  it("answers a 404 and gives up on another 4xx at once; reads Retry-After as seconds or a date", async () => {
    const client = createHttpClient({ minIntervalMs: 0, backoffMs: 10 });
    const attempts = requests.length;
    await expect(client.get(`${base}dokument/missing.text`)).resolves.toMatchObject({ status: 404 });
    await expect(client.get(`${base}forbidden`)).rejects.toThrow(new HttpError(`${base}forbidden answered 403.`, 403));
    expect(requests.length).toBe(attempts + 2);
    expect(retryAfterMs("3")).toBe(3000);
    expect(retryAfterMs(new Date(10_000 + 5_000).toUTCString(), 10_000)).toBe(5000);
    expect(retryAfterMs("soon")).toBeNull();
  });
});

describe("importing dokumentstatus with its chain", () => {
  const statusFile = own("dokumentstatus-dir-2024-12.json");

  it("creates the inquiry from the directive's kommittébeteckning and links the documents it references", async () => {
    await ds.query(`UPDATE document SET inquiry_id = NULL WHERE external_id IN ('HCB112', 'HC0320', 'HCB141')`);
    const summary = await runRiksdagenImport(ds, { statusFiles: [statusFile] });
    expect(summary.failed).toEqual([]);
    const inquiry = await ds.getRepository(Inquiry).findOneByOrFail({ committeeDesignation: "Fi 2024:03" });
    expect(inquiry).toMatchObject({ name: "Ett stärkt kommunalt självstyre", department: "Finansdepartementet" });
    for (const key of ["HCB112", "HC0320", "HCB141"]) expect((await documentByKey(key)).inquiryId).toBe(inquiry.id);
    const text = await ds.getRepository(DocumentText).findOneByOrFail({ documentId: (await documentByKey("HCB112")).id });
    expect(text.content).toContain("En särskild utredare (Fi 2024:03)");

    const before = await rowCounts(ds);
    const again = await runRiksdagenImport(ds, { statusFiles: [statusFile] });
    expect(again.updated).toEqual([]);
    expect(again.added).toEqual([]);
    expect(await rowCounts(ds)).toEqual(before);
  });

  it("creates a bill's committee report from its reference, and keeps an inquiry staff chose", async () => {
    const staffsInquiry = await buildInquiry(ds.manager, { name: "Staff's choice" });
    await ds.getRepository(Document).update({ externalId: "HCB141" }, { inquiryId: staffsInquiry.id });
    const summary = await runRiksdagenImport(ds, { statusFiles: [shared("riksdagen-dokumentstatus-prop-2016-17-14-H40314-ferenda.xml"), statusFile] });
    expect(summary.failed).toEqual([]);
    expect(summary.added.map((a) => a.key)).toEqual(["H40314", "H401SkU8"]);
    expect(await documentByKey("H401SkU8")).toMatchObject({ kind: DocumentKind.COMMITTEE_REPORT, designation: "2016/17:SkU8", title: "Ny definition av fastighetsbegreppet i mervärdesskattelagen" });
    expect((await documentByKey("HCB141")).inquiryId).toBe(staffsInquiry.id);
  });
});
