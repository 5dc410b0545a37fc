/**
 * `npm start` as a user meets it: a fresh data directory, demo data, the
 * designation lookup, a clean stop on Ctrl-C, and the data still there after a
 * restart. Runs the real start script in a child process.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "@remissbanken/schema/engines/ports";
import { runScript as run, stopProcess as stop } from "./start-process.js";

const root = path.resolve(import.meta.dirname, "../..");
const children: ChildProcess[] = [];
let dataDir: string;

function start(env: Record<string, string>): { child: ChildProcess; output: () => string; ready: Promise<string>; web: Promise<string> } {
  const child = spawn(process.execPath, ["--import", "tsx", "api/src/start.ts"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "development", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  let webFound: (url: string) => void = () => {};
  const web = new Promise<string>((resolve) => (webFound = resolve));
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL at (http:\/\/\S+)/.exec(output);
      const webMatch = /open (http:\/\/\S+)/.exec(output);
      if (webMatch) webFound(webMatch[1]);
      if (match) resolve(match[1]);
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
  });
  return { child, output: () => output, ready, web };
}

async function lookup(url: string) {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: `{ document(designation: "sou 2020 8") { designation title } }` }),
  });
  return (await res.json()) as any;
}

afterAll(async () => {
  await Promise.all(children.map(stop));
  if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("serves SOU 2020:8 from demo data, stops cleanly and keeps data across a restart", async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "rb-start-"));
    const port = String(await freePort());
    const webPort = String(await freePort());
    const first = start({ DATA_DIR: dataDir, PORT: port, WEB_PORT: webPort });
    const url = await first.ready;
    expect((await lookup(url)).data.document).toEqual({
      designation: "SOU 2020:8",
      title: "Starkare kommuner – med kapacitet att klara välfärdsuppdraget",
    });

    // The web app runs beside the API at the printed address, the public one emailed links
    // use (so a link opens where the session cookie is), and signing in there works.
    const webUrl = await first.web;
    expect(webUrl).toBe(`http://localhost:${webPort}`);
    const signIn = await fetch(`${webUrl}/logga-in`, {
      method: "POST",
      redirect: "manual",
      headers: { origin: webUrl, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: "staff@smakom.example", password: "demo-staff-2021", redirectTo: "/" }),
    });
    expect(signIn.status).toBe(302);
    const cookie = signIn.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
    expect(cookie).toMatch(/^rb_session=rbs_/);
    const home = await (await fetch(webUrl, { headers: { cookie } })).text();
    expect(home).toContain("Karin Kansli");

    // The commands that change data work against the running installation's database.
    const admin = await run(["api/src/cli/create-admin.ts", "--email", "ny.admin@smakom.example", "--name", "Ny Admin"], {
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: "ett långt lösenord för admin",
    });
    expect(admin.output).toContain("Created admin Ny Admin");
    expect(admin.code).toBe(0);
    const signedIn = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation { signIn(email: "ny.admin@smakom.example", password: "ett långt lösenord för admin") { role } }` }),
    }).then((r) => r.json() as Promise<any>);
    expect(signedIn.data.signIn.role).toBe("ADMIN");
    const seed = await run(["api/src/cli/seed.ts"], { DATA_DIR: dataDir });
    expect(seed.output).toContain("already has data");
    expect(seed.code).toBe(0);

    // A second start on the same data directory is refused with a clear message.
    const second = start({ DATA_DIR: dataDir, PORT: String(await freePort()), WEB_PORT: String(await freePort()) });
    await expect(second.ready).rejects.toThrow(/in use/);

    // Meilisearch and the indexer run beside the API while it runs.
    const engines = JSON.parse(await fs.readFile(path.join(dataDir, "engines.json"), "utf8"));
    expect((await fetch(`${engines.meiliUrl}/health`)).ok).toBe(true);

    expect(await stop(first.child)).toBe(0);
    await expect(fs.access(path.join(dataDir, "postgres", "postmaster.pid"))).rejects.toThrow();
    await expect(fetch(`${engines.meiliUrl}/health`)).rejects.toThrow();
    await expect(fs.access(path.join(dataDir, "engines.json"))).rejects.toThrow();

    // The web app stopped with the rest.
    await expect(fetch(webUrl)).rejects.toThrow();

    const again = start({ DATA_DIR: dataDir, PORT: port, WEB_PORT: webPort });
    const url2 = await again.ready;
    expect((await lookup(url2)).data.document.designation).toBe("SOU 2020:8");
    expect(await stop(again.child)).toBe(0);
  }, 300_000);

  it("says clearly when the port is taken", async () => {
    const net = await import("node:net");
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((r) => blocker.once("listening", r));
    const port = String((blocker.address() as import("node:net").AddressInfo).port);
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "rb-port-"));
    try {
      const attempt = start({ DATA_DIR: dir, PORT: port, WEB_PORT: String(await freePort()) });
      await expect(attempt.ready).rejects.toThrow(new RegExp(`Port ${port} is already in use`));
      // Found before a database was created in the fresh data directory.
      expect(await fs.readdir(dir)).toEqual([]);
      const web = start({ DATA_DIR: dir, PORT: String(await freePort()), WEB_PORT: port });
      await expect(web.ready).rejects.toThrow(new RegExp(`Port ${port} is already in use. Stop the other program or set WEB_PORT`));
      expect(await fs.readdir(dir)).toEqual([]);
    } finally {
      blocker.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
