/**
 * Tells a database that is away (stopped, crashed, restarting, unreachable over the network)
 * from a database that refused a statement. The API answers the first with
 * SERVICE_UNAVAILABLE and the indexer waits it out; the second is a real failure.
 */

/** Socket errors of a connection that could not be made or was cut. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * PostgreSQL's SQLSTATEs for a server going away or not ready: class 08 (connection
 * exception), 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now
 * (starting up, in recovery).
 */
const SQLSTATES = /^(08...|57P0[123])$/;

/** What node-postgres and pg-pool say when the server vanished under a connection. */
const MESSAGES = /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is closed|terminating connection due to/i;

/**
 * Whether `error` (or what it wraps: TypeORM's driverError, GraphQL's originalError) means the
 * database is away. A `cause` is not followed: fetch wraps its socket errors so, and a
 * Meilisearch that is away is not a database that is away.
 */
export function isDatabaseUnreachable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    seen.add(current);
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (NETWORK_CODES.has(code) || SQLSTATES.test(code))) return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    // AggregateError: node tries every address of "localhost" and reports them together.
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnreachable(inner))) return true;
    const next = current as { driverError?: unknown; originalError?: unknown };
    current = next.driverError ?? next.originalError;
  }
  return false;
}
