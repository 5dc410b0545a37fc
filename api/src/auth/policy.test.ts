import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemberInputStatus, ResponseStatus, Role, type MemberInput, type Response } from "@remissbanken/schema";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { buildMunicipality } from "../seed/factories.js";
import { can, type Actor } from "./policy.js";
import { isVisible, searchVisibility } from "./visibility.js";
import { createDemoUsers, DEMO_USERS } from "./demo-users.js";

const OWN = "11111111-1111-4111-8111-111111111111";
const OTHER = "22222222-2222-4222-8222-222222222222";
const actor = (role: Role, municipalityId: string | null = null): Actor => ({ id: role, name: role, role, municipalityId });
const ACTORS: Record<string, Actor | null> = {
  anonymous: null,
  admin: actor(Role.ADMIN),
  staff: actor(Role.STAFF),
  board: actor(Role.BOARD),
  member: actor(Role.MEMBER, OWN),
  otherMember: actor(Role.MEMBER, OTHER),
};

describe("the policy, as the issue states it", () => {
  const table: [string, (a: Actor | null) => boolean, string[]][] = [
    ["reads published responses", (a) => can(a, "response", "read", { status: ResponseStatus.APPROVED } as Response), ["admin", "staff", "board", "member", "otherMember"]],
    ["reads drafts", (a) => can(a, "response", "read", { status: ResponseStatus.DRAFT } as Response), ["admin", "staff", "board"]],
    ["reads versions", (a) => can(a, "response", "readVersions"), ["admin", "staff", "board"]],
    ["approves", (a) => can(a, "response", "approve"), ["board"]],
    ["edits catalog and responses", (a) => can(a, "catalog", "write") && can(a, "response", "create"), ["admin", "staff"]],
    ["reads documents and inquiries", (a) => can(a, "publicRecord", "read"), ["anonymous", "admin", "staff", "board", "member", "otherMember"]],
    ["reads remisser", (a) => can(a, "catalog", "read"), ["admin", "staff", "board", "member", "otherMember"]],
    ["writes input for the own municipality", (a) => !!a && can(a, "memberInput", "create", { municipalityId: OWN }), ["member"]],
    ["reads the own municipality's draft", (a) => can(a, "memberInput", "read", { municipalityId: OWN, status: MemberInputStatus.DRAFT } as MemberInput), ["member"]],
    ["reads another municipality's submitted input", (a) => can(a, "memberInput", "read", { municipalityId: OTHER, status: MemberInputStatus.SUBMITTED } as MemberInput), ["admin", "staff", "board", "otherMember"]],
    ["manages staff accounts", (a) => can(a, "user", "manage", { role: Role.STAFF }), ["admin"]],
    ["invites members and board", (a) => can(a, "user", "manage", { role: Role.MEMBER }) && can(a, "user", "manage", { role: Role.BOARD }), ["admin", "staff"]],
    ["reads the audit log", (a) => can(a, "auditLog", "read"), ["admin", "staff"]],
  ];
  for (const [what, rule, allowed] of table) {
    it(what, () => {
      const who = Object.entries(ACTORS).filter(([, a]) => rule(a)).map(([name]) => name);
      expect(who).toEqual(allowed);
    });
  }
});

describe("search visibility as data", () => {
  const responses = Object.values(ResponseStatus).map((status) => ({ status }) as Response);
  const inputs = [OWN, OTHER].flatMap((municipalityId) => Object.values(MemberInputStatus).map((status) => ({ municipalityId, status }) as MemberInput));

  it("shows exactly the responses and member input that the read rules allow", () => {
    for (const [name, a] of Object.entries(ACTORS)) {
      const visibility = searchVisibility(a);
      for (const r of responses) expect(isVisible(visibility.response, r as never), `${name} ${r.status}`).toBe(!!a && can(a, "response", "read", r));
      for (const m of inputs) expect(isVisible(visibility.memberInput, m as never), `${name} ${m.municipalityId} ${m.status}`).toBe(!!a && can(a, "memberInput", "read", m));
    }
  });

  it("shows public records to everyone, the rest only when signed in, and remiss notes only to staff and board", () => {
    expect(searchVisibility(null)).toMatchObject({ document: { kind: "all" }, inquiry: { kind: "all" }, remiss: { kind: "none" }, priorityArea: { kind: "none" } });
    expect(searchVisibility(ACTORS.member).remiss).toEqual({ kind: "all", hiddenAttributes: ["notes"] });
    expect(searchVisibility(ACTORS.board).remiss).toEqual({ kind: "all", hiddenAttributes: [] });
  });
});

describe("demo users", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.stop());

  it("creates one user per role with the documented passwords, once", async () => {
    const municipality = await buildMunicipality(api.ds.manager);
    await createDemoUsers(api.ds.manager, municipality.id);
    const again = await createDemoUsers(api.ds.manager, municipality.id);
    expect(again.map((u) => u.role).sort()).toEqual([Role.ADMIN, Role.BOARD, Role.MEMBER, Role.STAFF]);
    for (const demo of DEMO_USERS) {
      const result = await api.gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { role municipality { id } } }`, { e: demo.email, p: demo.password });
      expect(result.data?.signIn.role, demo.email).toBe(demo.role.toUpperCase());
      expect(result.data.signIn.municipality?.id ?? null).toBe(demo.role === Role.MEMBER ? municipality.id : null);
    }
  });

  it("refuses to run in production", async () => {
    const previous = process.env.NODE_ENV;
    process.env.NODE_ENV = "production";
    try {
      await expect(createDemoUsers(api.ds.manager, "x")).rejects.toThrow(/never created in production/);
    } finally {
      process.env.NODE_ENV = previous;
    }
  });
});
