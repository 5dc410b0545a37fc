/** `npm run seed`: loads the demo data into an empty database (the same as the first `npm start`). */
import "reflect-metadata";
import { createDataSource } from "@remissbanken/schema";
import { startEmbeddedPostgres } from "@remissbanken/schema/engines/postgres";
import { loadConfig } from "../config.js";
import { seedDemoData } from "../seed/demo-data.js";

const config = loadConfig();
const pg = config.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.pgPort });
const ds = createDataSource(config.databaseUrl ?? pg!.url);
try {
  await ds.initialize();
  await ds.runMigrations({ transaction: "each" });
  console.log((await seedDemoData(ds)) ? "Demo data loaded." : "The database already has data; nothing loaded.");
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  if (ds.isInitialized) await ds.destroy();
  await pg?.stop();
}
