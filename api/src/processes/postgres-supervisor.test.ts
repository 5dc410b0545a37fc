import fs from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { superviseEmbeddedPostgres, type SupervisedPostgres } from "./postgres-supervisor.js";

let dataDir: string;
let supervised: SupervisedPostgres | undefined;
let blocker: net.Server | undefined;

afterAll(async () => {
  blocker?.close();
  await supervised?.stop();
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

/** Listens on the port the moment the dead postmaster has let go of it. */
async function takePort(port: number): Promise<net.Server> {
  for (;;) {
    const server = net.createServer();
    const listening = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen({ port, host: "127.0.0.1", exclusive: true }, () => resolve(true));
    });
    if (listening) return server;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("superviseEmbeddedPostgres", () => {
  it("gives up with a clear reason when PostgreSQL cannot be restarted", async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rb-pg-supervisor-"));
    const lines: { level: number; msg: string }[] = [];
    const log = pino({ level: "info" }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    supervised = await superviseEmbeddedPostgres({ dataDir, log, maxFailures: 2, firstDelayMs: 300 });

    process.kill(supervised.pid!, "SIGKILL");
    // The restart finds its port taken, which fails it as a broken cluster would.
    blocker = await takePort(supervised.port);

    const reason = await supervised.failed;
    expect(reason.message).toBe(`PostgreSQL did not restart 2 times in a row; giving up. Look at ${dataDir}/postgres and the log lines above.`);
    expect(lines.map((l) => [l.level, l.msg])).toEqual([
      [50, "PostgreSQL exited unexpectedly; restarting it (requests answer SERVICE_UNAVAILABLE meanwhile)"],
      [60, reason.message],
    ]);
    expect(supervised.pid).toBeNull();
  }, 60_000);
});
