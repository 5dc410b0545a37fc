/**
 * The database an import command works on: that of a running `npm start`, the one at
 * DATABASE_URL, or the embedded one started for the run (as `attach-text` does).
 */
import "reflect-metadata";
import fs from "node:fs/promises";
import path from "node:path";
import type { DataSource } from "typeorm";
import { createDataSource } from "@remissbanken/schema";
import { connectEngines } from "@remissbanken/indexer";
import { describeError } from "./import-writer.js";
import type { ImportSummary } from "./import-summary.js";

/** Runs an import command's work and always closes what it opened; an error becomes exit code 1. */
export async function withImportDatabase(work: (ds: DataSource, external: boolean) => Promise<void>): Promise<void> {
  const engines = await connectEngines(process.env, { search: false });
  const ds = createDataSource(engines.databaseUrl);
  try {
    await ds.initialize();
    await work(ds, engines.external);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await engines.stop();
  }
}

/** Reads and parses a saved response; a file that cannot be read or parsed is a failed item. */
export async function readSaved<T>(file: string, parse: (body: string, where: string) => T, summary: ImportSummary): Promise<T | null> {
  const name = path.basename(file);
  try {
    return parse(await fs.readFile(file, "utf8"), name);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "there is no such file" : describeError(error);
    summary.failed.push({ key: file, label: name, reason, source: true });
    return null;
  }
}
