/**
 * The board's archive of past positions: decided responses filtered by stance, and search
 * restricted to them, for staff (who may read drafts) and members (who may not).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ResponseKind, ResponseStance, ResponseStatus, Role } from "@remissbanken/schema";
import { errorCode, startTestApi, type TestApi } from "@remissbanken/test/harness";
import { buildMunicipality, buildResponse, buildUserWithToken } from "@remissbanken/test/factories";

let api: TestApi;
let staff: string;
let member: string;
const ids: Record<"opposed" | "supported" | "draftOpposed" | "position", string> = {} as never;

const ARCHIVE = `query($filter: ResponseFilter) { responses(filter: $filter, first: 50) { nodes { id } } }`;
const SEARCH = `query($q: String!, $filter: SearchFilter) { search(query: $q, filter: $filter) { hits { id } } }`;
const DECIDED = ["APPROVED", "SUBMITTED"];

beforeAll(async () => {
  api = await startTestApi();
  const m = api.ds.manager;
  staff = (await buildUserWithToken(m, { role: Role.STAFF })).token;
  member = (await buildUserWithToken(m, { role: Role.MEMBER, municipalityId: (await buildMunicipality(m)).id })).token;
  const opposes = [
    { number: "8", heading: "Kommunstabiliseringsfond", stance: ResponseStance.OPPOSES, body: "SmåKom avstyrker fonden för skatteväxling." },
    { number: "9", heading: "Ikraftträdande", stance: ResponseStance.NO_COMMENT, body: "" },
  ];
  ids.opposed = (await buildResponse(m, { status: ResponseStatus.SUBMITTED, submittedAt: new Date("2012-01-12T12:00:00Z"), sections: opposes })).id;
  ids.supported = (await buildResponse(m, {
    status: ResponseStatus.APPROVED,
    sections: [{ heading: "Förslaget", stance: ResponseStance.SUPPORTS, body: "SmåKom tillstyrker skatteväxling." }],
  })).id;
  ids.draftOpposed = (await buildResponse(m, { status: ResponseStatus.DRAFT, sections: opposes })).id;
  ids.position = (await buildResponse(m, {
    kind: ResponseKind.POSITION,
    status: ResponseStatus.APPROVED,
    approvedAt: new Date("2021-03-01T12:00:00Z"),
    sections: [{ heading: "Ställningstagande", stance: ResponseStance.OPPOSES, body: "SmåKom avstyrker tvingande skatteväxling." }],
  })).id;
});
afterAll(() => api?.stop());

async function archive(token: string, filter: object) {
  const result = await api.gql(ARCHIVE, { filter }, { token });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.responses.nodes.map((n: { id: string }) => n.id);
}

describe("ResponseFilter.stance", () => {
  it("finds the responses and positions with a section taking the stance", async () => {
    const opposing = await archive(staff, { stance: "OPPOSES" });
    expect(opposing).toEqual(expect.arrayContaining([ids.opposed, ids.draftOpposed, ids.position]));
    expect(opposing).not.toContain(ids.supported);
    expect(await archive(staff, { stance: "SUPPORTS" })).toEqual([ids.supported]);
  });

  it("combines with statuses and kind as the archive asks", async () => {
    const decided = await archive(staff, { stance: "OPPOSES", statuses: DECIDED });
    expect(decided.sort()).toEqual([ids.opposed, ids.position].sort());
    expect(await archive(staff, { stance: "OPPOSES", statuses: DECIDED, kind: "POSITION" })).toEqual([ids.position]);
    expect(await archive(staff, { stance: "OPPOSES", statuses: DECIDED, year: 2012 })).toEqual([ids.opposed]);
    // A decided position counts in the year of its decision, as search counts it.
    expect(await archive(staff, { stance: "OPPOSES", statuses: DECIDED, year: 2021 })).toEqual([ids.position]);
  });

  it("shows a member only decided responses, whatever the filter", async () => {
    expect((await archive(member, { stance: "OPPOSES" })).sort()).toEqual([ids.opposed, ids.position].sort());
  });

  it("refuses a stance that does not exist", async () => {
    const result = await api.gql(ARCHIVE, { filter: { stance: "MAYBE" } }, { token: staff });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
  });
});

describe("search restricted to the archive", () => {
  it("finds only decided responses and positions when filtered by type and status", async () => {
    const search = async (token: string, filter: object | null) => {
      const result = await api.gql(SEARCH, { q: "skatteväxling", filter }, { token });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data.search.hits.map((h: { id: string }) => h.id).sort();
    };
    const decided = [ids.opposed, ids.supported, ids.position].sort();
    expect(await search(staff, null)).toEqual([...decided, ids.draftOpposed].sort());
    expect(await search(staff, { types: ["RESPONSE"], statuses: ["approved", "submitted"] })).toEqual(decided);
    expect(await search(member, { types: ["RESPONSE"], statuses: ["approved", "submitted"] })).toEqual(decided);
  });
});
