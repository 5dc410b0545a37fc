import { Writable } from "node:stream";
import pino from "pino";
import pretty from "pino-pretty";
import { PRETTY_OPTIONS } from "@remissbanken/schema/logging";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataSource } from "@remissbanken/schema";
import { createTestDatabase } from "@remissbanken/test/harness";
import { loadConfig } from "../config.js";
import { startServer, type RunningServer } from "../server.js";
import type { DataSource } from "typeorm";

const lines: string[] = [];
let server: RunningServer;
let ds: DataSource;

let databaseUrl: string;

beforeAll(async () => {
  databaseUrl = await createTestDatabase();
  ds = createDataSource(databaseUrl);
  await ds.initialize();
  const stream = new Writable({ write: (chunk, _enc, done) => (lines.push(chunk.toString()), done()) });
  server = await startServer(loadConfig({ NODE_ENV: "test", PORT: "0", DATABASE_URL: databaseUrl }), ds, pino({ level: "info" }, stream));
});
afterAll(async () => {
  await server?.stop();
  await ds?.destroy();
});

async function send(query: string) {
  const before = lines.length;
  await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  return lines.slice(before).map((line) => JSON.parse(line)).find((entry) => entry.msg.startsWith("graphql request")).request;
}

describe("the request log", () => {
  it("records the error codes the client received, never the query text", async () => {
    const anonymous = await send(`mutation { createMunicipality(input: { name: "Hemlig kommun", county: "Värmlands län" }) { id } }`);
    expect(anonymous.errorCodes).toEqual(["UNAUTHENTICATED"]);
    const invalid = await send(`{ documents(first: 1000) { totalCount } }`);
    expect(invalid.errorCodes).toEqual(["BAD_USER_INPUT"]);
    const fine = await send(`{ documents { totalCount } }`);
    expect(fine.errorCodes).toBeUndefined();
    expect(lines.join("\n")).not.toContain("Hemlig kommun");
  });

  it("writes one line per request at a terminal, with method, path, operation, status and duration", async () => {
    let output = "";
    const stream = pretty({ ...PRETTY_OPTIONS, colorize: false, destination: new Writable({ write: (chunk, _enc, done) => ((output += chunk.toString()), done()) }), sync: true });
    const terminal = await startServer(loadConfig({ NODE_ENV: "test", PORT: "0", DATABASE_URL: databaseUrl }), ds, pino({ level: "info" }, stream));
    try {
      const post = (body: object) => fetch(terminal.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      await post({ query: "query Dokument { documents { totalCount } }", operationName: "Dokument" });
      await post({ query: "{ documents(first: 1000) { totalCount } }" });
      await post({ query: `mutation SkapaKommun { createMunicipality(input: { name: "Hemlig kommun", county: "Värmlands län" }) { id } }` });
    } finally {
      await terminal.stop();
    }
    const requests = output.split("\n").filter((line) => line.includes("graphql request"));
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: graphql request POST \/graphql Dokument 200 \d+ ms$/);
    expect(requests[1]).toMatch(/graphql request POST \/graphql query 200 \d+ ms BAD_USER_INPUT$/);
    expect(requests[2]).toMatch(/graphql request POST \/graphql SkapaKommun \d{3} \d+ ms UNAUTHENTICATED$/);
    expect(output).not.toContain("Hemlig kommun");
  });
});
