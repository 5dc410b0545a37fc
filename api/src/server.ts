import http from "node:http";
import crypto from "node:crypto";
import express from "express";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import type { DataSource } from "typeorm";
import type { Logger } from "pino";
import type { Config } from "./config.js";
import { getSchema } from "./schema.js";
import { createContext, type Context } from "./context.js";
import { createErrorFormatter } from "./common/errors.js";
import { actorFromApiToken } from "./auth/tokens.js";
import type { Actor } from "./auth/policy.js";

export interface RunningServer {
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function authenticate(ds: DataSource, req: express.Request): Promise<Actor | null> {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) return actorFromApiToken(ds, header.slice(7).trim());
  return null;
}

/** Starts the HTTP server with GraphQL at /graphql and a health check at /health. */
export async function startServer(config: Config, ds: DataSource, log: Logger): Promise<RunningServer> {
  const app = express();
  app.disable("x-powered-by");
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.stackTraces,
    formatError: createErrorFormatter(log, config.stackTraces),
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.get("/health", async (_req, res) => {
    try {
      await ds.query("SELECT 1");
      res.json({ status: "ok" });
    } catch {
      res.status(503).json({ status: "database unavailable" });
    }
  });

  app.use(
    "/graphql",
    express.json({ limit: config.maxBodyBytes }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const requestId = (req.headers["x-request-id"] as string | undefined)?.slice(0, 100) || crypto.randomUUID();
        const actor = await authenticate(ds, req);
        return createContext(ds, actor, requestId, log.child({ requestId, userId: actor?.id }));
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

  await new Promise<void>((resolve, reject) => {
    httpServer.once("error", reject);
    httpServer.listen(config.port, config.host, () => resolve());
  });
  const { port } = httpServer.address() as import("node:net").AddressInfo;
  const host = config.host === "0.0.0.0" ? "localhost" : config.host;
  return {
    url: `http://${host}:${port}/graphql`,
    port,
    async stop() {
      await apollo.stop();
    },
  };
}
