import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("uses the documented defaults for development", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.dataDir).toMatch(/\.data$/);
    expect(config.seedDemoData).toBe(true);
    expect(config.introspection).toBe(true);
  });

  it("lists every problem at once", () => {
    try {
      loadConfig({ PORT: "seventy", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud", NODE_ENV: "staging" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join("\n");
      for (const key of ["PORT", "DATABASE_URL", "LOG_LEVEL", "NODE_ENV"]) expect(problems).toContain(key);
    }
  });

  it("turns introspection off in production unless asked for", () => {
    const production = { NODE_ENV: "production", DATABASE_URL: "postgres://u:p@db/x", SMTP_URL: "smtp://mail:25" };
    expect(loadConfig(production).introspection).toBe(false);
    expect(loadConfig({ ...production, GRAPHQL_INTROSPECTION: "true" }).introspection).toBe(true);
  });
});

describe("loadConfig with secrets in files", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "config-secrets-"));
  const file = (name: string, content: string) => (fs.writeFileSync(path.join(dir, name), content), path.join(dir, name));

  it("reads the secrets from *_FILE and builds DATABASE_URL from its parts", () => {
    const config = loadConfig({
      NODE_ENV: "production",
      POSTGRES_HOST: "postgres",
      POSTGRES_USER: "remissbanken",
      POSTGRES_PASSWORD_FILE: file("pg", "s3cr/et@pass\n"),
      MEILI_URL: "http://meilisearch:7700",
      MEILI_MASTER_KEY_FILE: file("meili", "a-master-key-of-32-characters!!!\n"),
      SMTP_URL_FILE: file("smtp", "smtp://user:pass@mail:587\n"),
    });
    expect(config.databaseUrl).toBe("postgres://remissbanken:s3cr%2Fet%40pass@postgres:5432/remissbanken");
    expect(config.meiliMasterKey).toBe("a-master-key-of-32-characters!!!");
    expect(config.smtpUrl).toBe("smtp://user:pass@mail:587");
  });

  it("lists an unreadable secret file with the other problems", () => {
    try {
      loadConfig({ MEILI_MASTER_KEY_FILE: path.join(dir, "missing"), PORT: "seventy" });
      expect.unreachable();
    } catch (error) {
      expect((error as ConfigError).problems).toEqual([expect.stringMatching(/^MEILI_MASTER_KEY_FILE: cannot read/), expect.stringMatching(/^PORT:/)]);
    }
  });
});
