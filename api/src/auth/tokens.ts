import type { DataSource, EntityManager } from "typeorm";
import { ApiToken, User } from "@remissbanken/schema";
import type { Actor } from "./policy.js";
import { hashSecret, randomSecret } from "./secrets.js";

const PREFIX = "rb_";
/** last_used_at is written at most this often, so reads do not turn into writes (as for sessions). */
const TOUCH_INTERVAL_MS = 5 * 60_000;

export const hashToken = hashSecret;

/** Creates a personal API token and returns its secret, which is never stored. */
export async function issueApiToken(
  manager: EntityManager,
  userId: string,
  name: string,
  expiresAt: Date,
): Promise<{ token: ApiToken; secret: string }> {
  const secret = randomSecret(PREFIX);
  const token = manager.create(ApiToken, { userId, name, tokenHash: hashToken(secret), expiresAt });
  await manager.save(token);
  return { token, secret };
}

/** Resolves a bearer secret to its active user, or null. */
export async function actorFromApiToken(ds: DataSource, secret: string): Promise<Actor | null> {
  if (!secret.startsWith(PREFIX) || secret.length > 200) return null;
  const row = await ds
    .getRepository(ApiToken)
    .createQueryBuilder("t")
    .innerJoinAndSelect("t.user", "u")
    .where("t.token_hash = :hash", { hash: hashToken(secret) })
    .andWhere("t.revoked_at IS NULL AND t.expires_at > now()")
    .andWhere("u.active AND u.archived_at IS NULL")
    .getOne();
  if (!row?.user) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    // Best effort: a failed bookkeeping write must not fail the request.
    void ds.query(`UPDATE api_token SET last_used_at = now() WHERE id = $1`, [row.id]).catch(() => undefined);
  }
  return { ...toActor(row.user), tokenExpiresAt: row.expiresAt };
}

export function toActor(user: User): Actor {
  return { id: user.id, name: user.name, role: user.role, municipalityId: user.municipalityId };
}
