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
