import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS, Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { storedRow } from "@remissbanken/test/db";
import { buildRemiss, buildUserWithToken } from "@remissbanken/test/factories";

let api: TestApi;
const tokens = {} as Record<"staff" | "board" | "member", string>;
const ids = {} as Record<"staff" | "board", string>;

beforeAll(async () => {
  api = await startTestApi();
  const roles = { staff: Role.STAFF, board: Role.BOARD, member: Role.MEMBER } as const;
  for (const [name, role] of Object.entries(roles) as [keyof typeof roles, Role][]) {
    const { token, user } = await buildUserWithToken(api.ds.manager, { role });
    tokens[name] = token;
    if (name !== "member") ids[name] = user.id;
  }
});
afterAll(() => api?.stop());

const CREATE = `mutation($input: CreateResponseInput!) { createResponse(input: $input) { id } }`;
const SAVE = `mutation($input: SaveResponseVersionInput!) { saveResponseVersion(input: $input) { currentVersion } }`;
const REQUEST = `mutation($id: ID!) { requestResponseApproval(id: $id) { id } }`;
const RETURN = `mutation($id: ID!, $comment: String) { returnResponseToDraft(id: $id, comment: $comment) { id status } }`;
const APPROVE = `mutation($id: ID!, $v: Int!) { approveResponse(id: $id, version: $v) { id } }`;
const SUBMIT = `mutation($id: ID!) { markResponseSubmitted(id: $id) { id } }`;
const HISTORY = `query($id: ID!) { response(id: $id) {
  boardReviewedVersion
  abilities { canReturnToDraft }
  events { kind version comment createdAt actor { id name } }
} }`;

async function ok(query: string, vars: Record<string, unknown>, token: string) {
  const result = await api.gql(query, vars, { token });
  expect(result.errors).toBeUndefined();
  return result.data;
}

async function draft() {
  const remiss = await buildRemiss(api.ds.manager);
  const data = await ok(CREATE, { input: { remissId: remiss.id, title: "Remissvar", sections: [{ heading: "Förslaget", body: "Första texten." }] } }, tokens.staff);
  return data.createResponse.id as string;
}

const save = (id: string, baseVersion: number, body: string) =>
  ok(SAVE, { input: { responseId: id, baseVersion, sections: [{ heading: "Förslaget", body }] } }, tokens.staff);

const history = async (id: string, token = tokens.staff) => (await ok(HISTORY, { id }, token)).response;

describe("the response's workflow history", () => {
  it("records each step with the version, the actor and the board's comment, oldest first", async () => {
    const id = await draft();
    await ok(REQUEST, { id }, tokens.staff);
    await ok(RETURN, { id, comment: "  Skärp skrivningen om finansieringen.  " }, tokens.board);
    await save(id, 1, "Andra texten.");
    await ok(REQUEST, { id }, tokens.staff);
    await ok(APPROVE, { id, v: 2 }, tokens.board);
    await ok(SUBMIT, { id }, tokens.staff);

    const { events } = await history(id);
    expect(events.map((e: { kind: string; version: number; comment: string | null; actor: { id: string } }) => [e.kind, e.version, e.actor.id, e.comment])).toEqual([
      ["REQUESTED_APPROVAL", 1, ids.staff, null],
      ["RETURNED_TO_DRAFT", 1, ids.board, "Skärp skrivningen om finansieringen."],
      ["REQUESTED_APPROVAL", 2, ids.staff, null],
      ["APPROVED", 2, ids.board, null],
      ["SUBMITTED", 2, ids.staff, null],
    ]);
    expect(events[0].createdAt).toEqual(expect.any(String));
  });

  it("lets the board return a response with a comment, and tells it so", async () => {
    const id = await draft();
    expect((await history(id, tokens.board)).abilities.canReturnToDraft).toBe(false);
    await ok(REQUEST, { id }, tokens.staff);
    expect((await history(id, tokens.board)).abilities.canReturnToDraft).toBe(true);
    expect(errorCode(await api.gql(RETURN, { id, comment: "Nej" }, { token: tokens.member }))).toBe("FORBIDDEN");
    const returned = await ok(RETURN, { id, comment: "" }, tokens.board);
    expect(returned.returnResponseToDraft.status).toBe("DRAFT");
    expect((await history(id)).events.at(-1)).toMatchObject({ kind: "RETURNED_TO_DRAFT", comment: null });
  });

  it("rejects an oversized comment or one that is not text, and changes nothing", async () => {
    const id = await draft();
    await ok(REQUEST, { id }, tokens.staff);
    const before = await storedRow(api.ds, "response", id);
    const tooLong = await api.gql(RETURN, { id, comment: "x".repeat(LIMITS.workflowCommentLength + 1) }, { token: tokens.board });
    expect(errorCode(tooLong)).toBe("BAD_USER_INPUT");
    expect(tooLong.errors![0].extensions!.fields).toEqual([{ field: "comment", message: `must be at most ${LIMITS.workflowCommentLength} characters` }]);
    expect(errorCode(await api.gql(RETURN, { id, comment: 42 }, { token: tokens.board }))).toBe("BAD_USER_INPUT");
    expect(await storedRow(api.ds, "response", id)).toEqual(before);
    expect((await history(id)).events.map((e: { kind: string }) => e.kind)).toEqual(["REQUESTED_APPROVAL"]);
  });

  it("shows neither events nor the board's last version to members", async () => {
    const id = await draft();
    await ok(REQUEST, { id }, tokens.staff);
    await ok(APPROVE, { id, v: 1 }, tokens.board);
    // Approved responses are readable by members, their history is not.
    const asMember = await history(id, tokens.member);
    expect(asMember).toMatchObject({ events: [], boardReviewedVersion: null, abilities: { canReturnToDraft: false } });
    expect((await history(id, tokens.board)).events).toHaveLength(2);
  });

  it("moves boardReviewedVersion with the board's decisions, not with staff taking a draft back", async () => {
    const id = await draft();
    expect((await history(id)).boardReviewedVersion).toBeNull();
    await ok(REQUEST, { id }, tokens.staff);
    await ok(RETURN, { id }, tokens.staff);
    expect((await history(id)).boardReviewedVersion).toBeNull();

    await ok(REQUEST, { id }, tokens.staff);
    await ok(RETURN, { id, comment: "Mer om kostnaderna." }, tokens.board);
    expect((await history(id)).boardReviewedVersion).toBe(1);

    await save(id, 1, "Andra texten.");
    await save(id, 2, "Tredje texten.");
    await ok(REQUEST, { id }, tokens.staff);
    expect((await history(id, tokens.board)).boardReviewedVersion).toBe(1);
    await ok(APPROVE, { id, v: 3 }, tokens.board);
    expect((await history(id, tokens.board)).boardReviewedVersion).toBe(3);
  });
});
