/**
 * Backups of Remissbanken's database as one gzip-compressed file of JSON lines, written and
 * read by the product itself (decision 011: the embedded PostgreSQL ships no pg_dump).
 *
 * The file: a header line (format, version, when, PostgreSQL's version, the migrations the
 * database had), then per table a `{"$":"table"}` line and one line per row as PostgreSQL's
 * `row_to_json` writes it, then the sequences, then an end line with the row counts. A file
 * without its end line is refused as incomplete; a backup being written is named `….partial`
 * until it is complete.
 *
 * Consistency: everything is read in one REPEATABLE READ READ ONLY transaction, so the file
 * holds exactly the transactions committed before it started, whatever is written meanwhile.
 * Nothing the data directory holds besides the database is needed: sessions and API tokens
 * are rows (stored hashed), the PostgreSQL password and the Meilisearch key are made anew with
 * a new data directory, and the search index is rebuilt from the database.
 *
 * Restoring runs the migrations the backup's database had, loads the rows with triggers off
 * (no outbox events, no audit rows for the load), sets the sequences, and then runs the
 * migrations added since, so a backup from an older version restores into a newer one.
 */
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import readline from "node:readline";
import { pipeline } from "node:stream/promises";
import { PassThrough } from "node:stream";
import { createGunzip, createGzip } from "node:zlib";
import pg from "pg";
import { createDataSource } from "@remissbanken/schema";
import { MIGRATIONS } from "@remissbanken/schema/migrations/index";

export const BACKUP_FORMAT = "remissbanken-backup";
export const BACKUP_VERSION = 1;

interface Header {
  $: "header";
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  postgres: string;
  migrations: string[];
}
type ControlLine =
  | Header
  | { $: "table"; name: string; columns: string[] }
  | { $: "sequence"; name: string; lastValue: string; isCalled: boolean }
  | { $: "end"; rows: Record<string, number> };

/** Tables whose rows are not data: TypeORM's bookkeeping, which the migrations write. */
const NOT_DATA = new Set(["migrations", "typeorm_metadata"]);
const FETCH_ROWS = 500;
const INSERT_ROWS = 500;
const INSERT_BYTES = 4_000_000;

export class BackupError extends Error {}

export interface BackupSummary {
  rows: Record<string, number>;
  migrations: string[];
}

/** `remissbanken-2026-12-01T061230Z.jsonl.gz`: the time in UTC, to the second. */
export function backupFileName(at = new Date()): string {
  return `remissbanken-${at.toISOString().slice(0, 19).replace(/:/g, "")}Z.jsonl.gz`;
}

/** The tables and sequences of the public schema, and the columns a row is written with (generated ones are computed again). */
async function describeSchema(client: pg.ClientBase) {
  const { rows: tables } = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname::text AS name, array_agg(a.attname::text ORDER BY a.attnum) AS columns
     FROM pg_class c
     JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
     GROUP BY c.relname ORDER BY c.relname`,
  );
  const { rows: sequences } = await client.query<{ name: string }>(
    `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'S' ORDER BY c.relname`,
  );
  return { tables: tables.filter((t) => !NOT_DATA.has(t.name)), sequences: sequences.map((s) => s.name) };
}

/** Writes a consistent backup of the database at `databaseUrl` to `file`. */
export async function writeBackup(databaseUrl: string, file: string, onTable?: (table: string, rows: number) => void): Promise<BackupSummary> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const partial = `${file}.partial`;
  const lines = new PassThrough();
  const written = pipeline(lines, createGzip(), createWriteStream(partial, { mode: 0o600 }));
  const write = async (line: string) => {
    if (!lines.write(line + "\n")) await new Promise((resolve) => lines.once("drain", resolve));
  };
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows: version } = await client.query<{ v: string }>("SELECT current_setting('server_version') AS v");
    const { rows: applied } = await client
      .query<{ name: string }>("SELECT name FROM migrations ORDER BY id")
      .catch(() => ({ rows: [] as { name: string }[] }));
    if (!applied.length) throw new BackupError("The database has no Remissbanken tables: nothing to back up.");
    const migrations = applied.map((m) => m.name);
    const header: Header = { $: "header", format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: new Date().toISOString(), postgres: version[0].v, migrations };
    await write(JSON.stringify(header));

    const { tables, sequences } = await describeSchema(client);
    // Like pg_dump: no migration may change a table under us while we read it.
    await client.query(`LOCK TABLE ${tables.map((t) => client.escapeIdentifier(t.name)).join(", ")} IN ACCESS SHARE MODE`);
    const rows: Record<string, number> = {};
    for (const table of tables) {
      await write(JSON.stringify({ $: "table", name: table.name, columns: table.columns } satisfies ControlLine));
      const columns = table.columns.map((c) => client.escapeIdentifier(c)).join(", ");
      await client.query(`DECLARE dump NO SCROLL CURSOR FOR SELECT row_to_json(r)::text AS line FROM (SELECT ${columns} FROM ${client.escapeIdentifier(table.name)}) r`);
      rows[table.name] = 0;
      for (;;) {
        const { rows: batch } = await client.query<{ line: string }>(`FETCH ${FETCH_ROWS} FROM dump`);
        for (const row of batch) await write(row.line);
        rows[table.name] += batch.length;
        if (batch.length < FETCH_ROWS) break;
      }
      await client.query("CLOSE dump");
      onTable?.(table.name, rows[table.name]);
    }
    for (const name of sequences) {
      const { rows: seq } = await client.query<{ last_value: string; is_called: boolean }>(`SELECT last_value, is_called FROM ${client.escapeIdentifier(name)}`);
      await write(JSON.stringify({ $: "sequence", name, lastValue: seq[0].last_value, isCalled: seq[0].is_called } satisfies ControlLine));
    }
    await write(JSON.stringify({ $: "end", rows } satisfies ControlLine));
    await client.query("COMMIT");
    lines.end();
    await written;
    await fs.rename(partial, file);
    return { rows, migrations };
  } catch (error) {
    lines.destroy();
    await written.catch(() => undefined);
    await fs.rm(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The lines of a backup file, parsed; fails clearly on a file that is not one or is cut short. */
async function* readLines(file: string): AsyncGenerator<ControlLine | Record<string, unknown>> {
  const input = createReadStream(file).pipe(createGunzip());
  const reader = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of reader) {
      if (line) yield JSON.parse(line);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new BackupError(`There is no file ${file}.`);
    if (code?.startsWith("Z_") || error instanceof SyntaxError) throw new BackupError(`${file} is not a Remissbanken backup, or it is damaged (${(error as Error).message}).`);
    throw error;
  }
}

/** Whether the database has tables of its own (a restore goes only into an empty one). */
export async function databaseIsEmpty(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT 1 FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') LIMIT 1`);
    return rows.length === 0;
  } finally {
    await client.end();
  }
}

/** Runs the given migrations (by name, in the code's order) on the database. */
async function migrate(databaseUrl: string, names?: Set<string>): Promise<void> {
  const migrations = names ? MIGRATIONS.filter((m) => names.has(new m().name!)) : MIGRATIONS;
  const ds = createDataSource(databaseUrl, { migrations });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: "each" });
  } finally {
    await ds.destroy();
  }
}

/** The backup's migrations must be the first ones this version knows, in its order. */
function checkMigrations(header: Header): void {
  const known = MIGRATIONS.map((m) => new m().name!);
  const unknown = header.migrations.filter((name) => !known.includes(name));
  if (unknown.length) {
    throw new BackupError(`The backup was taken by a newer version of Remissbanken (it has the migrations ${unknown.join(", ")}); restore it with that version.`);
  }
  if (header.migrations.some((name, i) => known[i] !== name)) {
    throw new BackupError("The backup's migrations do not match this version's; restore it with the version that took it.");
  }
}

/** Loads a backup into an empty database at `databaseUrl`. The search index is rebuilt separately (reindexAll). */
export async function restoreBackup(file: string, databaseUrl: string, onTable?: (table: string, rows: number) => void): Promise<BackupSummary> {
  const lines = readLines(file);
  const first = (await lines.next()).value as Header | undefined;
  if (first?.$ !== "header" || first.format !== BACKUP_FORMAT) throw new BackupError(`${file} is not a Remissbanken backup.`);
  if (first.version > BACKUP_VERSION) throw new BackupError(`${file} has backup format ${first.version}; this version of Remissbanken reads format ${BACKUP_VERSION}.`);
  checkMigrations(first);
  if (!(await databaseIsEmpty(databaseUrl))) throw new BackupError("The database already has tables; restore only into an empty database.");

  await migrate(databaseUrl, new Set(first.migrations));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const rows: Record<string, number> = {};
  let ended = false;
  try {
    await client.query("BEGIN");
    // Rows go in as they were: no triggers (outbox, audit, updated_at) and no order between tables for the foreign keys.
    await client.query("SET LOCAL session_replication_role = replica").catch((error: Error) => {
      throw new BackupError(`Restoring needs a PostgreSQL role that may switch off triggers (a superuser, as the embedded PostgreSQL's and the compose database's owner are): ${error.message}`);
    });
    const { tables } = await describeSchema(client);
    // Whatever a migration may have put in, the backup's rows replace it.
    await client.query(`TRUNCATE ${tables.map((t) => client.escapeIdentifier(t.name)).join(", ")}`);

    let table: { name: string; columns: string[] } | null = null;
    let batch: string[] = [];
    let bytes = 0;
    const flush = async () => {
      if (!table || !batch.length) return;
      const columns = table.columns.map((c) => client.escapeIdentifier(c)).join(", ");
      const name = client.escapeIdentifier(table.name);
      await client.query(`INSERT INTO ${name} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${name}, $1::json)`, [`[${batch.join(",")}]`]);
      rows[table.name] += batch.length;
      batch = [];
      bytes = 0;
    };
    for await (const line of lines) {
      const control = (line as { $?: string }).$ ? (line as ControlLine) : null;
      if (!control) {
        if (!table) throw new BackupError(`${file} is damaged: a row before any table.`);
        const text = JSON.stringify(line);
        batch.push(text);
        bytes += text.length;
        if (batch.length >= INSERT_ROWS || bytes >= INSERT_BYTES) await flush();
        continue;
      }
      await flush();
      if (table) onTable?.(table.name, rows[table.name]);
      table = null;
      if (control.$ === "table") {
        table = { name: control.name, columns: control.columns };
        rows[table.name] = 0;
      } else if (control.$ === "sequence") {
        await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [client.escapeIdentifier(control.name), control.lastValue, control.isCalled]);
      } else if (control.$ === "end") {
        const short = Object.entries(control.rows).filter(([name, count]) => rows[name] !== count);
        if (short.length) throw new BackupError(`${file} is damaged: ${short.map(([name]) => name).join(", ")} lack rows.`);
        ended = true;
      }
    }
    if (!ended) throw new BackupError(`${file} is incomplete: it ends before its last table (was it copied while being written?).`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
  // Migrations this version added since the backup was taken.
  await migrate(databaseUrl);
  return { rows, migrations: first.migrations };
}
