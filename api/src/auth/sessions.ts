import type { DataSource, EntityManager } from "typeorm";
import { Session, User } from "@remissbanken/schema";
import type { Actor } from "./policy.js";
import { hashSecret, randomSecret } from "./secrets.js";
import { toActor } from "./tokens.js";

export const SESSION_COOKIE = "rb_session";
const PREFIX = "rbs_";
/** last_seen_at is written at most this often, so reads do not turn into writes. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

export interface SessionSettings {
  /** A session unused this long ends. */
  idleMs: number;
  /** No session lives longer than this, however active. */
  maxAgeMs: number;
}

export interface StartedSession {
  secret: string;
  expiresAt: Date;
}

/** Starts a session for a user and returns the cookie secret, which is never stored. */
export async function startSession(manager: EntityManager, userId: string, settings: SessionSettings): Promise<StartedSession> {
  const secret = randomSecret(PREFIX);
  const now = Date.now();
  const expiresAt = new Date(now + Math.min(settings.idleMs, settings.maxAgeMs));
  await manager.save(manager.create(Session, { userId, tokenHash: hashSecret(secret), lastSeenAt: new Date(now), expiresAt }));
  // Plain SQL: a sign-in is not an edit, so the user's version (and anyone's open edit form) stays as it is.
  await manager.query(`UPDATE app_user SET last_signed_in_at = now() WHERE id = $1`, [userId]);
  return { secret, expiresAt };
}

/** Resolves a session cookie to its active user, sliding the idle expiry; null when unknown or expired. */
export async function actorFromSession(ds: DataSource, secret: string, settings: SessionSettings): Promise<Actor | null> {
  if (!secret.startsWith(PREFIX) || secret.length > 200) return null;
  const row = await ds
    .getRepository(Session)
    .createQueryBuilder("s")
    .innerJoinAndSelect("s.user", "u")
    .where("s.token_hash = :hash", { hash: hashSecret(secret) })
    .andWhere("s.expires_at > now()")
    .andWhere("u.active AND u.archived_at IS NULL")
    .getOne();
  if (!row?.user) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    // Best effort: a failed bookkeeping write must not fail the request.
    void ds
      .query(
        `UPDATE session SET last_seen_at = now(),
           expires_at = LEAST(created_at + make_interval(secs => $2::double precision), now() + make_interval(secs => $3::double precision))
         WHERE id = $1`,
        [row.id, settings.maxAgeMs / 1000, settings.idleMs / 1000],
      )
      .catch(() => undefined);
  }
  return toActor(row.user as User);
}

/** Ends the session with this cookie secret, if any. */
export async function endSession(manager: EntityManager, secret: string): Promise<void> {
  await manager.delete(Session, { tokenHash: hashSecret(secret) });
}

/** Ends every session of a user: after a password change, reset or archiving. */
export async function endAllSessions(manager: EntityManager, userId: string): Promise<void> {
  await manager.delete(Session, { userId });
}
