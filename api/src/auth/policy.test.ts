import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  mayRead, MemberInput, memberInputVisibility, MemberInputStatus, Response, responseVisibility, ResponseStatus, Role, type Visibility,
} from "@remissbanken/schema";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { loadObjects, type ObjectRef, type Queryable } from "@remissbanken/indexer";
import { buildDocument, buildInquiry, buildMemberInput, buildMunicipality, buildRemiss, buildResponse } from "@remissbanken/test/factories";
import { can, canTakeStep, type Actor } from "./policy.js";
import { createDemoUsers, DEMO_USERS } from "./demo-users.js";
import { memberInputReadSql, responseReadSql, type SqlFilter } from "./visibility.js";

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
    ["reads the yearly goals and the priorities report", (a) => can(a, "priorityGoal", "read") && can(a, "priorityReport", "read"), ["admin", "staff", "board", "member", "otherMember"]],
    ["records the yearly goals and their status", (a) => can(a, "priorityGoal", "write"), ["admin", "staff"]],
    ["writes input for the own municipality", (a) => !!a && can(a, "memberInput", "create", { municipalityId: OWN }), ["member"]],
    ["reads the own municipality's draft", (a) => can(a, "memberInput", "read", { municipalityId: OWN, status: MemberInputStatus.DRAFT } as MemberInput), ["member"]],
    ["reads another municipality's submitted input", (a) => can(a, "memberInput", "read", { municipalityId: OTHER, status: MemberInputStatus.SUBMITTED } as MemberInput), ["admin", "staff", "board", "otherMember"]],
    ["manages staff accounts", (a) => can(a, "user", "manage", { role: Role.STAFF }), ["admin"]],
    ["invites members and board", (a) => can(a, "user", "manage", { role: Role.MEMBER }) && can(a, "user", "manage", { role: Role.BOARD }), ["admin", "staff"]],
    ["invites a member who has not been archived", (a) => can(a, "user", "invite", { id: "someone", role: Role.MEMBER, active: true, archivedAt: null }), ["admin", "staff"]],
    ["invites nobody archived", (a) => can(a, "user", "invite", { id: "someone", role: Role.MEMBER, active: false, archivedAt: new Date() }), []],
    ["never archives or invites themselves", (a) => !!a && (can(a, "user", "archive", a) || can(a, "user", "invite", { ...a, active: true, archivedAt: null })), []],
    ["renames themselves but changes nobody's access", (a) => !!a && can(a, "user", "update", { user: a, changesAccess: false, newRole: null }) && !can(a, "user", "update", { user: { id: "x", role: Role.STAFF }, changesAccess: false, newRole: null }), ["staff", "board", "member", "otherMember"]],
    ["makes a member staff", (a) => can(a, "user", "update", { user: { id: "x", role: Role.MEMBER }, changesAccess: true, newRole: Role.STAFF }), ["admin"]],
    ["reads another person's email address", (a) => can(a, "user", "readEmail", { id: "someone" }), ["admin", "staff", "board"]],
    ["approves a response awaiting decision", (a) => canTakeStep(a, "approve", { status: ResponseStatus.FOR_APPROVAL, archivedAt: null }), ["board"]],
    ["approves nothing else", (a) => [ResponseStatus.DRAFT, ResponseStatus.APPROVED, ResponseStatus.SUBMITTED].some((status) => canTakeStep(a, "approve", { status, archivedAt: null })), []],
    ["edits a decided response (voiding the decision)", (a) => canTakeStep(a, "edit", { status: ResponseStatus.APPROVED, archivedAt: null }), ["admin", "staff"]],
    ["edits nothing sent or archived", (a) => canTakeStep(a, "edit", { status: ResponseStatus.SUBMITTED, archivedAt: null }) || canTakeStep(a, "edit", { status: ResponseStatus.DRAFT, archivedAt: new Date() }), []],
    ["returns a response awaiting decision to the secretariat", (a) => canTakeStep(a, "returnToDraft", { status: ResponseStatus.FOR_APPROVAL, archivedAt: null }), ["admin", "staff", "board"]],
    ["reads the audit log", (a) => can(a, "auditLog", "read"), ["admin", "staff"]],
    ["reads the import runs", (a) => can(a, "sourceImport", "readRuns"), ["admin", "staff"]],
  ];
  for (const [what, rule, allowed] of table) {
    it(what, () => {
      const who = Object.entries(ACTORS).filter(([, a]) => rule(a)).map(([name]) => name);
      expect(who).toEqual(allowed);
    });
  }
});

/**
 * The read rules are defined once (schema/src/read-rules.ts) and applied in five places: the
 * policy for one row, the API's SQL for lists, the visibility the indexer writes on each
 * Meilisearch record, the fallback's filter on it, and the search_passage trigger, which is
 * SQL in a migration and cannot import the definition. These tests fail when any of them
 * lets a reader see something another one refuses.
 */
describe("every copy of the read rules agrees with the policy", () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.stop());

  it("for every kind of record in every state and every kind of reader: policy, lists, index records and the fallback's rows", async () => {
    const m = api.ds.manager;
    const own = await buildMunicipality(m);
    const other = await buildMunicipality(m);
    const readers: Record<string, Actor | null> = { ...ACTORS, member: actor(Role.MEMBER, own.id), otherMember: actor(Role.MEMBER, other.id) };

    interface Case {
      what: string;
      ref: ObjectRef;
      mayRead: (a: Actor | null) => boolean;
      /** The visibility the read rules give it; null for the catalog's kinds, whose rules have no status. */
      visibility: Visibility | null;
      /** The API's SQL for lists of this kind, where it has one. */
      list?: { entity: typeof Response | typeof MemberInput; sql: (a: Actor | null, alias: string) => SqlFilter };
    }
    const cases: Case[] = [];
    const document = await buildDocument(m);
    cases.push({ what: "document", ref: { type: "document", id: document.id }, mayRead: (a) => can(a, "publicRecord", "read"), visibility: null });
    const inquiry = await buildInquiry(m);
    cases.push({ what: "inquiry", ref: { type: "inquiry", id: inquiry.id }, mayRead: (a) => can(a, "publicRecord", "read"), visibility: null });
    const remiss = await buildRemiss(m, { notes: "Intern anteckning om strategin" });
    cases.push({ what: "remiss", ref: { type: "remiss", id: remiss.id }, mayRead: (a) => can(a, "catalog", "read"), visibility: null });
    for (const status of Object.values(ResponseStatus)) {
      const response = await buildResponse(m, { status });
      cases.push({
        what: `response ${status}`, ref: { type: "response", id: response.id }, mayRead: (a) => can(a, "response", "read", response),
        visibility: responseVisibility(status), list: { entity: Response, sql: responseReadSql },
      });
    }
    for (const municipality of [own, other]) {
      for (const status of Object.values(MemberInputStatus)) {
        const input = await buildMemberInput(m, { municipalityId: municipality.id, status });
        const whose = municipality === own ? "own" : "other";
        cases.push({
          what: `member input ${status} (${whose})`, ref: { type: "member_input", id: input.id }, mayRead: (a) => can(a, "memberInput", "read", input),
          visibility: memberInputVisibility(status), list: { entity: MemberInput, sql: memberInputReadSql },
        });
      }
    }

    const db: Queryable = { query: async (text, values) => ({ rows: await api.ds.query(text, values) }) as never };
    const objects = await loadObjects(db, cases.map((c) => c.ref));
    expect(JSON.stringify(objects)).not.toContain("Intern anteckning");
    for (const { what, ref, mayRead: policy, visibility, list } of cases) {
      // What Meilisearch holds (and filters by readableBy) …
      const records = objects.find((o) => o.type === ref.type && o.entityId === ref.id)!.records;
      expect(records.length, what).toBeGreaterThan(0);
      // … and what the trigger wrote for the PostgreSQL fallback: the same visibility.
      const rows: { visibility: Visibility; municipality_id: string | null }[] = await api.ds.query(
        `SELECT visibility, municipality_id FROM search_passage WHERE type = $1 AND entity_id = $2`, [ref.type, ref.id],
      );
      expect(rows.length, what).toBeGreaterThan(0);
      // … and the fallback's one row for the object, which it finds and counts by.
      const objectRows = await api.ds.query(`SELECT visibility, municipality_id FROM search_object WHERE type = $1 AND entity_id = $2`, [ref.type, ref.id]);
      expect(objectRows, `search_object of ${what}`).toHaveLength(1);
      rows.push(...objectRows);
      for (const row of rows) expect({ visibility: row.visibility, municipalityId: row.municipality_id }, `search_passage/search_object of ${what}`).toEqual({ visibility: records[0].visibility, municipalityId: records[0].municipalityId });
      if (visibility) for (const record of records) expect(record.visibility, what).toBe(visibility);

      for (const [name, reader] of Object.entries(readers)) {
        const allowed = policy(reader);
        for (const record of records) expect(mayRead(reader, record), `${name} searching ${what}`).toBe(allowed);
        for (const row of rows) expect(mayRead(reader, { visibility: row.visibility, municipalityId: row.municipality_id }), `${name} searching ${what} in PostgreSQL`).toBe(allowed);
        if (list) {
          const filter = list.sql(reader, "x");
          const listed = await m.getRepository(list.entity).createQueryBuilder("x").where(filter.sql, filter.params).andWhereInIds([ref.id]).getCount();
          expect(listed === 1, `${name} listing ${what}`).toBe(allowed);
        }
      }
    }
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
