import type { DataSource } from "typeorm";
import type { Logger } from "pino";
import type { Actor } from "./auth/policy.js";
import type { Mailer } from "./auth/mailer.js";
import type { SessionSettings, StartedSession } from "./auth/sessions.js";
import type { ThrottleSettings } from "./auth/throttle.js";
import { createLoaders, type Loaders } from "./loaders.js";
import { searchFor, type SearchService } from "./search/search.service.js";

/** The HTTP side of a request, as far as resolvers need it. */
export interface HttpExchange {
  /** The client's address (behind a proxy only with TRUST_PROXY set). */
  ip: string;
  /** The session cookie's secret, if the request carried one. */
  sessionSecret: string | null;
  setSessionCookie(session: StartedSession): void;
  clearSessionCookie(): void;
}

/** What sign-in, invitations and links need, created once per server. */
export interface AuthServices {
  mailer: Mailer;
  publicUrl: string;
  session: SessionSettings;
  throttle: ThrottleSettings;
}

export interface Context {
  ds: DataSource;
  actor: Actor | null;
  loaders: Loaders;
  requestId: string;
  log: Logger;
  http: HttpExchange;
  /** Null outside the HTTP server (scripts), where nobody signs in. */
  auth: AuthServices | null;
  /** Meilisearch with the PostgreSQL fallback; the one attached to `ds` unless a caller gives another. */
  search?: SearchService;
  /** Where imports started from the API may fetch; null outside the HTTP server. */
  sources: ImportSources | null;
}

/** The official sources' addresses, from the configuration. */
export interface ImportSources {
  regeringenBaseUrl: string;
}

const NO_HTTP: HttpExchange = {
  ip: "local",
  sessionSecret: null,
  setSessionCookie() {},
  clearSessionCookie() {},
};

export function createContext(
  ds: DataSource,
  actor: Actor | null,
  requestId: string,
  log: Logger,
  web: { http: HttpExchange; auth: AuthServices | null; sources?: ImportSources } = { http: NO_HTTP, auth: null },
): Context {
  return { ds, actor, loaders: createLoaders(ds, actor), requestId, log, http: web.http, auth: web.auth, search: searchFor(ds), sources: web.sources ?? null };
}

/**
 * After a mutation signed someone in, the rest of its answer is for that person: the
 * fields of the returned user (their email, their municipality) resolve as they would
 * in the next request.
 */
export function actAs(ctx: Context, actor: Actor): void {
  ctx.actor = actor;
  ctx.loaders = createLoaders(ctx.ds, actor);
}
