/**
 * Starts one real embedded PostgreSQL and one real Meilisearch for the whole test
 * run, in a temporary data directory on their own ports, and prepares a migrated
 * template database from which each test file clones its own database. Test files
 * share the Meilisearch but each uses indexes of its own.
 */
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { createDataSource } from "@remissbanken/schema";
import { startEmbeddedPostgres } from "@remissbanken/schema/engines/postgres";
import { startMeilisearch } from "@remissbanken/schema/engines/meilisearch";
import { ensureWebBuild } from "@remissbanken/web/server/build";
import { installJobQueue } from "@remissbanken/api/worker/jobs";

declare module "vitest" {
  export interface ProvidedContext {
    pgUrl: string;
    templateDatabase: string;
    meiliUrl: string;
    meiliKey: string;
  }
}

export const TEMPLATE_DATABASE = "rb_template";

export default async function setup(project: TestProject) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rb-test-"));
  const [pg, meili] = await Promise.all([
    startEmbeddedPostgres({ dataDir, database: TEMPLATE_DATABASE }),
    startMeilisearch({ dataDir }),
    // The browser tests run the web app's production build; built only when its sources changed.
    ensureWebBuild(),
  ]);
  const ds = createDataSource(pg.url);
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  await ds.destroy();
  // As `npm start` does: test databases can queue jobs (notification mail) without a worker.
  await installJobQueue(pg.url);

  project.provide("pgUrl", pg.url);
  project.provide("templateDatabase", TEMPLATE_DATABASE);
  project.provide("meiliUrl", meili.url);
  project.provide("meiliKey", meili.masterKey);

  return async () => {
    await Promise.all([pg.stop(), meili.stop()]);
    await fs.rm(dataDir, { recursive: true, force: true });
  };
}
