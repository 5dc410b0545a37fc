/**
 * The web app's HTTP server: Remix's build behind Express with security headers
 * (CSP with a per-response nonce), compression, cached assets, a same-origin check on
 * every form post, and /health.
 */
import crypto from "node:crypto";
import http from "node:http";
import path from "node:path";
import express from "express";
import compression from "compression";
import helmet from "helmet";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";

export interface WebServerOptions {
  port: number;
  host: string;
  /** The API's GraphQL URL; /health asks its /health. */
  apiUrl: string;
  /** Where people open the product; posts from it count as same-origin too. */
  publicUrl?: string;
  /** Express "trust proxy", when a reverse proxy stands in front. */
  trustProxy?: string;
  /** Sets Strict-Transport-Security (when served over HTTPS). */
  hsts?: boolean;
  buildDir: string;
  log?: (level: "info" | "warn" | "error", message: string, details?: Record<string, unknown>) => void;
}

export interface RunningWebServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Refuses a state-changing request that another site made the browser send: the Origin
 * must be this server's own (as the browser addressed it) or PUBLIC_URL's. Together with
 * SameSite=Lax cookies this makes every form CSRF-safe without tokens in the markup.
 */
export function isSameOrigin(req: express.Request, publicOrigin: string | undefined): boolean {
  const site = req.get("sec-fetch-site");
  if (site === "cross-site" || site === "same-site") return false;
  const origin = req.get("origin");
  if (!origin) return site === undefined || site === "same-origin" || site === "none";
  if (origin === "null") return false;
  if (publicOrigin && origin === publicOrigin) return true;
  try {
    return new URL(origin).host === req.get("host");
  } catch {
    return false;
  }
}

export async function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const log = options.log ?? (() => {});
  const build = (await import(path.join(options.buildDir, "server/index.js"))) as ServerBuild;
  const publicOrigin = options.publicUrl ? new URL(options.publicUrl).origin : undefined;
  const apiHealth = new URL("/health", options.apiUrl).toString();

  const app = express();
  app.disable("x-powered-by");
  if (options.trustProxy) app.set("trust proxy", /^\d+$/.test(options.trustProxy) ? Number(options.trustProxy) : options.trustProxy);
  app.use(compression());

  app.use((req, res, next) => {
    const given = req.get("x-request-id");
    const requestId = given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    res.setHeader("x-request-id", requestId);
    // The API sees the request id and the person's address (it throttles sign-ins by address).
    req.headers["x-request-id"] = requestId;
    req.headers["x-forwarded-for"] = req.ip ?? req.socket.remoteAddress ?? "";
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    next();
  });

  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          "style-src": ["'self'"],
          "img-src": ["'self'", "data:"],
          "font-src": ["'self'"],
          "connect-src": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          "base-uri": ["'self'"],
          "object-src": ["'none'"],
        },
      },
      // Set per page by Remix (entry.server.tsx), so pages with secrets in their URL can tighten it.
      referrerPolicy: false,
      strictTransportSecurity: options.hsts ? { maxAge: 31_536_000 } : false,
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.get("/health", async (_req, res) => {
    try {
      const answer = await fetch(apiHealth, { signal: AbortSignal.timeout(3_000) });
      res.status(answer.ok ? 200 : 503).json({ status: answer.ok ? "ok" : "api unavailable" });
    } catch {
      res.status(503).json({ status: "api unavailable" });
    }
  });

  const client = path.join(options.buildDir, "client");
  app.use("/assets", express.static(path.join(client, "assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(client, { maxAge: "1h" }));

  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method) || isSameOrigin(req, publicOrigin)) return next();
    log("warn", "cross-origin form post refused", { method: req.method, path: req.path, origin: req.get("origin") });
    res.status(403).type("text/plain; charset=utf-8").send("Formuläret skickades från en annan webbplats och togs inte emot.");
  });

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: "production",
      getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce as string }),
    }),
  );

  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as import("node:net").AddressInfo;
  const host = options.host === "0.0.0.0" ? "localhost" : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 5_000).unref();
      }),
  };
}
