import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { buildUser } from "@remissbanken/test/factories";
import { purgeExpiredAuthRows } from "./housekeeping.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.stop());

describe("purgeExpiredAuthRows", () => {
  it("deletes ended sessions, spent links and old attempts, and keeps the live ones", async () => {
    const user = await buildUser(api.ds.manager);
    const session = (ago: string, hash: string) =>
      api.ds.query(
        `INSERT INTO session (user_id, token_hash, last_seen_at, expires_at) VALUES ($1, $2, now(), now() - $3::interval)`,
        [user.id, hash, ago],
      );
    await session("2 days", "old-session");
    await session("-1 day", "live-session");
    const link = (expiresAgo: string, usedAgo: string | null, hash: string) =>
      api.ds.query(
        `INSERT INTO one_time_token (user_id, purpose, token_hash, expires_at, used_at) VALUES ($1, 'password_reset', $2, now() - $3::interval, now() - $4::interval)`,
        [user.id, hash, expiresAgo, usedAgo],
      );
    await link("8 days", null, "expired-link");
    await link("-1 hour", "8 days", "used-long-ago");
    await link("-1 hour", null, "live-link");
    await api.ds.query(`INSERT INTO sign_in_attempt (email, ip, succeeded, at) VALUES ('a@x.se', '1.2.3.4', false, now() - interval '31 days'), ('a@x.se', '1.2.3.4', false, now())`);

    expect(await purgeExpiredAuthRows(api.ds)).toEqual({ sessions: 1, links: 2, attempts: 1 });
    expect((await api.ds.query(`SELECT token_hash FROM session`)).map((r: { token_hash: string }) => r.token_hash)).toEqual(["live-session"]);
    expect((await api.ds.query(`SELECT token_hash FROM one_time_token`)).map((r: { token_hash: string }) => r.token_hash)).toEqual(["live-link"]);
    expect(await api.ds.query(`SELECT count(*)::int AS n FROM sign_in_attempt`)).toEqual([{ n: 1 }]);
  });
});
