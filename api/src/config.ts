import path from "node:path";
import { z } from "zod";
import { resolveEnvironment } from "@remissbanken/schema/env";
import { IMPORT_ENV, scheduledImportSettings } from "./import/import-settings.js";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default("127.0.0.1"),
  DATA_DIR: z.string().default(".data"),
  DATABASE_URL: z.string().url().refine((u) => /^postgres(ql)?:\/\//.test(u), "must be a postgres:// URL").optional(),
  PG_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  MEILI_URL: z.string().url().optional(),
  MEILI_MASTER_KEY: z.string().min(16).optional(),
  /** The Meilisearch index search reads (tests give each file its own). */
  MEILI_INDEX: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "may hold only letters, digits, - and _").default("records"),
  /** Whether `npm start` runs and supervises the indexer process (compose runs it as its own service). */
  START_INDEXER: bool.optional(),
  SEED_DEMO_DATA: bool.optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  GRAPHQL_INTROSPECTION: bool.optional(),
  GRAPHQL_STACKTRACES: bool.optional(),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  GRAPHQL_MAX_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  GRAPHQL_MAX_ALIASES: z.coerce.number().int().min(1).max(1000).default(30),
  GRAPHQL_MAX_COST: z.coerce.number().int().min(10).max(1_000_000).default(10_000),
  /** Where the web app listens under `npm start`. */
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Whether `npm start` runs the web app beside the API (compose runs it as its own service). */
  START_WEB: bool.optional(),
  /** Where people open the product (the web app); links in emails point here. Default: the web app's address. */
  PUBLIC_URL: z.string().url().optional(),
  /** Extra origins (comma-separated) whose browsers may use the session cookie. */
  ALLOWED_ORIGINS: z.string().default(""),
  /** "smtp://user:pass@host:587" or "smtps://…"; unset outside production starts a local capturing SMTP server. */
  SMTP_URL: z.string().url().refine((u) => /^smtps?:\/\//.test(u), "must be an smtp:// or smtps:// URL").optional(),
  MAIL_FROM: z.string().default("Remissbanken <noreply@smakom.example>"),
  COOKIE_SECURE: bool.optional(),
  SESSION_IDLE_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 7),
  SESSION_MAX_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().min(2).max(100).default(5),
  SIGN_IN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Base of the progressive delay after failed sign-ins; doubles per failure. */
  SIGN_IN_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(250),
  /** Express "trust proxy": set when behind a reverse proxy so the client IP is right. */
  TRUST_PROXY: z.string().optional(),
  /** Where remiss pages are fetched from; the only host "add a remiss from its address" will ask (tests point it at a local server). */
  REGERINGEN_BASE_URL: z.string().url().refine((u) => /^https?:\/\//.test(u), "must be an http(s):// URL").default("https://www.regeringen.se"),
  ...IMPORT_ENV,
}).superRefine((env, ctx) => {
  if (env.NODE_ENV === "production" && !env.SMTP_URL) {
    ctx.addIssue({ code: "custom", path: ["SMTP_URL"], message: "is required in production (invitations, password resets and sign-in links are emailed)" });
  }
});

export type Config = ReturnType<typeof toConfig>;

function localOrigins(host: string, ports: number[]): string[] {
  const hosts = new Set(["localhost", "127.0.0.1", host === "0.0.0.0" ? "localhost" : host]);
  return ports.flatMap((port) => [...hosts].map((h) => `http://${h}:${port}`));
}

function toConfig(env: z.output<typeof EnvSchema>) {
  const production = env.NODE_ENV === "production";
  const publicUrl = env.PUBLIC_URL ?? `http://${env.HOST === "0.0.0.0" || env.HOST === "127.0.0.1" ? "localhost" : env.HOST}:${env.WEB_PORT}`;
  return {
    env: env.NODE_ENV,
    production,
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL,
    pgPort: env.PG_PORT,
    meiliUrl: env.MEILI_URL,
    meiliMasterKey: env.MEILI_MASTER_KEY,
    meiliIndex: env.MEILI_INDEX,
    startIndexer: env.START_INDEXER ?? true,
    seedDemoData: env.SEED_DEMO_DATA ?? !production,
    logLevel: env.LOG_LEVEL,
    introspection: env.GRAPHQL_INTROSPECTION ?? !production,
    stackTraces: env.GRAPHQL_STACKTRACES ?? false,
    maxBodyBytes: env.MAX_BODY_BYTES,
    graphqlLimits: { maxDepth: env.GRAPHQL_MAX_DEPTH, maxAliases: env.GRAPHQL_MAX_ALIASES, maxCost: env.GRAPHQL_MAX_COST },
    webPort: env.WEB_PORT,
    startWeb: env.START_WEB ?? true,
    publicUrl: publicUrl.replace(/\/+$/, ""),
    allowedOrigins: [
      new URL(publicUrl).origin,
      // Outside production the printed addresses work too, whichever of localhost and 127.0.0.1 is typed.
      ...(production ? [] : localOrigins(env.HOST, [env.WEB_PORT, env.PORT])),
      ...env.ALLOWED_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean),
    ],
    smtpUrl: env.SMTP_URL,
    mailFrom: env.MAIL_FROM,
    cookieSecure: env.COOKIE_SECURE ?? production,
    session: { idleMs: env.SESSION_IDLE_HOURS * 3_600_000, maxAgeMs: env.SESSION_MAX_DAYS * 86_400_000 },
    signIn: { maxFailures: env.SIGN_IN_MAX_FAILURES, lockMs: env.SIGN_IN_LOCK_MINUTES * 60_000, delayMs: env.SIGN_IN_DELAY_MS },
    // The web app calls the API from this machine and passes on the person's address.
    trustProxy: env.TRUST_PROXY ?? "loopback",
    regeringenBaseUrl: env.REGERINGEN_BASE_URL.replace(/\/+$/, ""),
    scheduledImport: scheduledImportSettings(env, production),
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Validates the environment once at start; lists every problem at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means unset (docker compose passes "${VAR:-}" as "").
  const nonEmpty = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  // Secrets may come from files (NAME_FILE, Docker secrets); DATABASE_URL from its parts.
  const { env: given, problems } = resolveEnvironment(nonEmpty);
  const result = EnvSchema.safeParse(given);
  if (!result.success || problems.length) {
    throw new ConfigError([...problems, ...(result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`))]);
  }
  return toConfig(result.data);
}
