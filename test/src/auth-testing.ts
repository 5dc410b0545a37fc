/**
 * Test helpers for sign-in flows: the real API on a fresh database, a browser
 * with a cookie jar, and the mail the local SMTP server received.
 */
import type { DataSource } from "typeorm";
import { startTestApi, type GraphQLResult, type RequestOptions } from "./harness.js";
import type { RunningServer } from "@remissbanken/api/server";
import type { CapturedMail } from "@remissbanken/api/auth/mailer";
import { SESSION_COOKIE } from "@remissbanken/api/auth/sessions";


export interface AuthTestApi {
  url: string;
  ds: DataSource;
  server: RunningServer;
  /** Posts a raw body (for malformed and oversized requests). */
  post(body: string, headers?: Record<string, string>): Promise<{ status: number; text: string; headers: Headers }>;
  gql<T = any>(query: string, variables?: Record<string, unknown>, options?: RequestOptions): Promise<GraphQLResult<T>>;
  browser(): Browser;
  /** Forgets the mail received so far. */
  clearMail(): void;
  /** Waits for a message to `to` whose subject matches. */
  waitForMail(to: string, subject: RegExp, timeoutMs?: number): Promise<CapturedMail>;
  /** The one-time token from a link in a message. */
  tokenFrom(mail: CapturedMail): string;
  stop(): Promise<void>;
}

/** A browser: keeps the session cookie between requests, like the web app's users. */
export class Browser {
  sessionCookie: string | null = null;

  constructor(private readonly api: AuthTestApi) {}

  async gql<T = any>(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}): Promise<GraphQLResult<T>> {
    const result = await this.api.gql<T>(query, variables, { cookie: this.sessionCookie ? `${SESSION_COOKIE}=${this.sessionCookie}` : undefined, headers });
    for (const line of result.setCookies) {
      const [pair] = line.split(";");
      const [name, value] = pair.split("=");
      if (name === SESSION_COOKIE) this.sessionCookie = value || null;
    }
    return result;
  }
}

export async function startAuthTestApi(env: Record<string, string> = {}): Promise<AuthTestApi> {
  const base = await startTestApi({ SIGN_IN_DELAY_MS: "0", ...env });
  const { server } = base;
  const api: AuthTestApi = {
    url: base.url,
    ds: base.ds,
    server,
    gql: base.gql,
    async post(body, headers = {}) {
      const res = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
      return { status: res.status, text: await res.text(), headers: res.headers };
    },
    browser: () => new Browser(api),
    clearMail() {
      server.mailer.captured.length = 0;
    },
    async waitForMail(to, subject, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = server.mailer.captured.findLast((m) => m.to.includes(to) && subject.test(m.subject));
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No mail to ${to} matching ${subject}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    tokenFrom(mail) {
      const match = /[?&]token=([A-Za-z0-9_%-]+)/.exec(mail.text);
      if (!match) throw new Error(`No link in mail: ${mail.text}`);
      return decodeURIComponent(match[1]);
    },
    stop: base.stop,
  };
  return api;
}
