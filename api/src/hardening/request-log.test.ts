import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDataSource } from "@remissbanken/schema";
import { createTestDatabase } from "@remissbanken/test/harness";
import { loadConfig } from "../config.js";
import { startServer, type RunningServer } from "../server.js";
import type { DataSource } from "typeorm";

const lines: string[] = [];
let server: RunningServer;
let ds: DataSource;

beforeAll(async () => {
  const databaseUrl = await createTestDatabase();
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
  return lines.slice(before).map((line) => JSON.parse(line)).find((entry) => entry.msg === "graphql request");
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
});
