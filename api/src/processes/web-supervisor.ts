/**
 * Runs the web app (web/server/main.ts) beside the API under `npm start`: builds it first
 * when its sources changed, then starts it in production mode (React renders several times
 * faster so) and waits until it listens.
 */
import path from "node:path";
import type { Logger } from "pino";
import { superviseProcess, type SupervisedProcess } from "./supervise.js";

export interface WebProcessOptions {
  port: number;
  host: string;
  apiUrl: string;
  publicUrl: string;
  logLevel: string;
  log: Logger;
}

export interface SupervisedWeb extends SupervisedProcess {
  url: string;
}

const MAIN = path.resolve(import.meta.dirname, "../../../web/server/main.ts");

export class WebStartError extends Error {}

export async function superviseWeb(options: WebProcessOptions): Promise<SupervisedWeb> {
  let settle: { resolve(url: string): void; reject(error: Error): void } | null = null;
  const ready = new Promise<string>((resolve, reject) => (settle = { resolve, reject }));
  const child = superviseProcess({
    name: "web app",
    entry: MAIN,
    env: {
      NODE_ENV: "production",
      WEB_PORT: String(options.port),
      HOST: options.host,
      API_URL: options.apiUrl,
      PUBLIC_URL: options.publicUrl,
      LOG_LEVEL: options.logLevel,
      WEB_BUILD_ON_START: "true",
    },
    log: options.log,
    onMessage(message) {
      const m = message as { type?: string; url?: string; message?: string };
      if (m.type === "ready" && m.url) settle?.resolve(m.url);
      if (m.type === "failed") settle?.reject(new WebStartError(m.message ?? "the web app did not start"));
    },
  });
  try {
    const url = await ready;
    return Object.assign(child, { url });
  } catch (error) {
    await child.stop();
    throw error;
  }
}
