/**
 * `npm run restore -- FILE`: restores a backup of `npm run backup` into an empty data
 * directory (DATA_DIR, default ./.data) or an empty database at DATABASE_URL, then rebuilds
 * the search index from the restored database.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { connectEngines, reindexAll } from "@remissbanken/indexer";
import { EngineStartError } from "@remissbanken/schema/engines/postgres";
import { BackupError, restoreBackup } from "../backup/database-backup.js";

const USAGE = "Usage: DATA_DIR=<an empty directory> npm run restore -- FILE";

function fail(message: string, code = 1): never {
  console.error(`\n${message}\n`);
  process.exit(code);
}

let file: string;
try {
  const { positionals } = parseArgs({ allowPositionals: true, options: {} });
  if (positionals.length !== 1) fail(USAGE, 2);
  file = path.resolve(positionals[0]);
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`, 2);
}
await fs.access(file).catch(() => fail(`There is no file ${file}.`));

const dataDir = path.resolve(process.env.DATA_DIR ?? ".data");
if (!process.env.DATABASE_URL) {
  const entries = await fs.readdir(dataDir).catch(() => []);
  if (entries.length) {
    fail(
      `The data directory ${dataDir} is not empty; a restore goes only into an empty one, so nothing is overwritten.\n` +
        `Restore into a new directory and start from it:\n  DATA_DIR=/path/to/new npm run restore -- ${file}\n  DATA_DIR=/path/to/new npm start`,
    );
  }
}

let engines: Awaited<ReturnType<typeof connectEngines>> | undefined;
try {
  engines = await connectEngines(process.env);
  console.log(`Restoring ${file} into ${process.env.DATABASE_URL ? "the database at DATABASE_URL" : dataDir} …`);
  const { rows } = await restoreBackup(file, engines.databaseUrl);
  const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
  console.log(`Restored ${total} rows in ${Object.keys(rows).length} tables. Rebuilding the search index …`);
  const { counts } = await reindexAll({ databaseUrl: engines.databaseUrl, meiliUrl: engines.meiliUrl, apiKey: engines.meiliMasterKey, index: engines.index });
  const objects = Object.values(counts).reduce((sum, c) => sum + c.objects, 0);
  console.log(`Search index rebuilt: ${objects} objects searchable.`);
  console.log(process.env.DATABASE_URL ? "Done." : `Done. Start it with: DATA_DIR=${dataDir} npm start`);
} catch (error) {
  const known = error instanceof BackupError || error instanceof EngineStartError;
  console.error(`\nThe restore failed: ${known ? (error as Error).message : String((error as Error).stack ?? error)}`);
  if (!process.env.DATABASE_URL) console.error(`Remove ${dataDir} before trying again.`);
  console.error("");
  process.exitCode = 1;
} finally {
  await engines?.stop();
}
