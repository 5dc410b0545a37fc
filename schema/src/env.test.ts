import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDataSource } from "./data-source.js";
import { databaseUrl, resolveEnvironment } from "./env.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "env-files-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const secret = (name: string, content: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
};

describe("databaseUrl", () => {
  it("percent-encodes the parts, so any password survives a round trip through the URL", () => {
    const password = "p@ss/wo:rd?#%&+ =ö";
    const url = new URL(databaseUrl({ host: "postgres", user: "remiss@banken", password, database: "remiss/banken" }));
    expect(url.hostname).toBe("postgres");
    expect(url.port).toBe("5432");
    expect(decodeURIComponent(url.username)).toBe("remiss@banken");
    expect(decodeURIComponent(url.password)).toBe(password);
    expect(decodeURIComponent(url.pathname.slice(1))).toBe("remiss/banken");
    expect(databaseUrl({ host: "::1", port: 5433, user: "u" })).toBe("postgres://u@[::1]:5433/u");
  });

  it("connects to a real PostgreSQL with a password full of URL characters", async () => {
    const admin = new URL(inject("pgUrl"));
    const role = `r_${Date.now().toString(36)}`;
    const password = "p@ss/wo:rd?#%&+ =";
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(`CREATE ROLE ${role} LOGIN PASSWORD '${password}'`);
      const url = databaseUrl({ host: admin.hostname, port: admin.port, user: role, password, database: admin.pathname.slice(1) });
      const ds = createDataSource(url);
      await ds.initialize();
      try {
        expect(await ds.query("SELECT current_user AS who")).toEqual([{ who: role }]);
      } finally {
        await ds.destroy();
      }
    } finally {
      await client.query(`DROP ROLE IF EXISTS ${role}`);
      await client.end();
    }
  });
});

describe("resolveEnvironment", () => {
  it("reads NAME_FILE into NAME without the final line break and drops the _FILE variable", () => {
    const { env, problems } = resolveEnvironment({
      MEILI_MASTER_KEY_FILE: secret("meili", "a-key-of-enough-length\n"),
      SMTP_URL_FILE: secret("smtp", "smtp://u:p@mail:587\r\n"),
      PORT: "4000",
    });
    expect(problems).toEqual([]);
    expect(env).toEqual({ MEILI_MASTER_KEY: "a-key-of-enough-length", SMTP_URL: "smtp://u:p@mail:587", PORT: "4000" });
  });

  it("builds DATABASE_URL from POSTGRES_HOST, POSTGRES_USER, POSTGRES_DB and the password file", () => {
    const { env, problems } = resolveEnvironment({
      POSTGRES_HOST: "postgres",
      POSTGRES_USER: "remissbanken",
      POSTGRES_DB: "remissbanken",
      POSTGRES_PASSWORD_FILE: secret("pg", "a/b@c:d\n"),
    });
    expect(problems).toEqual([]);
    expect(env.DATABASE_URL).toBe("postgres://remissbanken:a%2Fb%40c%3Ad@postgres:5432/remissbanken");
    // A given DATABASE_URL wins over the parts.
    expect(resolveEnvironment({ DATABASE_URL: "postgres://x@db/y", POSTGRES_HOST: "postgres", POSTGRES_USER: "u" }).env.DATABASE_URL).toBe("postgres://x@db/y");
  });

  it("lists a missing or empty file, a variable given both ways, and a host without a user", () => {
    const { problems } = resolveEnvironment({
      POSTGRES_PASSWORD_FILE: path.join(dir, "missing"),
      MEILI_MASTER_KEY: "key",
      MEILI_MASTER_KEY_FILE: secret("both", "key"),
      SMTP_URL_FILE: secret("empty", "\n"),
      POSTGRES_HOST: "postgres",
    });
    expect(problems).toEqual([
      expect.stringMatching(/^POSTGRES_PASSWORD_FILE: cannot read .*missing \(ENOENT\)$/),
      "MEILI_MASTER_KEY_FILE: give either MEILI_MASTER_KEY or MEILI_MASTER_KEY_FILE, not both",
      expect.stringMatching(/^SMTP_URL_FILE: .*empty is empty$/),
      "POSTGRES_USER: is required with POSTGRES_HOST",
    ]);
  });
});
