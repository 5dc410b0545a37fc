import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { rowCounts, UNKNOWN_ID } from "@remissbanken/test/db";
import { buildUserWithToken } from "@remissbanken/test/factories";

let api: TestApi;
let staff: string;
let admin: string;
let board: string;
let member: string;

beforeAll(async () => {
  api = await startTestApi();
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
  admin = (await buildUserWithToken(api.ds.manager, { role: Role.ADMIN })).token;
  board = (await buildUserWithToken(api.ds.manager, { role: Role.BOARD })).token;
  member = (await buildUserWithToken(api.ds.manager, { role: Role.MEMBER })).token;
});
afterAll(() => api?.stop());

const FIELDS = "id code phrases version";
const LIST = `{ thesaurus { ${FIELDS} } }`;
const ADD = `mutation($input: AddSynonymGroupInput!) { addSynonymGroup(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateSynonymGroupInput!) { updateSynonymGroup(input: $input) { ${FIELDS} } }`;
const REMOVE = `mutation($id: ID!) { removeSynonymGroup(id: $id) }`;
const reason = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) => result.errors?.[0]?.extensions?.reason;

describe("thesaurus", () => {
  it("ships with the defaults of Swedish public administration, for staff only", async () => {
    expect(errorCode(await api.gql(LIST))).toBe("UNAUTHENTICATED");
    for (const token of [member, board]) expect(errorCode(await api.gql(LIST, {}, { token }))).toBe("FORBIDDEN");
    const { data } = await api.gql(LIST, {}, { token: staff });
    const groups = data.thesaurus as Array<{ code: string; phrases: string[] }>;
    expect(groups.length).toBeGreaterThanOrEqual(30);
    expect(groups).toEqual(expect.arrayContaining([
      expect.objectContaining({ code: "scb", phrases: ["SCB", "Statistiska centralbyrån"] }),
      expect.objectContaining({ code: "lss", phrases: ["LSS", "lagen om stöd och service till vissa funktionshindrade"] }),
      expect.objectContaining({ code: "fritidshus", phrases: expect.arrayContaining(["fritidshus", "sommarstuga"]) }),
    ]));
    expect((await api.gql(LIST, {}, { token: admin })).data.thesaurus).toHaveLength(groups.length);
  });
});

describe("addSynonymGroup", () => {
  it("walks the ladder: anonymous, wrong role, invalid input; writes nothing", async () => {
    const input = { phrases: ["LOV", "lagen om valfrihetssystem"] };
    const before = await rowCounts(api.ds);
    expect(errorCode(await api.gql(ADD, { input }))).toBe("UNAUTHENTICATED");
    for (const token of [member, board]) expect(errorCode(await api.gql(ADD, { input }, { token }))).toBe("FORBIDDEN");
    const invalid: Array<[string[], string]> = [
      [["LOV"], "at least 2"],
      [Array.from({ length: 11 }, (_, i) => `ord${i}`), "at most 10"],
      [["LOV", "x".repeat(81)], "at most 80"],
      [["LOV", " "], "must not be empty"],
      [["LOV", "rad\nbrytning"], "control characters"],
      [["LOV", "—"], "must contain a word"],
    ];
    for (const [phrases, message] of invalid) {
      const result = await api.gql(ADD, { input: { phrases } }, { token: staff });
      expect(errorCode(result), JSON.stringify(phrases).slice(0, 40)).toBe("BAD_USER_INPUT");
      expect(result.errors![0].message).toContain(message);
    }
    // The same phrase twice, as search compares them: inflected, in other case.
    const twice = await api.gql(ADD, { input: { phrases: ["Äldreboende", "äldreboendet"] } }, { token: staff });
    expect(errorCode(twice)).toBe("BAD_USER_INPUT");
    expect(reason(twice)).toBe("DUPLICATE");
    expect(twice.errors![0].message).toContain('phrases.1: says the same as "Äldreboende"');
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("adds a group with a stable code from its first phrase, and refuses a phrase another group has", async () => {
    const result = await api.gql(ADD, { input: { phrases: ["Lagen om valfrihetssystem", "LOV"] } }, { token: staff });
    expect(result.errors).toBeUndefined();
    expect(result.data.addSynonymGroup).toMatchObject({ code: "lagen-om-valfrihetssystem", phrases: ["Lagen om valfrihetssystem", "LOV"], version: 1 });
    const again = await api.gql(ADD, { input: { phrases: ["lagen om valfrihetssystem", "valfrihetslagen"] } }, { token: staff });
    expect(errorCode(again)).toBe("CONFLICT");
    expect(reason(again)).toBe("DUPLICATE");
    const taken = await api.gql(ADD, { input: { phrases: ["SCB", "centralbyrån"] } }, { token: admin });
    expect(errorCode(taken)).toBe("CONFLICT");
    expect(taken.errors![0].message).toContain("(scb)");
    // Which phrase clashes with which group, for the web app to say so.
    expect(taken.errors![0].extensions!.fields).toEqual([{ field: "phrases.0", message: 'is already in the group "SCB, Statistiska centralbyrån"' }]);
  });
});

describe("updateSynonymGroup and removeSynonymGroup", () => {
  it("replaces the phrases, keeps the code, detects a concurrent edit, and removes", async () => {
    const added = (await api.gql(ADD, { input: { phrases: ["skolskjuts", "elevresor"] } }, { token: staff })).data.addSynonymGroup;
    const input = { id: added.id, expectedVersion: added.version, phrases: ["skolskjuts", "elevresor", "skolresor"] };
    expect(errorCode(await api.gql(UPDATE, { input }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(UPDATE, { input }, { token: board }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(UPDATE, { input: { ...input, phrases: ["skolskjuts"] } }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(UPDATE, { input: { ...input, id: UNKNOWN_ID } }, { token: staff }))).toBe("NOT_FOUND");
    const updated = await api.gql(UPDATE, { input }, { token: staff });
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateSynonymGroup).toMatchObject({ code: added.code, phrases: input.phrases, version: added.version + 1 });
    const stale = await api.gql(UPDATE, { input }, { token: staff });
    expect(errorCode(stale)).toBe("CONFLICT");
    expect(reason(stale)).toBe("STALE_VERSION");

    expect(errorCode(await api.gql(REMOVE, { id: added.id }, { token: member }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(REMOVE, { id: "nej" }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect((await api.gql(REMOVE, { id: added.id }, { token: staff })).data.removeSynonymGroup).toBe(added.id);
    expect(errorCode(await api.gql(REMOVE, { id: added.id }, { token: staff }))).toBe("NOT_FOUND");
    const codes = ((await api.gql(LIST, {}, { token: staff })).data.thesaurus as Array<{ code: string }>).map((g) => g.code);
    expect(codes).not.toContain(added.code);
  });
});
