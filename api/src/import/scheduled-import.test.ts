/**
 * The scheduled import against a local stand-in for Riksdagen's service: a run imports and is
 * recorded, the next run continues from it and changes nothing, a failing service is a failed
 * run with its reason (and the next run covers its window again), a crashed run is marked
 * failed by the next one; and the settings the worker reads.
 */
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { DataSource } from "typeorm";
import { createDataSource, Document, ImportRun, ImportRunStatus, ImportSource, ImportTrigger } from "@remissbanken/schema";
import { createTestDatabase } from "@remissbanken/test/harness";
import { rowCounts } from "@remissbanken/test/db";
import { loadConfig } from "../config.js";
import { createHttpClient } from "./http-client.js";
import { STALE_AFTER_MS } from "./import-run.js";
import { runScheduledImport, SCHEDULED_IMPORT_TASK, scheduledImportCrontab } from "./scheduled-import.js";
import pino from "pino";
import { runOnce } from "graphile-worker";
import { jobRunnerOptions } from "../worker/jobs.js";

let ds: DataSource;
let databaseUrl: string;
let server: http.Server;
let base: string;
let failing = false;
const asked: URL[] = [];

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  ds = createDataSource(databaseUrl);
  await ds.initialize();
  const lists = JSON.parse(await fs.readFile(path.join(import.meta.dirname, "riksdagen", "fixtures", "dokumentlista-sou-dir-ds-prop.json"), "utf8"));
  // One listing per doktyp, as the service answers `doktyp=…`; texts are not published yet.
  server = http.createServer((req, res) => {
    const url = new URL(req.url!, "http://localhost");
    asked.push(url);
    if (failing) return res.writeHead(500).end("Internal error");
    if (url.pathname !== "/dokumentlista/") return res.writeHead(404).end();
    const dokument = lists.dokumentlista.dokument.filter((d: { doktyp: string }) => d.doktyp === url.searchParams.get("doktyp"));
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ dokumentlista: { "@sida": "1", "@sidor": "1", dokument } }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await ds?.destroy();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
});
beforeEach(() => {
  asked.length = 0;
  failing = false;
});

const client = () => createHttpClient({ minIntervalMs: 0, backoffMs: 10, retries: 1 });
const options = () => ({ types: ["dir" as const, "sou" as const], baseUrl: base, client: client(), withText: false });
const listings = () => asked.filter((u) => u.pathname === "/dokumentlista/").map((u) => `${u.searchParams.get("doktyp")} from ${u.searchParams.get("from")}`);

describe("the scheduled import", () => {
  it("imports the configured types for the last 30 days the first time, records the run, and a re-run changes nothing", async () => {
    const first = await runScheduledImport(ds, options(), new Date("2024-04-20T04:30:00Z"));
    expect(listings()).toEqual(["dir from 2024-03-21", "sou from 2024-03-21"]);
    expect(first).toMatchObject({
      source: ImportSource.RIKSDAGEN, trigger: ImportTrigger.SCHEDULE, status: ImportRunStatus.SUCCEEDED,
      added: 3, updated: 0, failed: 0, failures: [], error: null, options: { types: ["dir", "sou"], from: "2024-03-21" },
    });
    expect(await ds.getRepository(Document).countBy({ externalId: "HC0320" })).toBe(1);
    const stored = await ds.getRepository(ImportRun).findOneByOrFail({ id: first.id });
    expect(stored).toMatchObject({ status: ImportRunStatus.SUCCEEDED, added: 3, startedAt: new Date("2024-04-20T04:30:00Z") });
    expect(stored.finishedAt).toBeInstanceOf(Date);

    asked.length = 0;
    const before = await rowCounts(ds);
    const again = await runScheduledImport(ds, options(), new Date("2024-04-21T04:30:00Z"));
    // It continues from the day before the last run that succeeded.
    expect(listings()).toEqual(["dir from 2024-04-19", "sou from 2024-04-19"]);
    expect(again).toMatchObject({ status: ImportRunStatus.SUCCEEDED, added: 0, updated: 0, unchanged: 3, failed: 0 });
    // Every run is recorded, one that changed nothing too; it writes nothing else.
    expect(await rowCounts(ds)).toEqual({ ...before, import_run: before.import_run + 1 });
  });

  it("records a failed run with its reason when the service answers 500, and the next run covers that window again", async () => {
    failing = true;
    const failed = await runScheduledImport(ds, options(), new Date("2024-04-22T04:30:00Z"));
    expect(failed).toMatchObject({ status: ImportRunStatus.FAILED, added: 0, failed: 2 });
    expect(failed.error).toMatch(/^the dir listing: .* answered 500 2 times; giving up; the sou listing: .* answered 500 2 times; giving up$/);
    expect(failed.failures).toEqual([
      { item: "the dir listing", reason: expect.stringContaining("500") },
      { item: "the sou listing", reason: expect.stringContaining("500") },
    ]);

    failing = false;
    asked.length = 0;
    await runScheduledImport(ds, options(), new Date("2024-04-23T04:30:00Z"));
    expect(listings()).toEqual(["dir from 2024-04-20", "sou from 2024-04-20"]);
  });

  it("marks a run left running by a process that died as failed when the next run starts", async () => {
    const now = new Date("2024-04-24T04:30:00Z");
    const crashed = await ds.getRepository(ImportRun).save({
      source: ImportSource.RIKSDAGEN, trigger: ImportTrigger.COMMAND, status: ImportRunStatus.RUNNING, options: {},
      startedAt: new Date(now.getTime() - 3_600_000), heartbeatAt: new Date(now.getTime() - STALE_AFTER_MS - 1000),
    });
    const alive = await ds.getRepository(ImportRun).save({
      source: ImportSource.REGERINGEN, trigger: ImportTrigger.COMMAND, status: ImportRunStatus.RUNNING, options: {}, startedAt: now, heartbeatAt: now,
    });
    await runScheduledImport(ds, options(), now);
    expect(await ds.getRepository(ImportRun).findOneByOrFail({ id: crashed.id })).toMatchObject({
      status: ImportRunStatus.FAILED, error: "The run stopped before it finished (the process ended or crashed).",
    });
    expect(await ds.getRepository(ImportRun).findOneByOrFail({ id: alive.id })).toMatchObject({ status: ImportRunStatus.RUNNING });
  });
});

describe("the scheduled import in the worker", () => {
  it("runs as the worker's task when its crontab line comes due, with the worker's settings and clock", async () => {
    // What graphile-worker's cron does when the line comes due: one job of the task.
    await ds.query("SELECT graphile_worker.add_job($1, '{}'::json)", [SCHEDULED_IMPORT_TASK]);
    const now = new Date("2024-05-01T04:30:00Z");
    const context = {
      ds, publicUrl: "http://localhost:3000", planners: [], clock: () => now, log: pino({ level: "silent" }),
      mailer: { send: () => Promise.reject(new Error("the import sends no mail")) },
      scheduledImport: { types: ["dir" as const], riksdagenBaseUrl: base },
    };
    await runOnce(jobRunnerOptions(databaseUrl, context));
    expect(listings()).toEqual([expect.stringMatching(/^dir from 2024-04-/)]);
    const [latest] = await ds.getRepository(ImportRun).find({ where: { trigger: ImportTrigger.SCHEDULE }, order: { startedAt: "DESC" }, take: 1 });
    expect(latest).toMatchObject({ startedAt: now, options: { types: ["dir"] } });
    expect(latest.status).not.toBe(ImportRunStatus.RUNNING);
    const [{ count }] = await ds.query("SELECT count(*)::int AS count FROM graphile_worker.jobs");
    expect(count).toBe(0);
  });
});

describe("the scheduled import's settings", () => {
  const production = { NODE_ENV: "production", DATABASE_URL: "postgres://u:p@db/x", SMTP_URL: "smtp://mail:25" };

  it("is off outside production and nightly in production, with the default types", () => {
    expect(loadConfig({}).scheduledImport).toEqual({ schedule: null, types: ["dir", "sou", "ds", "prop"], riksdagenBaseUrl: "https://data.riksdagen.se/" });
    expect(loadConfig({ NODE_ENV: "test" }).scheduledImport.schedule).toBeNull();
    expect(loadConfig(production).scheduledImport.schedule).toBe("30 4 * * *");
    expect(loadConfig({ ...production, IMPORT_SCHEDULE: "off" }).scheduledImport.schedule).toBeNull();
    expect(loadConfig({ IMPORT_SCHEDULE: "0 */6 * * 1-5", IMPORT_TYPES: "SOU, dir" }).scheduledImport).toMatchObject({ schedule: "0 */6 * * 1-5", types: ["sou", "dir"] });
  });

  it("refuses a schedule that is not a cron expression and types it does not know, together", () => {
    expect(() => loadConfig({ IMPORT_SCHEDULE: "daily", IMPORT_TYPES: "sou,mot" })).toThrow(
      /IMPORT_SCHEDULE: must be a cron expression like "30 4 \* \* \*" or "off"[\s\S]*IMPORT_TYPES: .*unknown: mot/,
    );
  });

  it("gives the worker its crontab line, or none when off", () => {
    expect(scheduledImportCrontab("30 4 * * *")).toBe("30 4 * * * scheduledImport ?max=1");
    expect(scheduledImportCrontab(null)).toBeNull();
  });
});
