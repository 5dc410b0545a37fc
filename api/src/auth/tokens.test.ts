/** API tokens answer honestly: a bad token is refused, not served as an anonymous caller. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiToken, Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { buildUserWithToken } from "@remissbanken/test/factories";
import { issueApiToken } from "./tokens.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api?.stop();
});

const ME = `{ me { id } }`;

async function raw(authorization: string) {
  const res = await fetch(api.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization },
    body: JSON.stringify({ query: ME }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string; reason?: string } }[] } };
}

describe("API tokens", () => {
  it("accepts the Bearer scheme in any case", async () => {
    const { user, token } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    for (const scheme of ["Bearer", "bearer", "BEARER"]) {
      const answer = await raw(`${scheme} ${token}`);
      expect(answer.status, scheme).toBe(200);
      expect(answer.body.data).toEqual({ me: { id: user.id } });
    }
  });

  it("refuses an unknown, expired or revoked token with UNAUTHENTICATED and says why", async () => {
    const { token: expired } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    await api.ds.getRepository(ApiToken).createQueryBuilder().update().set({ expiresAt: new Date(Date.now() - 1000) }).where("user_id = (SELECT user_id FROM api_token ORDER BY created_at DESC LIMIT 1)").execute();
    const { token: revoked } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    const revokedResult = await api.gql(`{ myApiTokens { id } }`, {}, { token: revoked });
    await api.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: revokedResult.data.myApiTokens[0].id }, { token: revoked });

    for (const [what, token] of [["unknown", "rb_this-token-does-not-exist"], ["expired", expired], ["revoked", revoked], ["malformed", "nonsense"]]) {
      const answer = await raw(`Bearer ${token}`);
      expect(answer.status, what).toBe(401);
      expect(answer.body.errors?.[0].extensions.code, what).toBe("UNAUTHENTICATED");
      expect(answer.body.errors?.[0].extensions.reason, what).toBe("INVALID_TOKEN");
      expect(answer.body.errors?.[0].message, what).toMatch(/API token is not valid/);
      expect(answer.body.data, what).toBeUndefined();
    }
  });

  it("refuses an Authorization header of another scheme instead of ignoring it", async () => {
    const answer = await raw("Basic dXNlcjpwYXNz");
    expect(answer.status).toBe(401);
    expect(answer.body.errors?.[0].message).toMatch(/Bearer/);
  });

  it("does not let a token create a token that outlives it", async () => {
    const { user } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    const daysLeft = 10;
    const { secret: token } = await issueApiToken(api.ds.manager, user.id, "tio dagar", new Date(Date.now() + daysLeft * 86_400_000 + 60_000));
    const longer = await api.gql(`mutation($d: Int!) { createApiToken(name: "längre", expiresInDays: $d) { secret } }`, { d: daysLeft + 1 }, { token });
    expect(errorCode(longer)).toBe("BAD_USER_INPUT");
    expect(longer.errors?.[0].extensions?.fields?.[0].field).toBe("expiresInDays");
    const shorter = await api.gql(`mutation($d: Int!) { createApiToken(name: "kortare", expiresInDays: $d) { secret } }`, { d: daysLeft }, { token });
    expect(shorter.errors).toBeUndefined();
    expect(shorter.data.createApiToken.secret).toMatch(/^rb_/);
  });
});
