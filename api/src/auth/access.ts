import type { EntityManager } from "typeorm";
import { ApiToken, CalendarFeed } from "@remissbanken/schema";
import { endAllSessions } from "./sessions.js";

/**
 * Takes away every way a user is signed in: ends all sessions and revokes all API
 * tokens and the calendar feed address, for good (reactivating the user later does not
 * bring them back). For archiving, deactivation and a password reset.
 */
export async function revokeAccess(manager: EntityManager, userId: string): Promise<void> {
  await endAllSessions(manager, userId);
  await manager
    .createQueryBuilder()
    .update(ApiToken)
    .set({ revokedAt: () => "now()" })
    .where("user_id = :userId AND revoked_at IS NULL", { userId })
    .execute();
  await manager.delete(CalendarFeed, { userId });
}
