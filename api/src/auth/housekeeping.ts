import type { DataSource } from "typeorm";
import type { Logger } from "pino";

/** How long rows stay after they stop mattering, for investigating incidents. */
const KEEP = {
  endedSessions: "1 day",
  spentLinks: "7 days",
  signInAttempts: "30 days",
} as const;

/** Deletes ended sessions, spent or expired one-time links and old sign-in attempts. */
export async function purgeExpiredAuthRows(ds: DataSource): Promise<{ sessions: number; links: number; attempts: number }> {
  const [, sessions] = await ds.query(`DELETE FROM session WHERE expires_at < now() - $1::interval`, [KEEP.endedSessions]);
  const [, links] = await ds.query(`DELETE FROM one_time_token WHERE coalesce(used_at, expires_at) < now() - $1::interval`, [KEEP.spentLinks]);
  const [, attempts] = await ds.query(`DELETE FROM sign_in_attempt WHERE at < now() - $1::interval`, [KEEP.signInAttempts]);
  return { sessions, links, attempts };
}

/** Runs the purge at start and then hourly; several API processes doing so is harmless. */
export function scheduleAuthHousekeeping(ds: DataSource, log: Logger): () => void {
  const run = () =>
    purgeExpiredAuthRows(ds).then(
      (counts) => log.debug(counts, "purged expired sign-in data"),
      (err) => log.warn({ err }, "purging expired sign-in data failed"),
    );
  void run();
  const timer = setInterval(run, 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
