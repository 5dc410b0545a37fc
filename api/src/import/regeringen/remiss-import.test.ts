/**
 * Remiss pages into a real database through the import's own code and the command: every
 * field, the report linked or created, re-runs that change nothing, SmåKom's tracking kept,
 * and pages that are not remisser refused with nothing written.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { createDataSource, Document, DocumentKind, ImportRun, ImportRunStatus, ImportSource, ImportTrigger, Remiss, RemissPublishedResponse, RemissStatus } from "@remissbanken/schema";
import { createTestDatabase } from "@remissbanken/test/harness";
import { rowCounts } from "@remissbanken/test/db";
import { fixturePath } from "@remissbanken/test/fixtures";
import { runCommand } from "@remissbanken/test/command";
import { buildMunicipality } from "@remissbanken/test/factories";
import { createDocument } from "../../document/document.service.js";
import { emptySummary } from "../import-summary.js";
import { runRemissImport } from "./remiss-import.js";
import { parseRemissListing, untrackedRemisser } from "./remiss-listing.js";

const CLOSED = fixturePath("regeringen", "regeringen-remiss-sou-2026-14-closed-ferenda.html");
const OPEN = fixturePath("regeringen", "regeringen-remiss-ds-2026-15-open-ferenda.html");
const DEN_DEN = path.join(import.meta.dirname, "fixtures", "remiss-s-2026-00412-den-den.html");
const LISTING = fixturePath("regeringen", "regeringen-remisser-listing-ferenda.html");

let databaseUrl: string;
let ds: DataSource;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  ds = createDataSource(databaseUrl);
  await ds.initialize();
  await buildMunicipality(ds.manager, { name: "Forshaga" });
});

afterAll(async () => {
  await ds?.destroy();
});

const remissOf = (designation: string) =>
  ds.getRepository(Remiss).createQueryBuilder("r").innerJoin(Document, "d", "d.id = r.document_id").where("d.designation = :designation", { designation }).getOneOrFail();

describe("importing remiss pages", () => {
  it("links a remiss to the report already there, creates a missing report, and a re-run changes nothing", async () => {
    const sou = await createDocument(ds.manager, { kind: DocumentKind.SOU, designation: "SOU 2026:14", title: "Ädelmetallutredningen" });
    const summary = emptySummary();
    const results = await runRemissImport(ds, [CLOSED, OPEN, DEN_DEN], summary, null);
    expect(summary.failed).toEqual([]);
    expect(summary.added.map((a) => [a.key, a.reason])).toEqual([
      ["KN2026/00741", undefined],
      ["https://www.regeringen.se/remisser/2026/07/remiss-av--ds-202615-galdenarens-avtal-i-konkurs/", "with Ds 2026:15, created from the page"],
      ["S2026/00412", "with SOU 2026:31, created from the page"],
    ]);

    expect(await remissOf("SOU 2026:14")).toMatchObject({
      documentId: sou.id,
      diarienummer: "KN2026/00741",
      ministry: "Klimat- och näringslivsdepartementet",
      referralBodies: [],
      smakomIsReferralBody: false,
      deadline: "2026-06-30",
      memberInputDeadline: null,
      status: RemissStatus.MONITORING,
      sourceUrl: "https://www.regeringen.se/remisser/2026/04/remiss-av-adelmetallutredningen--en-moderniserad-reglering-av-handel-med-adelmetallarbeten-sou-202614/",
    });
    // The report that was there is left as staff wrote it.
    expect(await ds.getRepository(Document).findOneByOrFail({ id: sou.id })).toMatchObject({ title: "Ädelmetallutredningen", version: sou.version });

    const ds15 = await ds.getRepository(Document).findOneByOrFail({ designation: "Ds 2026:15" });
    expect(ds15).toMatchObject({
      kind: DocumentKind.DS,
      title: "Gäldenärens avtal i konkurs",
      department: "Justitiedepartementet",
      sourceUrl: "https://www.regeringen.se/rattsliga-dokument/departementsserien-och-promemorior/2026/07/ds-202615/",
      externalId: null,
    });
    expect(await remissOf("Ds 2026:15")).toMatchObject({ diarienummer: null, ministry: "Justitiedepartementet", deadline: "2026-10-30" });
    expect(await remissOf("SOU 2026:31")).toMatchObject({
      diarienummer: "S2026/00412",
      ministry: "Socialdepartementet",
      deadline: "2026-08-10",
      referralBodies: ["Socialstyrelsen", "Forshaga kommun", "Sveriges Kommuner och Regioner", "SmåKom"],
      smakomIsReferralBody: true,
    });
    expect(results[2].result?.members).toEqual(["Forshaga kommun"]);
    expect(results[0].page?.responses).toHaveLength(17);
    // The responses already published are stored with the remiss, linked to their PDFs.
    const published = await ds.getRepository(RemissPublishedResponse).find({ where: { remissId: (await remissOf("SOU 2026:14")).id }, order: { organisation: "ASC" } });
    expect(published).toHaveLength(17);
    expect(published.find((r) => r.organisation === "Kammarkollegiet")?.url).toMatch(/^https:\/\/www\.regeringen\.se\/.*kammarkollegiet\.pdf$/);

    const [{ audited }] = await ds.query(`SELECT count(*)::int AS audited FROM audit_log WHERE action = 'importRemiss' AND entity_type = 'Remiss'`);
    expect(audited).toBe(3);

    const before = await rowCounts(ds);
    const again = emptySummary();
    await runRemissImport(ds, [CLOSED, OPEN, DEN_DEN], again, null);
    expect(again).toMatchObject({ added: [], updated: [], failed: [] });
    expect(again.unchanged).toHaveLength(3);
    expect(await rowCounts(ds)).toEqual(before);
  });

  it("adds a response published since the last run, and only that one", async () => {
    const remiss = await remissOf("SOU 2026:14");
    const kammarkollegiet = await ds.getRepository(RemissPublishedResponse).findOneByOrFail({ remissId: remiss.id, organisation: "Kammarkollegiet" });
    await ds.getRepository(RemissPublishedResponse).delete(kammarkollegiet.id);
    const summary = emptySummary();
    await runRemissImport(ds, [CLOSED], summary, null);
    expect(summary.updated.map((u) => u.reason)).toEqual(["1 published responses new or renamed"]);
    expect(await ds.getRepository(RemissPublishedResponse).countBy({ remissId: remiss.id })).toBe(17);
    expect(await ds.getRepository(RemissPublishedResponse).findOneByOrFail({ remissId: remiss.id, url: kammarkollegiet.url })).toMatchObject({ organisation: "Kammarkollegiet" });
  });

  it("follows a moved deadline and keeps SmåKom's status, notes and members' deadline", async () => {
    const remiss = await remissOf("SOU 2026:31");
    await ds.getRepository(Remiss).update(remiss.id, { status: RemissStatus.TO_ANSWER, notes: "Styrelsen vill svara.", memberInputDeadline: "2026-07-01" });
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "remiss-"));
    const moved = path.join(dir, "moved.html");
    await fs.writeFile(moved, (await fs.readFile(DEN_DEN, "utf8")).replace("den den 10 augusti 2026", "den 24 augusti 2026"));
    const summary = emptySummary();
    await runRemissImport(ds, [moved], summary, null);
    expect(summary.updated.map((u) => u.reason)).toEqual(["changed deadline"]);
    expect(await remissOf("SOU 2026:31")).toMatchObject({
      deadline: "2026-08-24", status: RemissStatus.TO_ANSWER, notes: "Styrelsen vill svara.", memberInputDeadline: "2026-07-01",
    });
  });

  it("completes a remiss staff typed in by hand on the same report instead of adding another", async () => {
    const typed = await remissOf("Ds 2026:15");
    await ds.getRepository(Remiss).update(typed.id, { sourceUrl: null });
    const summary = emptySummary();
    await runRemissImport(ds, [OPEN], summary, null);
    expect(summary.updated.map((u) => u.reason)).toEqual(["changed sourceUrl"]);
    const [{ count }] = await ds.query(`SELECT count(*)::int AS count FROM remiss WHERE document_id = $1`, [typed.documentId]);
    expect(count).toBe(1);
  });

  it("refuses a page that is not a remiss, and a missing file, writing nothing", async () => {
    const before = await rowCounts(ds);
    const summary = emptySummary();
    await runRemissImport(ds, [LISTING, "/no/such/page.html"], summary, null);
    expect(summary.failed).toEqual([
      { key: LISTING, label: "regeringen-remisser-listing-ferenda.html", reason: 'regeringen-remisser-listing-ferenda.html is not a remiss page from regeringen.se (it has no "Remiss från …" heading; its heading is "Remisser").' },
      { key: "/no/such/page.html", label: "page.html", reason: "there is no such file" },
    ]);
    expect(await rowCounts(ds)).toEqual(before);
  });
});

describe("the listing of current remisser", () => {
  it("lists those not tracked yet, by page address or diarienummer", async () => {
    const listed = parseRemissListing(await fs.readFile(LISTING, "utf8"));
    const untracked = await untrackedRemisser(ds, listed);
    // Ds 2026:15 (by address) and SOU 2026:14 (KN2026/00741) were imported above.
    expect(untracked).toHaveLength(18);
    expect(untracked.map((u) => u.designation)).not.toContain("Ds 2026:15");
    expect(untracked.map((u) => u.diarienummer)).not.toContain("KN2026/00741");
  });
});

describe("npm run import:remiss", () => {
  it("imports saved pages, tells what it found and ends with the summary", async () => {
    const result = await runCommand("api/src/import/regeringen/remiss.cli.ts", [CLOSED, LISTING], { DATABASE_URL: databaseUrl });
    expect(result.output).toContain("SOU 2026:14 · KN2026/00741 · Klimat- och näringslivsdepartementet · sista svarsdag 2026-06-30");
    expect(result.output).toContain("17 remissvar published on the page");
    expect(result.output).toContain("Added 0, updated 0, unchanged 1, skipped 0, failed 1.");
    expect(result.output).toContain("is not a remiss page from regeringen.se");
    expect(result.code).toBe(1);
    // The run is recorded: one page failed, the other was read, so the run as a whole succeeded.
    const [run] = await ds.getRepository(ImportRun).find({ where: { source: ImportSource.REGERINGEN }, order: { startedAt: "DESC" }, take: 1 });
    expect(run).toMatchObject({
      trigger: ImportTrigger.COMMAND, status: ImportRunStatus.SUCCEEDED, unchanged: 1, failed: 1, error: null,
      options: { addresses: ["regeringen-remiss-sou-2026-14-closed-ferenda.html", "regeringen-remisser-listing-ferenda.html"] },
      failures: [{ item: "regeringen-remisser-listing-ferenda.html", reason: expect.stringContaining("is not a remiss page") }],
    });
    expect(run.finishedAt).toBeInstanceOf(Date);
  });

  it("lists the current remisser not tracked yet with the command to add each", async () => {
    const result = await runCommand("api/src/import/regeringen/remiss.cli.ts", ["--list", LISTING], { DATABASE_URL: databaseUrl });
    expect(result.output).toContain("18 remisser not tracked yet:");
    expect(result.output).toContain(
      "2026-03-19 Remiss av betänkandet Rättssäker samhällsvård för barn och unga (SOU 2026:8), S2026/00236\n" +
        "    npm run import:remiss -- https://www.regeringen.se/remisser/2026/03/remiss-av-sou-20268-rattssaker-samhallsvard-for-barn-och-unga/",
    );
    expect(result.output).not.toContain("KN2026/00741");
    expect(result.code).toBe(0);
  });
});
