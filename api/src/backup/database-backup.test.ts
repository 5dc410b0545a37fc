/** The backup file round-trips every table exactly, and damaged files and non-empty targets are refused. */
import crypto from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDataSource } from "@remissbanken/schema";
import { createTestDatabase } from "@remissbanken/test/harness";
import { seedDemoData } from "../seed/demo-data.js";
import { BackupError, restoreBackup, writeBackup } from "./database-backup.js";

let sourceUrl: string;
let dir: string;
let file: string;

/** A database with nothing in it, as a new installation's. */
async function emptyDatabase(): Promise<string> {
  const url = new URL(inject("pgUrl"));
  const name = `t_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: "/postgres" }).toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  url.pathname = `/${name}`;
  return url.toString();
}

/** Every table's rows (generated columns included), as text, in a stable order. */
async function contents(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
    );
    const result: Record<string, string[]> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${client.escapeIdentifier(name)} t ORDER BY 1`);
      result[name] = rows.map((r) => r.row);
    }
    const { rows: sequences } = await client.query(`SELECT sequencename, last_value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`);
    result["(sequences)"] = sequences.map((s) => `${s.sequencename}=${s.last_value}`);
    return result;
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  sourceUrl = await createTestDatabase();
  const ds = createDataSource(sourceUrl);
  await ds.initialize();
  await seedDemoData(ds);
  await ds.destroy();
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "rb-backup-file-"));
  file = path.join(dir, "backup.jsonl.gz");
  await writeBackup(sourceUrl, file);
});

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe("database backups", () => {
  it("restore every row of every table, the migrations and the sequences exactly", async () => {
    const target = await emptyDatabase();
    const { rows } = await restoreBackup(file, target);
    expect(rows.inquiry).toBeGreaterThan(0);
    // Its generated column (tsv) is computed again, and must come out the same.
    expect(rows.search_passage).toBeGreaterThan(0);
    const [before, after] = await Promise.all([contents(sourceUrl), contents(target)]);
    expect(after).toEqual(before);
  });

  it("refuse a database that has tables", async () => {
    await expect(restoreBackup(file, sourceUrl)).rejects.toThrow(new BackupError("The database already has tables; restore only into an empty database."));
  });

  it("refuse a file cut short, and leave the database without rows", async () => {
    const lines = gunzipSync(await fs.readFile(file)).toString().split("\n");
    const cut = path.join(dir, "cut.jsonl.gz");
    await fs.writeFile(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join("\n")));
    const target = await emptyDatabase();
    await expect(restoreBackup(cut, target)).rejects.toThrow(/is incomplete: it ends before its last table/);
    const after = await contents(target);
    expect(after.inquiry).toEqual([]);
  });

  it("refuse what is not a backup", async () => {
    const other = path.join(dir, "other.jsonl.gz");
    await fs.writeFile(other, "not gzip at all");
    await expect(restoreBackup(other, await emptyDatabase())).rejects.toThrow(/is not a Remissbanken backup, or it is damaged/);
  });
});
