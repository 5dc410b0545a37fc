/**
 * `npm start` and the command-line scripts as child processes, for tests that need the
 * installation as an operator runs it (crash recovery, backups).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runCommand } from "./command.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface StartedProcess {
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far. */
  output(): string;
  /** The GraphQL address it printed once it was ready. */
  ready: Promise<string>;
}

/** Runs `npm start` (api/src/start.ts) with JSON logs; `ready` rejects if it exits first. */
export function startInstallation(env: Record<string, string>): StartedProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "api/src/start.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: "development", LOG_LEVEL: "info", LOG_FORMAT: "json", START_WEB: "false", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL at (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  ready.catch(() => undefined);
  return { child, output: () => output, ready };
}

/** Runs a TypeScript script to its end, in development mode with quiet logs. */
export function runScript([script, ...args]: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return runCommand(script, args, { NODE_ENV: "development", LOG_LEVEL: "warn", ...env });
}

/** Ctrl-C, and the exit code once it stopped. */
export function stopProcess(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
    child.kill("SIGINT");
  });
}

/** Sends GraphQL over HTTP as a script would. */
export async function gqlAt<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ status: number; data?: T; errors?: { message: string; extensions?: Record<string, unknown> }[] }> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...((await res.json()) as object) };
}

/** An API token for a demo user, signed in by password. */
export async function demoToken(url: string, email = "staff@smakom.example", password = "demo-staff-2021"): Promise<string> {
  const signIn = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }`, variables: { e: email, p: password } }),
  });
  const cookie = signIn.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ query: `mutation { createApiToken(name: "test") { secret } }` }),
  });
  const body = (await res.json()) as { data?: { createApiToken: { secret: string } }; errors?: unknown };
  if (!body.data) throw new Error(`no API token: ${JSON.stringify(body.errors)}`);
  return body.data.createApiToken.secret;
}

/** Polls `check` until it returns something other than undefined, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Temporary directories made by a test file, removed together at its end. */
export function temporaryDirectories() {
  const dirs: string[] = [];
  return {
    async make(prefix: string): Promise<string> {
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
      dirs.push(dir);
      return dir;
    },
    async removeAll(): Promise<void> {
      await Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
    },
  };
}
