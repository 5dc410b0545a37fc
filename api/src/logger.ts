import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { logTransport } from "@remissbanken/schema/logging";

/** Request fields every log line written while serving that request carries. */
export interface LogScope {
  requestId: string;
  userId?: string;
}

export const logScope = new AsyncLocalStorage<LogScope>();

/**
 * Structured logs. Secrets and user-written text are redacted wherever they could
 * appear; the request id and user are added from the request being served.
 */
export function createLogger(level: string) {
  return pino({
    level,
    transport: logTransport(),
    mixin: () => ({ ...logScope.getStore() }),
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        "req.body",
        "res.headers['set-cookie']",
        "*.password",
        "*.newPassword",
        "*.currentPassword",
        "*.passwordHash",
        "*.token",
        "*.tokenHash",
        "*.secret",
        "*.text",
        "*.sections",
        "*.input",
        "variables",
        "*.variables",
        "query",
        "*.query",
        // Failed SQL carries its parameters: password hashes, member input.
        "*.parameters",
        "err.driverError.parameters",
      ],
      censor: "[redacted]",
    },
  });
}
