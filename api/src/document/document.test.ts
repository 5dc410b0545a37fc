import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Document, DocumentKind, Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { rowCounts, storedRow, UNKNOWN_ID } from "@remissbanken/test/db";
import { walkPages } from "@remissbanken/test/paging";
import { buildDocument, buildInquiry, buildPriorityArea, buildRemiss, buildUserWithToken } from "@remissbanken/test/factories";

let api: TestApi;
let staff: string;
let member: string;
let board: string;

beforeAll(async () => {
  api = await startTestApi();
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
  member = (await buildUserWithToken(api.ds.manager, { role: Role.MEMBER })).token;
  board = (await buildUserWithToken(api.ds.manager, { role: Role.BOARD })).token;
});
afterAll(() => api?.stop());

const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id designation year kind title } }`;

describe("document(designation:)", () => {
  it("finds a document by any accepted form of its designation", async () => {
    await buildDocument(api.ds.manager, { kind: DocumentKind.SOU, designation: "SOU 2020:8", year: 2020, title: "Starkare kommuner" });
    for (const form of ["SOU 2020:8", "sou 2020 8", "SOU2020:8", " sou 2020:08 "]) {
      const result = await api.gql(`query($d: String!) { document(designation: $d) { designation title } }`, { d: form });
      expect(result.data?.document, form).toEqual({ designation: "SOU 2020:8", title: "Starkare kommuner" });
    }
  });

  it("finds directives, propositions and committee reports by loose forms", async () => {
    const dir = await buildDocument(api.ds.manager, { kind: DocumentKind.DIRECTIVE, designation: "Dir. 2019:41", year: 2019 });
    const prop = await buildDocument(api.ds.manager, { kind: DocumentKind.PROPOSITION, designation: "Prop. 2020/21:150", year: 2020 });
    const bet = await buildDocument(api.ds.manager, { kind: DocumentKind.COMMITTEE_REPORT, designation: "2020/21:FiU20", year: 2020 });
    const cases: [string, string][] = [
      ["dir 2019:41", dir.id], ["DIR. 2019 41", dir.id], ["Prop 2020/21 150", prop.id], ["prop. 2020/2021:150", prop.id], ["2020/21:fiu20", bet.id],
    ];
    for (const [form, id] of cases) {
      const result = await api.gql(`query($d: String!) { document(designation: $d) { id } }`, { d: form });
      expect(result.data?.document?.id, form).toBe(id);
    }
  });

  it("finds a document by id, anonymously", async () => {
    const document = await buildDocument(api.ds.manager);
    const result = await api.gql(`query($id: ID!) { document(id: $id) { id title } }`, { id: document.id });
    expect(result.data.document).toEqual({ id: document.id, title: document.title });
  });

  it("wants exactly one of id and designation", async () => {
    expect(errorCode(await api.gql(`{ document { id } }`))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(`{ document(id: "${UNKNOWN_ID}", designation: "SOU 2020:8") { id } }`))).toBe("BAD_USER_INPUT");
  });

  it("answers null for an unknown id and BAD_USER_INPUT for a malformed one", async () => {
    const unknown = await api.gql(`{ document(id: "${UNKNOWN_ID}") { id } }`);
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data.document).toBeNull();
    expect(errorCode(await api.gql(`{ document(id: "not-an-id") { id } }`))).toBe("BAD_USER_INPUT");
  });

  it("answers null for an unknown designation", async () => {
    const result = await api.gql(`{ document(designation: "SOU 1999:999") { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data.document).toBeNull();
  });
});

describe("createDocument", () => {
  const input = { kind: "SOU", designation: "sou 2021 44", title: "Ett nytt betänkande" };

  it("refuses anonymous callers", async () => {
    const result = await api.gql(CREATE, { input });
    expect(errorCode(result)).toBe("UNAUTHENTICATED");
  });

  it("refuses members", async () => {
    const result = await api.gql(CREATE, { input }, { token: member });
    expect(errorCode(result)).toBe("FORBIDDEN");
  });

  it("rejects malformed designations and writes nothing", async () => {
    const before = await api.ds.getRepository(Document).count();
    for (const designation of ["SOU 20:8", "SOU 2020", "Prop. 2020/22:1", "hello", "Dir. 2019:41"]) {
      const result = await api.gql(CREATE, { input: { ...input, designation } }, { token: staff });
      expect(errorCode(result), designation).toBe("BAD_USER_INPUT");
      expect(result.errors![0].extensions!.reason).toMatch(/INVALID_DESIGNATION|DESIGNATION_KIND_MISMATCH/);
    }
    expect(await api.ds.getRepository(Document).count()).toBe(before);
  });

  it("rejects an empty or oversized title and writes nothing", async () => {
    const before = await rowCounts(api.ds);
    for (const title of ["", "   ", "x".repeat(501)]) {
      const result = await api.gql(CREATE, { input: { ...input, title } }, { token: staff });
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
      expect(result.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field: "title" })]);
    }
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("rejects an unknown inquiry or priority area id and writes nothing", async () => {
    const before = await rowCounts(api.ds);
    const unknownInquiry = await api.gql(CREATE, { input: { ...input, inquiryId: UNKNOWN_ID } }, { token: staff });
    expect(errorCode(unknownInquiry)).toBe("NOT_FOUND");
    const area = await buildPriorityArea(api.ds.manager);
    const afterArea = await rowCounts(api.ds);
    const unknownArea = await api.gql(CREATE, { input: { ...input, priorityAreaIds: [area.id, UNKNOWN_ID] } }, { token: staff });
    expect(errorCode(unknownArea)).toBe("NOT_FOUND");
    expect(before.document).toBe(afterArea.document);
    expect(await rowCounts(api.ds)).toEqual(afterArea);
  });

  it("links priority areas and the inquiry", async () => {
    const area = await buildPriorityArea(api.ds.manager, { name: "Bostadsförsörjning" });
    const inquiry = await buildInquiry(api.ds.manager);
    const result = await api.gql(
      `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { inquiry { id } priorityAreas { id name } } }`,
      { input: { kind: "DIRECTIVE", designation: "dir 2020 88", title: "En effektiv ekonomistyrning i kommuner och regioner", inquiryId: inquiry.id, priorityAreaIds: [area.id, area.id] } },
      { token: staff },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.createDocument).toEqual({ inquiry: { id: inquiry.id }, priorityAreas: [{ id: area.id, name: "Bostadsförsörjning" }] });
  });

  it("keeps a free-form designation for OTHER documents", async () => {
    const result = await api.gql(CREATE, { input: { kind: "OTHER", designation: "Promemoria 12", title: "En promemoria" } }, { token: staff });
    expect(result.errors).toBeUndefined();
    expect(result.data.createDocument).toMatchObject({ designation: "Promemoria 12", year: null });
  });

  it("creates a document with its canonical designation, and refuses a duplicate", async () => {
    const created = await api.gql(CREATE, { input }, { token: staff });
    expect(created.errors).toBeUndefined();
    expect(created.data.createDocument).toMatchObject({ designation: "SOU 2021:44", year: 2021, kind: "SOU" });
    const again = await api.gql(CREATE, { input: { ...input, designation: "SOU 2021:44" } }, { token: staff });
    expect(errorCode(again)).toBe("CONFLICT");
  });
});

const UPDATE = `mutation($input: UpdateDocumentInput!) { updateDocument(input: $input) { id designation year title version priorityAreas { id } } }`;

describe("updateDocument", () => {
  it("refuses anonymous callers", async () => {
    const document = await buildDocument(api.ds.manager);
    expect(errorCode(await api.gql(UPDATE, { input: { id: document.id, title: "Ny titel" } }))).toBe("UNAUTHENTICATED");
  });

  it("refuses members and board members, and changes nothing", async () => {
    const document = await buildDocument(api.ds.manager);
    const before = await storedRow(api.ds, "document", document.id);
    for (const token of [member, board]) {
      expect(errorCode(await api.gql(UPDATE, { input: { id: document.id, title: "Ny titel" } }, { token }))).toBe("FORBIDDEN");
    }
    expect(await storedRow(api.ds, "document", document.id)).toEqual(before);
  });

  it("rejects invalid input and changes nothing", async () => {
    const document = await buildDocument(api.ds.manager);
    const before = await storedRow(api.ds, "document", document.id);
    const counts = await rowCounts(api.ds);
    const cases: [Record<string, unknown>, string, string?][] = [
      [{ title: "  " }, "BAD_USER_INPUT"],
      [{ title: "x".repeat(501) }, "BAD_USER_INPUT"],
      [{ designation: "SOU 2020/21:8" }, "BAD_USER_INPUT", "INVALID_DESIGNATION"],
      [{ designation: "garbage" }, "BAD_USER_INPUT", "INVALID_DESIGNATION"],
      [{ designation: "Ds 2021:12" }, "BAD_USER_INPUT", "DESIGNATION_KIND_MISMATCH"],
      [{ sourceUrl: "ftp://example.se/x" }, "BAD_USER_INPUT"],
      [{ publishedAt: "2021-02-30" }, "BAD_USER_INPUT"],
      [{ inquiryId: UNKNOWN_ID }, "NOT_FOUND"],
      [{ priorityAreaIds: [UNKNOWN_ID] }, "NOT_FOUND"],
    ];
    for (const [change, code, reason] of cases) {
      const result = await api.gql(UPDATE, { input: { id: document.id, ...change } }, { token: staff });
      expect(errorCode(result), JSON.stringify(change)).toBe(code);
      if (reason) expect(result.errors![0].extensions!.reason).toBe(reason);
    }
    expect(await storedRow(api.ds, "document", document.id)).toEqual(before);
    expect(await rowCounts(api.ds)).toEqual(counts);
  });

  it("answers NOT_FOUND for an unknown id", async () => {
    expect(errorCode(await api.gql(UPDATE, { input: { id: UNKNOWN_ID, title: "Ny titel" } }, { token: staff }))).toBe("NOT_FOUND");
  });

  it("refuses a stale expectedVersion with CONFLICT and leaves the row unchanged", async () => {
    const document = await buildDocument(api.ds.manager);
    const first = await api.gql(UPDATE, { input: { id: document.id, expectedVersion: document.version, title: "Första ändringen" } }, { token: staff });
    expect(first.errors).toBeUndefined();
    expect(first.data.updateDocument.version).toBe(document.version + 1);
    const before = await storedRow(api.ds, "document", document.id);

    const stale = await api.gql(UPDATE, { input: { id: document.id, expectedVersion: document.version, title: "Andra ändringen" } }, { token: staff });
    expect(errorCode(stale)).toBe("CONFLICT");
    expect(stale.errors![0].extensions!.reason).toBe("STALE_VERSION");
    expect(await storedRow(api.ds, "document", document.id)).toEqual(before);
    expect(before.title).toBe("Första ändringen");
  });

  it("updates the designation to its canonical form and replaces the priority areas", async () => {
    const [a, b] = [await buildPriorityArea(api.ds.manager), await buildPriorityArea(api.ds.manager)];
    const document = await buildDocument(api.ds.manager, { kind: DocumentKind.SOU }, [a.id]);
    const result = await api.gql(
      UPDATE,
      { input: { id: document.id, expectedVersion: document.version, designation: "sou 2011 59", title: " Spara i goda tider ", priorityAreaIds: [b.id] } },
      { token: staff },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.updateDocument).toMatchObject({ designation: "SOU 2011:59", year: 2011, title: "Spara i goda tider", priorityAreas: [{ id: b.id }] });
    // One edit, one version, even though both columns and links changed.
    expect(result.data.updateDocument.version).toBe(document.version + 1);
  });

  it("counts a change of priority areas alone as a new version, so a concurrent edit is refused", async () => {
    const area = await buildPriorityArea(api.ds.manager);
    const document = await buildDocument(api.ds.manager);
    const linked = await api.gql(UPDATE, { input: { id: document.id, expectedVersion: document.version, priorityAreaIds: [area.id] } }, { token: staff });
    expect(linked.errors).toBeUndefined();
    expect(linked.data.updateDocument.version).toBeGreaterThan(document.version);

    const stale = await api.gql(UPDATE, { input: { id: document.id, expectedVersion: document.version, priorityAreaIds: [] } }, { token: staff });
    expect(errorCode(stale)).toBe("CONFLICT");
    const links = await api.ds.query(`SELECT priority_area_id FROM document_priority_area WHERE document_id = $1`, [document.id]);
    expect(links).toEqual([{ priority_area_id: area.id }]);
  });

  it("refuses to change an archived document", async () => {
    const document = await buildDocument(api.ds.manager, { archivedAt: new Date() });
    const result = await api.gql(UPDATE, { input: { id: document.id, title: "Ny titel" } }, { token: staff });
    expect(errorCode(result)).toBe("CONFLICT");
    expect(result.errors![0].extensions!.reason).toBe("ARCHIVED");
  });
});

const ARCHIVE = `mutation($id: ID!, $v: Int) { archiveDocument(id: $id, expectedVersion: $v) { id archivedAt } }`;

describe("archiveDocument", () => {
  it("walks the ladder: anonymous, unknown id, wrong role, stale version, success", async () => {
    const document = await buildDocument(api.ds.manager);
    expect(errorCode(await api.gql(ARCHIVE, { id: document.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(ARCHIVE, { id: "nope" }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(ARCHIVE, { id: UNKNOWN_ID }, { token: staff }))).toBe("NOT_FOUND");
    expect(errorCode(await api.gql(ARCHIVE, { id: document.id }, { token: member }))).toBe("FORBIDDEN");
    const stale = await api.gql(ARCHIVE, { id: document.id, v: document.version + 5 }, { token: staff });
    expect(errorCode(stale)).toBe("CONFLICT");
    expect((await storedRow(api.ds, "document", document.id)).archived_at).toBeNull();

    const archived = await api.gql(ARCHIVE, { id: document.id, v: document.version }, { token: staff });
    expect(archived.errors).toBeUndefined();
    expect(archived.data.archiveDocument.archivedAt).toEqual(expect.any(String));
  });

  it("hides archived documents from the list unless asked for", async () => {
    const inquiry = await buildInquiry(api.ds.manager);
    const kept = await buildDocument(api.ds.manager, { inquiryId: inquiry.id });
    const gone = await buildDocument(api.ds.manager, { inquiryId: inquiry.id });
    await api.gql(ARCHIVE, { id: gone.id }, { token: staff });
    const list = async (includeArchived: boolean) =>
      (await api.gql(`query($f: DocumentFilter) { documents(filter: $f) { nodes { id } } }`, { f: { inquiryId: inquiry.id, includeArchived } }))
        .data.documents.nodes.map((n: { id: string }) => n.id);
    expect(await list(false)).toEqual([kept.id]);
    expect((await list(true)).sort()).toEqual([kept.id, gone.id].sort());
  });
});

const LIST = `query($first: Int, $after: String, $filter: DocumentFilter) {
  documents(first: $first, after: $after, filter: $filter) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }
  }
}`;

describe("documents", () => {
  const ids = async (filter: Record<string, unknown>) => {
    const result = await api.gql(LIST, { filter, first: 100 });
    expect(result.errors).toBeUndefined();
    return result.data.documents.edges.map((e: { node: { id: string } }) => e.node.id).sort();
  };

  it("is readable anonymously, newest first", async () => {
    const inquiry = await buildInquiry(api.ds.manager);
    const old = await buildDocument(api.ds.manager, { inquiryId: inquiry.id, publishedAt: "2019-01-01" });
    const recent = await buildDocument(api.ds.manager, { inquiryId: inquiry.id, publishedAt: "2021-06-01" });
    const undated = await buildDocument(api.ds.manager, { inquiryId: inquiry.id, publishedAt: null });
    const result = await api.gql(LIST, { filter: { inquiryId: inquiry.id } });
    expect(result.errors).toBeUndefined();
    expect(result.data.documents.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([recent.id, old.id, undated.id]);
    expect(result.data.documents.totalCount).toBe(3);
  });

  it("filters by kind, year, department, priority area, inquiry and publication dates", async () => {
    const department = `Dep ${Math.random()}`;
    const area = await buildPriorityArea(api.ds.manager);
    const inquiry = await buildInquiry(api.ds.manager);
    const sou = await buildDocument(api.ds.manager, { kind: DocumentKind.SOU, year: 2020, department, publishedAt: "2020-02-01" }, [area.id]);
    const dir = await buildDocument(api.ds.manager, { kind: DocumentKind.DIRECTIVE, year: 2019, department, publishedAt: "2019-05-01", inquiryId: inquiry.id });
    const ds = await buildDocument(api.ds.manager, { kind: DocumentKind.DS, year: 2021, department, publishedAt: "2021-09-30" }, [area.id]);
    await buildDocument(api.ds.manager, { kind: DocumentKind.SOU, year: 2020, department: "Annat departement" }, [area.id]);

    expect(await ids({ department })).toEqual([sou.id, dir.id, ds.id].sort());
    expect(await ids({ department: department.toUpperCase() })).toEqual([sou.id, dir.id, ds.id].sort());
    expect(await ids({ department, kinds: ["SOU", "DS"] })).toEqual([sou.id, ds.id].sort());
    expect(await ids({ department, year: 2019 })).toEqual([dir.id]);
    expect(await ids({ department, priorityAreaId: area.id })).toEqual([sou.id, ds.id].sort());
    expect(await ids({ inquiryId: inquiry.id })).toEqual([dir.id]);
    expect(await ids({ department, publishedFrom: "2020-01-01" })).toEqual([sou.id, ds.id].sort());
    expect(await ids({ department, publishedFrom: "2019-05-01", publishedTo: "2020-02-01" })).toEqual([sou.id, dir.id].sort());
    expect(await ids({ department, publishedTo: "2019-04-30" })).toEqual([]);
  });

  it("pages with first/after without duplicates or gaps", async () => {
    const inquiry = await buildInquiry(api.ds.manager);
    const created: string[] = [];
    // Equal and missing dates make the id tie-breaker and NULLS LAST matter.
    for (const publishedAt of ["2020-01-01", "2020-01-01", "2020-01-01", "2021-01-01", null, null, "2019-01-01"]) {
      created.push((await buildDocument(api.ds.manager, { inquiryId: inquiry.id, publishedAt })).id);
    }
    const { ids: paged, pages, totalCount } = await walkPages(api, LIST, "documents", { first: 3, variables: { filter: { inquiryId: inquiry.id } } });
    expect(pages).toBe(3);
    expect(totalCount).toBe(7);
    expect(new Set(paged).size).toBe(7);
    expect([...paged].sort()).toEqual([...created].sort());
    const all = await api.gql(LIST, { first: 100, filter: { inquiryId: inquiry.id } });
    expect(paged).toEqual(all.data.documents.edges.map((e: { node: { id: string } }) => e.node.id));
  });

  it("rejects a page size over 100 or under 1, and a bogus cursor", async () => {
    for (const first of [101, 0, -1]) {
      const result = await api.gql(LIST, { first });
      expect(errorCode(result), String(first)).toBe("BAD_USER_INPUT");
    }
    expect((await api.gql(LIST, { first: 100 })).errors).toBeUndefined();
    const bogus = [
      "bogus",
      Buffer.from("[1]").toString("base64url"),
      Buffer.from('{"a":1}').toString("base64url"),
      Buffer.from('["not a date","not an id"]').toString("base64url"),
    ];
    for (const after of bogus) {
      const result = await api.gql(LIST, { first: 2, after });
      expect(errorCode(result), after).toBe("BAD_USER_INPUT");
    }
  });
});

describe("a document's remisser follow its title into search", () => {
  it("re-indexes the remisser of a renamed document in the same transaction", async () => {
    const document = await buildDocument(api.ds.manager, { title: "Gammal titel" });
    const remiss = await buildRemiss(api.ds.manager, { documentId: document.id });
    const before = await api.ds.query(`SELECT count(*)::int AS n FROM change_event WHERE entity = 'remiss' AND entity_id = $1`, [remiss.id]);
    const result = await api.gql(
      `mutation($id: ID!) { updateDocument(input: { id: $id, title: "Ny titel om strandskydd" }) { title } }`,
      { id: document.id },
      { token: staff },
    );
    expect(result.errors).toBeUndefined();
    const after = await api.ds.query(`SELECT count(*)::int AS n FROM change_event WHERE entity = 'remiss' AND entity_id = $1`, [remiss.id]);
    expect(after[0].n).toBe(before[0].n + 1);
    const [row] = await api.ds.query(`SELECT body FROM search_passage WHERE type = 'remiss' AND entity_id = $1 AND ordinal = 0`, [remiss.id]);
    expect(row.body).toContain("Ny titel om strandskydd");
  });
});
