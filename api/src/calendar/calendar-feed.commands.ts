import type { DataSource, EntityManager } from "typeorm";
import { CalendarFeed, type User } from "@remissbanken/schema";
import type { Actor } from "../auth/policy.js";
import { hashSecret, randomSecret } from "../auth/secrets.js";
import { toActor } from "../auth/tokens.js";

const PREFIX = "rbk_";
/** The whole token: the prefix and 32 random bytes in base64url. Anything else is refused before the database is asked. */
const TOKEN_SHAPE = /^rbk_[A-Za-z0-9_-]{43}$/;
/** last_used_at is written at most this often: calendars poll every few hours, and a read must not become a write each time. */
const TOUCH_INTERVAL_MS = 15 * 60_000;

export const isCalendarToken = (token: string) => TOKEN_SHAPE.test(token);

/** The feed's address: under PUBLIC_URL, where the web app passes it on to the API. */
export const calendarFeedUrl = (publicUrl: string, token: string) => `${publicUrl}/kalender/${token}.ics`;

/** The person's feed (without its token), or null. */
export function calendarFeedOf(manager: EntityManager, userId: string): Promise<CalendarFeed | null> {
  return manager.getRepository(CalendarFeed).findOne({ where: { userId } });
}

/** The person's current feed token, or null when they have none. Only ever asked for the caller's own. */
export async function calendarFeedTokenOf(manager: EntityManager, userId: string): Promise<string | null> {
  const row = await manager
    .getRepository(CalendarFeed)
    .createQueryBuilder("f")
    .select("f.id")
    .addSelect("f.token")
    .where("f.user_id = :userId", { userId })
    .getOne();
  return row?.token ?? null;
}

/**
 * Creates the person's feed token, or replaces it: the old address stops working in the same
 * transaction. Feeds are found by the token's hash; the token is kept to show its owner again.
 */
export async function calendarFeedRegenerator(manager: EntityManager, actor: Actor): Promise<{ feed: CalendarFeed; token: string }> {
  const token = randomSecret(PREFIX);
  await manager.delete(CalendarFeed, { userId: actor.id });
  const feed = manager.create(CalendarFeed, { userId: actor.id, tokenHash: hashSecret(token), token, lastUsedAt: null });
  await manager.save(feed);
  return { feed, token };
}

/** Ends the person's feed; false when there was none. */
export async function calendarFeedRevoker(manager: EntityManager, actor: Actor): Promise<boolean> {
  const result = await manager.delete(CalendarFeed, { userId: actor.id });
  return (result.affected ?? 0) > 0;
}

/** The active person a feed token belongs to, or null (unknown, replaced, revoked, or the person archived). */
export async function calendarFeedOwner(ds: DataSource, token: string): Promise<Actor | null> {
  if (!isCalendarToken(token)) return null;
  const row = await ds
    .getRepository(CalendarFeed)
    .createQueryBuilder("f")
    .innerJoinAndSelect("f.user", "u")
    .where("f.token_hash = :hash", { hash: hashSecret(token) })
    .andWhere("u.active AND u.archived_at IS NULL")
    .getOne();
  if (!row?.user) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    // Best effort: a failed bookkeeping write must not fail the feed.
    void ds.query(`UPDATE calendar_feed SET last_used_at = now() WHERE id = $1`, [row.id]).catch(() => undefined);
  }
  return toActor(row.user as User);
}
