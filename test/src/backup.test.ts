/**
 * `npm run backup` while `npm start` runs and writes keep coming, `npm run restore` into a
 * new data directory, and `npm start` there: every write committed before the backup began
 * is there, the backup holds a consistent moment (a prefix of the sequential writes), every
 * restored record is searchable, and an API token of the old installation still works.
 */
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@remissbanken/schema/engines/ports";
import { demoToken, eventually, gqlAt, temporaryDirectories, runScript, startInstallation, stopProcess, type StartedProcess } from "./start-process.js";

const started: StartedProcess[] = [];
const dirs = temporaryDirectories();
const tempDir = dirs.make;

afterAll(async () => {
  await Promise.all(started.map((s) => stopProcess(s.child)));
  await dirs.removeAll();
});


const CREATE = `mutation($input: CreateInquiryInput!) { createInquiry(input: $input) { id } }`;
const PREFIX = "Säkerhetskopieringsutredningen";

interface Write {
  id: string;
  word: string;
  committedAt: number;
}

/** Creates inquiries one after another until stopped; each is committed when its answer arrives. */
function writeContinuously(url: string, token: string) {
  const writes: Write[] = [];
  let stopped = false;
  const done = (async () => {
    for (let i = 0; !stopped; i++) {
      const word = `bk${i}x`;
      const answer = await gqlAt(url, CREATE, { input: { name: `${PREFIX} ${word}` } }, token);
      if (answer.errors) throw new Error(JSON.stringify(answer.errors));
      writes.push({ id: answer.data.createInquiry.id, word, committedAt: Date.now() });
      // A steady stream rather than a flood: the backup must meet writes, not hundreds of them.
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    writes,
    async stop() {
      stopped = true;
      await done;
    },
  };
}

describe("npm run backup and npm run restore", () => {
  it("restore a backup taken under writes with every committed row, searchable", async () => {
    const source = await tempDir("rb-backup-source-");
    const installation = startInstallation({ DATA_DIR: source, PORT: String(await freePort()) });
    started.push(installation);
    const url = await installation.ready;
    const token = await demoToken(url);

    const writer = writeContinuously(url, token);
    await eventually(async () => (writer.writes.length >= 5 ? true : undefined), 60_000, "the first writes");
    const backupStarted = Date.now();
    const out = await tempDir("rb-backups-");
    const backup = await runScript(["api/src/cli/backup.ts", "--out", out], { DATA_DIR: source });
    expect(backup.output).toContain("Backup written:");
    expect(backup.code).toBe(0);
    // Writes went on while the backup ran, and after it.
    const afterBackup = writer.writes.length;
    await eventually(async () => (writer.writes.length > afterBackup + 2 ? true : undefined), 60_000, "writes after the backup");
    await writer.stop();

    const files = await fs.readdir(out);
    expect(files).toEqual([expect.stringMatching(/^remissbanken-\d{4}-\d{2}-\d{2}T\d{6}Z\.jsonl\.gz$/)]);
    const file = path.join(out, files[0]);

    // Only into an empty data directory.
    const refused = await runScript(["api/src/cli/restore.ts", file], { DATA_DIR: source });
    expect(refused.output).toContain(`The data directory ${source} is not empty`);
    expect(refused.code).toBe(1);

    const target = path.join(await tempDir("rb-backup-target-"), "data");
    const restore = await runScript(["api/src/cli/restore.ts", file], { DATA_DIR: target });
    expect(restore.output).toContain("Search index rebuilt");
    expect(restore.code).toBe(0);

    const restored = startInstallation({ DATA_DIR: target, PORT: String(await freePort()) });
    started.push(restored);
    const restoredUrl = await restored.ready;

    const engines = JSON.parse(await fs.readFile(path.join(target, "engines.json"), "utf8"));
    const db = new pg.Client({ connectionString: engines.databaseUrl });
    await db.connect();
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM inquiry WHERE name LIKE $1 ORDER BY created_at, name`, [`${PREFIX} %`]);
    await db.end();
    const restoredIds = rows.map((r) => r.id);

    // Everything committed before the backup began, and one consistent moment: the writes
    // ran one after another, so the backup holds the first n of them and nothing else.
    const committedBefore = writer.writes.filter((w) => w.committedAt < backupStarted);
    expect(restoredIds.length).toBeGreaterThanOrEqual(committedBefore.length);
    expect(restoredIds.length).toBeLessThan(writer.writes.length);
    expect(new Set(restoredIds)).toEqual(new Set(writer.writes.slice(0, restoredIds.length).map((w) => w.id)));

    // The old installation's API token works: tokens are rows of the database.
    const me = await gqlAt(restoredUrl, `{ me { email } }`, {}, token);
    expect(me.data?.me?.email).toBe("staff@smakom.example");

    // Every restored record is found by search, from the rebuilt index.
    const search = async (write: Write) => {
      const found = await eventually(
        async () => {
          const answer = await gqlAt(restoredUrl, `query($q: String!) { search(query: $q) { degraded hits { id } } }`, { q: write.word }, token);
          return answer.data?.search.hits.length ? answer.data.search : undefined;
        },
        30_000,
        `a search for ${write.word}`,
      );
      expect(found.degraded).toBe(false);
      expect(found.hits.map((h: { id: string }) => h.id)).toContain(write.id);
    };
    const inBackup = writer.writes.slice(0, restoredIds.length);
    for (let i = 0; i < inBackup.length; i += 10) await Promise.all(inBackup.slice(i, i + 10).map(search));
    const demo = await gqlAt(restoredUrl, `{ search(query: "sou 2020 8") { hits { node { ... on Document { designation } } } } }`, {}, token);
    expect(demo.data.search.hits[0].node.designation).toBe("SOU 2020:8");
  }, 300_000);
});
