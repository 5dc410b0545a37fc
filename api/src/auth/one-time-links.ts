import type { EntityManager } from "typeorm";
import { OneTimeToken, OneTimeTokenPurpose } from "@remissbanken/schema";
import { hashSecret, randomSecret } from "./secrets.js";

const PREFIX = "rbl_";

/** How long each kind of emailed link works. */
export const LINK_LIFETIME_MS: Record<OneTimeTokenPurpose, number> = {
  [OneTimeTokenPurpose.INVITATION]: 7 * 86_400_000,
  [OneTimeTokenPurpose.PASSWORD_RESET]: 60 * 60_000,
  [OneTimeTokenPurpose.SIGN_IN_LINK]: 15 * 60_000,
};

/** The web app's pages that take the link's token and post it back to the API. */
const LINK_PATH: Record<OneTimeTokenPurpose, string> = {
  [OneTimeTokenPurpose.INVITATION]: "/auth/invitation",
  [OneTimeTokenPurpose.PASSWORD_RESET]: "/auth/reset-password",
  [OneTimeTokenPurpose.SIGN_IN_LINK]: "/auth/sign-in-link",
};

export function linkUrl(publicUrl: string, purpose: OneTimeTokenPurpose, secret: string): string {
  return `${publicUrl}${LINK_PATH[purpose]}?token=${encodeURIComponent(secret)}`;
}

/**
 * Issues a single-use link secret for a user. Earlier unused links with the same
 * purpose stop working, so only the newest email is valid.
 */
export async function issueLink(
  manager: EntityManager,
  userId: string,
  purpose: OneTimeTokenPurpose,
  createdById: string | null = null,
): Promise<string> {
  await manager
    .createQueryBuilder()
    .update(OneTimeToken)
    .set({ usedAt: () => "now()" })
    .where("user_id = :userId AND purpose = :purpose AND used_at IS NULL", { userId, purpose })
    .execute();
  const secret = randomSecret(PREFIX);
  await manager.save(
    manager.create(OneTimeToken, {
      userId,
      purpose,
      tokenHash: hashSecret(secret),
      expiresAt: new Date(Date.now() + LINK_LIFETIME_MS[purpose]),
      usedAt: null,
      createdById,
    }),
  );
  return secret;
}

/**
 * Uses up a link in one atomic statement and returns its user id; null when the
 * secret is unknown, for another purpose, expired or already used.
 */
export async function consumeLink(manager: EntityManager, secret: string, purpose: OneTimeTokenPurpose): Promise<string | null> {
  if (!secret.startsWith(PREFIX) || secret.length > 200) return null;
  const rows: { user_id: string }[] = await manager.query(
    `UPDATE one_time_token SET used_at = now()
     WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
     RETURNING user_id`,
    [hashSecret(secret), purpose],
  );
  // TypeORM returns [rows, count] for UPDATE … RETURNING on PostgreSQL.
  const returned = Array.isArray(rows[0]) ? (rows[0] as unknown as { user_id: string }[]) : rows;
  return returned[0]?.user_id ?? null;
}
