/**
 * `npm run backup [-- --out DIR]`: writes a consistent backup of the database to
 * DIR/remissbanken-<UTC date and time>.jsonl.gz (DIR defaults to ./backups). Works while
 * `npm start` runs (it reads that installation's database) and against DATABASE_URL.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { connectEngines } from "@remissbanken/indexer";
import { EngineStartError } from "@remissbanken/schema/engines/postgres";
import { BackupError, backupFileName, writeBackup } from "../backup/database-backup.js";

const USAGE = "Usage: npm run backup [-- --out DIR]   (DIR defaults to ./backups)";

let out: string;
try {
  out = parseArgs({ options: { out: { type: "string", default: "backups" } } }).values.out!;
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}

let engines: Awaited<ReturnType<typeof connectEngines>> | undefined;
try {
  engines = await connectEngines(process.env, { search: false });
  await fs.mkdir(out, { recursive: true });
  const file = path.resolve(out, backupFileName());
  const where = process.env.DATABASE_URL ? "the database at DATABASE_URL" : engines.external ? "the running installation's database" : `the database in ${path.resolve(process.env.DATA_DIR ?? ".data")}`;
  console.log(`Backing up ${where} …`);
  const { rows } = await writeBackup(engines.databaseUrl, file);
  const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
  const { size } = await fs.stat(file);
  console.log(`Backup written: ${file}\n  ${total} rows in ${Object.keys(rows).length} tables, ${(size / 1_048_576).toFixed(1)} MB.`);
  console.log(`Restore it with: DATA_DIR=<an empty directory> npm run restore -- ${file}`);
} catch (error) {
  const known = error instanceof BackupError || error instanceof EngineStartError;
  console.error(`\nThe backup failed: ${known ? (error as Error).message : String((error as Error).stack ?? error)}\n`);
  process.exitCode = 1;
} finally {
  await engines?.stop();
}
