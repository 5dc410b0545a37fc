/**
 * Rows for tests: the demo data's builders (sensible defaults, missing parents created)
 * and what only tests need, such as a user with an API token.
 */
import type { EntityManager } from "typeorm";
import type { User } from "@remissbanken/schema";
import { issueApiToken } from "@remissbanken/api/auth/tokens";
import { buildUser } from "@remissbanken/api/seed/builders";

export * from "@remissbanken/api/seed/builders";

/** A user with an API token, for calling the API as that user. */
export async function buildUserWithToken(m: EntityManager, overrides: Partial<User> = {}): Promise<{ user: User; token: string }> {
  const user = await buildUser(m, overrides);
  const { secret } = await issueApiToken(m, user.id, "test", new Date(Date.now() + 400 * 86_400_000));
  return { user, token: secret };
}
