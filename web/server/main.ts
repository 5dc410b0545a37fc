/**
 * The web app's process: `npm start` runs it beside the API (web/server/supervisor),
 * compose runs it as the `web` service. It expects a build (`npm run build`).
 */
import { loadWebEnv, WebConfigError } from "../app/lib/env.server";
import { currentBuildDir, ensureWebBuild } from "./build";
import { startWebServer } from "./index";

let env;
try {
  env = loadWebEnv();
} catch (error) {
  if (error instanceof WebConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  throw error;
}

const log = (level: "info" | "warn" | "error", message: string, details: Record<string, unknown> = {}) => {
  if (env.logLevel === "silent") return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), process: "web", msg: message, ...details });
  (level === "error" ? console.error : console.log)(line);
};

// Under `npm start` the sources may have changed since the last build; in an image the build is made at build time.
const buildDir = process.env.WEB_BUILD_ON_START === "true"
  ? await ensureWebBuild()
  : process.env.WEB_BUILD_DIR ?? (await currentBuildDir());

try {
  const server = await startWebServer({
    port: env.port,
    host: env.host,
    apiUrl: env.apiUrl,
    publicUrl: env.publicUrl,
    trustProxy: process.env.TRUST_PROXY,
    hsts: env.publicUrl?.startsWith("https:"),
    buildDir,
    log,
  });
  process.send?.({ type: "ready", url: server.url });
  if (!process.send) log("info", "web app listening", { url: server.url });
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
  // Under `npm start`: if the parent dies, its IPC channel closes and we follow.
  process.on("disconnect", () => void stop());
} catch (error) {
  const err = error as NodeJS.ErrnoException;
  const message = err.code === "EADDRINUSE" ? `Port ${env.port} is already in use. Stop the other program or set WEB_PORT to another port.` : err.message;
  process.send?.({ type: "failed", message });
  console.error(`The web app could not start: ${message}`);
  process.exit(1);
}
