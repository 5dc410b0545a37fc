/**
 * `npm run seed`: loads the demo data into an empty database (the same as the first
 * `npm start`). Uses the running installation's database when `npm start` runs, else
 * DATABASE_URL or the embedded PostgreSQL in DATA_DIR.
 */
import "reflect-metadata";
import { createDataSource } from "@remissbanken/schema";
import { connectEngines } from "@remissbanken/indexer";
import { ConfigError, loadConfig } from "../config.js";
import { seedDemoData } from "../seed/demo-data.js";

try {
  loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
let engines: Awaited<ReturnType<typeof connectEngines>> | undefined;
try {
  engines = await connectEngines(process.env, { search: false });
  const ds = createDataSource(engines.databaseUrl);
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: "each" });
    console.log((await seedDemoData(ds)) ? "Demo data loaded." : "The database already has data; nothing loaded.");
  } finally {
    if (ds.isInitialized) await ds.destroy();
  }
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await engines?.stop();
}
