/**
 * No Docker engine runs here, so this checks what can be checked without one:
 * the compose file parses, its services are wired together, and every variable
 * it gives the API is one the API's configuration accepts and validates.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "@remissbanken/api/config";

const root = path.resolve(import.meta.dirname, "../..");
const compose = parse(fs.readFileSync(path.join(root, "docker-compose.yml"), "utf8"));

/** Resolves ${VAR} and ${VAR:?message} the way compose does, from the given values. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    if (name in vars) return vars[name];
    if (kind === "-") return rest ?? "";
    throw new Error(`compose needs ${name}`);
  });
}

describe("docker-compose.yml", () => {
  const vars: Record<string, string> = {
    POSTGRES_PASSWORD: "secret-password",
    MEILI_MASTER_KEY: "a-master-key-of-32-characters!!!",
    PUBLIC_URL: "https://remissbanken.smakom.example",
    SMTP_URL: "smtp://user:pass@mail.smakom.example:587",
  };

  it("runs the official PostgreSQL and Meilisearch images with volumes and health checks", () => {
    expect(compose.services.postgres.image).toMatch(/^postgres:\d+/);
    expect(compose.services.meilisearch.image).toBe("getmeili/meilisearch:v1.21");
    for (const name of ["postgres", "meilisearch", "api", "web"]) {
      expect(compose.services[name].healthcheck?.test, name).toBeTruthy();
    }
    expect(compose.services.postgres.volumes[0]).toMatch(/^postgres-data:/);
    expect(compose.services.meilisearch.volumes[0]).toMatch(/^meili-data:/);
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(["postgres-data", "meili-data"]));
  });

  it("builds the API and the indexer from this repository, after their databases are healthy", () => {
    for (const name of ["api", "indexer"]) {
      expect(compose.services[name].build).toBe(".");
      expect(compose.services[name].depends_on.postgres.condition).toBe("service_healthy");
      expect(compose.services[name].depends_on.meilisearch.condition).toBe("service_healthy");
    }
    expect(fs.existsSync(path.join(root, "Dockerfile"))).toBe(true);
    for (const name of ["api", "indexer", "web"]) {
      const script = compose.services[name].command.at(-1);
      expect(fs.existsSync(path.join(root, script)), script).toBe(true);
    }
  });

  it("runs the web app after the API is healthy, calling it over compose's network, with the API's public address", async () => {
    const { loadWebEnv } = await import("@remissbanken/web/app/lib/env.server");
    const web = compose.services.web;
    expect(web.build).toBe(".");
    expect(web.depends_on.api.condition).toBe("service_healthy");
    const env = loadWebEnv(Object.fromEntries(Object.entries(web.environment as Record<string, string>).map(([k, v]) => [k, interpolate(String(v), vars)])));
    expect(env.production).toBe(true);
    expect(new URL(env.apiUrl).hostname).toBe("api");
    expect(env.publicUrl).toBe(vars.PUBLIC_URL);
    const api = loadConfig(Object.fromEntries(Object.entries(compose.services.api.environment as Record<string, string>).map(([k, v]) => [k, interpolate(String(v), vars)])));
    expect(api.publicUrl).toBe(vars.PUBLIC_URL);
    expect(api.startWeb).toBe(false);
    expect(fs.readFileSync(path.join(root, "Dockerfile"), "utf8")).toContain("web/scripts/build.ts");
  });

  it("gives the API an environment its configuration accepts, pointing at the compose services", () => {
    const env = Object.fromEntries(
      Object.entries(compose.services.api.environment as Record<string, string>).map(([k, v]) => [k, interpolate(String(v), vars)]),
    );
    const config = loadConfig(env);
    expect(config.production).toBe(true);
    expect(new URL(config.databaseUrl!).hostname).toBe("postgres");
    expect(new URL(config.databaseUrl!).password).toBe(vars.POSTGRES_PASSWORD);
    expect(new URL(config.databaseUrl!).pathname).toBe(`/${compose.services.postgres.environment.POSTGRES_DB}`);
    expect(new URL(config.meiliUrl!).hostname).toBe("meilisearch");
    expect(config.meiliMasterKey).toBe(vars.MEILI_MASTER_KEY);
    expect(config.seedDemoData).toBe(false);
    expect(config.introspection).toBe(false);
    expect(config.cookieSecure).toBe(true);
  });

  it("passes the optional security settings through to the API", () => {
    const env = Object.fromEntries(
      Object.entries(compose.services.api.environment as Record<string, string>).map(([k, v]) => [
        k,
        interpolate(String(v), { ...vars, API_TRUST_PROXY: "1", SIGN_IN_MAX_FAILURES: "7" }),
      ]),
    );
    const config = loadConfig(env);
    expect(config.trustProxy).toBe("1");
    expect(config.signIn.maxFailures).toBe(7);
  });

  it("refuses to start without the required secrets", () => {
    expect(() => interpolate(compose.services.postgres.environment.POSTGRES_PASSWORD, {})).toThrow(/POSTGRES_PASSWORD/);
    expect(() => interpolate(compose.services.meilisearch.environment.MEILI_MASTER_KEY, {})).toThrow(/MEILI_MASTER_KEY/);
  });
});
