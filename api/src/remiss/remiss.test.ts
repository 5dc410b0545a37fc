import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemberInputStatus, RemissStatus, ResponseStatus, Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { rowCounts, storedRow, UNKNOWN_ID } from "@remissbanken/test/db";
import { walkPages } from "@remissbanken/test/paging";
import {
  buildDocument, buildMemberInput, buildMunicipality, buildPriorityArea, buildRemiss, buildResponse, buildUser, buildUserWithToken,
} from "@remissbanken/test/factories";

let api: TestApi;
let staff: string;
let staffId: string;
let board: string;
let member: string;
let memberMunicipalityId: string;

beforeAll(async () => {
  api = await startTestApi();
  const s = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
  staff = s.token;
  staffId = s.user.id;
  board = (await buildUserWithToken(api.ds.manager, { role: Role.BOARD })).token;
  const m = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER });
  member = m.token;
  memberMunicipalityId = m.user.municipalityId!;
});
afterAll(() => api?.stop());

const CREATE = `mutation($input: CreateRemissInput!) {
  createRemiss(input: $input) { id diarienummer ministry deadline memberInputDeadline status notes owner { id } document { id } referralBodies smakomIsReferralBody }
}`;
const UPDATE = `mutation($input: UpdateRemissInput!) { updateRemiss(input: $input) { id deadline memberInputDeadline status version notes } }`;
const ARCHIVE = `mutation($id: ID!, $v: Int) { archiveRemiss(id: $id, expectedVersion: $v) { id archivedAt } }`;
const GET = `query($id: ID, $d: String) { remiss(id: $id, diarienummer: $d) { id diarienummer notes } }`;
const LIST = `query($first: Int, $after: String, $filter: RemissFilter) {
  remisser(first: $first, after: $after, filter: $filter) {
    totalCount edges { cursor node { id deadline } } pageInfo { hasNextPage endCursor }
  }
}`;

describe("remiss", () => {
  it("needs sign-in", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    expect(errorCode(await api.gql(GET, { id: remiss.id }))).toBe("UNAUTHENTICATED");
  });

  it("wants exactly one of id and diarienummer", async () => {
    expect(errorCode(await api.gql(GET, {}, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(GET, { id: UNKNOWN_ID, d: "Fi2011/4105" }, { token: staff }))).toBe("BAD_USER_INPUT");
  });

  it("answers null for an unknown id or diarienummer", async () => {
    for (const variables of [{ id: UNKNOWN_ID }, { d: "Fi1999/1" }]) {
      const result = await api.gql(GET, variables, { token: staff });
      expect(result.errors).toBeUndefined();
      expect(result.data.remiss).toBeNull();
    }
  });

  it("finds a remiss by diarienummer typed with spaces", async () => {
    const remiss = await buildRemiss(api.ds.manager, { diarienummer: "Fi2011/4105" });
    const result = await api.gql(GET, { d: " Fi 2011/4105 " }, { token: member });
    expect(result.data.remiss.id).toBe(remiss.id);
  });

  it("shows the internal notes to staff and board, and null to members", async () => {
    const remiss = await buildRemiss(api.ds.manager, { notes: "Ring ordföranden innan vi svarar." });
    for (const [token, notes] of [[staff, remiss.notes], [board, remiss.notes], [member, null]] as const) {
      const result = await api.gql(GET, { id: remiss.id }, { token });
      expect(result.errors).toBeUndefined();
      expect(result.data.remiss.notes).toBe(notes);
    }
    const nodes = await api.gql(`{ remisser(first: 100) { nodes { id notes } } }`, {}, { token: member });
    expect(nodes.data.remisser.nodes.find((n: { id: string }) => n.id === remiss.id)).toEqual({ id: remiss.id, notes: null });
  });

  it("shows members only published responses and their own municipality's input", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const submitted = await buildResponse(api.ds.manager, { remissId: remiss.id, status: ResponseStatus.SUBMITTED });
    const draft = await buildResponse(api.ds.manager, { remissId: remiss.id, status: ResponseStatus.DRAFT });
    const forApproval = await buildResponse(api.ds.manager, { remissId: remiss.id, status: ResponseStatus.FOR_APPROVAL });
    const own = await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: memberMunicipalityId, status: MemberInputStatus.DRAFT });
    const others = await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: (await buildMunicipality(api.ds.manager)).id });
    const query = `query($id: ID!) { remiss(id: $id) { responses { id } memberInputs { id } } }`;
    const seen = async (token: string) => {
      const { data } = await api.gql(query, { id: remiss.id }, { token });
      return { responses: data.remiss.responses.map((r: { id: string }) => r.id).sort(), inputs: data.remiss.memberInputs.map((r: { id: string }) => r.id) };
    };
    expect(await seen(member)).toEqual({ responses: [submitted.id], inputs: [own.id] });
    expect(await seen(staff)).toEqual({ responses: [submitted.id, draft.id, forApproval.id].sort(), inputs: [others.id] });
  });

  it("is not listed under its document for anonymous callers", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const query = `query($id: ID!) { document(id: $id) { remisser { id } } }`;
    expect((await api.gql(query, { id: remiss.documentId })).data.document.remisser).toEqual([]);
    expect((await api.gql(query, { id: remiss.documentId }, { token: member })).data.document.remisser).toEqual([{ id: remiss.id }]);
  });
});

describe("createRemiss", () => {
  let documentId: string;
  const input = () => ({ documentId, ministry: "Finansdepartementet", deadline: "2099-03-01", memberInputDeadline: "2099-02-01" });
  beforeAll(async () => {
    documentId = (await buildDocument(api.ds.manager)).id;
  });

  it("refuses anonymous callers", async () => {
    expect(errorCode(await api.gql(CREATE, { input: input() }))).toBe("UNAUTHENTICATED");
  });

  it("refuses members and board members", async () => {
    for (const token of [member, board]) expect(errorCode(await api.gql(CREATE, { input: input() }, { token }))).toBe("FORBIDDEN");
  });

  it("rejects invalid input and writes nothing", async () => {
    const before = await rowCounts(api.ds);
    const cases: Record<string, unknown>[] = [
      { ministry: "" },
      { ministry: "x".repeat(201) },
      { diarienummer: "4105" },
      { diarienummer: "Fi2011-4105" },
      { deadline: "2099-02-30" },
      { sourceUrl: "javascript:alert(1)" },
      { notes: "x".repeat(20_001) },
      { referralBodies: ["SKR", ""] },
      { documentId: "not-an-id" },
    ];
    for (const change of cases) {
      const result = await api.gql(CREATE, { input: { ...input(), ...change } }, { token: staff });
      expect(errorCode(result), JSON.stringify(change).slice(0, 60)).toBe("BAD_USER_INPUT");
    }
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("rejects a member-input deadline after the ministry deadline and writes nothing", async () => {
    const before = await rowCounts(api.ds);
    const result = await api.gql(CREATE, { input: { ...input(), deadline: "2099-03-01", memberInputDeadline: "2099-03-02" } }, { token: staff });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.reason).toBe("MEMBER_DEADLINE_AFTER_DEADLINE");
    expect(result.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: "memberInputDeadline" })]);
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("rejects unknown or archived documents and owners who are not staff", async () => {
    const before = await rowCounts(api.ds);
    expect(errorCode(await api.gql(CREATE, { input: { ...input(), documentId: UNKNOWN_ID } }, { token: staff }))).toBe("NOT_FOUND");
    expect(errorCode(await api.gql(CREATE, { input: { ...input(), ownerId: UNKNOWN_ID } }, { token: staff }))).toBe("NOT_FOUND");
    const boardUser = await buildUser(api.ds.manager, { role: Role.BOARD });
    const archived = await buildDocument(api.ds.manager, { archivedAt: new Date() });
    const middle = await rowCounts(api.ds);
    expect(before.remiss).toBe(middle.remiss);
    expect(errorCode(await api.gql(CREATE, { input: { ...input(), ownerId: boardUser.id } }, { token: staff }))).toBe("BAD_USER_INPUT");
    const onArchived = await api.gql(CREATE, { input: { ...input(), documentId: archived.id } }, { token: staff });
    expect(errorCode(onArchived)).toBe("CONFLICT");
    expect(onArchived.errors![0].extensions!.reason).toBe("ARCHIVED");
    expect(await rowCounts(api.ds)).toEqual(middle);
  });

  it("creates a remiss, and refuses a duplicate diarienummer", async () => {
    const result = await api.gql(
      CREATE,
      { input: { ...input(), diarienummer: "Fi 2020/01234", ownerId: staffId, notes: "Viktig", referralBodies: [" SKR ", "Hjo kommun"], smakomIsReferralBody: true } },
      { token: staff },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.createRemiss).toMatchObject({
      diarienummer: "Fi2020/01234", ministry: "Finansdepartementet", deadline: "2099-03-01", memberInputDeadline: "2099-02-01",
      status: "MONITORING", notes: "Viktig", owner: { id: staffId }, document: { id: documentId },
      referralBodies: ["SKR", "Hjo kommun"], smakomIsReferralBody: true,
    });
    const sameDay = await api.gql(CREATE, { input: { ...input(), memberInputDeadline: "2099-03-01" } }, { token: staff });
    expect(sameDay.errors).toBeUndefined();

    const before = await rowCounts(api.ds);
    const again = await api.gql(CREATE, { input: { ...input(), diarienummer: "Fi2020/01234" } }, { token: staff });
    expect(errorCode(again)).toBe("CONFLICT");
    expect(again.errors![0].extensions!.reason).toBe("DUPLICATE");
    expect(await rowCounts(api.ds)).toEqual(before);
  });
});

describe("updateRemiss", () => {
  it("walks the ladder: anonymous, invalid input, wrong role, unknown id", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const before = await storedRow(api.ds, "remiss", remiss.id);
    expect(errorCode(await api.gql(UPDATE, { input: { id: remiss.id, status: "TO_ANSWER" } }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(UPDATE, { input: { id: remiss.id, ministry: " " } }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(UPDATE, { input: { id: remiss.id, status: "TO_ANSWER" } }, { token: member }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(UPDATE, { input: { id: remiss.id, status: "TO_ANSWER" } }, { token: board }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(UPDATE, { input: { id: UNKNOWN_ID, status: "TO_ANSWER" } }, { token: staff }))).toBe("NOT_FOUND");
    expect(await storedRow(api.ds, "remiss", remiss.id)).toEqual(before);
  });

  it("rejects moving the ministry deadline before the member deadline, and a member deadline after it", async () => {
    const remiss = await buildRemiss(api.ds.manager, { deadline: "2099-03-01", memberInputDeadline: "2099-02-01" });
    const before = await storedRow(api.ds, "remiss", remiss.id);
    const counts = await rowCounts(api.ds);
    for (const change of [{ deadline: "2099-01-31" }, { memberInputDeadline: "2099-03-02" }, { deadline: "2099-04-01", memberInputDeadline: "2099-04-02" }]) {
      const result = await api.gql(UPDATE, { input: { id: remiss.id, ...change } }, { token: staff });
      expect(errorCode(result), JSON.stringify(change)).toBe("BAD_USER_INPUT");
      expect(result.errors![0].extensions!.reason).toBe("MEMBER_DEADLINE_AFTER_DEADLINE");
    }
    expect(await storedRow(api.ds, "remiss", remiss.id)).toEqual(before);
    expect(await rowCounts(api.ds)).toEqual(counts);

    const both = await api.gql(UPDATE, { input: { id: remiss.id, deadline: "2099-01-31", memberInputDeadline: "2099-01-15" } }, { token: staff });
    expect(both.errors).toBeUndefined();
    expect(both.data.updateRemiss).toMatchObject({ deadline: "2099-01-31", memberInputDeadline: "2099-01-15" });
    const cleared = await api.gql(UPDATE, { input: { id: remiss.id, memberInputDeadline: null, notes: "" } }, { token: staff });
    expect(cleared.data.updateRemiss).toMatchObject({ memberInputDeadline: null, notes: null });
  });

  it("refuses a stale expectedVersion with CONFLICT and leaves the row unchanged", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const first = await api.gql(UPDATE, { input: { id: remiss.id, expectedVersion: remiss.version, status: "TO_ANSWER" } }, { token: staff });
    expect(first.errors).toBeUndefined();
    expect(first.data.updateRemiss).toMatchObject({ status: "TO_ANSWER", version: remiss.version + 1 });
    const before = await storedRow(api.ds, "remiss", remiss.id);
    const stale = await api.gql(UPDATE, { input: { id: remiss.id, expectedVersion: remiss.version, status: "DECLINED" } }, { token: staff });
    expect(errorCode(stale)).toBe("CONFLICT");
    expect(stale.errors![0].extensions!.reason).toBe("STALE_VERSION");
    expect(await storedRow(api.ds, "remiss", remiss.id)).toEqual(before);
  });

  it("refuses a non-staff owner and changes to an archived remiss", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const memberUser = await buildUser(api.ds.manager, { role: Role.MEMBER });
    expect(errorCode(await api.gql(UPDATE, { input: { id: remiss.id, ownerId: memberUser.id } }, { token: staff }))).toBe("BAD_USER_INPUT");
    const archived = await buildRemiss(api.ds.manager, { archivedAt: new Date() });
    const result = await api.gql(UPDATE, { input: { id: archived.id, status: "TO_ANSWER" } }, { token: staff });
    expect(errorCode(result)).toBe("CONFLICT");
    expect(result.errors![0].extensions!.reason).toBe("ARCHIVED");
  });
});

describe("archiveRemiss", () => {
  it("walks the ladder and archives", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    expect(errorCode(await api.gql(ARCHIVE, { id: remiss.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(ARCHIVE, { id: "x" }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(ARCHIVE, { id: remiss.id }, { token: member }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(ARCHIVE, { id: UNKNOWN_ID }, { token: staff }))).toBe("NOT_FOUND");
    expect(errorCode(await api.gql(ARCHIVE, { id: remiss.id, v: remiss.version + 1 }, { token: staff }))).toBe("CONFLICT");
    const result = await api.gql(ARCHIVE, { id: remiss.id, v: remiss.version }, { token: staff });
    expect(result.errors).toBeUndefined();
    expect(result.data.archiveRemiss.archivedAt).toEqual(expect.any(String));
  });
});

describe("remisser", () => {
  const ids = async (filter: Record<string, unknown>, token = member) => {
    const result = await api.gql(LIST, { filter, first: 100 }, { token });
    expect(result.errors).toBeUndefined();
    return result.data.remisser.edges.map((e: { node: { id: string } }) => e.node.id);
  };

  it("needs sign-in", async () => {
    expect(errorCode(await api.gql(LIST, {}))).toBe("UNAUTHENTICATED");
  });

  it("filters by status, ministry, deadline range, owner, priority area and referral body, earliest deadline first", async () => {
    const ministry = `Dep ${Math.random()}`;
    const area = await buildPriorityArea(api.ds.manager);
    const tagged = await buildDocument(api.ds.manager, {}, [area.id]);
    const owner = await buildUser(api.ds.manager, { role: Role.STAFF });
    const a = await buildRemiss(api.ds.manager, { ministry, deadline: "2030-05-01", status: RemissStatus.TO_ANSWER, documentId: tagged.id, ownerId: owner.id });
    const b = await buildRemiss(api.ds.manager, { ministry, deadline: "2030-01-15", status: RemissStatus.MONITORING, smakomIsReferralBody: true });
    const c = await buildRemiss(api.ds.manager, { ministry, deadline: "2030-09-30", status: RemissStatus.DECLINED, documentId: tagged.id });
    await buildRemiss(api.ds.manager, { ministry, deadline: "2030-02-01", archivedAt: new Date() });

    expect(await ids({ ministry })).toEqual([b.id, a.id, c.id]);
    expect(await ids({ ministry: ministry.toUpperCase() })).toEqual([b.id, a.id, c.id]);
    expect(await ids({ ministry, statuses: ["TO_ANSWER", "DECLINED"] })).toEqual([a.id, c.id]);
    expect(await ids({ ministry, deadlineFrom: "2030-01-16" })).toEqual([a.id, c.id]);
    expect(await ids({ ministry, deadlineFrom: "2030-01-15", deadlineTo: "2030-05-01" })).toEqual([b.id, a.id]);
    expect(await ids({ ministry, ownerId: owner.id })).toEqual([a.id]);
    expect(await ids({ ministry, priorityAreaId: area.id })).toEqual([a.id, c.id]);
    expect(await ids({ ministry, smakomIsReferralBody: true })).toEqual([b.id]);
    expect(await ids({ ministry, smakomIsReferralBody: false })).toEqual([a.id, c.id]);
    expect((await ids({ ministry, includeArchived: true }, staff)).length).toBe(4);
  });

  it("pages with first/after without duplicates or gaps", async () => {
    const ministry = `Dep ${Math.random()}`;
    const created: string[] = [];
    for (const deadline of ["2031-01-01", "2031-01-01", "2031-01-01", "2030-06-01", "2032-12-31", "2031-01-01"]) {
      created.push((await buildRemiss(api.ds.manager, { ministry, deadline })).id);
    }
    const { ids: paged, pages, totalCount } = await walkPages(api, LIST, "remisser", { first: 4, variables: { filter: { ministry } }, token: member });
    expect(pages).toBe(2);
    expect(totalCount).toBe(6);
    expect(new Set(paged).size).toBe(6);
    expect([...paged].sort()).toEqual([...created].sort());
  });

  it("rejects a page size over 100 and a bogus cursor", async () => {
    expect(errorCode(await api.gql(LIST, { first: 101 }, { token: member }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(LIST, { first: 5, after: "!!" }, { token: member }))).toBe("BAD_USER_INPUT");
  });
});

describe("saveMemberInputSummary", () => {
  const SAVE = `mutation($id: ID!, $text: String!, $publish: Boolean!, $v: Int) {
    saveMemberInputSummary(remissId: $id, text: $text, publish: $publish, expectedVersion: $v) { id version memberInputSummary { text publishedAt } }
  }`;
  const READ = `query($id: ID) { remiss(id: $id) { memberInputSummary { text publishedAt } } }`;

  it("keeps a draft summary from members and shows the published one to them", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const staffToken = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
    const memberToken = (await buildUserWithToken(api.ds.manager, { role: Role.MEMBER })).token;
    const boardToken = (await buildUserWithToken(api.ds.manager, { role: Role.BOARD })).token;

    const draft = await api.gql(SAVE, { id: remiss.id, text: "Sju kommuner vill se differentierat strandskydd.", publish: false }, { token: staffToken });
    expect(draft.errors).toBeUndefined();
    expect(draft.data.saveMemberInputSummary.memberInputSummary.publishedAt).toBeNull();
    expect((await api.gql(READ, { id: remiss.id }, { token: memberToken })).data.remiss.memberInputSummary).toBeNull();
    expect((await api.gql(READ, { id: remiss.id }, { token: boardToken })).data.remiss.memberInputSummary.text).toMatch(/Sju kommuner/);

    const published = await api.gql(SAVE, { id: remiss.id, text: "Sju kommuner vill se differentierat strandskydd.", publish: true }, { token: staffToken });
    expect(published.data.saveMemberInputSummary.memberInputSummary.publishedAt).not.toBeNull();
    const seen = (await api.gql(READ, { id: remiss.id }, { token: memberToken })).data.remiss.memberInputSummary;
    expect(seen.text).toBe("Sju kommuner vill se differentierat strandskydd.");
  });

  it("refuses members and board, stale versions and oversized text, writing nothing", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const staffToken = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
    for (const role of [Role.MEMBER, Role.BOARD]) {
      const token = (await buildUserWithToken(api.ds.manager, { role })).token;
      expect(errorCode(await api.gql(SAVE, { id: remiss.id, text: "x", publish: true }, { token }))).toBe("FORBIDDEN");
    }
    expect(errorCode(await api.gql(SAVE, { id: remiss.id, text: "x", publish: true }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(SAVE, { id: remiss.id, text: "x".repeat(20_001), publish: true }, { token: staffToken }))).toBe("BAD_USER_INPUT");
    const stale = await api.gql(SAVE, { id: remiss.id, text: "x", publish: true, v: remiss.version + 5 }, { token: staffToken });
    expect(stale.errors?.[0].extensions?.reason).toBe("STALE_VERSION");
    const [row] = await api.ds.query("SELECT member_input_summary FROM remiss WHERE id = $1", [remiss.id]);
    expect(row.member_input_summary).toBeNull();
  });
});

describe("Remiss.owner", () => {
  it("names SmåKom's staff owner to members, who do not see other municipalities' users", async () => {
    const owner = await buildUser(api.ds.manager, { role: Role.STAFF, name: "Karin Kansli" });
    const remiss = await buildRemiss(api.ds.manager, { ownerId: owner.id });
    const member = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER });
    const stranger = await buildUser(api.ds.manager, { role: Role.MEMBER });
    const result = await api.gql(
      `query($id: ID, $u: ID!) { remiss(id: $id) { owner { name role } } user(id: $u) { id } }`,
      { id: remiss.id, u: stranger.id },
      { token: member.token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.remiss.owner).toEqual({ name: "Karin Kansli", role: "STAFF" });
    expect(result.data.user).toBeNull();
  });
});

describe("diarienummer", () => {
  it("is found and kept unique regardless of case", async () => {
    const staffToken = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
    const remiss = await buildRemiss(api.ds.manager, { diarienummer: "Ju2026/01234" });
    const found = await api.gql(`{ remiss(diarienummer: "ju2026/01234") { id } }`, {}, { token: staffToken });
    expect(found.data.remiss.id).toBe(remiss.id);
    const document = await buildDocument(api.ds.manager);
    const duplicate = await api.gql(
      `mutation($d: ID!) { createRemiss(input: { documentId: $d, diarienummer: "JU2026/01234", ministry: "Justitiedepartementet", deadline: "2099-01-31" }) { id } }`,
      { d: document.id },
      { token: staffToken },
    );
    expect(errorCode(duplicate)).toBe("CONFLICT");
  });
});

describe("submittedInputMunicipalityCount", () => {
  const COUNT = `query($id: ID) { remiss(id: $id) { submittedInputMunicipalityCount } }`;

  it("counts the municipalities that submitted input, once each, leaving out drafts and withdrawn input", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    const tibro = await buildMunicipality(api.ds.manager, { name: "Tibro" });
    const hjo = await buildMunicipality(api.ds.manager, { name: "Hjo" });
    await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: tibro.id, status: MemberInputStatus.SUBMITTED });
    await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: tibro.id, status: MemberInputStatus.SUBMITTED });
    await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: hjo.id, status: MemberInputStatus.SUBMITTED });
    await buildMemberInput(api.ds.manager, { remissId: remiss.id, status: MemberInputStatus.DRAFT, submittedAt: null });
    await buildMemberInput(api.ds.manager, { remissId: remiss.id, status: MemberInputStatus.WITHDRAWN });
    for (const token of [staff, board]) {
      const result = await api.gql(COUNT, { id: remiss.id }, { token });
      expect(result.errors).toBeUndefined();
      expect(result.data.remiss.submittedInputMunicipalityCount).toBe(2);
    }
    const none = await buildRemiss(api.ds.manager);
    expect((await api.gql(COUNT, { id: none.id }, { token: staff })).data.remiss.submittedInputMunicipalityCount).toBe(0);
  });

  it("counts for a member only their own municipality", async () => {
    const remiss = await buildRemiss(api.ds.manager);
    await buildMemberInput(api.ds.manager, { remissId: remiss.id, status: MemberInputStatus.SUBMITTED });
    expect((await api.gql(COUNT, { id: remiss.id }, { token: member })).data.remiss.submittedInputMunicipalityCount).toBe(0);
    await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: memberMunicipalityId, status: MemberInputStatus.SUBMITTED });
    expect((await api.gql(COUNT, { id: remiss.id }, { token: member })).data.remiss.submittedInputMunicipalityCount).toBe(1);
    expect((await api.gql(COUNT, { id: remiss.id }, { token: staff })).data.remiss.submittedInputMunicipalityCount).toBe(2);
  });

  it("costs the same number of SQL statements for a board of 2 and of 10 remisser", async () => {
    const ministry = `Räkneverket ${Date.now()}`;
    const BOARD = `query($filter: RemissFilter) {
      remisser(first: 100, filter: $filter) { nodes { id submittedInputMunicipalityCount owner { name } document { title } } }
    }`;
    const measure = async (n: number) => {
      while ((await api.ds.query(`SELECT count(*)::int AS n FROM remiss WHERE ministry = $1`, [ministry]))[0].n < n) {
        const remiss = await buildRemiss(api.ds.manager, { ministry, ownerId: staffId });
        await buildMemberInput(api.ds.manager, { remissId: remiss.id, status: MemberInputStatus.SUBMITTED });
      }
      let result: any;
      await api.ds.query(`UPDATE api_token SET last_used_at = NULL`);
      const statements = await api.countQueries(async () => {
        result = await api.gql(BOARD, { filter: { ministry } }, { token: staff });
        await new Promise((resolve) => setTimeout(resolve, 100));
      });
      expect(result.errors).toBeUndefined();
      expect(result.data.remisser.nodes).toHaveLength(n);
      expect(result.data.remisser.nodes.every((r: { submittedInputMunicipalityCount: number }) => r.submittedInputMunicipalityCount === 1)).toBe(true);
      return statements;
    };
    const forTwo = await measure(2);
    expect(await measure(10)).toBe(forTwo);
  });
});
