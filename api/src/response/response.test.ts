import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RemissStatus, ResponseKind, ResponseStatus, Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { rowCounts, storedRow, UNKNOWN_ID } from "@remissbanken/test/db";
import { walkPages } from "@remissbanken/test/paging";
import { buildDocument, buildInquiry, buildMemberInput, buildPriorityArea, buildRemiss, buildResponse, buildUserWithToken } from "@remissbanken/test/factories";

let api: TestApi;
let staff: string;
let staffId: string;
let otherStaff: string;
let board: string;
let boardId: string;
let admin: string;
let member: string;

beforeAll(async () => {
  api = await startTestApi();
  const s = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
  staff = s.token;
  staffId = s.user.id;
  otherStaff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
  const b = await buildUserWithToken(api.ds.manager, { role: Role.BOARD });
  board = b.token;
  boardId = b.user.id;
  admin = (await buildUserWithToken(api.ds.manager, { role: Role.ADMIN })).token;
  member = (await buildUserWithToken(api.ds.manager, { role: Role.MEMBER })).token;
});
afterAll(() => api?.stop());

const FIELDS = `id kind title status currentVersion createdById approvedById approvedAt submittedAt
  sections { heading body } remiss { id status } inquiry { id } priorityAreas { id } documents { id }`;
const CREATE = `mutation($input: CreateResponseInput!) { createResponse(input: $input) { ${FIELDS} versions { number title authorId } } }`;
const SAVE = `mutation($input: SaveResponseVersionInput!) { saveResponseVersion(input: $input) { ${FIELDS} versions { number title comment authorId sections { body } } } }`;
const REQUEST = `mutation($id: ID!) { requestResponseApproval(id: $id) { id status } }`;
const RETURN = `mutation($id: ID!) { returnResponseToDraft(id: $id) { id status approvedById } }`;
const APPROVE = `mutation($id: ID!, $v: Int!) { approveResponse(id: $id, version: $v) { ${FIELDS} approvedBy { id } } }`;
const SUBMIT = `mutation($id: ID!, $at: DateTimeISO) { markResponseSubmitted(id: $id, submittedAt: $at) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveResponse(id: $id) { id archivedAt } }`;
const GET = `query($id: ID!) { response(id: $id) { id status versions { number } abilities {
  canEdit canRequestApproval canApprove canMarkSubmitted canArchive canReadVersions } } }`;
const LIST = `query($first: Int, $after: String, $filter: ResponseFilter) {
  responses(first: $first, after: $after, filter: $filter) {
    totalCount edges { cursor node { id status } } pageInfo { hasNextPage endCursor }
  }
}`;

const sections = [{ heading: "Sammanfattning", body: "SmåKom avstyrker förslaget om en kommunstabiliseringsfond." }];

/** A draft written through the API, so that its version history is the API's own. */
async function createDraft(remissId?: string) {
  const result = await api.gql(CREATE, { input: { remissId: remissId ?? (await buildRemiss(api.ds.manager)).id, title: "Remissvar Spara i goda tider", sections } }, { token: staff });
  expect(result.errors).toBeUndefined();
  return result.data.createResponse;
}

async function versionsOf(id: string) {
  return api.ds.query(`SELECT number, title, sections, author_id FROM response_version WHERE response_id = $1 ORDER BY number`, [id]);
}

describe("createResponse", () => {
  it("moves the remiss from bevakas or ska besvaras to utkast, and leaves later statuses alone", async () => {
    for (const [from, to] of [
      [RemissStatus.MONITORING, RemissStatus.DRAFTING],
      [RemissStatus.TO_ANSWER, RemissStatus.DRAFTING],
      [RemissStatus.DECIDED, RemissStatus.DECIDED],
    ] as const) {
      const remiss = await buildRemiss(api.ds.manager, { status: from });
      const result = await api.gql(CREATE, { input: { remissId: remiss.id, title: "Remissvar" } }, { token: staff });
      expect(result.errors).toBeUndefined();
      expect((await storedRow(api.ds, "remiss", remiss.id)).status, from).toBe(to);
    }
  });

  it("refuses anonymous callers", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    expect(errorCode(await api.gql(CREATE, { input: { remissId: remiss.id, title: "Svar" } }))).toBe("UNAUTHENTICATED");
  });

  it("refuses members and board members", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    for (const token of [member, board]) {
      expect(errorCode(await api.gql(CREATE, { input: { remissId: remiss.id, title: "Svar" } }, { token }))).toBe("FORBIDDEN");
    }
  });

  it("rejects empty or oversized titles and sections, and writes nothing", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const before = await rowCounts(api.ds);
    const cases: Record<string, unknown>[] = [
      { title: "" },
      { title: "  " },
      { title: "x".repeat(501) },
      { sections: [{ heading: " ", body: "text" }] },
      { sections: [{ heading: "x".repeat(301), body: "text" }] },
      { sections: [{ heading: "Rubrik", body: "x".repeat(200_001) }] },
      { sections: Array.from({ length: 201 }, (_, i) => ({ heading: `${i}`, body: "" })) },
      { remissId: "not-an-id" },
    ];
    for (const change of cases) {
      const result = await api.gql(CREATE, { input: { remissId: remiss.id, title: "Svar", ...change } }, { token: staff });
      expect(errorCode(result), JSON.stringify(change).slice(0, 80)).toBe("BAD_USER_INPUT");
    }
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("wants exactly one subject for a remissvar", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const inquiry = await buildInquiry(api.ds.manager);
    const before = await rowCounts(api.ds);
    expect(errorCode(await api.gql(CREATE, { input: { title: "Svar" } }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(CREATE, { input: { title: "Svar", remissId: remiss.id, inquiryId: inquiry.id } }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("rejects unknown ids and archived remisser, and writes nothing", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const area = await buildPriorityArea(api.ds.manager);
    const document = await buildDocument(api.ds.manager);
    const archived = await buildRemiss(api.ds.manager, { archivedAt: new Date() });
    const before = await rowCounts(api.ds);
    const cases: [Record<string, unknown>, string][] = [
      [{ remissId: UNKNOWN_ID }, "NOT_FOUND"],
      [{ remissId: undefined, inquiryId: UNKNOWN_ID }, "NOT_FOUND"],
      [{ priorityAreaIds: [area.id, UNKNOWN_ID] }, "NOT_FOUND"],
      [{ documentIds: [document.id, UNKNOWN_ID] }, "NOT_FOUND"],
      [{ remissId: archived.id }, "CONFLICT"],
    ];
    for (const [change, code] of cases) {
      const result = await api.gql(CREATE, { input: { remissId: remiss.id, title: "Svar", sections, ...change } }, { token: staff });
      expect(errorCode(result), JSON.stringify(change)).toBe(code);
    }
    // No response, no version 1, no links.
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("creates a draft with version 1 and its links", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const area = await buildPriorityArea(api.ds.manager);
    const document = await buildDocument(api.ds.manager);
    const result = await api.gql(
      CREATE,
      { input: { remissId: remiss.id, title: " Remissvar ", sections, priorityAreaIds: [area.id], documentIds: [document.id, remiss.documentId] } },
      { token: staff },
    );
    expect(result.errors).toBeUndefined();
    const created = result.data.createResponse;
    expect(created).toMatchObject({
      kind: "RESPONSE", title: "Remissvar", status: "DRAFT", currentVersion: 1, createdById: staffId, sections,
      remiss: { id: remiss.id }, inquiry: null, priorityAreas: [{ id: area.id }],
      versions: [{ number: 1, title: "Remissvar", authorId: staffId }],
    });
    expect(created.documents.map((d: { id: string }) => d.id).sort()).toEqual([document.id, remiss.documentId].sort());
  });

  it("creates a position without a subject", async () => {
    const result = await api.gql(CREATE, { input: { kind: "POSITION", title: "SmåKom om strandskyddet" } }, { token: staff });
    expect(result.errors).toBeUndefined();
    expect(result.data.createResponse).toMatchObject({ kind: "POSITION", remiss: null, inquiry: null, sections: [] });
  });
});

describe("saveResponseVersion", () => {
  const edit = (responseId: string, baseVersion: number, body: string, extra: Record<string, unknown> = {}) => ({
    input: { responseId, baseVersion, sections: [{ heading: "Sammanfattning", body }], ...extra },
  });

  it("walks the ladder: anonymous, invalid input, wrong role, unknown id", async () => {
    const draft = await createDraft();
    const before = await rowCounts(api.ds);
    expect(errorCode(await api.gql(SAVE, edit(draft.id, 1, "Ny text")))).toBe("UNAUTHENTICATED");
    for (const input of [
      { responseId: draft.id, baseVersion: 1, sections: [] },
      { responseId: draft.id, baseVersion: 0, sections },
      { responseId: draft.id, baseVersion: 1, sections, title: " " },
      { responseId: draft.id, baseVersion: 1, sections, title: "x".repeat(501) },
      { responseId: draft.id, baseVersion: 1, sections: [{ heading: "", body: "x" }] },
    ]) {
      expect(errorCode(await api.gql(SAVE, { input }, { token: staff })), JSON.stringify(input).slice(0, 80)).toBe("BAD_USER_INPUT");
    }
    expect(errorCode(await api.gql(SAVE, edit(draft.id, 1, "Ny text"), { token: member }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(SAVE, edit(draft.id, 1, "Ny text"), { token: board }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(SAVE, edit(UNKNOWN_ID, 1, "Ny text"), { token: staff }))).toBe("NOT_FOUND");
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("saves a new version with author and comment, keeping the old ones", async () => {
    const draft = await createDraft();
    const area = await buildPriorityArea(api.ds.manager);
    const result = await api.gql(SAVE, edit(draft.id, 1, "Andra versionen", { title: "Nytt namn", comment: "Skärpt", priorityAreaIds: [area.id] }), { token: otherStaff });
    expect(result.errors).toBeUndefined();
    expect(result.data.saveResponseVersion).toMatchObject({
      title: "Nytt namn", currentVersion: 2, status: "DRAFT", priorityAreas: [{ id: area.id }],
      versions: [
        { number: 1, title: "Remissvar Spara i goda tider", comment: null, authorId: staffId, sections: [{ body: sections[0].body }] },
        { number: 2, title: "Nytt namn", comment: "Skärpt", sections: [{ body: "Andra versionen" }] },
      ],
    });
  });

  it("refuses a stale baseVersion with CONFLICT, keeping the other save and the history", async () => {
    const draft = await createDraft();
    const first = await api.gql(SAVE, edit(draft.id, 1, "Annas ändring"), { token: staff });
    expect(first.errors).toBeUndefined();
    const row = await storedRow(api.ds, "response", draft.id);
    const history = await versionsOf(draft.id);
    const counts = await rowCounts(api.ds);

    const stale = await api.gql(SAVE, edit(draft.id, 1, "Bertils ändring", { title: "Bertils titel" }), { token: otherStaff });
    expect(errorCode(stale)).toBe("CONFLICT");
    expect(stale.errors![0].extensions!.reason).toBe("STALE_VERSION");

    expect(await storedRow(api.ds, "response", draft.id)).toEqual(row);
    expect(row.sections).toEqual([{ number: null, heading: "Sammanfattning", stance: null, body: "Annas ändring", quotes: [] }]);
    expect(await versionsOf(draft.id)).toEqual(history);
    expect(history.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    expect(await rowCounts(api.ds)).toEqual(counts);
  });

  it("lets exactly one of two simultaneous saves from the same version win", async () => {
    const draft = await createDraft();
    const results = await Promise.all([
      api.gql(SAVE, edit(draft.id, 1, "Från Anna"), { token: staff }),
      api.gql(SAVE, edit(draft.id, 1, "Från Bertil"), { token: otherStaff }),
    ]);
    const codes = results.map((r) => errorCode(r) ?? "OK").sort();
    expect(codes).toEqual(["CONFLICT", "OK"]);
    const winner = results.find((r) => !r.errors)!.data.saveResponseVersion;
    const history = await versionsOf(draft.id);
    expect(history.map((v: { number: number }) => v.number)).toEqual([1, 2]);
    expect(history[1].sections.map(({ heading, body }: { heading: string; body: string }) => ({ heading, body }))).toEqual(winner.sections);
    expect((await storedRow(api.ds, "response", draft.id)).current_version).toBe(2);
  });

  it("refuses to edit a submitted or archived response", async () => {
    const submitted = await buildResponse(api.ds.manager, { status: ResponseStatus.SUBMITTED, submittedAt: new Date() });
    const result = await api.gql(SAVE, edit(submitted.id, 1, "Efteråt"), { token: staff });
    expect(errorCode(result)).toBe("CONFLICT");
    expect(result.errors![0].extensions!.reason).toBe("INVALID_TRANSITION");
    const archived = await buildResponse(api.ds.manager, { archivedAt: new Date() });
    const onArchived = await api.gql(SAVE, edit(archived.id, 1, "Efteråt"), { token: staff });
    expect(errorCode(onArchived)).toBe("CONFLICT");
    expect(onArchived.errors![0].extensions!.reason).toBe("ARCHIVED");
    expect(await versionsOf(submitted.id)).toHaveLength(1);
  });
});

describe("the response workflow", () => {
  it("goes draft → for approval → approved (board, exact version) → submitted, and moves the remiss along", async () => {
    const remiss = await buildRemiss(api.ds.manager, { status: RemissStatus.DRAFTING });
    const draft = await createDraft(remiss.id);

    // Requesting approval: staff only.
    expect(errorCode(await api.gql(REQUEST, { id: draft.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(REQUEST, { id: UNKNOWN_ID }, { token: staff }))).toBe("NOT_FOUND");
    expect(errorCode(await api.gql(REQUEST, { id: draft.id }, { token: board }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(REQUEST, { id: draft.id }, { token: member }))).toBe("FORBIDDEN");
    const requested = await api.gql(REQUEST, { id: draft.id }, { token: staff });
    expect(requested.data.requestResponseApproval.status).toBe("FOR_APPROVAL");
    const twice = await api.gql(REQUEST, { id: draft.id }, { token: staff });
    expect(errorCode(twice)).toBe("CONFLICT");
    expect(twice.errors![0].extensions!.reason).toBe("INVALID_TRANSITION");

    // Submitting before approval is refused.
    const early = await api.gql(SUBMIT, { id: draft.id }, { token: staff });
    expect(errorCode(early)).toBe("CONFLICT");
    expect(early.errors![0].extensions!.reason).toBe("INVALID_TRANSITION");

    // Approving: board only, and exactly the latest version.
    expect(errorCode(await api.gql(APPROVE, { id: draft.id, v: 1 }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(APPROVE, { id: draft.id, v: 1 }, { token: staff }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(APPROVE, { id: draft.id, v: 1 }, { token: member }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(APPROVE, { id: UNKNOWN_ID, v: 1 }, { token: board }))).toBe("NOT_FOUND");
    const row = await storedRow(api.ds, "response", draft.id);
    const wrongVersion = await api.gql(APPROVE, { id: draft.id, v: 2 }, { token: board });
    expect(errorCode(wrongVersion)).toBe("CONFLICT");
    expect(wrongVersion.errors![0].extensions!.reason).toBe("STALE_VERSION");
    expect(await storedRow(api.ds, "response", draft.id)).toEqual(row);

    const approved = await api.gql(APPROVE, { id: draft.id, v: 1 }, { token: board });
    expect(approved.errors).toBeUndefined();
    expect(approved.data.approveResponse).toMatchObject({ status: "APPROVED", approvedById: boardId, approvedBy: { id: boardId }, remiss: { status: "DECIDED" } });
    expect(approved.data.approveResponse.approvedAt).toEqual(expect.any(String));

    // Marking as submitted: staff only; sets the remiss to submitted.
    expect(errorCode(await api.gql(SUBMIT, { id: draft.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(SUBMIT, { id: draft.id }, { token: board }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(SUBMIT, { id: draft.id }, { token: member }))).toBe("FORBIDDEN");
    const future = await api.gql(SUBMIT, { id: draft.id, at: new Date(Date.now() + 86_400_000).toISOString() }, { token: staff });
    expect(errorCode(future)).toBe("BAD_USER_INPUT");
    expect((await storedRow(api.ds, "remiss", remiss.id)).status).toBe("decided");

    const submitted = await api.gql(SUBMIT, { id: draft.id, at: "2012-01-12T09:00:00.000Z" }, { token: staff });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.markResponseSubmitted).toMatchObject({ status: "SUBMITTED", submittedAt: "2012-01-12T09:00:00.000Z", remiss: { id: remiss.id, status: "SUBMITTED" } });
    expect((await storedRow(api.ds, "remiss", remiss.id)).status).toBe("submitted");

    const again = await api.gql(SUBMIT, { id: draft.id }, { token: staff });
    expect(errorCode(again)).toBe("CONFLICT");
    expect(errorCode(await api.gql(RETURN, { id: draft.id }, { token: staff }))).toBe("CONFLICT");
  });

  it("lets only the board approve, not even an admin", async () => {
    const draft = await createDraft();
    await api.gql(REQUEST, { id: draft.id }, { token: staff });
    expect(errorCode(await api.gql(APPROVE, { id: draft.id, v: 1 }, { token: admin }))).toBe("FORBIDDEN");
    expect((await storedRow(api.ds, "response", draft.id)).status).toBe("for_approval");
  });

  it("refuses the board's approval of a version older than the latest save", async () => {
    const draft = await createDraft();
    await api.gql(REQUEST, { id: draft.id }, { token: staff });
    // The board reads version 1; meanwhile staff saves version 2.
    const saved = await api.gql(SAVE, { input: { responseId: draft.id, baseVersion: 1, sections: [{ heading: "Sammanfattning", body: "Ändrad" }] } }, { token: staff });
    expect(saved.data.saveResponseVersion).toMatchObject({ currentVersion: 2, status: "FOR_APPROVAL" });
    const stale = await api.gql(APPROVE, { id: draft.id, v: 1 }, { token: board });
    expect(errorCode(stale)).toBe("CONFLICT");
    expect((await storedRow(api.ds, "response", draft.id)).status).toBe("for_approval");
    const approved = await api.gql(APPROVE, { id: draft.id, v: 2 }, { token: board });
    expect(approved.data.approveResponse.status).toBe("APPROVED");
  });

  it("voids the approval when an approved response is edited", async () => {
    const draft = await createDraft();
    await api.gql(REQUEST, { id: draft.id }, { token: staff });
    await api.gql(APPROVE, { id: draft.id, v: 1 }, { token: board });
    const edited = await api.gql(SAVE, { input: { responseId: draft.id, baseVersion: 1, sections: [{ heading: "Sammanfattning", body: "Efter beslut" }] } }, { token: staff });
    expect(edited.errors).toBeUndefined();
    expect(edited.data.saveResponseVersion).toMatchObject({ status: "DRAFT", currentVersion: 2, approvedById: null, approvedAt: null });
    expect(errorCode(await api.gql(SUBMIT, { id: draft.id }, { token: staff }))).toBe("CONFLICT");
  });

  it("returns a response awaiting approval to draft, but not a draft", async () => {
    const draft = await createDraft();
    expect(errorCode(await api.gql(RETURN, { id: draft.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(RETURN, { id: draft.id }, { token: member }))).toBe("FORBIDDEN");
    const notYet = await api.gql(RETURN, { id: draft.id }, { token: staff });
    expect(errorCode(notYet)).toBe("CONFLICT");
    expect(notYet.errors![0].extensions!.reason).toBe("INVALID_TRANSITION");
    await api.gql(REQUEST, { id: draft.id }, { token: staff });
    const returned = await api.gql(RETURN, { id: draft.id }, { token: staff });
    expect(returned.data.returnResponseToDraft).toMatchObject({ status: "DRAFT", approvedById: null });
  });

  it("refuses to ask approval for a response without sections", async () => {
    const empty = await api.gql(CREATE, { input: { kind: "POSITION", title: "Tom" } }, { token: staff });
    const result = await api.gql(REQUEST, { id: empty.data.createResponse.id }, { token: staff });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect((await storedRow(api.ds, "response", empty.data.createResponse.id)).status).toBe("draft");
  });

  it("refuses every transition of an archived response", async () => {
    for (const status of [ResponseStatus.DRAFT, ResponseStatus.FOR_APPROVAL, ResponseStatus.APPROVED]) {
      const response = await buildResponse(api.ds.manager, { status, archivedAt: new Date() });
      const before = await storedRow(api.ds, "response", response.id);
      const attempts = [
        await api.gql(REQUEST, { id: response.id }, { token: staff }),
        await api.gql(RETURN, { id: response.id }, { token: staff }),
        await api.gql(APPROVE, { id: response.id, v: 1 }, { token: board }),
        await api.gql(SUBMIT, { id: response.id }, { token: staff }),
      ];
      for (const attempt of attempts) expect(errorCode(attempt), status).toBe("CONFLICT");
      expect(await storedRow(api.ds, "response", response.id)).toEqual(before);
    }
  });
});

describe("archiveResponse", () => {
  it("walks the ladder and archives", async () => {
    const response = await buildResponse(api.ds.manager);
    expect(errorCode(await api.gql(ARCHIVE, { id: response.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(ARCHIVE, { id: "x" }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(ARCHIVE, { id: response.id }, { token: board }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(ARCHIVE, { id: UNKNOWN_ID }, { token: staff }))).toBe("NOT_FOUND");
    const result = await api.gql(ARCHIVE, { id: response.id }, { token: staff });
    expect(result.data.archiveResponse.archivedAt).toEqual(expect.any(String));
  });
});

describe("response", () => {
  it("needs sign-in and hides drafts and versions from members", async () => {
    const draft = await buildResponse(api.ds.manager, { status: ResponseStatus.FOR_APPROVAL });
    const approved = await buildResponse(api.ds.manager, { status: ResponseStatus.APPROVED });
    expect(errorCode(await api.gql(GET, { id: approved.id }))).toBe("UNAUTHENTICATED");

    const hidden = await api.gql(GET, { id: draft.id }, { token: member });
    expect(hidden.errors).toBeUndefined();
    expect(hidden.data.response).toBeNull();
    const visible = await api.gql(GET, { id: approved.id }, { token: member });
    expect(visible.data.response).toMatchObject({
      id: approved.id, versions: [],
      abilities: { canEdit: false, canRequestApproval: false, canApprove: false, canMarkSubmitted: false, canArchive: false, canReadVersions: false },
    });
    const unknown = await api.gql(GET, { id: UNKNOWN_ID }, { token: staff });
    expect(unknown.data.response).toBeNull();
  });

  it("tells staff and board what they may do", async () => {
    const forApproval = await buildResponse(api.ds.manager, { status: ResponseStatus.FOR_APPROVAL });
    const asStaff = await api.gql(GET, { id: forApproval.id }, { token: staff });
    expect(asStaff.data.response).toMatchObject({
      versions: [{ number: 1 }],
      abilities: { canEdit: true, canRequestApproval: false, canApprove: false, canMarkSubmitted: false, canArchive: true, canReadVersions: true },
    });
    const asBoard = await api.gql(GET, { id: forApproval.id }, { token: board });
    expect(asBoard.data.response).toMatchObject({
      versions: [{ number: 1 }],
      abilities: { canEdit: false, canApprove: true, canArchive: false, canReadVersions: true },
    });
  });
});

describe("responses", () => {
  const ids = async (filter: Record<string, unknown>, token = staff) => {
    const result = await api.gql(LIST, { filter, first: 100 }, { token });
    expect(result.errors).toBeUndefined();
    return result.data.responses.edges.map((e: { node: { id: string } }) => e.node.id).sort();
  };

  it("needs sign-in", async () => {
    expect(errorCode(await api.gql(LIST, {}))).toBe("UNAUTHENTICATED");
  });

  it("hides drafts and responses awaiting approval from members, not from staff or board", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const byStatus = Object.fromEntries(
      await Promise.all(
        Object.values(ResponseStatus).map(async (status) => [status, (await buildResponse(api.ds.manager, { remissId: remiss.id, status })).id] as const),
      ),
    );
    const all = Object.values(byStatus).sort();
    expect(await ids({ remissId: remiss.id }, member)).toEqual([byStatus.approved, byStatus.submitted].sort());
    expect(await ids({ remissId: remiss.id }, staff)).toEqual(all);
    expect(await ids({ remissId: remiss.id }, board)).toEqual(all);
    // Asking for drafts explicitly does not reveal them either.
    expect(await ids({ remissId: remiss.id, statuses: ["DRAFT", "FOR_APPROVAL"] }, member)).toEqual([]);
  });

  it("filters by kind, status, remiss, inquiry, priority area, year and archived", async () => {
    const area = await buildPriorityArea(api.ds.manager);
    const inquiry = await buildInquiry(api.ds.manager);
    const remiss = await buildRemiss(api.ds.manager);
    const onInquiry = await buildResponse(api.ds.manager, { inquiryId: inquiry.id, status: ResponseStatus.SUBMITTED });
    const position = await buildResponse(api.ds.manager, { kind: ResponseKind.POSITION, inquiryId: inquiry.id });
    const old = await buildResponse(api.ds.manager, { remissId: remiss.id, createdAt: new Date("2011-12-01T10:00:00Z") });
    const tagged = await buildResponse(api.ds.manager, { remissId: remiss.id });
    await api.ds.query(`INSERT INTO response_priority_area (response_id, priority_area_id) VALUES ($1, $2)`, [tagged.id, area.id]);
    const archived = await buildResponse(api.ds.manager, { remissId: remiss.id, archivedAt: new Date() });

    expect(await ids({ inquiryId: inquiry.id })).toEqual([onInquiry.id, position.id].sort());
    expect(await ids({ inquiryId: inquiry.id, kind: "POSITION" })).toEqual([position.id]);
    expect(await ids({ inquiryId: inquiry.id, kind: "RESPONSE" })).toEqual([onInquiry.id]);
    expect(await ids({ inquiryId: inquiry.id, statuses: ["SUBMITTED"] })).toEqual([onInquiry.id]);
    expect(await ids({ remissId: remiss.id })).toEqual([old.id, tagged.id].sort());
    expect(await ids({ remissId: remiss.id, includeArchived: true })).toEqual([old.id, tagged.id, archived.id].sort());
    expect(await ids({ priorityAreaId: area.id })).toEqual([tagged.id]);
    expect(await ids({ remissId: remiss.id, year: 2011 })).toEqual([old.id]);
    expect(await ids({ remissId: remiss.id, year: new Date().getFullYear() })).toEqual([tagged.id]);
  });

  it("pages newest first with first/after without duplicates or gaps", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const created: string[] = [];
    const sameMoment = new Date("2020-05-05T12:00:00.123Z");
    for (let i = 0; i < 7; i++) {
      created.push((await buildResponse(api.ds.manager, { remissId: remiss.id, createdAt: i < 4 ? sameMoment : undefined })).id);
    }
    const { ids: paged, pages, totalCount } = await walkPages(api, LIST, "responses", { first: 3, variables: { filter: { remissId: remiss.id } }, token: staff });
    expect(pages).toBe(3);
    expect(totalCount).toBe(7);
    expect(new Set(paged).size).toBe(7);
    expect([...paged].sort()).toEqual([...created].sort());
    // Newest first: the three created now come before the four from 2020.
    expect(paged.slice(0, 3).sort()).toEqual(created.slice(4).sort());
  });

  it("rejects a page size over 100 and a bogus cursor", async () => {
    expect(errorCode(await api.gql(LIST, { first: 101 }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(LIST, { first: 5, after: Buffer.from("[]").toString("base64url") }, { token: staff }))).toBe("BAD_USER_INPUT");
  });
});

describe("the answer's letter fields, numbered sections, stances and quotes", () => {
  const LETTER = `id currentVersion summary signatory presenter letterDate
    sections { number heading stance body quotes { sourceType sourceId label text } }
    versions { number summary signatory presenter letterDate sections { number stance quotes { sourceId label } } }`;
  const CREATE_LETTER = `mutation($input: CreateResponseInput!) { createResponse(input: $input) { ${LETTER} } }`;
  const SAVE_LETTER = `mutation($input: SaveResponseVersionInput!) { saveResponseVersion(input: $input) { ${LETTER} } }`;
  const READ_LETTER = `query($id: ID!) { response(id: $id) { ${LETTER} remiss { ministry diarienummer document { title designation } } } }`;

  async function letter(remissId: string) {
    const document = await buildDocument(api.ds.manager);
    return {
      remissId,
      title: "Remissvar: Spara i goda tider (SOU 2011:59)",
      summary: "SmåKom avstyrker förslaget om en kommunstabiliseringsfond.",
      signatory: "Anna Andersson, ordförande",
      presenter: "Kansliet",
      letterDate: "2012-01-12",
      sections: [
        { number: "7", heading: "Resultatutjämningsreserver", stance: "SUPPORTS_WITH_CHANGES", body: "Gränsen bör sänkas." },
        {
          number: "8.2",
          heading: "Kommunstabiliseringsfond",
          stance: "OPPOSES",
          body: "SmåKom säger nej.",
          quotes: [{ sourceType: "DOCUMENT", sourceId: document.id, label: "SOU 2011:59, s. 12", text: "En fond inrättas." }],
        },
        { heading: "Övrigt", body: "" },
      ],
    };
  }

  it("creates a response with them, and version 1 keeps them", async () => {
    const remiss = await buildRemiss(api.ds.manager, { diarienummer: "Fi2011/4105", ministry: "Finansdepartementet" });
    const input = await letter(remiss.id);
    expect(errorCode(await api.gql(CREATE_LETTER, { input }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(CREATE_LETTER, { input }, { token: member }))).toBe("FORBIDDEN");
    const created = await api.gql(CREATE_LETTER, { input }, { token: staff });
    expect(created.errors).toBeUndefined();
    const expected = {
      summary: input.summary,
      signatory: "Anna Andersson, ordförande",
      presenter: "Kansliet",
      letterDate: "2012-01-12",
    };
    expect(created.data.createResponse).toMatchObject({
      ...expected,
      sections: [
        { number: "7", heading: "Resultatutjämningsreserver", stance: "SUPPORTS_WITH_CHANGES", quotes: [] },
        { number: "8.2", stance: "OPPOSES", quotes: [input.sections[1].quotes![0]] },
        { number: null, heading: "Övrigt", stance: null, quotes: [] },
      ],
      versions: [{ number: 1, ...expected, sections: [{ number: "7" }, { number: "8.2", stance: "OPPOSES" }, { number: null }] }],
    });
    // What the export needs from the remiss and its report.
    const read = await api.gql(READ_LETTER, { id: created.data.createResponse.id }, { token: staff });
    expect(read.data.response.remiss).toMatchObject({ ministry: "Finansdepartementet", diarienummer: "Fi2011/4105", document: { title: expect.any(String) } });
  });

  it("starts with an empty summary and no letter fields when none are given", async () => {
    const draft = await createDraft();
    const read = await api.gql(READ_LETTER, { id: draft.id }, { token: staff });
    expect(read.data.response).toMatchObject({ summary: "", signatory: null, presenter: null, letterDate: null });
  });

  it("saves them as a new version; omitted fields stay, null and empty clear, old versions keep theirs", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const created = (await api.gql(CREATE_LETTER, { input: await letter(remiss.id) }, { token: staff })).data.createResponse;
    const kept = await api.gql(SAVE_LETTER, {
      input: { responseId: created.id, baseVersion: 1, sections: [{ number: "8", heading: "Fond", stance: "NO_COMMENT", body: "" }] },
    }, { token: staff });
    expect(kept.errors).toBeUndefined();
    expect(kept.data.saveResponseVersion).toMatchObject({
      currentVersion: 2, summary: created.summary, signatory: "Anna Andersson, ordförande", letterDate: "2012-01-12",
      sections: [{ number: "8", stance: "NO_COMMENT", quotes: [] }],
    });
    const cleared = await api.gql(SAVE_LETTER, {
      input: { responseId: created.id, baseVersion: 2, summary: "", signatory: " ", presenter: null, letterDate: null, sections: [{ heading: "Fond", body: "" }] },
    }, { token: staff });
    expect(cleared.errors).toBeUndefined();
    const saved = cleared.data.saveResponseVersion;
    expect(saved).toMatchObject({ currentVersion: 3, summary: "", signatory: null, presenter: null, letterDate: null });
    expect(saved.versions.map((v: { number: number; signatory: string | null; letterDate: string | null }) => [v.number, v.signatory, v.letterDate])).toEqual([
      [1, "Anna Andersson, ordförande", "2012-01-12"],
      [2, "Anna Andersson, ordförande", "2012-01-12"],
      [3, null, null],
    ]);
    expect(saved.versions[0].sections[1]).toEqual({ number: "8.2", stance: "OPPOSES", quotes: [{ sourceId: expect.any(String), label: "SOU 2011:59, s. 12" }] });
  });

  it("reads sections saved before numbers, stances and quotes existed", async () => {
    const response = await buildResponse(api.ds.manager);
    await api.ds.query(`UPDATE response SET sections = '[{"heading":"Sammanfattning","body":"Gammal text"}]' WHERE id = $1`, [response.id]);
    const read = await api.gql(READ_LETTER, { id: response.id }, { token: staff });
    expect(read.errors).toBeUndefined();
    expect(read.data.response.sections).toEqual([{ number: null, heading: "Sammanfattning", stance: null, body: "Gammal text", quotes: [] }]);
  });

  it("rejects oversized texts, malformed or repeated section numbers, unknown stances and too many quotes, and writes nothing", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const draft = await createDraft(remiss.id);
    const valid = await letter(remiss.id);
    const quote = valid.sections[1].quotes![0];
    const section = (change: Record<string, unknown>) => ({ sections: [{ heading: "Rubrik", body: "", ...change }] });
    const cases: [string, Record<string, unknown>, string, string][] = [
      ["summary too long", { summary: "x".repeat(20_001) }, "INVALID_INPUT", "summary"],
      ["signatory too long", { signatory: "x".repeat(201) }, "INVALID_INPUT", "signatory"],
      ["presenter too long", { presenter: "x".repeat(201) }, "INVALID_INPUT", "presenter"],
      ["body too long", section({ body: "x".repeat(200_001) }), "INVALID_INPUT", "sections.0.body"],
      ["number with letters", section({ number: "5a" }), "INVALID_INPUT", "sections.0.number"],
      ["number with trailing dot", section({ number: "5." }), "INVALID_INPUT", "sections.0.number"],
      ["number too long", section({ number: "1.2.3.4.5.6.7.8.9.10.11" }), "INVALID_INPUT", "sections.0.number"],
      ["quote without text", section({ quotes: [{ ...quote, text: " " }] }), "INVALID_INPUT", "sections.0.quotes.0.text"],
      ["quote too long", section({ quotes: [{ ...quote, text: "x".repeat(5_001) }] }), "INVALID_INPUT", "sections.0.quotes.0.text"],
      ["quote source not an id", section({ quotes: [{ ...quote, sourceId: "x" }] }), "INVALID_INPUT", "sections.0.quotes.0.sourceId"],
      ["too many quotes", section({ quotes: Array.from({ length: 21 }, () => quote) }), "INVALID_INPUT", "sections.0.quotes"],
      [
        "a section number twice",
        { sections: [{ number: "5.3", heading: "A", body: "" }, { number: "6", heading: "B", body: "" }, { number: " 5.3 ", heading: "C", body: "" }] },
        "DUPLICATE_SECTION_NUMBER",
        "sections.2.number",
      ],
    ];
    for (const [name, change, reason, field] of cases) {
      const before = await rowCounts(api.ds);
      for (const [mutation, input] of [
        [CREATE_LETTER, { ...valid, ...change }],
        [SAVE_LETTER, { responseId: draft.id, baseVersion: 1, sections: valid.sections, ...change }],
      ] as const) {
        const result = await api.gql(mutation, { input }, { token: staff });
        expect(errorCode(result), name).toBe("BAD_USER_INPUT");
        expect(result.errors![0].extensions!.reason, name).toBe(reason);
        expect((result.errors![0].extensions!.fields as { field: string }[]).map((f) => f.field), name).toContain(field);
      }
      expect(await rowCounts(api.ds), name).toEqual(before);
    }
    expect((await storedRow(api.ds, "response", draft.id)).current_version).toBe(1);
  });

  it("rejects a stance, quote source type or date that does not exist, naming it", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const input = await letter(remiss.id);
    const before = await rowCounts(api.ds);
    const stance = await api.gql(CREATE_LETTER, { input: { ...input, sections: [{ heading: "A", body: "", stance: "MAYBE" }] } }, { token: staff });
    expect(errorCode(stance)).toBe("BAD_USER_INPUT");
    expect(stance.errors![0].message).toMatch(/Value "MAYBE" does not exist in "ResponseStance" enum/);
    const source = await api.gql(CREATE_LETTER, {
      input: { ...input, sections: [{ heading: "A", body: "", quotes: [{ ...input.sections[1].quotes![0], sourceType: "TWEET" }] }] },
    }, { token: staff });
    expect(errorCode(source)).toBe("BAD_USER_INPUT");
    expect(source.errors![0].message).toMatch(/"TWEET" does not exist in "QuoteSourceType" enum/);
    const date = await api.gql(CREATE_LETTER, { input: { ...input, letterDate: "2012-02-30" } }, { token: staff });
    expect(errorCode(date)).toBe("BAD_USER_INPUT");
    expect(date.errors![0].message).toMatch(/letterDate/);
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("keeps a quote linked to a source that exists", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const draft = await createDraft(remiss.id);
    const input = await letter(remiss.id);
    const before = await rowCounts(api.ds);
    for (const sourceType of ["RESPONSE", "MEMBER_INPUT", "DOCUMENT"]) {
      const quotes = [{ sourceType, sourceId: UNKNOWN_ID, label: "Forshaga kommun", text: "Citat" }];
      const result = await api.gql(SAVE_LETTER, { input: { responseId: draft.id, baseVersion: 1, sections: [{ heading: "A", body: "", quotes }] } }, { token: staff });
      expect(errorCode(result), sourceType).toBe("NOT_FOUND");
    }
    expect(await rowCounts(api.ds)).toEqual(before);
    const memberInput = await buildMemberInput(api.ds.manager, { remissId: remiss.id });
    const quotes = [
      { sourceType: "MEMBER_INPUT", sourceId: memberInput.id, label: "Forshaga kommun", text: "Vi ser stora konsekvenser." },
      { sourceType: "RESPONSE", sourceId: draft.id, label: "SmåKom 2012-01-12, SOU 2011:59", text: "Tidigare svar." },
      input.sections[1].quotes![0],
    ];
    const saved = await api.gql(SAVE_LETTER, { input: { responseId: draft.id, baseVersion: 1, sections: [{ heading: "A", body: "", quotes }] } }, { token: staff });
    expect(saved.errors).toBeUndefined();
    expect(saved.data.saveResponseVersion.sections[0].quotes).toEqual(quotes);
  });
});

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
