import crypto from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import type { DataSource } from "typeorm";
import { createDataSource } from "@remissbanken/schema";
import { loadConfig } from "@remissbanken/api/config";
import { createLogger } from "@remissbanken/api/logger";
import { startServer, type RunningServer } from "@remissbanken/api/server";
import { attachSearch, createSearch } from "@remissbanken/api/search/search.service";

export interface GraphQLResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; reason?: string; fields?: { field: string }[] } }[];
  headers: Headers;
  /** The Set-Cookie lines of the response. */
  setCookies: string[];
}

export interface RequestOptions {
  token?: string;
  /** A Cookie header, e.g. the session cookie a browser would send. */
  cookie?: string;
  headers?: Record<string, string>;
}

export interface TestApi {
  url: string;
  ds: DataSource;
  databaseUrl: string;
  /** The running server, e.g. for the mail it captured. */
  server: RunningServer;
  /** The Meilisearch this API searches, with an index of this test file's own (start an indexer on it to fill it). */
  search: { url: string; apiKey: string; index: string };
  /** Sends a GraphQL request over HTTP, as a client would. */
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResult<T>>;
  /** Counts the SQL statements the API runs while `work` runs. */
  countQueries(work: () => Promise<unknown>): Promise<number>;
  stop(): Promise<void>;
}

/** Clones the migrated template into a database of this test file's own. */
export async function createTestDatabase(): Promise<string> {
  const url = new URL(inject("pgUrl"));
  const name = `t_${crypto.randomBytes(6).toString("hex")}`;
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`);
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

/** Starts the real API against a fresh database of this test file's own. */
export async function startTestApi(env: Record<string, string> = {}): Promise<TestApi> {
  const databaseUrl = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: "silent",
    MEILI_URL: inject("meiliUrl"),
    MEILI_MASTER_KEY: inject("meiliKey"),
    MEILI_INDEX: `t_${crypto.randomBytes(6).toString("hex")}`,
    ...env,
  });
  let statements = 0;
  const ds = createDataSource(databaseUrl, {
    logging: ["query"],
    logger: { logQuery: () => void statements++, logQueryError() {}, logQuerySlow() {}, logSchemaBuild() {}, logMigration() {}, log() {} },
  });
  await ds.initialize();
  const search = { url: config.meiliUrl!, apiKey: config.meiliMasterKey ?? "", index: config.meiliIndex };
  attachSearch(ds, createSearch(ds, search));
  const server = await startServer(config, ds, createLogger("silent"));

  return {
    url: server.url,
    ds,
    databaseUrl,
    server,
    search,
    async gql(query, variables, options = {}) {
      const res = await fetch(server.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(options.cookie ? { cookie: options.cookie } : {}),
          ...options.headers,
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GraphQLResult, "status" | "headers" | "setCookies">;
      return { ...body, status: res.status, headers: res.headers, setCookies: res.headers.getSetCookie() };
    },
    async countQueries(work) {
      const before = statements;
      await work();
      return statements - before;
    },
    async stop() {
      await server.stop();
      await ds.destroy();
    },
  };
}

/** The first error's code, for assertions. */
export function errorCode(result: GraphQLResult): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
