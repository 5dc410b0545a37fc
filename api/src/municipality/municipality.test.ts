import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { rowCounts, storedRow, UNKNOWN_ID } from "@remissbanken/test/db";
import { walkPages } from "@remissbanken/test/paging";
import { buildMunicipality, buildUserWithToken } from "@remissbanken/test/factories";

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

const FIELDS = "id name county memberSince active version archivedAt";
const CREATE = `mutation($input: MunicipalityInput!) { createMunicipality(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: MunicipalityInput!) { updateMunicipality(input: $input) { ${FIELDS} } }`;
const ARCHIVE = `mutation($id: ID!) { archiveMunicipality(id: $id) { ${FIELDS} } }`;
const GET = `query($id: ID!) { municipality(id: $id) { id name } }`;
const LIST = `query($first: Int, $after: String, $county: String, $active: Boolean) {
  municipalities(first: $first, after: $after, county: $county, active: $active) {
    totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor }
  }
}`;

describe("createMunicipality", () => {
  const input = { name: "Forshaga", county: "Värmlands län", memberSince: "1989-05-01" };

  it("walks the ladder: anonymous, wrong role, invalid input; writes nothing", async () => {
    const before = await rowCounts(api.ds);
    expect(errorCode(await api.gql(CREATE, { input }))).toBe("UNAUTHENTICATED");
    for (const token of [member, board]) expect(errorCode(await api.gql(CREATE, { input }, { token }))).toBe("FORBIDDEN");
    for (const change of [{ name: " " }, { name: "x".repeat(201) }, { name: null }, { county: "Värmland" }, { county: "" }, { memberSince: "1989-02-30" }]) {
      expect(errorCode(await api.gql(CREATE, { input: { ...input, ...change } }, { token: staff })), JSON.stringify(change)).toBe("BAD_USER_INPUT");
    }
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("creates a municipality and refuses a second with the same name", async () => {
    const result = await api.gql(CREATE, { input: { ...input, name: " Tidaholm ", county: " Västra Götalands län " } }, { token: staff });
    expect(result.errors).toBeUndefined();
    expect(result.data.createMunicipality).toMatchObject({ name: "Tidaholm", county: "Västra Götalands län", memberSince: "1989-05-01", active: true });
    const before = await rowCounts(api.ds);
    const again = await api.gql(CREATE, { input: { ...input, name: "Tidaholm" } }, { token: staff });
    expect(errorCode(again)).toBe("CONFLICT");
    expect(await rowCounts(api.ds)).toEqual(before);
  });
});

describe("updateMunicipality", () => {
  it("walks the ladder: anonymous, invalid input, wrong role, unknown id", async () => {
    const municipality = await buildMunicipality(api.ds.manager);
    const before = await storedRow(api.ds, "municipality", municipality.id);
    expect(errorCode(await api.gql(UPDATE, { input: { id: municipality.id, name: "Ny" } }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(UPDATE, { input: { name: "Utan id" } }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(UPDATE, { input: { id: municipality.id, county: "Småland" } }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(UPDATE, { input: { id: municipality.id, name: "Ny" } }, { token: member }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(UPDATE, { input: { id: UNKNOWN_ID, name: "Ny" } }, { token: staff }))).toBe("NOT_FOUND");
    expect(await storedRow(api.ds, "municipality", municipality.id)).toEqual(before);
  });

  it("updates, and refuses a stale expectedVersion with CONFLICT leaving the row unchanged", async () => {
    const municipality = await buildMunicipality(api.ds.manager);
    const first = await api.gql(UPDATE, { input: { id: municipality.id, expectedVersion: municipality.version, name: `Mullsjö ${municipality.id}`, active: false } }, { token: staff });
    expect(first.errors).toBeUndefined();
    expect(first.data.updateMunicipality).toMatchObject({ active: false, version: municipality.version + 1 });
    const before = await storedRow(api.ds, "municipality", municipality.id);
    const stale = await api.gql(UPDATE, { input: { id: municipality.id, expectedVersion: municipality.version, name: "Krock" } }, { token: staff });
    expect(errorCode(stale)).toBe("CONFLICT");
    expect(stale.errors![0].extensions!.reason).toBe("STALE_VERSION");
    expect(await storedRow(api.ds, "municipality", municipality.id)).toEqual(before);
  });
});

describe("archiveMunicipality", () => {
  it("walks the ladder, archives and hides it from the list", async () => {
    const county = `Testlän ${Math.random()} län`;
    const municipality = await buildMunicipality(api.ds.manager, { county });
    expect(errorCode(await api.gql(ARCHIVE, { id: municipality.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(ARCHIVE, { id: municipality.id }, { token: board }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(ARCHIVE, { id: UNKNOWN_ID }, { token: staff }))).toBe("NOT_FOUND");
    const result = await api.gql(ARCHIVE, { id: municipality.id }, { token: staff });
    expect(result.data.archiveMunicipality).toMatchObject({ active: false, archivedAt: expect.any(String) });
    const listed = await api.gql(LIST, { county }, { token: staff });
    expect(listed.data.municipalities.totalCount).toBe(0);
  });
});

describe("municipality and municipalities", () => {
  it("need sign-in", async () => {
    const municipality = await buildMunicipality(api.ds.manager);
    expect(errorCode(await api.gql(GET, { id: municipality.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(LIST, {}))).toBe("UNAUTHENTICATED");
  });

  it("find one by id, or null", async () => {
    const municipality = await buildMunicipality(api.ds.manager);
    expect((await api.gql(GET, { id: municipality.id }, { token: member })).data.municipality).toEqual({ id: municipality.id, name: municipality.name });
    expect((await api.gql(GET, { id: UNKNOWN_ID }, { token: member })).data.municipality).toBeNull();
  });

  it("filter by county and activity, by name, and page without duplicates or gaps", async () => {
    const county = `Test ${Math.random()} län`;
    const names = ["Hjo", "Habo", "Karlsborg", "Tibro", "Krokom"];
    const created = [];
    for (const name of names) created.push(await buildMunicipality(api.ds.manager, { name: `${name} ${county}`, county, active: name !== "Tibro" }));
    const list = async (variables: Record<string, unknown>) =>
      (await api.gql(LIST, { first: 100, ...variables }, { token: member })).data.municipalities.edges.map((e: { node: { name: string } }) => e.node.name.split(" ")[0]);
    expect(await list({ county })).toEqual(["Habo", "Hjo", "Karlsborg", "Krokom", "Tibro"]);
    expect(await list({ county: county.toUpperCase(), active: false })).toEqual(["Tibro"]);
    const { ids, pages, totalCount } = await walkPages(api, LIST, "municipalities", { first: 2, variables: { county }, token: member });
    expect({ pages, totalCount }).toEqual({ pages: 3, totalCount: 5 });
    expect([...ids].sort()).toEqual(created.map((m) => m.id).sort());
    expect(errorCode(await api.gql(LIST, { first: 101 }, { token: member }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(LIST, { first: 1, after: "bogus" }, { token: member }))).toBe("BAD_USER_INPUT");
  });
});
