import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { connectEngines } from "./runtime.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "runtime-env-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("connectEngines", () => {
  it("reads the database as compose gives it: POSTGRES_HOST and its siblings, the password from a file", async () => {
    // What `docker compose exec api npm run reindex` (or attach-text, create-admin, seed) sees.
    const admin = new URL(inject("pgUrl"));
    const role = `cli_${Date.now().toString(36)}`;
    const password = "p@ss/wo:rd?#%";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
      fs.writeFileSync(path.join(dir, "postgres_password"), `${password}\n`);
      const engines = await connectEngines(
        {
          DATA_DIR: path.join(dir, "data"),
          POSTGRES_HOST: admin.hostname,
          POSTGRES_PORT: admin.port,
          POSTGRES_USER: role,
          POSTGRES_DB: admin.pathname.slice(1),
          POSTGRES_PASSWORD_FILE: path.join(dir, "postgres_password"),
        },
        { search: false },
      );
      try {
        expect(engines.external).toBe(true);
        const check = new pg.Client({ connectionString: engines.databaseUrl });
        await check.connect();
        expect((await check.query("SELECT current_user AS who")).rows).toEqual([{ who: role }]);
        await check.end();
      } finally {
        await engines.stop();
      }
    } finally {
      await client.query(`DROP ROLE IF EXISTS ${role}`);
      await client.end();
    }
  });

  it("lists an unreadable secret file instead of falling back to an embedded database", async () => {
    await expect(connectEngines({ DATA_DIR: path.join(dir, "data"), POSTGRES_PASSWORD_FILE: path.join(dir, "missing") }, { search: false })).rejects.toThrow(
      /POSTGRES_PASSWORD_FILE: cannot read/,
    );
  });
});
