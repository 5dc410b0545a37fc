import type { DataSource } from "typeorm";
import { SignInAttempt } from "@remissbanken/schema";
import { DomainError } from "../common/errors.js";

export interface ThrottleSettings {
  /** Failures (per email and IP) before the pair is locked. */
  maxFailures: number;
  lockMs: number;
  /** First delay after a failure; doubles with each further failure. */
  delayMs: number;
}

/** One IP failing against many accounts (password spraying) is locked at this multiple. */
const IP_FACTOR = 4;
const MAX_DELAY_MS = 5_000;

interface Counts {
  pair: number;
  ip: number;
  lastFailureAt: Date | null;
}

async function recentFailures(ds: DataSource, email: string, ip: string, windowMs: number): Promise<Counts> {
  // Failures count only since the pair's last success.
  const [row] = await ds.query(
    `WITH last_success AS (
       SELECT max(at) AS at FROM sign_in_attempt WHERE email = $1 AND ip = $2 AND succeeded
     )
     SELECT
       count(*) FILTER (WHERE email = $1 AND at > coalesce((SELECT at FROM last_success), '-infinity')) AS pair,
       count(*) AS ip,
       max(at) FILTER (WHERE email = $1) AS last_failure_at
     FROM sign_in_attempt
     WHERE ip = $2 AND NOT succeeded AND at > now() - make_interval(secs => $3::double precision)`,
    [email, ip, windowMs / 1000],
  );
  return { pair: Number(row.pair), ip: Number(row.ip), lastFailureAt: row.last_failure_at };
}

/**
 * Refuses a sign-in while the email and IP pair (or the IP as a whole) is locked,
 * and otherwise waits progressively longer after each recent failure. Kept in
 * PostgreSQL so it holds across processes. Unknown emails are throttled the same
 * way, so the lock does not reveal whether an account exists.
 */
export async function throttleSignIn(ds: DataSource, email: string, ip: string, settings: ThrottleSettings): Promise<void> {
  const counts = await recentFailures(ds, email, ip, settings.lockMs);
  if (counts.pair >= settings.maxFailures || counts.ip >= settings.maxFailures * IP_FACTOR) {
    const until = (counts.lastFailureAt?.getTime() ?? Date.now()) + settings.lockMs;
    const minutes = Math.max(1, Math.ceil((until - Date.now()) / 60_000));
    throw new DomainError(
      "TOO_MANY_REQUESTS",
      "RATE_LIMITED",
      `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or reset your password.`,
    );
  }
  if (counts.pair > 0 && settings.delayMs > 0) {
    const delay = Math.min(MAX_DELAY_MS, settings.delayMs * 2 ** (counts.pair - 1));
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** Records an attempt outside any transaction, so a failed sign-in is remembered. */
export async function recordSignInAttempt(ds: DataSource, email: string, ip: string, succeeded: boolean): Promise<void> {
  await ds.getRepository(SignInAttempt).insert({ email, ip, succeeded });
}

/** Forgets failures for an email, after a password reset proves the owner is in control. */
export async function clearFailures(ds: DataSource, email: string): Promise<void> {
  await ds.query(`DELETE FROM sign_in_attempt WHERE email = $1 AND NOT succeeded`, [email]);
}
