import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { buildPriorityArea, buildUserWithToken } from "@remissbanken/test/factories";
import { UNKNOWN_ID } from "@remissbanken/test/db";
import { isKindEnabled } from "./notification-settings.js";

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.stop());

const ME = `{ me { id notificationSettings { kind enabled } digestPriorityAreas { id name } } }`;
const UPDATE = `mutation($settings: [NotificationSettingInput!]!, $areas: [ID!]) {
  updateNotificationSettings(settings: $settings, digestPriorityAreaIds: $areas) { kind enabled }
}`;
const USER = `query($id: ID!) { user(id: $id) { id notificationSettings { kind } digestPriorityAreas { id } } }`;

const storedSettings = async (userId: string) =>
  (await api.ds.query(`SELECT kind, enabled FROM notification_setting WHERE user_id = $1 ORDER BY kind`, [userId])) as { kind: string; enabled: boolean }[];

describe("me.notificationSettings", () => {
  it("lists the kinds of each role, all on by default", async () => {
    const expected: Record<Role, string[]> = {
      [Role.STAFF]: ["deadlineReminder", "weeklyDigest", "inputArrived", "savedSearch", "follow"],
      [Role.ADMIN]: ["deadlineReminder", "weeklyDigest", "inputArrived", "savedSearch", "follow"],
      [Role.BOARD]: ["savedSearch", "follow"],
      [Role.MEMBER]: ["inputReminder", "inputRequested", "inputReceipt", "savedSearch", "follow"],
    };
    for (const role of Object.values(Role)) {
      const { token } = await buildUserWithToken(api.ds.manager, { role });
      const result = await api.gql(ME, {}, { token });
      expect(result.errors, role).toBeUndefined();
      expect(result.data.me.notificationSettings, role).toEqual(expected[role].map((kind) => ({ kind, enabled: true })));
      expect(result.data.me.digestPriorityAreas).toEqual([]);
    }
  });

  it("is nobody else's business: null on another user", async () => {
    const { token } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    const other = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER });
    const result = await api.gql(USER, { id: other.user.id }, { token });
    expect(result.data.user).toMatchObject({ id: other.user.id, notificationSettings: null, digestPriorityAreas: null });
  });
});

describe("updateNotificationSettings", () => {
  it("refuses anonymous callers", async () => {
    const result = await api.gql(UPDATE, { settings: [{ kind: "follow", enabled: false }] });
    expect(errorCode(result)).toBe("UNAUTHENTICATED");
  });

  it("refuses an unknown kind and a kind not sent to the role, naming the field, and writes nothing", async () => {
    const { token, user } = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER });
    const unknown = await api.gql(UPDATE, { settings: [{ kind: "inputReminder", enabled: false }, { kind: "spam", enabled: false }] }, { token });
    expect(errorCode(unknown)).toBe("BAD_USER_INPUT");
    expect(unknown.errors?.[0].extensions?.reason).toBe("UNKNOWN_NOTIFICATION_KIND");
    expect(unknown.errors?.[0].extensions?.fields).toEqual([{ field: "settings.1.kind", message: expect.stringContaining('"spam" is not a kind of email') }]);

    const notMine = await api.gql(UPDATE, { settings: [{ kind: "inputReminder", enabled: false }, { kind: "deadlineReminder", enabled: false }] }, { token });
    expect(errorCode(notMine)).toBe("BAD_USER_INPUT");
    expect(notMine.errors?.[0].extensions?.reason).toBe("NOTIFICATION_KIND_NOT_FOR_ROLE");
    expect(notMine.errors?.[0].message).toBe('settings.1.kind: "deadlineReminder" is not sent to the role member');

    const twice = await api.gql(UPDATE, { settings: [{ kind: "follow", enabled: false }, { kind: "follow", enabled: true }] }, { token });
    expect(twice.errors?.[0].extensions?.reason).toBe("INVALID_INPUT");

    expect(await storedSettings(user.id)).toEqual([]);
  });

  it("refuses digest priority areas for a role without the digest, and areas that do not exist", async () => {
    const member = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER });
    const area = await buildPriorityArea(api.ds.manager);
    const forMember = await api.gql(UPDATE, { settings: [{ kind: "follow", enabled: false }], areas: [area.id] }, { token: member.token });
    expect(forMember.errors?.[0].extensions?.reason).toBe("NOTIFICATION_KIND_NOT_FOR_ROLE");
    // The settings given with it roll back with it.
    expect(await storedSettings(member.user.id)).toEqual([]);

    const staff = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    for (const areas of [[UNKNOWN_ID], ["not-an-id"]]) {
      const result = await api.gql(UPDATE, { settings: [], areas }, { token: staff.token });
      expect(errorCode(result), areas[0]).toBe("BAD_USER_INPUT");
    }
  });

  it("saves the caller's choices, keeps the kinds not given, and can turn them on again", async () => {
    const { token, user } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    const off = await api.gql(UPDATE, { settings: [{ kind: "weeklyDigest", enabled: false }, { kind: "follow", enabled: false }] }, { token });
    expect(off.errors).toBeUndefined();
    expect(off.data.updateNotificationSettings).toEqual([
      { kind: "deadlineReminder", enabled: true },
      { kind: "weeklyDigest", enabled: false },
      { kind: "inputArrived", enabled: true },
      { kind: "savedSearch", enabled: true },
      { kind: "follow", enabled: false },
    ]);
    expect(await isKindEnabled(api.ds.manager, user.id, "weeklyDigest")).toBe(false);
    expect(await isKindEnabled(api.ds.manager, user.id, "deadlineReminder")).toBe(true);

    await api.gql(UPDATE, { settings: [{ kind: "weeklyDigest", enabled: true }] }, { token });
    expect((await api.gql(ME, {}, { token })).data.me.notificationSettings).toContainEqual({ kind: "weeklyDigest", enabled: true });
    expect(await storedSettings(user.id)).toEqual([{ kind: "follow", enabled: false }, { kind: "weeklyDigest", enabled: true }]);
  });

  it("sets and clears the digest's priority areas", async () => {
    const { token } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    const bygg = await buildPriorityArea(api.ds.manager, { name: "Bostadsförsörjning", year: 2026 });
    const bredband = await buildPriorityArea(api.ds.manager, { name: "Bredbandsutbyggnad", year: 2026 });
    await api.gql(UPDATE, { settings: [], areas: [bredband.id, bygg.id, bygg.id] }, { token });
    expect((await api.gql(ME, {}, { token })).data.me.digestPriorityAreas.map((a: { name: string }) => a.name)).toEqual(["Bostadsförsörjning", "Bredbandsutbyggnad"]);
    // Leaving the argument out keeps them; an empty list means all areas again.
    await api.gql(UPDATE, { settings: [{ kind: "follow", enabled: true }] }, { token });
    expect((await api.gql(ME, {}, { token })).data.me.digestPriorityAreas).toHaveLength(2);
    await api.gql(UPDATE, { settings: [], areas: [] }, { token });
    expect((await api.gql(ME, {}, { token })).data.me.digestPriorityAreas).toEqual([]);
  });
});

describe("isKindEnabled", () => {
  it("is off for kinds not of the role, inactive and archived people", async () => {
    const board = await buildUserWithToken(api.ds.manager, { role: Role.BOARD });
    expect(await isKindEnabled(api.ds.manager, board.user.id, "follow")).toBe(true);
    expect(await isKindEnabled(api.ds.manager, board.user.id, "weeklyDigest")).toBe(false);
    const inactive = await buildUserWithToken(api.ds.manager, { role: Role.STAFF, active: false });
    expect(await isKindEnabled(api.ds.manager, inactive.user.id, "weeklyDigest")).toBe(false);
    const archived = await buildUserWithToken(api.ds.manager, { role: Role.STAFF, archivedAt: new Date() });
    expect(await isKindEnabled(api.ds.manager, archived.user.id, "weeklyDigest")).toBe(false);
    expect(await isKindEnabled(api.ds.manager, UNKNOWN_ID, "weeklyDigest")).toBe(false);
  });
});
