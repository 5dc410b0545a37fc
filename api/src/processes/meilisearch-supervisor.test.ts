/** The embedded Meilisearch of `npm start` comes back after a crash, on the same address, and stays down after stop(). */
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../logger.js";
import { superviseMeilisearch } from "./meilisearch-supervisor.js";

let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "rb-meili-supervisor-"));
});

afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const health = (url: string) => fetch(`${url}/health`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.status, () => 0);

async function until(condition: () => Promise<boolean> | boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("superviseMeilisearch", () => {
  it("restarts a crashed Meilisearch on the same port and key, and not after stop()", async () => {
    const meili = await superviseMeilisearch({ dataDir }, createLogger("silent"));
    try {
      const first = meili.pid!;
      process.kill(first, "SIGKILL");
      await until(() => meili.restarts === 1 && meili.pid !== null);
      expect(meili.pid).not.toBe(first);
      expect(await health(meili.url)).toBe(200);
      const authorized = await fetch(`${meili.url}/indexes`, { headers: { Authorization: `Bearer ${meili.masterKey}` } });
      expect(authorized.status).toBe(200);
    } finally {
      await meili.stop();
    }
    expect(await health(meili.url)).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await health(meili.url)).toBe(0);
    expect(meili.restarts).toBe(1);
    await expect(stat(join(dataDir, "meili", "remissbanken.lock"))).rejects.toThrow();
  }, 30_000);
});
