/**
 * The worker as operators run it: under `npm start` (indexer and job runner beside the API,
 * development mail through the API's capturing SMTP server, a clean stop on Ctrl-C) and on
 * its own with WORKER_JOBS=false (the indexer only).
 */
import { spawn } from "node:child_process";
import fs from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { createDataSource, Role } from "@remissbanken/schema";
import { freePort } from "@remissbanken/schema/engines/ports";
import { createTestDatabase } from "@remissbanken/test/harness";
import { buildUser } from "@remissbanken/test/factories";
import { eventually, ROOT, startInstallation, stopProcess, temporaryDirectories, type StartedProcess } from "@remissbanken/test/start-process";
import { queueMails } from "../notify/notification-queue.js";

const dirs = temporaryDirectories();
const started: StartedProcess[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => stopProcess(s.child)));
  await dirs.removeAll();
});

type LogLine = { process?: string; msg: string; level: number };
const logLines = (output: string): LogLine[] =>
  output
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as LogLine);

describe("the worker process", () => {
  it("runs the indexer and the job runner under npm start, sends development mail through the API's SMTP server, and stops cleanly", async () => {
    const dataDir = await dirs.make("rb-worker-");
    const installation = startInstallation({ DATA_DIR: dataDir, PORT: String(await freePort()) });
    started.push(installation);
    await installation.ready;
    const said = (process: string, msg: string) => () =>
      Promise.resolve(logLines(installation.output()).some((l) => l.process === process && l.msg === msg) || undefined);
    await eventually(said("indexer", "indexer running"), 60_000, "the indexer to run");
    await eventually(said("worker", "job runner running"), 60_000, "the job runner to run");

    // A mail queued in the installation's database is sent by its worker and shows in its log.
    const engines = JSON.parse(await fs.readFile(path.join(dataDir, "engines.json"), "utf8")) as { databaseUrl: string };
    const ds = createDataSource(engines.databaseUrl);
    await ds.initialize();
    try {
      // A weekly digest: its planner's last check before sending asks only whether the person still wants it.
      const user = await buildUser(ds.manager, { role: Role.STAFF });
      await ds.transaction((manager) =>
        queueMails(manager, [
          { key: `test:${user.id}`, kind: "weeklyDigest", userId: user.id, mail: { to: user.email, subject: "Veckobrev från Remissbanken", text: "Sista svarsdag på fredag." } },
        ]),
      );
      const mail = await eventually(
        async () => logLines(installation.output()).find((l) => l.msg.startsWith(`development mail to ${user.email}`)),
        30_000,
        "the mail in the development log",
      );
      expect(mail.msg).toContain("Ändra vilka mejl du får: http://localhost:3000/installningar#e-post");
    } finally {
      await ds.destroy();
    }

    expect(await stopProcess(installation.child)).toBe(0);
    const stopping = logLines(installation.output()).filter((l) => l.msg === "worker stopping");
    expect(stopping).toHaveLength(1);
    expect(logLines(installation.output()).filter((l) => l.msg.includes("exited; restarting"))).toEqual([]);
  }, 180_000);

  it("runs the indexer alone with WORKER_JOBS=false", async () => {
    const heartbeat = path.join(await dirs.make("rb-worker-heartbeat-"), "heartbeat");
    const child = spawn(process.execPath, ["--import", "tsx", "api/src/worker/main.ts"], {
      cwd: ROOT,
      env: {
        ...process.env,
        NODE_ENV: "production",
        LOG_FORMAT: "json",
        DATABASE_URL: await createTestDatabase(),
        MEILI_URL: inject("meiliUrl"),
        MEILI_MASTER_KEY: inject("meiliKey"),
        MEILI_INDEX: `t_worker_${process.pid}`,
        INDEXER_HEARTBEAT_FILE: heartbeat,
        WORKER_JOBS: "false",
        SMTP_URL: "",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    await eventually(async () => (output.includes("job runner off (WORKER_JOBS=false)") ? true : undefined), 30_000, "the worker to start");
    expect(output).toContain("indexer running");
    // Production without SMTP_URL is fine when no mail is sent; the heartbeat is written for compose.
    expect(JSON.parse(await fs.readFile(heartbeat, "utf8")).at).toBeTruthy();
    expect(await stopProcess(child)).toBe(0);
    expect(output).not.toContain("job runner running");
  }, 60_000);

  it("refuses to run jobs in production without SMTP_URL, naming the setting", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", "api/src/worker/main.ts"], {
      cwd: ROOT,
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: "postgres://x@127.0.0.1:1/x", MEILI_URL: "http://127.0.0.1:1", SMTP_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const code = await new Promise((resolve) => child.once("exit", resolve));
    expect(code).toBe(2);
    expect(output).toContain("Invalid worker configuration");
    expect(output).toContain("SMTP_URL: is required in production");
  }, 30_000);
});
