import { readFileSync } from "node:fs";

/**
 * Settings that hold secrets may come from a file instead of the environment: `NAME_FILE`
 * names the file (Docker secrets mount them under /run/secrets), so the secret never sits
 * in `docker inspect`, a shell history or the process environment of other tools.
 */
export const SECRET_VARIABLES = ["DATABASE_URL", "POSTGRES_PASSWORD", "MEILI_MASTER_KEY", "SMTP_URL"] as const;

/**
 * Returns the environment with every `NAME_FILE` replaced by `NAME` holding the file's
 * content (without the final line break), and DATABASE_URL built from POSTGRES_HOST and
 * its siblings when it is not given. Problems (an unreadable file, a variable given both
 * ways) are listed, not thrown, so a process can report them with its other settings.
 */
export function resolveEnvironment(env: Record<string, string | undefined>): { env: Record<string, string | undefined>; problems: string[] } {
  const resolved: Record<string, string | undefined> = { ...env };
  const problems: string[] = [];
  for (const name of SECRET_VARIABLES) {
    const file = env[`${name}_FILE`];
    delete resolved[`${name}_FILE`];
    if (!file) continue;
    if (env[name]) {
      problems.push(`${name}_FILE: give either ${name} or ${name}_FILE, not both`);
      continue;
    }
    try {
      resolved[name] = readFileSync(file, "utf8").replace(/\r?\n$/, "");
      if (!resolved[name]) problems.push(`${name}_FILE: ${file} is empty`);
    } catch (error) {
      problems.push(`${name}_FILE: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
  }
  if (!resolved.DATABASE_URL && resolved.POSTGRES_HOST) {
    if (!resolved.POSTGRES_USER) problems.push("POSTGRES_USER: is required with POSTGRES_HOST");
    else resolved.DATABASE_URL = databaseUrl({
      host: resolved.POSTGRES_HOST,
      port: resolved.POSTGRES_PORT,
      user: resolved.POSTGRES_USER,
      password: resolved.POSTGRES_PASSWORD,
      database: resolved.POSTGRES_DB,
    });
  }
  return { env: resolved, problems };
}

/**
 * A postgres:// URL from its parts, each percent-encoded: a password with "/", "@", ":",
 * "#" or "%" stays one password instead of breaking the URL apart.
 */
export function databaseUrl(parts: { host: string; port?: string | number; user: string; password?: string; database?: string }): string {
  const credentials = encodeURIComponent(parts.user) + (parts.password ? `:${encodeURIComponent(parts.password)}` : "");
  const host = parts.host.includes(":") && !parts.host.startsWith("[") ? `[${parts.host}]` : parts.host;
  return `postgres://${credentials}@${host}:${parts.port || 5432}/${encodeURIComponent(parts.database || parts.user)}`;
}
