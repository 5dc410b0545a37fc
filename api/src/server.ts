import http from "node:http";
import { GraphQLError } from "graphql";
import crypto from "node:crypto";
import express from "express";
import cookieParser from "cookie-parser";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import type { DataSource } from "typeorm";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { getSchema } from "./schema.js";
import { createContext, type AuthServices, type Context, type HttpExchange } from "./context.js";
import { createErrorFormatter, DomainError } from "./common/errors.js";
import { databaseUnavailablePlugin, unavailableIfDatabaseAway } from "./common/database-unavailable.js";
import { actorFromApiToken } from "./auth/tokens.js";
import { actorFromSession, SESSION_COOKIE } from "./auth/sessions.js";
import { createMailer, type Mailer } from "./auth/mailer.js";
import type { Actor } from "./auth/policy.js";
import { AuditSubscriber } from "./audit/audit.subscriber.js";
import { auditMutations } from "./audit/audit.instrument.js";
import { aliasLimitRule, costLimitPlugin, depthLimitRule } from "./hardening/graphql-limits.js";
import { requestLogPlugin } from "./hardening/request-log.js";
import { logScope } from "./logger.js";
import { explorerRouter } from "./explorer/explorer.js";
import { scheduleAuthHousekeeping } from "./auth/housekeeping.js";
import { calendarFeedRouter } from "./calendar/calendar-feed.route.js";

export interface RunningServer {
  url: string;
  port: number;
  /** Sends invitations and links; in development and tests it also holds the captured mail. */
  mailer: Mailer;
  stop(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** A refusal raised while building the context: HTTP 401, and the formatter shows the domain error. */
const invalidCredentials = (message: string) =>
  new GraphQLError(message, {
    originalError: new DomainError("UNAUTHENTICATED", "INVALID_TOKEN", message),
    extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
  });

/**
 * Who is calling: a Bearer API token, else the session cookie. The cookie counts
 * only from the product's own origins, so another site cannot act as the user
 * even if a browser sent it along.
 */
async function authenticate(ds: DataSource, req: express.Request, config: Config, sessionSecret: string | null): Promise<Actor | null> {
  const header = req.headers.authorization;
  const bearer = header ? /^bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (header && !bearer) throw invalidCredentials("The Authorization header must be \"Bearer <API token>\".");
  if (bearer) {
    // A script with a bad token must hear so, not be served as an anonymous caller.
    const actor = await actorFromApiToken(ds, bearer[1]);
    if (!actor) throw invalidCredentials("The API token is not valid: it is unknown, expired or revoked.");
    return actor;
  }
  if (!sessionSecret) return null;
  const origin = req.headers.origin;
  if (origin && !config.allowedOrigins.includes(origin)) return null;
  return actorFromSession(ds, sessionSecret, config.session);
}

function httpExchange(req: express.Request, res: express.Response, config: Config): HttpExchange {
  const cookie = (req.cookies as Record<string, unknown> | undefined)?.[SESSION_COOKIE];
  const options = { httpOnly: true, sameSite: "lax" as const, secure: config.cookieSecure, path: "/" };
  return {
    ip: req.ip ?? req.socket.remoteAddress ?? "unknown",
    sessionSecret: typeof cookie === "string" ? cookie : null,
    setSessionCookie(session) {
      res.cookie(SESSION_COOKIE, session.secret, { ...options, maxAge: config.session.maxAgeMs });
    },
    clearSessionCookie() {
      res.clearCookie(SESSION_COOKIE, options);
    },
  };
}

/** Starts the HTTP server with GraphQL at /graphql and a health check at /health. */
export async function startServer(config: Config, ds: DataSource, log: Logger): Promise<RunningServer> {
  if (!ds.subscribers.some((s) => s instanceof AuditSubscriber)) ds.subscribers.push(new AuditSubscriber());
  const mailer = await createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, echoToConsole: config.env === "development" }, log);
  const auth: AuthServices = { mailer, publicUrl: config.publicUrl, session: config.session, throttle: config.signIn };

  const app = express();
  app.disable("x-powered-by");
  if (config.trustProxy) app.set("trust proxy", /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);
  const httpServer = http.createServer(app);

  const schema = auditMutations(await getSchema());
  const apollo = new ApolloServer<Context>({
    schema,
    introspection: config.introspection,
    // Without introspection, "Did you mean …" suggestions would still spell out the schema.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    includeStacktraceInErrorResponses: config.stackTraces,
    formatError: createErrorFormatter(log, config.stackTraces),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // start.ts stops everything in order on SIGINT/SIGTERM; Apollo must not race it with its own handlers.
    stopOnTerminationSignals: false,
    validationRules: [depthLimitRule(config.graphqlLimits.maxDepth), aliasLimitRule(config.graphqlLimits.maxAliases)],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's landing pages load from Apollo's CDN; our own explorer is served below.
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are set or read (answers depend on who asks); Apollo's default cache-control
      // plugin would wrap every field's resolver to collect them, on every request.
      ApolloServerPluginCacheControlDisabled(),
      // Before the request log, which records the status it set.
      databaseUnavailablePlugin(),
      costLimitPlugin(schema, config.graphqlLimits.maxCost),
      requestLogPlugin("/graphql"),
    ],
  });
  await apollo.start();

  app.use((req, res, next) => {
    const given = req.headers["x-request-id"];
    const requestId = typeof given === "string" && REQUEST_ID.test(given) ? given : crypto.randomUUID();
    res.setHeader("x-request-id", requestId);
    res.locals.requestId = requestId;
    logScope.run({ requestId }, next);
  });

  app.get("/health", async (_req, res) => {
    try {
      await ds.query("SELECT 1");
      res.json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "database unavailable" });
    }
  });

  // Calendars fetch with the secret in the address and no cookie: outside GraphQL's authentication.
  app.use(calendarFeedRouter(ds, config.publicUrl, log));

  // The explorer shows the schema, so it exists only where introspection does (development).
  if (config.introspection) app.use(explorerRouter("/graphql"));

  app.use(
    "/graphql",
    cookieParser(),
    express.json({ limit: config.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = res.locals.requestId as string;
        const exchange = httpExchange(req, res, config);
        const actor = await authenticate(ds, req, config, exchange.sessionSecret).catch((error: unknown) => {
          throw unavailableIfDatabaseAway(error);
        });
        const scope = logScope.getStore();
        if (scope && actor) scope.userId = actor.id;
        // The logger adds requestId and userId from the log scope.
        return createContext(ds, actor, requestId, log, { http: exchange, auth, sources: { regeringenBaseUrl: config.regeringenBaseUrl } });
      },
    }),
  );

  app.use((error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const status = (error as { status?: number }).status ?? 500;
    if (status >= 500) log.error({ err: error }, "request failed");
    const type = (error as { type?: string }).type;
    const message =
      type === "entity.too.large" ? "The request body is too large." : type === "entity.parse.failed" ? "The request body is not valid JSON." : "The request could not be handled.";
    res.status(status).json({ errors: [{ message, extensions: { code: status === 413 ? "PAYLOAD_TOO_LARGE" : status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST" } }] });
  });

  const stopHousekeeping = scheduleAuthHousekeeping(ds, log);
  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as import("node:net").AddressInfo;
  const host = config.host === "0.0.0.0" ? "localhost" : config.host;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    mailer,
    async stop() {
      stopHousekeeping();
      await apollo.stop();
      await mailer.close();
    },
  };
}
