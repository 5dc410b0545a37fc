import type { TransportSingleOptions } from "pino";

/**
 * Where log lines go: readable lines (pino-pretty) for a person at a terminal during
 * development, one JSON object per line everywhere else (production, CI, files, pipes).
 * LOG_FORMAT=json or LOG_FORMAT=pretty overrides the choice.
 */
export function logTransport(env: NodeJS.ProcessEnv = process.env): TransportSingleOptions | undefined {
  const format = env.LOG_FORMAT ?? (process.stdout.isTTY && env.NODE_ENV !== "production" ? "pretty" : "json");
  if (format !== "pretty") return undefined;
  return { target: "pino-pretty", options: PRETTY_OPTIONS };
}

/**
 * One line per entry: the message (a request's says method, path, operation, status and
 * duration) followed by its remaining fields; the request id only in the JSON format.
 */
export const PRETTY_OPTIONS = {
  colorize: true,
  translateTime: "HH:MM:ss",
  singleLine: true,
  ignore: "pid,hostname,requestId,request",
};

/** Exits once the logger has written everything: a transport writes from a worker thread. */
export async function exitAfterFlush(log: { flush(cb?: (err?: Error) => void): void }, code: number): Promise<never> {
  await new Promise<void>((resolve) => log.flush(() => resolve()));
  process.exit(code);
}
