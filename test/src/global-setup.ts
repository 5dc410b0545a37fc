/**
 * Starts one real embedded PostgreSQL for the whole test run, in a temporary
 * data directory on its own port, and prepares a migrated template database
 * from which each test file clones its own database.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDataSource } from "@remissbanken/schema";
import { startEmbeddedPostgres } from "@remissbanken/schema/engines/postgres";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
    templateDatabase: string;
  }
}

export const TEMPLATE_DATABASE = "rb_template";

export default async function setup(project: TestProject) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rb-test-"));
  const pg = await startEmbeddedPostgres({ dataDir, database: TEMPLATE_DATABASE });
  const ds = createDataSource(pg.url);
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  await ds.destroy();

  project.provide("pgUrl", pg.url);
  project.provide("templateDatabase", TEMPLATE_DATABASE);

  return async () => {
    await pg.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
