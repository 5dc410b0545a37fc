/**
 * The indexer alone (`npm run indexer`). `npm start` and docker compose run the worker
 * instead (api/src/worker/main.ts), which runs this same indexer beside the job runner.
 * Needs DATABASE_URL and MEILI_URL (MEILI_MASTER_KEY, MEILI_INDEX optional).
 */
import pino from "pino";
import { logTransport } from "@remissbanken/schema/logging";
import { IndexerEnv, parseProcessEnvironment, startIndexerProcess, stopOnSignals } from "./process.js";

const env = parseProcessEnvironment(IndexerEnv, "indexer");
const log = pino({ level: env.LOG_LEVEL, base: { process: "indexer" }, transport: logTransport() });
const indexer = await startIndexerProcess(env, log);
log.info("indexer running");
stopOnSignals(log, "indexer", () => indexer.stop());
