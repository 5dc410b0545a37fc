import type { DataSource } from "typeorm";
import type { Logger } from "pino";
import { createDataSource } from "@remissbanken/schema";
import type { Config } from "./config.js";
import { isPortFree } from "@remissbanken/schema/engines/ports";
import { startServer, type RunningServer } from "./server.js";
import { seedDemoData } from "./seed/demo-data.js";
import { analyzeQuery, removeRuntimeFile, writeRuntimeFile } from "@remissbanken/indexer";
import { attachSearch, createSearch } from "./search/search.service.js";
import { superviseWorker } from "./processes/worker-supervisor.js";
import { installJobQueue } from "./worker/jobs.js";
import { superviseMeilisearch } from "./processes/meilisearch-supervisor.js";
import { superviseWeb, WebStartError } from "./processes/web-supervisor.js";
import { superviseEmbeddedPostgres } from "./processes/postgres-supervisor.js";

export interface App {
  url: string;
  /** The web app's address, when `npm start` runs it. */
  webUrl?: string;
  ds: DataSource;
  databaseUrl: string;
  server: RunningServer;
  /** Settles when a supervised engine could not be kept running; `npm start` then stops with this reason. */
  failed: Promise<Error>;
  stop(): Promise<void>;
}

export class StartupError extends Error {}

/**
 * Starts everything the API needs: the embedded PostgreSQL when no DATABASE_URL
 * is set, migrations, demo data on first start, the embedded Meilisearch when no
 * MEILI_URL is set, the HTTP server, and the worker process (indexer and job runner; unless
 * START_INDEXER=false).
 */
export async function startApp(config: Config, log: Logger): Promise<App> {
  const stack: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stack.reverse()) await stop().catch((err) => log.error({ err }, "error while stopping"));
    stack.length = 0;
  };
  try {
    // Before anything is created in a fresh data directory: a taken port would leave it half-made.
    const ports: [string, number][] = [["PORT", config.port]];
    if (config.startWeb) ports.push(["WEB_PORT", config.webPort]);
    for (const [name, port] of ports) {
      if (port !== 0 && !(await isPortFree(port, config.host))) {
        throw new StartupError(`Port ${port} is already in use. Stop the other program or set ${name} to another port.`);
      }
    }

    let databaseUrl = config.databaseUrl;
    // An external PostgreSQL is someone else's to restart; the pool reconnects when it is back.
    let failed = new Promise<Error>(() => {});
    if (!databaseUrl) {
      // Restarted on the same port if it crashes.
      const pg = await superviseEmbeddedPostgres({ dataDir: config.dataDir, port: config.pgPort, log: log.child({ engine: "postgres" }) });
      stack.push(() => pg.stop());
      databaseUrl = pg.url;
      failed = pg.failed;
      log.info({ dataDir: config.dataDir }, "embedded PostgreSQL started");
    }

    const ds = createDataSource(databaseUrl);
    await ds.initialize();
    stack.push(() => ds.destroy());
    const ran = await ds.runMigrations({ transaction: "each" });
    if (ran.length) log.info({ migrations: ran.map((m) => m.name) }, "migrations applied");
    // The API queues mail in its own transactions, so the queue's tables must exist before a worker ran.
    await installJobQueue(databaseUrl);

    if (config.seedDemoData) {
      const seeded = await seedDemoData(ds);
      if (seeded) log.info("demo data loaded");
    }

    let meiliUrl = config.meiliUrl;
    let meiliMasterKey = config.meiliMasterKey;
    if (!meiliUrl) {
      // Restarted on the same port and key if it crashes.
      const meili = await superviseMeilisearch(
        {
          dataDir: config.dataDir,
          env: config.production ? "production" : "development",
          log: (line) => log.debug({ engine: "meilisearch" }, line),
        },
        log.child({ engine: "meilisearch" }),
      ).catch((error: Error) => {
        throw new StartupError(`Meilisearch did not start: ${error.message}`);
      });
      stack.push(() => meili.stop());
      meiliUrl = meili.url;
      meiliMasterKey = meili.masterKey;
      log.info({ url: meiliUrl }, "embedded Meilisearch started");
    }
    attachSearch(ds, createSearch(ds, { url: meiliUrl, apiKey: meiliMasterKey, index: config.meiliIndex }, log));
    // Loads the Swedish dictionary now (about half a second) rather than in the first search.
    analyzeQuery("strandskydd");

    if (!config.databaseUrl || !config.meiliUrl) {
      // Lets `npm run reindex` and `npm run attach-text` reach the engines of this run instead
      // of starting their own on the same data directory.
      const addresses = { databaseUrl, meiliUrl, meiliMasterKey, index: config.meiliIndex };
      await writeRuntimeFile(config.dataDir, addresses);
      stack.push(() => removeRuntimeFile(config.dataDir));
    }

    const server = await startServer(config, ds, log).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "EADDRINUSE") {
        throw new StartupError(`Port ${config.port} is already in use. Stop the other program or set PORT to another port.`);
      }
      throw error;
    });
    stack.push(() => server.stop());

    if (config.startIndexer) {
      // After the server: without SMTP_URL the worker sends through the server's capturing SMTP
      // server, and stops (finishing a mail being sent) before it.
      const worker = superviseWorker({
        databaseUrl,
        meiliUrl,
        meiliMasterKey,
        index: config.meiliIndex,
        logLevel: config.logLevel,
        publicUrl: config.publicUrl,
        mailFrom: config.mailFrom,
        smtpUrl: server.mailer.localSmtpUrl,
        log: log.child({ process: "worker" }),
      });
      stack.push(() => worker.stop());
    }

    let webUrl: string | undefined;
    if (config.startWeb) {
      log.info("starting the web app (it is built first when its sources changed)");
      const web = await superviseWeb({
        port: config.webPort,
        host: config.host,
        apiUrl: server.url,
        publicUrl: config.publicUrl,
        logLevel: config.logLevel,
        log: log.child({ process: "web" }),
      }).catch((error: Error) => {
        throw error instanceof WebStartError ? new StartupError(error.message) : error;
      });
      stack.push(() => web.stop());
      webUrl = web.url;
    }
    return { url: server.url, webUrl, ds, databaseUrl, server, failed, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
