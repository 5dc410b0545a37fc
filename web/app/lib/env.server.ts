/** The web server's settings, validated once; every problem is listed at once. */
import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  /** Where the web server itself listens. */
  WEB_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("127.0.0.1"),
  /** The API's GraphQL endpoint, called server-side only; the browser never sees it. */
  API_URL: z.string().url().default("http://127.0.0.1:4000/graphql"),
  /** Where people open the product; same-origin checks and links use it. */
  PUBLIC_URL: z.string().url().optional(),
  COOKIE_SECURE: bool.optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type WebEnv = ReturnType<typeof toEnv>;

function toEnv(env: z.output<typeof EnvSchema>) {
  return {
    production: env.NODE_ENV === "production",
    port: env.WEB_PORT,
    host: env.HOST,
    apiUrl: env.API_URL,
    publicUrl: env.PUBLIC_URL?.replace(/\/+$/, ""),
    logLevel: env.LOG_LEVEL,
  };
}

export class WebConfigError extends Error {}

export function loadWebEnv(env: NodeJS.ProcessEnv = process.env): WebEnv {
  const given = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ""));
  const result = EnvSchema.safeParse(given);
  if (!result.success) {
    throw new WebConfigError(`Invalid configuration:\n${result.error.issues.map((i) => `  - ${i.path.join(".")}: ${i.message}`).join("\n")}`);
  }
  return toEnv(result.data);
}

let cached: WebEnv | undefined;
/** The settings of this process. */
export function webEnv(): WebEnv {
  return (cached ??= loadWebEnv());
}
