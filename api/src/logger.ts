import pino from "pino";

/** Structured logs; secrets and user-written text are redacted wherever they could appear. */
export function createLogger(level: string) {
  return pino({
    level,
    redact: {
      paths: [
        "req.headers.authorization",
        "req.headers.cookie",
        "*.password",
        "*.token",
        "*.secret",
        "variables",
        "*.variables",
      ],
      censor: "[redacted]",
    },
  });
}
