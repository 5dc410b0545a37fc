import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IsNull } from "typeorm";
import { ApiToken, Role, Session, User } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { rowCounts, storedRow, UNKNOWN_ID } from "@remissbanken/test/db";
import { walkPages } from "@remissbanken/test/paging";
import { buildMunicipality, buildUser, buildUserWithToken } from "@remissbanken/test/factories";
import { actorFromSession, startSession } from "../auth/sessions.js";

let api: TestApi;
let admin: string;
let staff: string;
let staffId: string;
let board: string;
let member: string;
let memberId: string;
let memberMunicipalityId: string;

beforeAll(async () => {
  api = await startTestApi();
  admin = (await buildUserWithToken(api.ds.manager, { role: Role.ADMIN })).token;
  const s = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
  staff = s.token;
  staffId = s.user.id;
  board = (await buildUserWithToken(api.ds.manager, { role: Role.BOARD })).token;
  const m = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER });
  member = m.token;
  memberId = m.user.id;
  memberMunicipalityId = m.user.municipalityId!;
});
afterAll(() => api?.stop());

const FIELDS = "id name email role active version municipality { id }";
const CREATE = `mutation($input: CreateUserInput!) { createUser(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateUserInput!) { updateUser(input: $input) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveUser(id: $id) { id active archivedAt } }`;
const GET = `query($id: ID!) { user(id: $id) { id name email } }`;
const LIST = `query($first: Int, $after: String, $role: Role, $municipalityId: ID) {
  users(first: $first, after: $after, role: $role, municipalityId: $municipalityId) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }
  }
}`;

describe("me", () => {
  it("is null anonymously and the signed-in user otherwise", async () => {
    const anonymous = await api.gql(`{ me { id } }`);
    expect(anonymous.errors).toBeUndefined();
    expect(anonymous.data.me).toBeNull();
    const signedIn = await api.gql(`{ me { id role municipality { id } } }`, {}, { token: member });
    expect(signedIn.data.me).toEqual({ id: memberId, role: "MEMBER", municipality: { id: memberMunicipalityId } });
    expect(errorCode(await api.gql(`{ me { id } }`, {}, { token: "rb_not-a-real-token" }))).toBe("UNAUTHENTICATED");
  });
});

describe("createUser", () => {
  const input = () => ({ name: "Anna Andersson", email: `anna-${Math.random()}@hjo.se`, role: "MEMBER", municipalityId: memberMunicipalityId });

  it("refuses anonymous callers and members", async () => {
    expect(errorCode(await api.gql(CREATE, { input: input() }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(CREATE, { input: input() }, { token: member }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(CREATE, { input: input() }, { token: board }))).toBe("FORBIDDEN");
  });

  it("rejects invalid input and writes nothing", async () => {
    const before = await rowCounts(api.ds);
    const cases: Record<string, unknown>[] = [
      { name: " " },
      { email: "not-an-email" },
      { municipalityId: null },
      { role: "BOARD" },
      { municipalityId: "nope" },
    ];
    for (const change of cases) {
      expect(errorCode(await api.gql(CREATE, { input: { ...input(), ...change } }, { token: staff })), JSON.stringify(change)).toBe("BAD_USER_INPUT");
    }
    expect(errorCode(await api.gql(CREATE, { input: { ...input(), municipalityId: UNKNOWN_ID } }, { token: staff }))).toBe("NOT_FOUND");
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("lets staff create members and board members, but only admins create staff", async () => {
    const staffInput = { name: "Ny handläggare", email: `ny-${Math.random()}@smakom.se`, role: "STAFF" };
    expect(errorCode(await api.gql(CREATE, { input: staffInput }, { token: staff }))).toBe("FORBIDDEN");
    const byAdmin = await api.gql(CREATE, { input: staffInput }, { token: admin });
    expect(byAdmin.errors).toBeUndefined();
    expect(byAdmin.data.createUser).toMatchObject({ role: "STAFF", municipality: null });

    const created = await api.gql(CREATE, { input: { ...input(), email: " Anna.A@Hjo.se " } }, { token: staff });
    expect(created.errors).toBeUndefined();
    expect(created.data.createUser).toMatchObject({ email: "anna.a@hjo.se", role: "MEMBER", active: true, municipality: { id: memberMunicipalityId } });
    const before = await rowCounts(api.ds);
    const duplicate = await api.gql(CREATE, { input: { ...input(), email: "anna.a@hjo.se" } }, { token: staff });
    expect(errorCode(duplicate)).toBe("CONFLICT");
    expect(await rowCounts(api.ds)).toEqual(before);
  });
});

describe("updateUser", () => {
  it("lets people rename themselves but not change their own role", async () => {
    const self = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER });
    const renamed = await api.gql(UPDATE, { input: { id: self.user.id, name: "Nytt Namn" } }, { token: self.token });
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data.updateUser.name).toBe("Nytt Namn");
    const before = await storedRow(api.ds, "app_user", self.user.id);
    expect(errorCode(await api.gql(UPDATE, { input: { id: self.user.id, role: "ADMIN", municipalityId: null } }, { token: self.token }))).toBe("FORBIDDEN");
    expect(await storedRow(api.ds, "app_user", self.user.id)).toEqual(before);
  });

  it("walks the ladder: anonymous, invalid input, wrong role, unknown id, stale version", async () => {
    const user = await buildUser(api.ds.manager, { role: Role.BOARD });
    const before = await storedRow(api.ds, "app_user", user.id);
    expect(errorCode(await api.gql(UPDATE, { input: { id: user.id, name: "X" } }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(UPDATE, { input: { id: user.id, email: "nope" } }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(UPDATE, { input: { id: user.id, name: "X" } }, { token: member }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(UPDATE, { input: { id: UNKNOWN_ID, name: "X" } }, { token: staff }))).toBe("NOT_FOUND");
    // Making a board member a member needs a municipality.
    expect(errorCode(await api.gql(UPDATE, { input: { id: user.id, role: "MEMBER" } }, { token: staff }))).toBe("BAD_USER_INPUT");
    const stale = await api.gql(UPDATE, { input: { id: user.id, expectedVersion: user.version + 1, name: "X" } }, { token: staff });
    expect(errorCode(stale)).toBe("CONFLICT");
    expect(await storedRow(api.ds, "app_user", user.id)).toEqual(before);

    const moved = await api.gql(UPDATE, { input: { id: user.id, expectedVersion: user.version, role: "MEMBER", municipalityId: memberMunicipalityId } }, { token: staff });
    expect(moved.errors).toBeUndefined();
    expect(moved.data.updateUser).toMatchObject({ role: "MEMBER", municipality: { id: memberMunicipalityId }, version: user.version + 1 });
  });
});

describe("lastSignedInAt", () => {
  it("is null until the person signs in, moves without changing their version, and is shown only to who manages them", async () => {
    const created = await api.gql(CREATE, { input: { name: "Ny Medlem", email: `ny-${Math.random()}@hjo.se`, role: "MEMBER", municipalityId: memberMunicipalityId } }, { token: staff });
    const { id, version } = created.data.createUser;
    const READ = `query($id: ID!) { user(id: $id) { lastSignedInAt version } }`;
    expect((await api.gql(READ, { id }, { token: staff })).data.user).toEqual({ lastSignedInAt: null, version });

    await startSession(api.ds.manager, id, { idleMs: 3_600_000, maxAgeMs: 3_600_000 });
    const seen = (await api.gql(READ, { id }, { token: staff })).data.user;
    expect(seen.version).toBe(version);
    expect(Date.now() - new Date(seen.lastSignedInAt).getTime()).toBeLessThan(60_000);
    // A member of the same municipality reads the person, not when they sign in.
    expect((await api.gql(READ, { id }, { token: member })).data.user).toEqual({ lastSignedInAt: null, version });
  });
});

describe("deactivating a user", () => {
  it("ends their sessions and revokes their tokens, which stay refused after reactivation", async () => {
    const target = await buildUserWithToken(api.ds.manager, { role: Role.BOARD });
    const session = await startSession(api.ds.manager, target.user.id, { idleMs: 3_600_000, maxAgeMs: 3_600_000 });
    const sessionMe = async () => (await actorFromSession(api.ds, session.secret, { idleMs: 3_600_000, maxAgeMs: 3_600_000 }))?.id ?? null;
    expect((await api.gql(`{ me { id } }`, {}, { token: target.token })).data.me.id).toBe(target.user.id);
    expect(await sessionMe()).toBe(target.user.id);

    const deactivated = await api.gql(UPDATE, { input: { id: target.user.id, active: false } }, { token: staff });
    expect(deactivated.data.updateUser).toMatchObject({ active: false });
    expect(errorCode(await api.gql(`{ me { id } }`, {}, { token: target.token }))).toBe("UNAUTHENTICATED");
    expect(await sessionMe()).toBeNull();
    expect(await api.ds.getRepository(Session).countBy({ userId: target.user.id })).toBe(0);
    expect(await api.ds.getRepository(ApiToken).countBy({ userId: target.user.id, revokedAt: IsNull() })).toBe(0);

    const reactivated = await api.gql(UPDATE, { input: { id: target.user.id, active: true } }, { token: staff });
    expect(reactivated.data.updateUser).toMatchObject({ active: true });
    expect(errorCode(await api.gql(`{ me { id } }`, {}, { token: target.token }))).toBe("UNAUTHENTICATED");
    expect(await sessionMe()).toBeNull();
  });

  it("revokes on reactivation what was left from a deactivation before this rule", async () => {
    const target = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER });
    await api.ds.getRepository(User).update(target.user.id, { active: false });
    const reactivated = await api.gql(UPDATE, { input: { id: target.user.id, active: true } }, { token: staff });
    expect(reactivated.errors).toBeUndefined();
    expect(errorCode(await api.gql(`{ me { id } }`, {}, { token: target.token }))).toBe("UNAUTHENTICATED");
  });

  it("leaves access alone when other fields change", async () => {
    const target = await buildUserWithToken(api.ds.manager, { role: Role.BOARD });
    expect((await api.gql(UPDATE, { input: { id: target.user.id, name: "Nytt Namn", active: true } }, { token: staff })).errors).toBeUndefined();
    expect((await api.gql(`{ me { id } }`, {}, { token: target.token })).data.me.id).toBe(target.user.id);
  });
});

describe("archiveUser", () => {
  it("walks the ladder, archives and revokes the user's tokens", async () => {
    const target = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER });
    expect(errorCode(await api.gql(ARCHIVE, { id: target.user.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(ARCHIVE, { id: target.user.id }, { token: member }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(ARCHIVE, { id: UNKNOWN_ID }, { token: staff }))).toBe("NOT_FOUND");
    expect(errorCode(await api.gql(ARCHIVE, { id: staffId }, { token: staff }))).toBe("FORBIDDEN");
    const result = await api.gql(ARCHIVE, { id: target.user.id }, { token: staff });
    expect(result.data.archiveUser).toMatchObject({ active: false, archivedAt: expect.any(String) });
    expect(errorCode(await api.gql(`{ me { id } }`, {}, { token: target.token }))).toBe("UNAUTHENTICATED");
  });
});

describe("user and users", () => {
  it("show a member their own municipality's people, staff and board everyone", async () => {
    const colleague = await buildUser(api.ds.manager, { role: Role.MEMBER, municipalityId: memberMunicipalityId });
    const stranger = await buildUser(api.ds.manager, { role: Role.MEMBER });
    expect(errorCode(await api.gql(GET, { id: colleague.id }))).toBe("UNAUTHENTICATED");
    expect((await api.gql(GET, { id: colleague.id }, { token: member })).data.user.id).toBe(colleague.id);
    expect((await api.gql(GET, { id: stranger.id }, { token: member })).data.user).toBeNull();
    expect((await api.gql(GET, { id: stranger.id }, { token: board })).data.user).toMatchObject({ id: stranger.id, email: stranger.email });
    expect((await api.gql(GET, { id: UNKNOWN_ID }, { token: staff })).data.user).toBeNull();
  });

  it("list users for staff and board only, filtered and paged", async () => {
    expect(errorCode(await api.gql(LIST, {}))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(LIST, {}, { token: member }))).toBe("FORBIDDEN");
    const municipality = await buildMunicipality(api.ds.manager);
    const created = [];
    for (let i = 0; i < 5; i++) created.push((await buildUser(api.ds.manager, { role: Role.MEMBER, municipalityId: municipality.id })).id);
    const { ids, pages, totalCount } = await walkPages(api, LIST, "users", { first: 2, variables: { municipalityId: municipality.id, role: "MEMBER" }, token: board });
    expect({ pages, totalCount }).toEqual({ pages: 3, totalCount: 5 });
    expect([...ids].sort()).toEqual([...created].sort());
    expect((await api.gql(LIST, { municipalityId: municipality.id, role: "STAFF" }, { token: staff })).data.users.totalCount).toBe(0);
    expect(errorCode(await api.gql(LIST, { first: 101 }, { token: staff }))).toBe("BAD_USER_INPUT");
  });
});

describe("API tokens", () => {
  it("creates a token whose secret works once shown, lists it without the secret, and revokes it", async () => {
    expect(errorCode(await api.gql(`mutation { createApiToken(name: "skript") { secret } }`))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(`mutation { createApiToken(name: " ") { secret } }`, {}, { token: member }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(`mutation { createApiToken(name: "x", expiresInDays: 367) { secret } }`, {}, { token: member }))).toBe("BAD_USER_INPUT");

    const created = await api.gql(`mutation { createApiToken(name: "skript", expiresInDays: 7) { secret token { id name } } }`, {}, { token: member });
    expect(created.errors).toBeUndefined();
    const { secret, token } = created.data.createApiToken;
    expect((await api.gql(`{ me { id } }`, {}, { token: secret })).data.me.id).toBe(memberId);
    const listed = await api.gql(`{ myApiTokens { id name } }`, {}, { token: member });
    expect(listed.data.myApiTokens).toContainEqual({ id: token.id, name: "skript" });

    expect(errorCode(await api.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: token.id }, { token: staff }))).toBe("NOT_FOUND");
    const revoked = await api.gql(`mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`, { id: token.id }, { token: member });
    expect(revoked.data.revokeApiToken.revokedAt).toEqual(expect.any(String));
    expect(errorCode(await api.gql(`{ me { id } }`, {}, { token: secret }))).toBe("UNAUTHENTICATED");
  });
});
