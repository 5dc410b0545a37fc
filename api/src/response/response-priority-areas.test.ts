/** setResponsePriorityAreas: staff re-tag a response after creation, also once it is decided and sent. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResponseStatus, Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { rowCounts, storedRow, UNKNOWN_ID } from "@remissbanken/test/db";
import { buildPriorityArea, buildResponse, buildUserWithToken } from "@remissbanken/test/factories";

let api: TestApi;
let staff: string;
let board: string;
let member: string;

beforeAll(async () => {
  api = await startTestApi();
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
  board = (await buildUserWithToken(api.ds.manager, { role: Role.BOARD })).token;
  member = (await buildUserWithToken(api.ds.manager, { role: Role.MEMBER })).token;
});
afterAll(() => api?.stop());

const TAG = `mutation($input: SetResponsePriorityAreasInput!) {
  setResponsePriorityAreas(input: $input) { id version currentVersion status approvedAt priorityAreas { id } }
}`;
const ABILITIES = `query($id: ID!) { response(id: $id) { abilities { canTag canEdit } } }`;

const linkedAreas = async (responseId: string) =>
  (await api.ds.query(`SELECT priority_area_id FROM response_priority_area WHERE response_id = $1 ORDER BY priority_area_id`, [responseId]))
    .map((row: { priority_area_id: string }) => row.priority_area_id);

describe("setResponsePriorityAreas", () => {
  it("re-tags a submitted response without a new version of its text, audited and queued for the search index", async () => {
    const [old, kept, added] = [await buildPriorityArea(api.ds.manager), await buildPriorityArea(api.ds.manager), await buildPriorityArea(api.ds.manager)];
    const response = await buildResponse(api.ds.manager, { status: ResponseStatus.SUBMITTED, approvedAt: new Date("2012-01-10"), submittedAt: new Date("2012-01-12") });
    await api.ds.query(`INSERT INTO response_priority_area (response_id, priority_area_id) VALUES ($1, $2), ($1, $3)`, [response.id, old.id, kept.id]);
    const version = (await storedRow(api.ds, "response", response.id)).version as number;
    const [{ queued: queuedBefore }] = await api.ds.query(`SELECT count(*)::int AS queued FROM change_event WHERE entity = 'response' AND entity_id = $1`, [response.id]);

    const result = await api.gql(TAG, { input: { id: response.id, expectedVersion: version, priorityAreaIds: [kept.id, added.id, added.id] } }, { token: staff });
    expect(result.errors).toBeUndefined();
    expect(result.data.setResponsePriorityAreas).toMatchObject({ version: version + 1, currentVersion: 1, status: "SUBMITTED", approvedAt: expect.any(String) });
    expect(result.data.setResponsePriorityAreas.priorityAreas.map((a: { id: string }) => a.id).sort()).toEqual([kept.id, added.id].sort());
    expect(await linkedAreas(response.id)).toEqual([kept.id, added.id].sort());
    const [{ versions }] = await api.ds.query(`SELECT count(*)::int AS versions FROM response_version WHERE response_id = $1`, [response.id]);
    expect(versions).toBe(1);

    const audit = await api.ds.query(`SELECT action, entity_type, before, after FROM audit_log WHERE entity_id = $1`, [response.id]);
    expect(audit).toEqual([{
      action: "setResponsePriorityAreas", entity_type: "Response",
      before: { priorityAreaIds: [old.id, kept.id].sort() }, after: { priorityAreaIds: [kept.id, added.id].sort() },
    }]);
    const [{ queued }] = await api.ds.query(`SELECT count(*)::int AS queued FROM change_event WHERE entity = 'response' AND entity_id = $1`, [response.id]);
    expect(queued).toBeGreaterThan(queuedBefore);

    const cleared = await api.gql(TAG, { input: { id: response.id, expectedVersion: version + 1, priorityAreaIds: [] } }, { token: staff });
    expect(cleared.errors).toBeUndefined();
    expect(await linkedAreas(response.id)).toEqual([]);
  });

  it("walks the ladder: anonymous, members and the board, invalid ids, unknown rows, stale versions, archived responses; writing nothing", async () => {
    const area = await buildPriorityArea(api.ds.manager);
    const response = await buildResponse(api.ds.manager, { status: ResponseStatus.APPROVED });
    const archived = await buildResponse(api.ds.manager, { archivedAt: new Date() });
    const { version } = await storedRow(api.ds, "response", response.id);
    const valid = { id: response.id, expectedVersion: version, priorityAreaIds: [area.id] };
    const before = await rowCounts(api.ds);
    const row = await storedRow(api.ds, "response", response.id);
    for (const [input, token, code, reason] of [
      [valid, undefined, "UNAUTHENTICATED"],
      [valid, member, "FORBIDDEN"],
      [valid, board, "FORBIDDEN"],
      [{ ...valid, priorityAreaIds: ["inte-ett-id"] }, staff, "BAD_USER_INPUT"],
      [{ ...valid, priorityAreaIds: [area.id, UNKNOWN_ID] }, staff, "NOT_FOUND"],
      [{ ...valid, id: UNKNOWN_ID }, staff, "NOT_FOUND"],
      [{ ...valid, expectedVersion: Number(version) - 1 }, staff, "CONFLICT", "STALE_VERSION"],
      [{ ...valid, id: archived.id, expectedVersion: archived.version }, staff, "CONFLICT", "ARCHIVED"],
    ] as const) {
      const result = await api.gql(TAG, { input }, token ? { token } : {});
      expect(errorCode(result), JSON.stringify(input)).toBe(code);
      if (reason) expect(result.errors![0].extensions!.reason).toBe(reason);
    }
    expect(await rowCounts(api.ds)).toEqual(before);
    expect(await storedRow(api.ds, "response", response.id)).toEqual(row);
  });

  it("is offered to staff in every status but archived, and never to the board", async () => {
    for (const status of Object.values(ResponseStatus)) {
      const response = await buildResponse(api.ds.manager, { status });
      const asStaff = await api.gql(ABILITIES, { id: response.id }, { token: staff });
      const asBoard = await api.gql(ABILITIES, { id: response.id }, { token: board });
      expect(asStaff.data.response.abilities.canTag, status).toBe(true);
      expect(asBoard.data.response.abilities.canTag, status).toBe(false);
    }
    const archived = await buildResponse(api.ds.manager, { archivedAt: new Date() });
    expect((await api.gql(ABILITIES, { id: archived.id }, { token: staff })).data.response.abilities.canTag).toBe(false);
  });
});
