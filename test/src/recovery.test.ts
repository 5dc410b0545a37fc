/**
 * PostgreSQL going away under a running installation: killed with `kill -9` under `npm start`
 * (which restarts it), and an external PostgreSQL at DATABASE_URL that is stopped and started
 * again. Meanwhile every request answers SERVICE_UNAVAILABLE (HTTP 503), afterwards writes work
 * and are indexed, and the indexer says what happened in a few lines instead of a stack trace
 * per attempt.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@remissbanken/schema/engines/ports";
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from "@remissbanken/schema/engines/postgres";
import { demoToken, eventually, gqlAt, temporaryDirectories, startInstallation, stopProcess, type StartedProcess } from "./start-process.js";

const started: StartedProcess[] = [];
const databases: EmbeddedPostgresHandle[] = [];
const dirs = temporaryDirectories();
const tempDir = dirs.make;

afterAll(async () => {
  await Promise.all(started.map((s) => stopProcess(s.child)));
  await Promise.all(databases.map((db) => db.stop()));
  await dirs.removeAll();
});


const LOOKUP = `{ document(designation: "SOU 2020:8") { designation } }`;
const UNAVAILABLE = "The database is not reachable; try again shortly.";

/** Polls until the database is away; every answer on the way is either a success or the clear refusal. */
async function waitForRefusal(url: string, token: string) {
  return eventually(
    async () => {
      for (const asToken of [undefined, token]) {
        const answer = await gqlAt(url, LOOKUP, {}, asToken);
        if (answer.status === 200 && answer.data?.document) continue;
        expect(answer.status).toBe(503);
        expect(answer.errors).toEqual([expect.objectContaining({ message: UNAVAILABLE, extensions: expect.objectContaining({ code: "SERVICE_UNAVAILABLE" }) })]);
        if (asToken) return answer;
      }
      return undefined;
    },
    30_000,
    "requests to answer SERVICE_UNAVAILABLE",
  );
}

/** Polls until requests succeed again; until then they are refused clearly. */
async function waitForRecovery(url: string, token: string) {
  await eventually(
    async () => {
      const answer = await gqlAt(url, LOOKUP, {}, token);
      if (answer.status === 200) return answer.data?.document?.designation as string;
      expect(answer.errors?.[0]?.extensions?.code).toBe("SERVICE_UNAVAILABLE");
      return undefined;
    },
    90_000,
    "the database to be back",
  );
}

/** A write after the outage, and its record found by search (from Meilisearch, not the fallback). */
async function writeAndFind(url: string, token: string, word: string) {
  const created = await gqlAt(url, `mutation($input: CreateInquiryInput!) { createInquiry(input: $input) { id } }`, { input: { name: `Återstartsutredningen ${word}` } }, token);
  expect(created.errors).toBeUndefined();
  const id = created.data.createInquiry.id as string;
  await eventually(
    async () => {
      const found = await gqlAt(url, `query($q: String!) { search(query: $q) { degraded hits { id } } }`, { q: word }, token);
      return !found.data?.search.degraded && found.data?.search.hits.some((h: { id: string }) => h.id === id) ? true : undefined;
    },
    60_000,
    "the new inquiry to be searchable",
  );
}

/** The installation's JSON log lines written since `offset`. */
function logLinesSince(installation: StartedProcess, offset: number): { level: number; msg: string; process?: string; engine?: string }[] {
  return installation
    .output()
    .slice(offset)
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line));
}

/**
 * The indexer's lines since `offset`, once it said the database is back if it noticed it
 * gone (a search can find a record a moment before the indexer hears Meilisearch is done).
 */
async function expectBriefIndexerLog(installation: StartedProcess, offset: number) {
  const indexerLines = () => logLinesSince(installation, offset).filter((l) => l.process === "indexer");
  const indexer = await eventually(
    async () => {
      const lines = indexerLines();
      const noticed = lines.some((l) => l.msg.startsWith("database unreachable"));
      return !noticed || lines.some((l) => l.msg.startsWith("database back")) ? lines : undefined;
    },
    10_000,
    'the indexer to say "database back"',
  );
  // "database unreachable" and "database back" (and "indexer running" should it have restarted), not one line per attempt.
  expect(indexer.length).toBeLessThanOrEqual(4);
  expect(indexer.filter((l) => l.level >= 40).length).toBeLessThanOrEqual(1);
}

describe("PostgreSQL going away", () => {
  it("under npm start: it is restarted, requests are refused clearly meanwhile, and everything carries on", async () => {
    const dataDir = await tempDir("rb-crash-");
    const installation = startInstallation({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    started.push(installation);
    const url = await installation.ready;
    const token = await demoToken(url);
    // Indexing works before the crash, so what the log says afterwards is about the outage.
    await writeAndFind(url, token, "fore1");

    const offset = installation.output().length;
    const pid = Number((await fs.readFile(path.join(dataDir, "postgres", "postmaster.pid"), "utf8")).split("\n")[0]);
    process.kill(pid, "SIGKILL");

    await waitForRefusal(url, token);
    await waitForRecovery(url, token);
    await writeAndFind(url, token, "efter1");

    const lines = logLinesSince(installation, offset);
    const messages = lines.map((l) => l.msg);
    expect(messages.filter((m) => m.startsWith("PostgreSQL exited unexpectedly"))).toHaveLength(1);
    expect(messages.filter((m) => m.startsWith("PostgreSQL restarted"))).toHaveLength(1);
    await expectBriefIndexerLog(installation, offset);
    expect(installation.child.exitCode).toBeNull();
  }, 240_000);

  it("at DATABASE_URL: the API and the indexer reconnect when it is back", async () => {
    const pgDir = await tempDir("rb-external-pg-");
    let db = await startEmbeddedPostgres({ dataDir: pgDir });
    databases.push(db);
    const installation = startInstallation({ DATA_DIR: await tempDir("rb-external-"), DATABASE_URL: db.url, PORT: String(await freePort()) });
    started.push(installation);
    const url = await installation.ready;
    const token = await demoToken(url);
    await writeAndFind(url, token, "fore2");

    const offset = installation.output().length;
    await db.stop();
    await waitForRefusal(url, token);
    db = await startEmbeddedPostgres({ dataDir: pgDir, port: db.port });
    databases.push(db);
    await waitForRecovery(url, token);
    await writeAndFind(url, token, "efter2");

    const lines = logLinesSince(installation, offset);
    expect(lines.map((l) => l.msg)).not.toContainEqual(expect.stringMatching(/^PostgreSQL/));
    await expectBriefIndexerLog(installation, offset);
  }, 240_000);
});
