import type { DataSource, EntityManager } from "typeorm";
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
  /**
   * The lock is a sliding window: it lifts when the failure that reached the limit ages out.
   * These are the times of the limit-th newest failure of the pair and of the IP.
   */
  pairLimitFailureAt: Date | null;
  ipLimitFailureAt: Date | null;
}

async function recentFailures(manager: EntityManager, email: string, ip: string, settings: ThrottleSettings): Promise<Counts> {
  // Failures count only since the pair's last success.
  const [row] = await manager.query(
    `WITH last_success AS (
       SELECT max(at) AS at FROM sign_in_attempt WHERE email = $1 AND ip = $2 AND succeeded
     ),
     failures AS (
       SELECT email, at, email = $1 AND at > coalesce((SELECT at FROM last_success), '-infinity') AS of_pair
       FROM sign_in_attempt
       WHERE ip = $2 AND NOT succeeded AND at > now() - make_interval(secs => $3::double precision)
     )
     SELECT
       (SELECT count(*) FROM failures WHERE of_pair) AS pair,
       (SELECT count(*) FROM failures) AS ip,
       (SELECT at FROM failures WHERE of_pair ORDER BY at DESC OFFSET $4 - 1 LIMIT 1) AS pair_limit_at,
       (SELECT at FROM failures ORDER BY at DESC OFFSET $5 - 1 LIMIT 1) AS ip_limit_at`,
    [email, ip, settings.lockMs / 1000, settings.maxFailures, settings.maxFailures * IP_FACTOR],
  );
  return { pair: Number(row.pair), ip: Number(row.ip), pairLimitFailureAt: row.pair_limit_at, ipLimitFailureAt: row.ip_limit_at };
}

/**
 * Runs one password check under the throttle and returns its result: what `check`
 * found, or null when the check failed. Refuses
 * while the email and IP pair (or the IP as a whole) is locked, and otherwise waits
 * progressively longer after each recent failure. Kept in PostgreSQL so it holds
 * across processes. Unknown emails are throttled the same way, so the lock does not
 * reveal whether an account exists.
 *
 * The attempt is recorded as a failure before the check and turned into a success
 * after it, and counting and recording are serialized per IP address: parallel
 * attempts each see the ones before them, so no more than the allowed number of
 * guesses are ever checked. The lock is held only for the count and the insert,
 * never during the delay or the hashing.
 */
export async function throttledCheck<T>(
  ds: DataSource,
  email: string,
  ip: string,
  settings: ThrottleSettings,
  check: () => Promise<T | null>,
): Promise<T | null> {
  const { attemptId, delayMs } = await ds.transaction(async (manager) => {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('sign_in_attempt'), hashtext($1))`, [ip]);
    const counts = await recentFailures(manager, email, ip, settings);
    if (counts.pair >= settings.maxFailures || counts.ip >= settings.maxFailures * IP_FACTOR) throw locked(counts, settings);
    const [row] = await manager.query(`INSERT INTO sign_in_attempt (email, ip, succeeded) VALUES ($1, $2, false) RETURNING id`, [email, ip]);
    const delayMs = counts.pair > 0 ? Math.min(MAX_DELAY_MS, settings.delayMs * 2 ** (counts.pair - 1)) : 0;
    return { attemptId: String(row.id), delayMs };
  });
  if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  const result = await check();
  // Outside any transaction, so the record stands whatever the caller does next.
  if (result !== null) await ds.query(`UPDATE sign_in_attempt SET succeeded = true WHERE id = $1`, [attemptId]);
  return result;
}

function locked(counts: Counts, settings: ThrottleSettings): DomainError {
  const limitReachedAt = [
    counts.pair >= settings.maxFailures ? counts.pairLimitFailureAt : null,
    counts.ip >= settings.maxFailures * IP_FACTOR ? counts.ipLimitFailureAt : null,
  ].reduce<number>((latest, at) => Math.max(latest, at ? new Date(at).getTime() : 0), 0);
  const until = (limitReachedAt || Date.now()) + settings.lockMs;
  const minutes = Math.max(1, Math.ceil((until - Date.now()) / 60_000));
  return new DomainError(
    "TOO_MANY_REQUESTS",
    "RATE_LIMITED",
    `Too many failed sign-ins. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or reset your password.`,
  );
}

/** Forgets failures for an email, after a password reset proves the owner is in control. */
export async function clearFailures(ds: DataSource, email: string): Promise<void> {
  await ds.query(`DELETE FROM sign_in_attempt WHERE email = $1 AND NOT succeeded`, [email]);
}
