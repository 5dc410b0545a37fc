import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMeilisearch, type MeilisearchOptions, type RunningMeilisearch } from "./meilisearch.js";

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
    await writeFile(join(otherDir, "meili", "remissbanken.lock"), JSON.stringify({ token: "x", pid: 2 ** 22 + 1, meilisearch: 2 ** 22 + 2 }));
    const meili = await start({ dataDir: otherDir });
    await meili.stop();
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
});
