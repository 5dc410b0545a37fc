import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Document, DocumentKind, Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { buildDocument, buildUserWithToken } from "../seed/factories.js";

let api: TestApi;
let staff: string;
let member: string;

beforeAll(async () => {
  api = await startTestApi();
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
  member = (await buildUserWithToken(api.ds.manager, { role: Role.MEMBER })).token;
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

  it("rejects an empty or oversized title", async () => {
    for (const title of ["   ", "x".repeat(501)]) {
      const result = await api.gql(CREATE, { input: { ...input, title } }, { token: staff });
      expect(errorCode(result)).toBe("BAD_USER_INPUT");
    }
  });

  it("rejects an unknown inquiry id", async () => {
    const result = await api.gql(CREATE, { input: { ...input, inquiryId: "00000000-0000-4000-8000-000000000000" } }, { token: staff });
    expect(errorCode(result)).toBe("NOT_FOUND");
  });

  it("creates a document with its canonical designation, and refuses a duplicate", async () => {
    const created = await api.gql(CREATE, { input }, { token: staff });
    expect(created.errors).toBeUndefined();
    expect(created.data.createDocument).toMatchObject({ designation: "SOU 2021:44", year: 2021, kind: "SOU" });
    const again = await api.gql(CREATE, { input: { ...input, designation: "SOU 2021:44" } }, { token: staff });
    expect(errorCode(again)).toBe("CONFLICT");
  });
});
