/**
 * Where a running `npm start` keeps its engines, so that `npm run reindex` and
 * `npm run attach-text` can reach them: `DATA_DIR/engines.json`, readable only by its owner.
 * Command-line tools use, in order: DATABASE_URL and MEILI_URL from the environment, this
 * file while `npm start` runs (written whenever it started an embedded engine), or the
 * embedded engines started just for the command. Only one Meilisearch runs per data
 * directory (schema/src/engines/meilisearch.ts refuses a second).
 */
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { resolveEnvironment } from "@remissbanken/schema/env";

export interface EngineAddresses {
  databaseUrl: string;
  meiliUrl: string;
  meiliMasterKey?: string;
  index?: string;
}

export function runtimeFile(dataDir: string): string {
  return path.join(path.resolve(dataDir), "engines.json");
}

export async function writeRuntimeFile(dataDir: string, addresses: EngineAddresses): Promise<void> {
  await fs.writeFile(runtimeFile(dataDir), JSON.stringify(addresses, null, 2) + "\n", { mode: 0o600 });
}

export async function removeRuntimeFile(dataDir: string): Promise<void> {
  await fs.rm(runtimeFile(dataDir), { force: true });
}

async function reachable(databaseUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function healthy(meiliUrl: string): Promise<boolean> {
  return fetch(`${meiliUrl}/health`, { signal: AbortSignal.timeout(2_000) }).then(
    (response) => response.ok,
    () => false,
  );
}

export interface ConnectedEngines extends EngineAddresses {
  /** Whether the database was already running (an indexer may be at work on it), not started by this command. */
  external: boolean;
  /** Stops engines this command started itself. */
  stop(): Promise<void>;
}

/** Finds or starts the engines for a command-line tool. */
export async function connectEngines(given: NodeJS.ProcessEnv = process.env, { search = true } = {}): Promise<ConnectedEngines> {
  // As the API and the indexer read them: secrets from *_FILE, DATABASE_URL from its parts (compose).
  const { env, problems } = resolveEnvironment(Object.fromEntries(Object.entries(given).filter(([, value]) => value !== "")));
  if (problems.length) throw new Error(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  const dataDir = path.resolve(env.DATA_DIR ?? ".data");
  const index = env.MEILI_INDEX || undefined;
  const fromEnv = { databaseUrl: env.DATABASE_URL, meiliUrl: env.MEILI_URL, meiliMasterKey: env.MEILI_MASTER_KEY };

  const running = await fs
    .readFile(runtimeFile(dataDir), "utf8")
    .then((text) => JSON.parse(text) as EngineAddresses)
    .catch(() => undefined);
  const databaseUrl = fromEnv.databaseUrl ?? (running && (await reachable(running.databaseUrl)) ? running.databaseUrl : undefined);
  // The running Meilisearch, when it serves the same database (DATABASE_URL unset or the same):
  // starting another on DATA_DIR/meili would be refused while it runs.
  const sameDatabase = running && databaseUrl === running.databaseUrl;
  const runningMeili = !fromEnv.meiliUrl && sameDatabase && running.meiliUrl && (await healthy(running.meiliUrl)) ? running : undefined;
  const meiliUrl = fromEnv.meiliUrl ?? runningMeili?.meiliUrl;
  const meiliMasterKey = fromEnv.meiliUrl ? fromEnv.meiliMasterKey : runningMeili?.meiliMasterKey;
  if (databaseUrl && (meiliUrl || !search)) return { databaseUrl, meiliUrl: meiliUrl ?? "", meiliMasterKey, index: index ?? running?.index, external: true, stop: async () => {} };

  // Nothing running: start what is missing from the data directory, as `npm start` would.
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
  };
  try {
    let db = databaseUrl;
    if (!db) {
      const { startEmbeddedPostgres } = await import("@remissbanken/schema/engines/postgres");
      const started = await startEmbeddedPostgres({ dataDir });
      stops.push(() => started.stop());
      db = started.url;
    }
    let meili = meiliUrl;
    let key = meiliMasterKey;
    if (!meili && search) {
      const { startMeilisearch } = await import("@remissbanken/schema/engines/meilisearch");
      const started = await startMeilisearch({ dataDir });
      stops.push(() => started.stop());
      meili = started.url;
      key = started.masterKey;
    }
    return { databaseUrl: db, meiliUrl: meili ?? "", meiliMasterKey: key, index, external: !!databaseUrl, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
