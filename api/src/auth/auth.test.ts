import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiToken, AuditLog, OneTimeToken, Role, Session, SignInAttempt, User } from "@remissbanken/schema";
import { IsNull } from "typeorm";
import { buildUser, buildUserWithToken } from "@remissbanken/test/factories";
import { hashPassword } from "./passwords.js";
import { startAuthTestApi, type AuthTestApi } from "@remissbanken/test/auth-testing";

let api: AuthTestApi;

beforeAll(async () => {
  api = await startAuthTestApi({ SIGN_IN_MAX_FAILURES: "3", SIGN_IN_LOCK_MINUTES: "15" });
});
afterAll(() => api?.stop());
beforeEach(() => api.clearMail());

const PASSWORD = "korrekt hästbatteri";
const SIGN_IN = `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id name role } }`;
const ME = `{ me { id role } }`;
const code = (r: { errors?: { extensions?: { code?: string } }[] }) => r.errors?.[0]?.extensions?.code;
const reason = (r: { errors?: { extensions?: { reason?: string } }[] }) => r.errors?.[0]?.extensions?.reason;

async function userWithPassword(overrides: Partial<User> = {}) {
  const user = await buildUser(api.ds.manager, overrides);
  await api.ds.getRepository(User).update(user.id, { passwordHash: await hashPassword(PASSWORD) });
  return user;
}

describe("sign-in with email and password", () => {
  it("answers with the signed-in person's own email and municipality, as `me` does", async () => {
    const { buildMunicipality } = await import("@remissbanken/test/factories");
    const municipality = await buildMunicipality(api.ds.manager, { name: "Hjo" });
    const user = await userWithPassword({ role: Role.MEMBER, municipalityId: municipality.id });
    const browser = api.browser();
    const signedIn = await browser.gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { email municipality { name } } }`, { e: user.email, p: PASSWORD });
    expect(signedIn.data.signIn).toEqual({ email: user.email, municipality: { name: "Hjo" } });
    expect((await browser.gql(`{ me { email } }`)).data.me.email).toBe(user.email);
  });

  it("sets a secure, HTTP-only, SameSite session cookie that signs the browser in, and sign-out ends it", async () => {
    const user = await userWithPassword({ role: Role.BOARD });
    const browser = api.browser();
    const signedIn = await browser.gql(SIGN_IN, { e: user.email.toUpperCase(), p: PASSWORD });
    expect(signedIn.errors).toBeUndefined();
    expect(signedIn.data.signIn).toMatchObject({ id: user.id, role: "BOARD" });
    const cookie = signedIn.setCookies.find((c) => c.startsWith("rb_session="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Path=\//);
    // Only the hash is stored.
    const stored = await api.ds.getRepository(Session).createQueryBuilder("s").addSelect("s.tokenHash").where("s.user_id = :id", { id: user.id }).getOneOrFail();
    expect(stored.tokenHash).not.toContain(browser.sessionCookie);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);

    expect((await browser.gql(ME)).data.me).toEqual({ id: user.id, role: "BOARD" });

    const out = await browser.gql(`mutation { signOut }`);
    expect(out.data.signOut).toBe(true);
    expect(browser.sessionCookie).toBeNull();
    expect(await api.ds.getRepository(Session).countBy({ userId: user.id })).toBe(0);
    expect((await browser.gql(ME)).data.me).toBeNull();
  });

  it("marks the cookie Secure when configured (production default)", async () => {
    const secureApi = await startAuthTestApi({ COOKIE_SECURE: "true" });
    try {
      const user = await buildUser(secureApi.ds.manager);
      await secureApi.ds.getRepository(User).update(user.id, { passwordHash: await hashPassword(PASSWORD) });
      const result = await secureApi.gql(SIGN_IN, { e: user.email, p: PASSWORD });
      expect(result.setCookies.find((c) => c.startsWith("rb_session="))).toMatch(/Secure/);
    } finally {
      await secureApi.stop();
    }
  });

  it("gives the same answer for an unknown email, a wrong password and an archived account", async () => {
    const user = await userWithPassword();
    const archived = await userWithPassword({ active: false, archivedAt: new Date() });
    const answers = [
      await api.gql(SIGN_IN, { e: "nobody-here@example.se", p: PASSWORD }),
      await api.gql(SIGN_IN, { e: user.email, p: "fel lösenord helt enkelt" }),
      await api.gql(SIGN_IN, { e: archived.email, p: PASSWORD }),
    ];
    for (const answer of answers) {
      expect(answer.errors?.[0]).toMatchObject({ message: "Wrong email or password.", extensions: { code: "UNAUTHENTICATED", reason: "INVALID_CREDENTIALS" } });
      expect(answer.setCookies.some((c) => c.startsWith("rb_session="))).toBe(false);
    }
  });

  it("refuses a session cookie sent from a foreign origin", async () => {
    const user = await userWithPassword();
    const browser = api.browser();
    await browser.gql(SIGN_IN, { e: user.email, p: PASSWORD });
    expect((await browser.gql(ME, {}, { origin: "http://localhost:3000" })).data.me?.id).toBe(user.id);
    expect((await browser.gql(ME, {}, { origin: "https://evil.example" })).data.me).toBeNull();
  });

  it("refuses requests a browser could send cross-site without a preflight (CSRF)", async () => {
    const result = await api.post(JSON.stringify({ query: ME }), { "content-type": "text/plain" });
    expect(result.status).toBe(400);
    expect(result.text).toMatch(/CSRF|preflight/i);
  });

  it("ends sessions when the user is archived", async () => {
    const user = await userWithPassword({ role: Role.MEMBER });
    const browser = api.browser();
    await browser.gql(SIGN_IN, { e: user.email, p: PASSWORD });
    const { token: adminToken } = await buildUserWithToken(api.ds.manager, { role: Role.ADMIN });
    const archived = await api.gql(`mutation($id: ID!) { archiveUser(id: $id) { id } }`, { id: user.id }, { token: adminToken });
    expect(archived.errors).toBeUndefined();
    expect((await browser.gql(ME)).data.me).toBeNull();
  });
});

describe("lockout", () => {
  it("locks an email and IP pair after repeated failures, then refuses even the right password, and tells nothing about the account", async () => {
    const user = await userWithPassword();
    for (let i = 0; i < 3; i++) expect(code(await api.gql(SIGN_IN, { e: user.email, p: "fel lösenord igen" }))).toBe("UNAUTHENTICATED");
    const locked = await api.gql(SIGN_IN, { e: user.email, p: PASSWORD });
    expect(code(locked)).toBe("TOO_MANY_REQUESTS");
    expect(reason(locked)).toBe("RATE_LIMITED");
    expect(locked.errors![0].message).toMatch(/Try again in 15 minutes/);

    // An unknown email locks the same way, so the lock does not reveal accounts.
    for (let i = 0; i < 3; i++) await api.gql(SIGN_IN, { e: "ghost@example.se", p: "fel lösenord igen" });
    expect(code(await api.gql(SIGN_IN, { e: "ghost@example.se", p: PASSWORD }))).toBe("TOO_MANY_REQUESTS");
    expect(await api.ds.getRepository(SignInAttempt).countBy({ email: user.email, succeeded: false })).toBe(3);
  });

  it("holds under parallel attempts: no more wrong guesses get checked than SIGN_IN_MAX_FAILURES", async () => {
    // Its own database, so that its failures do not lock this file's IP address.
    const parallelApi = await startAuthTestApi({ SIGN_IN_MAX_FAILURES: "5" });
    try {
      const user = await buildUser(parallelApi.ds.manager);
      await parallelApi.ds.getRepository(User).update(user.id, { passwordHash: await hashPassword(PASSWORD) });
      const answers = await Promise.all(Array.from({ length: 30 }, () => parallelApi.gql(SIGN_IN, { e: user.email, p: "fel lösenord parallellt" })));
      const reasons = answers.map(reason);
      expect(reasons.filter((r) => r === "INVALID_CREDENTIALS").length).toBeLessThanOrEqual(5);
      expect(reasons.filter((r) => r !== "INVALID_CREDENTIALS" && r !== "RATE_LIMITED")).toEqual([]);
      expect(await parallelApi.ds.getRepository(SignInAttempt).countBy({ email: user.email, succeeded: false })).toBeLessThanOrEqual(5);
      // The right password, too, waits for the lock.
      expect(code(await parallelApi.gql(SIGN_IN, { e: user.email, p: PASSWORD }))).toBe("TOO_MANY_REQUESTS");
    } finally {
      await parallelApi.stop();
    }
  });

  it("counts a successful sign-in as a success, so it does not lock the owner out", async () => {
    const user = await userWithPassword();
    for (let i = 0; i < 4; i++) expect((await api.gql(SIGN_IN, { e: user.email, p: PASSWORD })).errors).toBeUndefined();
    expect(await api.ds.getRepository(SignInAttempt).countBy({ email: user.email, succeeded: true })).toBe(4);
  });

  it("lifts the lock once the failures are older than the lock time", async () => {
    const user = await userWithPassword();
    for (let i = 0; i < 3; i++) await api.gql(SIGN_IN, { e: user.email, p: "fel lösenord igen" });
    expect(code(await api.gql(SIGN_IN, { e: user.email, p: PASSWORD }))).toBe("TOO_MANY_REQUESTS");
    await api.ds.query(`UPDATE sign_in_attempt SET at = at - interval '16 minutes' WHERE email = $1`, [user.email]);
    expect((await api.gql(SIGN_IN, { e: user.email, p: PASSWORD })).errors).toBeUndefined();
  });

  it("slows down repeated failures progressively", async () => {
    const slowApi = await startAuthTestApi({ SIGN_IN_DELAY_MS: "150", SIGN_IN_MAX_FAILURES: "10" });
    try {
      const timed = async () => {
        const started = Date.now();
        await slowApi.gql(SIGN_IN, { e: "slow@example.se", p: "fel lösenord igen" });
        return Date.now() - started;
      };
      await timed();
      await timed(); // waits 150 ms
      expect(await timed()).toBeGreaterThanOrEqual(290); // waits 300 ms
    } finally {
      await slowApi.stop();
    }
  });
});

const INVITE = `mutation($input: CreateUserInput!) { inviteUser(input: $input) { id email role } }`;
const ACCEPT = `mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { id role } }`;

describe("invitations", () => {
  it("staff invite a member by email; the single-use link sets a password and signs in", async () => {
    const { token: staff, user: staffUser } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF, name: "Karin Kansli" });
    const municipality = (await buildUser(api.ds.manager, { role: Role.MEMBER })).municipalityId;
    const invited = await api.gql(INVITE, { input: { name: "Maja Medlem", email: "Maja@Tibro.example", role: "MEMBER", municipalityId: municipality } }, { token: staff });
    expect(invited.errors).toBeUndefined();
    expect(invited.data.inviteUser).toMatchObject({ email: "maja@tibro.example", role: "MEMBER" });

    const mail = await api.waitForMail("maja@tibro.example", /Inbjudan till Remissbanken/);
    expect(mail.text).toContain("Karin Kansli har bjudit in dig");
    expect(mail.text).toContain("http://localhost:3000/auth/invitation?token=");
    const token = api.tokenFrom(mail);

    const tooShort = await api.gql(ACCEPT, { t: token, p: "kort" });
    expect(code(tooShort)).toBe("BAD_USER_INPUT");

    const browser = api.browser();
    const accepted = await browser.gql(ACCEPT, { t: token, p: PASSWORD });
    expect(accepted.errors).toBeUndefined();
    expect((await browser.gql(ME)).data.me.id).toBe(invited.data.inviteUser.id);
    expect((await api.gql(SIGN_IN, { e: "maja@tibro.example", p: PASSWORD })).errors).toBeUndefined();

    const reused = await api.gql(ACCEPT, { t: token, p: "ett annat långt lösenord" });
    expect(reason(reused)).toBe("INVALID_LINK");

    const audit = await api.ds.getRepository(AuditLog).findBy({ action: "inviteUser", actorId: staffUser.id });
    expect(audit.map((a) => a.entityType)).toEqual(expect.arrayContaining(["User", "OneTimeToken"]));
    expect(JSON.stringify(audit)).not.toContain(token);
  });

  it("refuses an expired invitation", async () => {
    const { token: staff } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    const invited = await api.gql(INVITE, { input: { name: "Bo Styrelse", email: "bo@smakom.example", role: "BOARD" } }, { token: staff });
    const token = api.tokenFrom(await api.waitForMail("bo@smakom.example", /Inbjudan/));
    await api.ds.getRepository(OneTimeToken).update({ userId: invited.data.inviteUser.id }, { expiresAt: new Date(Date.now() - 1000) });
    expect(reason(await api.gql(ACCEPT, { t: token, p: PASSWORD }))).toBe("INVALID_LINK");
  });

  it("lets staff invite members and board but not staff or admins; admins invite anyone", async () => {
    const { token: staff } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    const { token: admin } = await buildUserWithToken(api.ds.manager, { role: Role.ADMIN });
    const { token: board } = await buildUserWithToken(api.ds.manager, { role: Role.BOARD });
    const input = (role: string) => ({ input: { name: "Ny Person", email: `ny-${role}-${Math.random()}@smakom.example`, role } });
    expect(code(await api.gql(INVITE, input("STAFF"), { token: staff }))).toBe("FORBIDDEN");
    expect(code(await api.gql(INVITE, input("ADMIN"), { token: staff }))).toBe("FORBIDDEN");
    expect(code(await api.gql(INVITE, input("BOARD"), { token: board }))).toBe("FORBIDDEN");
    expect(code(await api.gql(INVITE, input("BOARD")))).toBe("UNAUTHENTICATED");
    expect((await api.gql(INVITE, input("STAFF"), { token: admin })).errors).toBeUndefined();
  });

  it("re-sends an invitation, and the earlier link stops working", async () => {
    const { token: staff } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    const invited = await api.gql(INVITE, { input: { name: "Eva Styrelse", email: "eva@smakom.example", role: "BOARD" } }, { token: staff });
    const first = api.tokenFrom(await api.waitForMail("eva@smakom.example", /Inbjudan/));
    api.clearMail();
    const again = await api.gql(`mutation($id: ID!) { sendInvitation(userId: $id) }`, { id: invited.data.inviteUser.id }, { token: staff });
    expect(again.data.sendInvitation).toBe(true);
    const second = api.tokenFrom(await api.waitForMail("eva@smakom.example", /Inbjudan/));
    expect(second).not.toBe(first);
    expect(reason(await api.gql(ACCEPT, { t: first, p: PASSWORD }))).toBe("INVALID_LINK");
    expect((await api.gql(ACCEPT, { t: second, p: PASSWORD })).errors).toBeUndefined();
    const once = await api.gql(`mutation($id: ID!) { sendInvitation(userId: $id) }`, { id: invited.data.inviteUser.id }, { token: staff });
    expect(code(once)).toBe("CONFLICT");
  });
});

const REQUEST_RESET = `mutation($e: String!) { requestPasswordReset(email: $e) }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, password: $p) { id } }`;

describe("password reset", () => {
  it("emails a one-hour link; the new password works, the old does not, other sessions end, the lock lifts", async () => {
    const user = await userWithPassword();
    const other = api.browser();
    await other.gql(SIGN_IN, { e: user.email, p: PASSWORD });
    for (let i = 0; i < 3; i++) await api.gql(SIGN_IN, { e: user.email, p: "fel lösenord igen" });

    expect((await api.gql(REQUEST_RESET, { e: user.email })).data.requestPasswordReset).toBe(true);
    const mail = await api.waitForMail(user.email, /Återställ ditt lösenord/);
    expect(mail.text).toContain("/auth/reset-password?token=");
    const token = api.tokenFrom(mail);
    const row = await api.ds.getRepository(OneTimeToken).findOneByOrFail({ userId: user.id, purpose: "password_reset" as never });
    expect(row.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(3_600_000);
    expect(row.expiresAt.getTime() - Date.now()).toBeGreaterThan(3_500_000);

    const browser = api.browser();
    expect((await browser.gql(RESET, { t: token, p: "ett helt nytt lösenord" })).errors).toBeUndefined();
    expect((await browser.gql(ME)).data.me.id).toBe(user.id);
    expect((await other.gql(ME)).data.me).toBeNull();
    expect(code(await api.gql(SIGN_IN, { e: user.email, p: PASSWORD }))).toBe("UNAUTHENTICATED");
    expect((await api.gql(SIGN_IN, { e: user.email, p: "ett helt nytt lösenord" })).errors).toBeUndefined();
    expect(reason(await api.gql(RESET, { t: token, p: "ett tredje lösenord här" }))).toBe("INVALID_LINK");
  });

  it("revokes every API token and ends every session, since a reset is how an owner recovers a compromised account", async () => {
    const { user, token } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    await api.ds.getRepository(User).update(user.id, { passwordHash: await hashPassword(PASSWORD) });
    const other = api.browser();
    await other.gql(SIGN_IN, { e: user.email, p: PASSWORD });
    expect((await api.gql(ME, {}, { token })).data.me.id).toBe(user.id);

    await api.gql(REQUEST_RESET, { e: user.email });
    const browser = api.browser();
    expect((await browser.gql(RESET, { t: api.tokenFrom(await api.waitForMail(user.email, /Återställ/)), p: "ett helt nytt lösenord" })).errors).toBeUndefined();
    expect(code(await api.gql(ME, {}, { token }))).toBe("UNAUTHENTICATED");
    expect((await other.gql(ME)).data.me).toBeNull();
    expect((await browser.gql(ME)).data.me.id).toBe(user.id);
    expect(await api.ds.getRepository(ApiToken).countBy({ userId: user.id, revokedAt: IsNull() })).toBe(0);
  });

  it("answers the same for unknown emails and sends nothing", async () => {
    const result = await api.gql(REQUEST_RESET, { e: "okand@example.se" });
    expect(result.data.requestPasswordReset).toBe(true);
    await api.server.mailer.idle();
    expect(api.server.mailer.captured).toHaveLength(0);
  });

  it("refuses an expired reset link, and forged or malformed tokens", async () => {
    const user = await userWithPassword();
    await api.gql(REQUEST_RESET, { e: user.email });
    const token = api.tokenFrom(await api.waitForMail(user.email, /Återställ/));
    await api.ds.query(`UPDATE one_time_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [user.id]);
    for (const t of [token, "rbl_forged", "' OR 1=1 --", "x".repeat(500)]) {
      const result = await api.gql(RESET, { t, p: "ett helt nytt lösenord" });
      expect(code(result), t).toBe("BAD_USER_INPUT");
    }
  });

  it("does not mail-bomb: a second request within a minute sends nothing", async () => {
    const user = await userWithPassword();
    await api.gql(REQUEST_RESET, { e: user.email });
    await api.waitForMail(user.email, /Återställ/);
    await api.gql(REQUEST_RESET, { e: user.email });
    await api.server.mailer.idle();
    expect(api.server.mailer.captured.filter((m) => m.to.includes(user.email))).toHaveLength(1);
  });
});

const REQUEST_LINK = `mutation($e: String!) { requestSignInLink(email: $e) }`;
const LINK_SIGN_IN = `mutation($t: String!) { signInWithLink(token: $t) { id role } }`;

describe("one-time sign-in links for members", () => {
  it("emails a member a 15-minute link that signs in once", async () => {
    const member = await buildUser(api.ds.manager, { role: Role.MEMBER });
    expect((await api.gql(REQUEST_LINK, { e: member.email })).data.requestSignInLink).toBe(true);
    const mail = await api.waitForMail(member.email, /inloggningslänk/);
    expect(mail.text).toContain("/auth/sign-in-link?token=");
    const token = api.tokenFrom(mail);
    const browser = api.browser();
    expect((await browser.gql(LINK_SIGN_IN, { t: token })).data.signInWithLink).toEqual({ id: member.id, role: "MEMBER" });
    expect((await browser.gql(ME)).data.me.id).toBe(member.id);
    expect(reason(await api.gql(LINK_SIGN_IN, { t: token }))).toBe("INVALID_LINK");
  });

  it("refuses an expired link", async () => {
    const member = await buildUser(api.ds.manager, { role: Role.MEMBER });
    await api.gql(REQUEST_LINK, { e: member.email });
    const token = api.tokenFrom(await api.waitForMail(member.email, /inloggningslänk/));
    await api.ds.query(`UPDATE one_time_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [member.id]);
    expect(reason(await api.gql(LINK_SIGN_IN, { t: token }))).toBe("INVALID_LINK");
  });

  it("sends no link to staff, board or admins (they use passwords), nor to unknown emails", async () => {
    const staff = await buildUser(api.ds.manager, { role: Role.STAFF });
    expect((await api.gql(REQUEST_LINK, { e: staff.email })).data.requestSignInLink).toBe(true);
    expect((await api.gql(REQUEST_LINK, { e: "vem@example.se" })).data.requestSignInLink).toBe(true);
    await api.server.mailer.idle();
    expect(api.server.mailer.captured).toHaveLength(0);
  });

  it("does not accept a sign-in link as a reset or invitation token", async () => {
    const member = await buildUser(api.ds.manager, { role: Role.MEMBER });
    await api.gql(REQUEST_LINK, { e: member.email });
    const token = api.tokenFrom(await api.waitForMail(member.email, /inloggningslänk/));
    expect(reason(await api.gql(RESET, { t: token, p: PASSWORD }))).toBe("INVALID_LINK");
    expect(reason(await api.gql(ACCEPT, { t: token, p: PASSWORD }))).toBe("INVALID_LINK");
  });
});

describe("personal API tokens", () => {
  const CREATE = `mutation { createApiToken(name: "skript", expiresInDays: 30) { secret token { id name expiresAt } } }`;

  it("are shown once, stored hashed, work as Bearer, and are refused once revoked or expired", async () => {
    const user = await userWithPassword({ role: Role.STAFF });
    const browser = api.browser();
    await browser.gql(SIGN_IN, { e: user.email, p: PASSWORD });
    const created = await browser.gql(CREATE);
    const { secret, token } = created.data.createApiToken;
    expect(secret).toMatch(/^rb_/);
    expect(new Date(token.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    const listed = await browser.gql(`{ myApiTokens { id name } }`);
    expect(JSON.stringify(listed.data)).not.toContain(secret);
    expect((await api.gql(ME, {}, { token: secret })).data.me.id).toBe(user.id);

    await browser.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { revokedAt } }`, { id: token.id });
    expect(code(await api.gql(ME, {}, { token: secret }))).toBe("UNAUTHENTICATED");
    expect(code(await api.gql(`{ remisser { totalCount } }`, {}, { token: secret }))).toBe("UNAUTHENTICATED");

    const second = (await browser.gql(CREATE)).data.createApiToken;
    await api.ds.query(`UPDATE api_token SET expires_at = now() - interval '1 second' WHERE id = $1`, [second.token.id]);
    expect(code(await api.gql(ME, {}, { token: second.secret }))).toBe("UNAUTHENTICATED");
  });

  it("note their last use at most every five minutes, so reads do not turn into writes", async () => {
    const { token, user } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    const lastUsed = async () => (await api.ds.getRepository(ApiToken).findOneByOrFail({ userId: user.id })).lastUsedAt;
    const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
    expect(await lastUsed()).toBeNull();
    await api.gql(ME, {}, { token });
    await settle();
    const first = await lastUsed();
    expect(first).toBeInstanceOf(Date);

    const recent = new Date(Date.now() - 60_000);
    await api.ds.getRepository(ApiToken).update({ userId: user.id }, { lastUsedAt: recent });
    await api.gql(ME, {}, { token });
    await settle();
    expect(await lastUsed()).toEqual(recent);

    await api.ds.getRepository(ApiToken).update({ userId: user.id }, { lastUsedAt: new Date(Date.now() - 6 * 60_000) });
    await api.gql(ME, {}, { token });
    await settle();
    expect((await lastUsed())!.getTime()).toBeGreaterThan(Date.now() - 10_000);
  });

  it("refuses a token of an archived user", async () => {
    const { token, user } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    await api.ds.getRepository(User).update(user.id, { active: false, archivedAt: new Date() });
    expect(code(await api.gql(ME, {}, { token }))).toBe("UNAUTHENTICATED");
  });
});

describe("changing one's password", () => {
  it("needs the current password and ends other sessions", async () => {
    const user = await userWithPassword();
    const here = api.browser();
    const elsewhere = api.browser();
    await here.gql(SIGN_IN, { e: user.email, p: PASSWORD });
    await elsewhere.gql(SIGN_IN, { e: user.email, p: PASSWORD });
    const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
    expect(code(await here.gql(CHANGE, { c: "inte rätt lösenord", n: "ett nytt långt lösenord" }))).toBe("BAD_USER_INPUT");
    expect((await here.gql(CHANGE, { c: PASSWORD, n: "ett nytt långt lösenord" })).data.changePassword).toBe(true);
    expect((await here.gql(ME)).data.me.id).toBe(user.id);
    expect((await elsewhere.gql(ME)).data.me).toBeNull();
    expect(code(await api.gql(CHANGE, { c: PASSWORD, n: "ett nytt långt lösenord" }))).toBe("UNAUTHENTICATED");
  });

  it("keeps the user's API tokens: a change is routine, a reset is the recovery", async () => {
    const { user, token } = await buildUserWithToken(api.ds.manager, { role: Role.BOARD });
    await api.ds.getRepository(User).update(user.id, { passwordHash: await hashPassword(PASSWORD) });
    const here = api.browser();
    await here.gql(SIGN_IN, { e: user.email, p: PASSWORD });
    const changed = await here.gql(`mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`, { c: PASSWORD, n: "ett nytt långt lösenord" });
    expect(changed.errors).toBeUndefined();
    expect((await api.gql(ME, {}, { token })).data.me.id).toBe(user.id);
  });
});
