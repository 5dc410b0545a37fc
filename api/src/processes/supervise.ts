/**
 * Runs a TypeScript entry point as a child process of `npm start` and restarts it when it
 * exits unexpectedly, waiting 1 s, 2 s, 4 s … (at most 30 s) between attempts; the wait
 * resets after a minute of running.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { Logger } from "pino";

export interface SupervisedProcess {
  readonly restarts: number;
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  /** What the logs call it ("indexer", "web app"). */
  name: string;
  entry: string;
  env: Record<string, string>;
  log: Logger;
  /** Messages the child sends over IPC. */
  onMessage?: (message: unknown) => void;
}

export function superviseProcess(options: SuperviseOptions): SupervisedProcess {
  const { log } = options;
  // tsx runs the TypeScript entry point, as it runs the API (decision 002).
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  let child: ChildProcess | null = null;
  let stopping = false;
  let failures = 0;
  let restarts = 0;
  let timer: NodeJS.Timeout | null = null;

  const run = () => {
    const startedAt = Date.now();
    child = spawn(process.execPath, ["--import", tsx, options.entry], {
      env: { ...process.env, ...options.env },
      // Its own process group, so Ctrl-C reaches only `npm start`, which stops it in order; the IPC
      // channel closes if `npm start` dies, and the child then exits too.
      detached: true,
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    if (options.onMessage) child.on("message", options.onMessage);
    child.once("exit", (code, signal) => {
      child = null;
      if (stopping) return;
      failures = Date.now() - startedAt > 60_000 ? 1 : failures + 1;
      const delay = Math.min(30_000, 1_000 * 2 ** (failures - 1));
      log.warn({ code, signal, restartInMs: delay }, `${options.name} process exited; restarting`);
      timer = setTimeout(() => {
        restarts++;
        run();
      }, delay);
    });
  };
  run();

  return {
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      const current = child;
      if (!current || current.exitCode !== null || current.signalCode !== null) return;
      const exited = new Promise((resolve) => current.once("exit", resolve));
      current.kill("SIGTERM");
      const force = setTimeout(() => current.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(force);
    },
  };
}
