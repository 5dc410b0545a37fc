/**
 * Builds the web app when its sources changed (`npm start` and the test run call this;
 * `npm run build` always builds). Each version of the sources is built into a directory
 * named by their hash (web/build/<hash>), written to a temporary directory first and
 * renamed into place, so concurrent runs never see a half-written build and a fresh clone
 * builds once.
 */
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";

export const WEB_DIR = path.resolve(import.meta.dirname, "..");
const BUILDS = path.join(WEB_DIR, "build");
const SOURCES = ["app", "public", "vite.config.ts", "package.json", "../schema/src/labels.ts"];
/** Older builds kept beside the current one (a running server may still serve one). */
const KEEP = 3;

async function filesUnder(entry: string): Promise<string[]> {
  const full = path.join(WEB_DIR, entry);
  const stat = await fs.stat(full).catch(() => null);
  if (!stat) return [];
  if (!stat.isDirectory()) return [full];
  const found = await fs.readdir(full, { recursive: true, withFileTypes: true });
  return found
    .filter((d) => d.isFile() && !/\.test\.tsx?$/.test(d.name))
    .map((d) => path.join(d.parentPath, d.name));
}

/** A hash of everything the build is made from. */
export async function sourceHash(): Promise<string> {
  const files = (await Promise.all(SOURCES.map(filesUnder))).flat().sort();
  const hash = crypto.createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(WEB_DIR, file));
    hash.update(await fs.readFile(file));
  }
  return hash.digest("hex").slice(0, 16);
}

/** The build directory of the sources as they are now (it may not exist yet). */
export async function currentBuildDir(): Promise<string> {
  return path.join(BUILDS, await sourceHash());
}

async function runViteBuild(outDir: string, log: (line: string) => void): Promise<void> {
  const cli = path.join(path.dirname(createRequire(import.meta.url).resolve("@remix-run/dev/package.json")), "dist/cli.js");
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "vite:build"], {
      cwd: WEB_DIR,
      env: { ...process.env, NODE_ENV: "production", WEB_BUILD_DIR: outDir },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split("\n")) if (line.trim()) log(line);
    };
    child.stdout.on("data", collect);
    child.stderr.on("data", collect);
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`The web app's build failed:\n${output.slice(-4000)}`))));
  });
}

async function pruneOldBuilds(current: string): Promise<void> {
  const entries = await fs.readdir(BUILDS, { withFileTypes: true }).catch(() => []);
  const builds = await Promise.all(
    entries
      .filter((e) => e.isDirectory() && path.join(BUILDS, e.name) !== current)
      .map(async (e) => ({ dir: path.join(BUILDS, e.name), at: (await fs.stat(path.join(BUILDS, e.name))).mtimeMs })),
  );
  builds.sort((a, b) => b.at - a.at);
  for (const old of builds.slice(KEEP)) await fs.rm(old.dir, { recursive: true, force: true });
}

/** Builds the current sources (client and server bundles); returns the build directory. */
export async function buildWeb(log: (line: string) => void = () => {}): Promise<string> {
  const dir = await currentBuildDir();
  const temporary = `${dir}.tmp-${process.pid}-${crypto.randomBytes(4).toString("hex")}`;
  try {
    await runViteBuild(temporary, log);
    await fs.rm(dir, { recursive: true, force: true });
    await fs.rename(temporary, dir).catch(async (error: NodeJS.ErrnoException) => {
      // Another run built the same sources at the same time: theirs is as good as ours.
      if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
    });
  } finally {
    await fs.rm(temporary, { recursive: true, force: true });
  }
  await pruneOldBuilds(dir);
  return dir;
}

/** The build of the current sources, built first if there is none. */
export async function ensureWebBuild(log?: (line: string) => void): Promise<string> {
  const dir = await currentBuildDir();
  const complete = await fs.stat(path.join(dir, "server/index.js")).then(() => true, () => false);
  return complete ? dir : buildWeb(log);
}
