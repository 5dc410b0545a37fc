import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { rowCounts, storedRow, UNKNOWN_ID } from "@remissbanken/test/db";
import { walkPages } from "@remissbanken/test/paging";
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

const FIELDS = "id name year description version archivedAt goals { text status position }";
const CREATE = `mutation($input: PriorityAreaInput!) { createPriorityArea(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: PriorityAreaInput!) { updatePriorityArea(input: $input) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archivePriorityArea(id: $id) { ${FIELDS} } }`;
const GET = `query($id: ID!) { priorityArea(id: $id) { ${FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $year: Int) {
  priorityAreas(first: $first, after: $after, year: $year) {
    totalCount edges { cursor node { id name year } } pageInfo { hasNextPage endCursor }
  }
}`;

describe("createPriorityArea", () => {
  const input = {
    name: "Bostadsförsörjning",
    year: 2021,
    goals: [{ text: "Bevaka statliga utredningar som påverkar byggande" }, { text: "Strandskyddet", status: "ACHIEVED" }],
  };

  it("walks the ladder: anonymous, wrong role, invalid input; writes nothing", async () => {
    const before = await rowCounts(api.ds);
    expect(errorCode(await api.gql(CREATE, { input }))).toBe("UNAUTHENTICATED");
    for (const token of [member, board]) expect(errorCode(await api.gql(CREATE, { input }, { token }))).toBe("FORBIDDEN");
    for (const change of [{ name: "" }, { name: "x".repeat(201) }, { year: 1899 }, { year: null }, { goals: [{ text: " " }] }, { goals: [{ text: "x".repeat(1001) }] }]) {
      expect(errorCode(await api.gql(CREATE, { input: { ...input, ...change } }, { token: staff })), JSON.stringify(change).slice(0, 60)).toBe("BAD_USER_INPUT");
    }
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("creates an area with its goals in order, and refuses the same name twice in a year", async () => {
    const result = await api.gql(CREATE, { input }, { token: staff });
    expect(result.errors).toBeUndefined();
    expect(result.data.createPriorityArea).toMatchObject({
      name: "Bostadsförsörjning", year: 2021,
      goals: [
        { text: "Bevaka statliga utredningar som påverkar byggande", status: "NOT_STARTED", position: 0 },
        { text: "Strandskyddet", status: "ACHIEVED", position: 1 },
      ],
    });
    const before = await rowCounts(api.ds);
    const again = await api.gql(CREATE, { input }, { token: staff });
    expect(errorCode(again)).toBe("CONFLICT");
    expect(await rowCounts(api.ds)).toEqual(before);
    const nextYear = await api.gql(CREATE, { input: { ...input, year: 2022 } }, { token: staff });
    expect(nextYear.errors).toBeUndefined();
  });
});

describe("updatePriorityArea", () => {
  it("walks the ladder: anonymous, invalid input, wrong role, unknown id", async () => {
    const area = await buildPriorityArea(api.ds.manager);
    const before = await storedRow(api.ds, "priority_area", area.id);
    expect(errorCode(await api.gql(UPDATE, { input: { id: area.id, name: "Ny" } }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(UPDATE, { input: { name: "Utan id" } }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(UPDATE, { input: { id: area.id, year: 2101 } }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(UPDATE, { input: { id: area.id, name: "Ny" } }, { token: board }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(UPDATE, { input: { id: UNKNOWN_ID, name: "Ny" } }, { token: staff }))).toBe("NOT_FOUND");
    expect(await storedRow(api.ds, "priority_area", area.id)).toEqual(before);
  });

  it("replaces the goals, and counts that alone as a new version", async () => {
    const area = await buildPriorityArea(api.ds.manager, {}, ["Gammalt mål"]);
    const result = await api.gql(UPDATE, { input: { id: area.id, expectedVersion: area.version, goals: [{ text: "Nytt mål", status: "IN_PROGRESS" }] } }, { token: staff });
    expect(result.errors).toBeUndefined();
    expect(result.data.updatePriorityArea).toMatchObject({ version: area.version + 1, goals: [{ text: "Nytt mål", status: "IN_PROGRESS", position: 0 }] });
    const stale = await api.gql(UPDATE, { input: { id: area.id, expectedVersion: area.version, goals: [] } }, { token: staff });
    expect(errorCode(stale)).toBe("CONFLICT");
    expect((await api.gql(GET, { id: area.id }, { token: member })).data.priorityArea.goals).toHaveLength(1);
  });

  it("refuses a stale expectedVersion with CONFLICT and leaves the row unchanged", async () => {
    const area = await buildPriorityArea(api.ds.manager);
    const first = await api.gql(UPDATE, { input: { id: area.id, expectedVersion: area.version, description: "Ny beskrivning" } }, { token: staff });
    expect(first.errors).toBeUndefined();
    const before = await storedRow(api.ds, "priority_area", area.id);
    const stale = await api.gql(UPDATE, { input: { id: area.id, expectedVersion: area.version, description: "Krock" } }, { token: staff });
    expect(errorCode(stale)).toBe("CONFLICT");
    expect(stale.errors![0].extensions!.reason).toBe("STALE_VERSION");
    expect(await storedRow(api.ds, "priority_area", area.id)).toEqual(before);
  });

  it("refuses to change an archived area", async () => {
    const area = await buildPriorityArea(api.ds.manager, { archivedAt: new Date() });
    const result = await api.gql(UPDATE, { input: { id: area.id, name: "Ny" } }, { token: staff });
    expect(result.errors![0].extensions).toMatchObject({ code: "CONFLICT", reason: "ARCHIVED" });
  });
});

describe("archivePriorityArea", () => {
  it("walks the ladder and archives", async () => {
    const area = await buildPriorityArea(api.ds.manager, { year: 1990 });
    expect(errorCode(await api.gql(ARCHIVE, { id: area.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(ARCHIVE, { id: area.id }, { token: member }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(ARCHIVE, { id: UNKNOWN_ID }, { token: staff }))).toBe("NOT_FOUND");
    const result = await api.gql(ARCHIVE, { id: area.id }, { token: staff });
    expect(result.data.archivePriorityArea.archivedAt).toEqual(expect.any(String));
    expect((await api.gql(LIST, { year: 1990 }, { token: member })).data.priorityAreas.totalCount).toBe(0);
  });
});

describe("priorityArea and priorityAreas", () => {
  it("need sign-in", async () => {
    const area = await buildPriorityArea(api.ds.manager);
    expect(errorCode(await api.gql(GET, { id: area.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(LIST, {}))).toBe("UNAUTHENTICATED");
  });

  it("find one by id with its goals, or null", async () => {
    const area = await buildPriorityArea(api.ds.manager, {}, ["Första", "Andra"]);
    const result = await api.gql(GET, { id: area.id }, { token: member });
    expect(result.data.priorityArea.goals.map((g: { text: string }) => g.text)).toEqual(["Första", "Andra"]);
    expect((await api.gql(GET, { id: UNKNOWN_ID }, { token: member })).data.priorityArea).toBeNull();
  });

  it("filter by year, by name, and page without duplicates or gaps", async () => {
    const created = [];
    for (const name of ["Infrastruktur", "Agenda 2030", "Bredband", "Arbetsmarknaden", "Finansiering"]) {
      created.push(await buildPriorityArea(api.ds.manager, { name, year: 1995 }));
    }
    const result = await api.gql(LIST, { year: 1995 }, { token: member });
    expect(result.data.priorityAreas.edges.map((e: { node: { name: string } }) => e.node.name)).toEqual([
      "Agenda 2030", "Arbetsmarknaden", "Bredband", "Finansiering", "Infrastruktur",
    ]);
    const { ids, pages, totalCount } = await walkPages(api, LIST, "priorityAreas", { first: 2, variables: { year: 1995 }, token: member });
    expect({ pages, totalCount }).toEqual({ pages: 3, totalCount: 5 });
    expect([...ids].sort()).toEqual(created.map((a) => a.id).sort());
    expect(errorCode(await api.gql(LIST, { first: 101 }, { token: member }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(LIST, { first: 1, after: "bogus" }, { token: member }))).toBe("BAD_USER_INPUT");
  });
});
