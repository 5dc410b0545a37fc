/** `npm start`: runs Remissbanken with everything it needs, and stops it all on Ctrl-C. */
import "reflect-metadata";
import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { exitAfterFlush } from "@remissbanken/schema/logging";
import { startApp, StartupError } from "./app.js";
import { EngineStartError } from "@remissbanken/schema/engines/postgres";

let config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const log = createLogger(config.logLevel);
try {
  const app = await startApp(config, log);
  // The web app's public address, the one emailed links use: opening another name for the same
  // server (127.0.0.1 for localhost) would leave the person signed out when they follow a link.
  const web = app.webUrl ? `Remissbanken is running: open ${config.publicUrl}\nGraphQL at ${app.url}` : `Remissbanken is running: GraphQL at ${app.url}`;
  console.log(`\n${web}\nData in ${config.databaseUrl ? "the database at DATABASE_URL" : config.dataDir}. Press Ctrl-C to stop.\n`);
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "stopping");
    await app.stop();
    log.info("stopped");
    await exitAfterFlush(log, 0);
  };
  void app.failed.then(async (reason) => {
    if (stopping) return;
    stopping = true;
    console.error(`\nRemissbanken stopped: ${reason.message}\n`);
    await app.stop();
    await exitAfterFlush(log, 1);
  });
  process.on("SIGHUP", () => void shutdown("SIGHUP"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
} catch (error) {
  if (error instanceof StartupError || error instanceof EngineStartError) {
    console.error(`\nRemissbanken could not start: ${error.message}\n`);
    process.exit(1);
  }
  log.fatal({ err: error }, "start failed");
  await exitAfterFlush(log, 1);
}
