import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { rowCounts, storedRow, UNKNOWN_ID } from "@remissbanken/test/db";
import { buildPriorityArea, buildUserWithToken } from "@remissbanken/test/factories";

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

const GOAL = "id text status comment position year version";
const ADD = `mutation($input: AddGoalInput!) { addGoal(input: $input) { ${GOAL} } }`;
const UPDATE = `mutation($input: UpdateGoalInput!) { updateGoal(input: $input) { ${GOAL} } }`;
const REMOVE = `mutation($id: ID!) { removeGoal(id: $id) { id version goals { text } } }`;
const GET = `query($id: ID!) { priorityArea(id: $id) { version goals { ${GOAL} } } }`;

const goalsOf = async (id: string, token = member) => (await api.gql(GET, { id }, { token })).data.priorityArea.goals;

describe("addGoal", () => {
  it("walks the ladder: anonymous, wrong role, invalid input, unknown or archived area; writes nothing", async () => {
    const area = await buildPriorityArea(api.ds.manager, { year: 2027 });
    const input = { priorityAreaId: area.id, text: "Bevaka utredningar om byggande" };
    const archived = await buildPriorityArea(api.ds.manager, { archivedAt: new Date() });
    const before = await rowCounts(api.ds);
    expect(errorCode(await api.gql(ADD, { input }))).toBe("UNAUTHENTICATED");
    for (const token of [board, member]) expect(errorCode(await api.gql(ADD, { input }, { token }))).toBe("FORBIDDEN");
    for (const change of [{ text: " " }, { text: "x".repeat(1001) }, { comment: "x".repeat(2001) }, { priorityAreaId: "inte-ett-id" }, { status: "DONE" }]) {
      const result = await api.gql(ADD, { input: { ...input, ...change } }, { token: staff });
      expect(errorCode(result), JSON.stringify(change).slice(0, 60)).toBe("BAD_USER_INPUT");
    }
    expect(errorCode(await api.gql(ADD, { input: { ...input, priorityAreaId: UNKNOWN_ID } }, { token: staff }))).toBe("NOT_FOUND");
    const refused = await api.gql(ADD, { input: { ...input, priorityAreaId: archived.id } }, { token: staff });
    expect(refused.errors![0].extensions).toMatchObject({ code: "CONFLICT", reason: "ARCHIVED" });
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("adds goals last, NOT_STARTED unless told, for the area's year, and counts as the area's new version", async () => {
    const area = await buildPriorityArea(api.ds.manager, { year: 2027 }, ["Första målet"]);
    const result = await api.gql(ADD, { input: { priorityAreaId: area.id, text: "  Strandskyddet ska ses över  " } }, { token: staff });
    expect(result.errors).toBeUndefined();
    expect(result.data.addGoal).toMatchObject({ text: "Strandskyddet ska ses över", status: "NOT_STARTED", comment: null, position: 1, year: 2027 });
    const withStatus = await api.gql(ADD, { input: { priorityAreaId: area.id, text: "Bredband", status: "IN_PROGRESS", comment: "Dialog med PTS" } }, { token: staff });
    expect(withStatus.data.addGoal).toMatchObject({ status: "IN_PROGRESS", comment: "Dialog med PTS", position: 2 });
    expect((await goalsOf(area.id)).map((g: { text: string }) => g.text)).toEqual(["Första målet", "Strandskyddet ska ses över", "Bredband"]);
    expect((await api.gql(GET, { id: area.id }, { token: staff })).data.priorityArea.version).toBe(area.version + 2);
  });
});

describe("updateGoal", () => {
  it("walks the ladder: anonymous, wrong role, invalid input, unknown id, stale version", async () => {
    const area = await buildPriorityArea(api.ds.manager, {}, ["Ett mål"]);
    const [goal] = await goalsOf(area.id);
    const before = await storedRow(api.ds, "goal", goal.id);
    expect(errorCode(await api.gql(UPDATE, { input: { id: goal.id, status: "ACHIEVED" } }))).toBe("UNAUTHENTICATED");
    for (const token of [board, member]) expect(errorCode(await api.gql(UPDATE, { input: { id: goal.id, status: "ACHIEVED" } }, { token }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(UPDATE, { input: { id: goal.id, text: "" } }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(UPDATE, { input: { id: UNKNOWN_ID, status: "ACHIEVED" } }, { token: staff }))).toBe("NOT_FOUND");
    const stale = await api.gql(UPDATE, { input: { id: goal.id, expectedVersion: goal.version + 1, status: "ACHIEVED" } }, { token: staff });
    expect(stale.errors![0].extensions).toMatchObject({ code: "CONFLICT", reason: "STALE_VERSION" });
    expect(await storedRow(api.ds, "goal", goal.id)).toEqual(before);
  });

  it("sets status and comment, keeps the rest, and clears the comment with an empty text", async () => {
    const area = await buildPriorityArea(api.ds.manager, {}, ["Ett mål", "Ett annat"]);
    const [goal] = await goalsOf(area.id);
    const result = await api.gql(
      UPDATE,
      { input: { id: goal.id, expectedVersion: goal.version, status: "NOT_ACHIEVED", comment: "Propositionen dröjer till 2028." } },
      { token: staff },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.updateGoal).toMatchObject({ id: goal.id, text: "Ett mål", status: "NOT_ACHIEVED", comment: "Propositionen dröjer till 2028.", position: 0 });
    const cleared = await api.gql(UPDATE, { input: { id: goal.id, comment: "" } }, { token: staff });
    expect(cleared.data.updateGoal).toMatchObject({ status: "NOT_ACHIEVED", comment: null });
    // Board and members read the goals with their status and comment.
    expect((await goalsOf(area.id, board))[0]).toMatchObject({ status: "NOT_ACHIEVED" });
  });
});

describe("removeGoal", () => {
  it("walks the ladder and removes one goal, leaving the others", async () => {
    const area = await buildPriorityArea(api.ds.manager, {}, ["Kvar", "Bort"]);
    const [, goal] = await goalsOf(area.id);
    expect(errorCode(await api.gql(REMOVE, { id: goal.id }))).toBe("UNAUTHENTICATED");
    for (const token of [board, member]) expect(errorCode(await api.gql(REMOVE, { id: goal.id }, { token }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(REMOVE, { id: "nej" }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(REMOVE, { id: UNKNOWN_ID }, { token: staff }))).toBe("NOT_FOUND");
    const result = await api.gql(REMOVE, { id: goal.id }, { token: staff });
    expect(result.errors).toBeUndefined();
    expect(result.data.removeGoal).toMatchObject({ id: area.id, version: area.version + 1, goals: [{ text: "Kvar" }] });
    expect(errorCode(await api.gql(REMOVE, { id: goal.id }, { token: staff }))).toBe("NOT_FOUND");
  });
});
