import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InquiryStatus, MemberInputStatus, ResponseKind, ResponseStatus, Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { rowCounts, storedRow, UNKNOWN_ID } from "@remissbanken/test/db";
import { walkPages } from "@remissbanken/test/paging";
import {
  buildDocument, buildInquiry, buildMemberInput, buildMunicipality, buildPriorityArea, buildResponse, buildUserWithToken,
} from "@remissbanken/test/factories";

let api: TestApi;
let staff: string;
let board: string;
let member: string;
let memberMunicipalityId: string;

beforeAll(async () => {
  api = await startTestApi();
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
  board = (await buildUserWithToken(api.ds.manager, { role: Role.BOARD })).token;
  const m = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER });
  member = m.token;
  memberMunicipalityId = m.user.municipalityId!;
});
afterAll(() => api?.stop());

const CREATE = `mutation($input: CreateInquiryInput!) {
  createInquiry(input: $input) { id name committeeDesignation department status reportDueDate version priorityAreas { id } }
}`;
const UPDATE = `mutation($input: UpdateInquiryInput!) { updateInquiry(input: $input) { id name status version priorityAreas { id } } }`;
const ARCHIVE = `mutation($id: ID!, $v: Int) { archiveInquiry(id: $id, expectedVersion: $v) { id archivedAt } }`;
const LIST = `query($first: Int, $after: String, $filter: InquiryFilter) {
  inquiries(first: $first, after: $after, filter: $filter) {
    totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor }
  }
}`;

describe("inquiry", () => {
  it("is readable anonymously, with its documents, and null for an unknown id", async () => {
    const inquiry = await buildInquiry(api.ds.manager, { name: "Strandskyddsutredningen" });
    const document = await buildDocument(api.ds.manager, { inquiryId: inquiry.id });
    await buildDocument(api.ds.manager, { inquiryId: inquiry.id, archivedAt: new Date() });
    const result = await api.gql(`query($id: ID!) { inquiry(id: $id) { name documents { id } } }`, { id: inquiry.id });
    expect(result.errors).toBeUndefined();
    expect(result.data.inquiry).toEqual({ name: "Strandskyddsutredningen", documents: [{ id: document.id }] });

    const unknown = await api.gql(`query($id: ID!) { inquiry(id: $id) { id } }`, { id: UNKNOWN_ID });
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.inquiry).toBeNull();
    expect(errorCode(await api.gql(`{ inquiry(id: "nope") { id } }`))).toBe("BAD_USER_INPUT");
  });

  it("shows responses and member input only to those who may read them", async () => {
    const inquiry = await buildInquiry(api.ds.manager);
    const published = await buildResponse(api.ds.manager, { inquiryId: inquiry.id, status: ResponseStatus.SUBMITTED });
    const draft = await buildResponse(api.ds.manager, { inquiryId: inquiry.id, status: ResponseStatus.DRAFT });
    const position = await buildResponse(api.ds.manager, { kind: ResponseKind.POSITION, inquiryId: inquiry.id, status: ResponseStatus.APPROVED });
    const own = await buildMemberInput(api.ds.manager, { inquiryId: inquiry.id, municipalityId: memberMunicipalityId, status: MemberInputStatus.DRAFT });
    const other = await buildMemberInput(api.ds.manager, { inquiryId: inquiry.id, municipalityId: (await buildMunicipality(api.ds.manager)).id });
    const otherDraft = await buildMemberInput(api.ds.manager, {
      inquiryId: inquiry.id, municipalityId: (await buildMunicipality(api.ds.manager)).id, status: MemberInputStatus.DRAFT,
    });
    const query = `query($id: ID!) { inquiry(id: $id) { responses { id } memberInputs { id } } }`;
    const seen = async (token?: string) => {
      const result = await api.gql(query, { id: inquiry.id }, { token });
      expect(result.errors).toBeUndefined();
      return {
        responses: result.data.inquiry.responses.map((r: { id: string }) => r.id).sort(),
        memberInputs: result.data.inquiry.memberInputs.map((r: { id: string }) => r.id).sort(),
      };
    };
    expect(await seen()).toEqual({ responses: [], memberInputs: [] });
    expect(await seen(member)).toEqual({ responses: [published.id, position.id].sort(), memberInputs: [own.id] });
    expect(await seen(staff)).toEqual({ responses: [published.id, draft.id, position.id].sort(), memberInputs: [other.id] });
    expect(await seen(board)).toEqual({ responses: [published.id, draft.id, position.id].sort(), memberInputs: [other.id] });
    expect(otherDraft.id).toBeTruthy();
  });
});

describe("createInquiry", () => {
  const input = { name: "Kommunutredningen", committeeDesignation: "Fi 2017:02", department: "Finansdepartementet" };

  it("refuses anonymous callers", async () => {
    expect(errorCode(await api.gql(CREATE, { input }))).toBe("UNAUTHENTICATED");
  });

  it("refuses members and board members", async () => {
    for (const token of [member, board]) expect(errorCode(await api.gql(CREATE, { input }, { token }))).toBe("FORBIDDEN");
  });

  it("rejects invalid input and writes nothing", async () => {
    const before = await rowCounts(api.ds);
    const cases: Record<string, unknown>[] = [
      { name: "" },
      { name: "   " },
      { name: "x".repeat(201) },
      { committeeDesignation: "M2019" },
      { committeeDesignation: "SOU 2020:8" },
      { reportDueDate: "2020-13-01" },
      { summary: "x".repeat(20_001) },
    ];
    for (const change of cases) {
      const result = await api.gql(CREATE, { input: { ...input, ...change } }, { token: staff });
      expect(errorCode(result), JSON.stringify(change).slice(0, 60)).toBe("BAD_USER_INPUT");
    }
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("rejects unknown priority areas and writes nothing", async () => {
    const area = await buildPriorityArea(api.ds.manager);
    const before = await rowCounts(api.ds);
    const result = await api.gql(CREATE, { input: { ...input, priorityAreaIds: [area.id, UNKNOWN_ID] } }, { token: staff });
    expect(errorCode(result)).toBe("NOT_FOUND");
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("creates an inquiry with normalized fields and links, and refuses a duplicate committee designation", async () => {
    const area = await buildPriorityArea(api.ds.manager);
    const result = await api.gql(
      CREATE,
      { input: { name: " Strandskyddsutredningen ", committeeDesignation: " M  2019:02 ", reportDueDate: "2020-11-30", priorityAreaIds: [area.id] } },
      { token: staff },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.createInquiry).toMatchObject({
      name: "Strandskyddsutredningen", committeeDesignation: "M 2019:02", status: "ONGOING", reportDueDate: "2020-11-30", priorityAreas: [{ id: area.id }],
    });
    const before = await rowCounts(api.ds);
    const again = await api.gql(CREATE, { input: { name: "En annan", committeeDesignation: "M 2019:02" } }, { token: staff });
    expect(errorCode(again)).toBe("CONFLICT");
    expect(again.errors![0].extensions!.reason).toBe("DUPLICATE");
    expect(await rowCounts(api.ds)).toEqual(before);
  });
});

describe("updateInquiry", () => {
  it("walks the ladder: anonymous, invalid input, wrong role, unknown id", async () => {
    const inquiry = await buildInquiry(api.ds.manager);
    const before = await storedRow(api.ds, "inquiry", inquiry.id);
    expect(errorCode(await api.gql(UPDATE, { input: { id: inquiry.id, name: "Ny" } }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(UPDATE, { input: { id: inquiry.id, name: " " } }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(UPDATE, { input: { id: inquiry.id, name: "x".repeat(201) } }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(UPDATE, { input: { id: inquiry.id, name: "Ny" } }, { token: member }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(UPDATE, { input: { id: inquiry.id, name: "Ny" } }, { token: board }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(UPDATE, { input: { id: UNKNOWN_ID, name: "Ny" } }, { token: staff }))).toBe("NOT_FOUND");
    expect(errorCode(await api.gql(UPDATE, { input: { id: inquiry.id, priorityAreaIds: [UNKNOWN_ID] } }, { token: staff }))).toBe("NOT_FOUND");
    expect(await storedRow(api.ds, "inquiry", inquiry.id)).toEqual(before);
  });

  it("refuses a stale expectedVersion with CONFLICT and leaves the row unchanged", async () => {
    const inquiry = await buildInquiry(api.ds.manager);
    const first = await api.gql(UPDATE, { input: { id: inquiry.id, expectedVersion: inquiry.version, status: "CONCLUDED" } }, { token: staff });
    expect(first.errors).toBeUndefined();
    expect(first.data.updateInquiry).toMatchObject({ status: "CONCLUDED", version: inquiry.version + 1 });
    const before = await storedRow(api.ds, "inquiry", inquiry.id);
    const stale = await api.gql(UPDATE, { input: { id: inquiry.id, expectedVersion: inquiry.version, name: "Krock" } }, { token: staff });
    expect(errorCode(stale)).toBe("CONFLICT");
    expect(stale.errors![0].extensions!.reason).toBe("STALE_VERSION");
    expect(await storedRow(api.ds, "inquiry", inquiry.id)).toEqual(before);
  });

  it("counts a change of priority areas alone as a new version", async () => {
    const area = await buildPriorityArea(api.ds.manager);
    const inquiry = await buildInquiry(api.ds.manager);
    const linked = await api.gql(UPDATE, { input: { id: inquiry.id, expectedVersion: inquiry.version, priorityAreaIds: [area.id] } }, { token: staff });
    expect(linked.errors).toBeUndefined();
    expect(linked.data.updateInquiry).toMatchObject({ version: inquiry.version + 1, priorityAreas: [{ id: area.id }] });
    const stale = await api.gql(UPDATE, { input: { id: inquiry.id, expectedVersion: inquiry.version, priorityAreaIds: [] } }, { token: staff });
    expect(errorCode(stale)).toBe("CONFLICT");
  });

  it("refuses to change an archived inquiry", async () => {
    const inquiry = await buildInquiry(api.ds.manager, { archivedAt: new Date() });
    const result = await api.gql(UPDATE, { input: { id: inquiry.id, name: "Ny" } }, { token: staff });
    expect(errorCode(result)).toBe("CONFLICT");
    expect(result.errors![0].extensions!.reason).toBe("ARCHIVED");
  });
});

describe("archiveInquiry", () => {
  it("walks the ladder and archives", async () => {
    const inquiry = await buildInquiry(api.ds.manager);
    expect(errorCode(await api.gql(ARCHIVE, { id: inquiry.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(ARCHIVE, { id: "x" }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(ARCHIVE, { id: inquiry.id }, { token: member }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(ARCHIVE, { id: UNKNOWN_ID }, { token: staff }))).toBe("NOT_FOUND");
    expect(errorCode(await api.gql(ARCHIVE, { id: inquiry.id, v: inquiry.version + 1 }, { token: staff }))).toBe("CONFLICT");
    expect((await storedRow(api.ds, "inquiry", inquiry.id)).archived_at).toBeNull();
    const result = await api.gql(ARCHIVE, { id: inquiry.id, v: inquiry.version }, { token: staff });
    expect(result.errors).toBeUndefined();
    expect(result.data.archiveInquiry.archivedAt).toEqual(expect.any(String));
  });
});

describe("inquiries", () => {
  const names = async (filter: Record<string, unknown>) => {
    const result = await api.gql(LIST, { filter, first: 100 });
    expect(result.errors).toBeUndefined();
    return result.data.inquiries.edges.map((e: { node: { name: string } }) => e.node.name);
  };

  it("filters by status, department, priority area and report due dates, by name, anonymously", async () => {
    const department = `Dep ${Math.random()}`;
    const area = await buildPriorityArea(api.ds.manager);
    await buildInquiry(api.ds.manager, { name: "B ongoing", department, reportDueDate: "2020-11-30" }, [area.id]);
    await buildInquiry(api.ds.manager, { name: "A concluded", department, status: InquiryStatus.CONCLUDED, reportDueDate: "2019-06-01" });
    await buildInquiry(api.ds.manager, { name: "C undated", department }, [area.id]);
    await buildInquiry(api.ds.manager, { name: "D archived", department, archivedAt: new Date() });

    expect(await names({ department })).toEqual(["A concluded", "B ongoing", "C undated"]);
    expect(await names({ department: department.toLowerCase() })).toEqual(["A concluded", "B ongoing", "C undated"]);
    expect(await names({ department, status: "CONCLUDED" })).toEqual(["A concluded"]);
    expect(await names({ department, status: "ONGOING" })).toEqual(["B ongoing", "C undated"]);
    expect(await names({ department, priorityAreaId: area.id })).toEqual(["B ongoing", "C undated"]);
    expect(await names({ department, reportDueFrom: "2020-01-01" })).toEqual(["B ongoing"]);
    expect(await names({ department, reportDueFrom: "2019-06-01", reportDueTo: "2020-11-30" })).toEqual(["A concluded", "B ongoing"]);
    expect(await names({ department, includeArchived: true })).toEqual(["A concluded", "B ongoing", "C undated", "D archived"]);
  });

  it("pages with first/after without duplicates or gaps", async () => {
    const department = `Dep ${Math.random()}`;
    const created: string[] = [];
    for (const name of ["Utredning", "Utredning", "Utredning", "Ärende", "Analys", "Översyn", "Kartläggning"]) {
      created.push((await buildInquiry(api.ds.manager, { name, department })).id);
    }
    const { ids, pages, totalCount } = await walkPages(api, LIST, "inquiries", { first: 2, variables: { filter: { department } } });
    expect(pages).toBe(4);
    expect(totalCount).toBe(7);
    expect(new Set(ids).size).toBe(7);
    expect([...ids].sort()).toEqual([...created].sort());
  });

  it("rejects a page size over 100 and a bogus cursor", async () => {
    expect(errorCode(await api.gql(LIST, { first: 101 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(LIST, { first: 5, after: "definitely-not-a-cursor" }))).toBe("BAD_USER_INPUT");
  });
});
