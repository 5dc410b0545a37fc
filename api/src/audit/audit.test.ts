import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql, GraphQLObjectType, GraphQLSchema, GraphQLString } from "graphql";
import pino from "pino";
import { AuditLog, Inquiry, MemberInputStatus, Remiss, RemissStatus, ResponseStatus, Role, User } from "@remissbanken/schema";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { buildDocument, buildMunicipality, buildPriorityArea, buildRemiss, buildResponse, buildUserWithToken } from "@remissbanken/test/factories";
import { hashPassword } from "../auth/passwords.js";
import { inTransaction } from "../common/transaction.js";
import { createContext } from "../context.js";
import { auditMutations } from "./audit.instrument.js";

let api: TestApi;
let staff: { user: User; token: string };

beforeAll(async () => {
  api = await startTestApi();
  staff = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
});
afterAll(() => api?.stop());

const rows = (where: { action?: string; entityId?: string; actorId?: string }) => api.ds.getRepository(AuditLog).find({ where, order: { id: "ASC" } });

describe("the audit log", () => {
  it("records who changed what, with the row before and after, and the request id", async () => {
    const created = await api.gql(
      `mutation { createInquiry(input: { name: "Strandskyddsutredningen", department: "Miljödepartementet" }) { id } }`,
      {},
      { token: staff.token, headers: { "x-request-id": "audit-test-1" } },
    );
    const id = created.data.createInquiry.id;
    await api.gql(`mutation($id: ID!) { updateInquiry(input: { id: $id, name: "Strandskyddsutredningen (M 2019:02)" }) { id } }`, { id }, { token: staff.token });

    const [create] = await rows({ action: "createInquiry", entityId: id });
    expect(create).toMatchObject({ actorId: staff.user.id, entityType: "Inquiry", before: null, requestId: "audit-test-1" });
    expect(create.after).toMatchObject({ name: "Strandskyddsutredningen", department: "Miljödepartementet" });
    const [update] = await rows({ action: "updateInquiry", entityId: id });
    expect(update.before).toMatchObject({ name: "Strandskyddsutredningen", version: 1 });
    expect(update.after).toMatchObject({ name: "Strandskyddsutredningen (M 2019:02)", version: 2 });
  });

  it("writes nothing for refused or failed mutations", async () => {
    const before = await api.ds.getRepository(AuditLog).count();
    const { token: member } = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER });
    await api.gql(`mutation { createInquiry(input: { name: "Förbjuden" }) { id } }`, {}, { token: member });
    await api.gql(`mutation { createInquiry(input: { name: "   " }) { id } }`, {}, { token: staff.token });
    await api.gql(`mutation { archiveInquiry(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, { token: staff.token });
    expect(await api.ds.getRepository(AuditLog).count()).toBe(before);
  });

  it("records mutations that change no row it can see, like signing out", async () => {
    await api.gql(`mutation { signOut }`, {}, { token: staff.token });
    const [row] = await rows({ action: "signOut", actorId: staff.user.id });
    expect(row).toMatchObject({ entityType: null, entityId: null });
  });

  it("never stores secrets: no token hashes, password hashes or session secrets", async () => {
    const user = await buildUserWithToken(api.ds.manager, { role: Role.BOARD });
    await api.ds.getRepository(User).update(user.user.id, { passwordHash: await hashPassword("ett långt lösenord") });
    const signIn = await api.gql(`mutation($e: String!) { signIn(email: $e, password: "ett långt lösenord") { id } }`, { e: user.user.email });
    expect(signIn.errors).toBeUndefined();
    const token = await api.gql(`mutation { createApiToken(name: "skript") { secret } }`, {}, { token: user.token });
    const secret = token.data.createApiToken.secret;
    const logged = JSON.stringify(await rows({ actorId: user.user.id }));
    expect(logged).toContain('"entityType":"Session"');
    expect(logged).toContain('"entityType":"ApiToken"');
    expect(logged).not.toMatch(/tokenHash|passwordHash|\$argon2/);
    expect(logged).not.toContain(secret);
  });

  it("keeps member drafts' text out of the log staff can read", async () => {
    const municipality = await buildMunicipality(api.ds.manager);
    const { token } = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER, municipalityId: municipality.id });
    const remiss = await buildRemiss(api.ds.manager);
    const draft = await api.gql(`mutation($r: ID!) { createMemberInput(input: { remissId: $r, text: "Hemligt utkast om strandskydd" }) { id } }`, { r: remiss.id }, { token });
    const id = draft.data.createMemberInput.id;
    await api.gql(`mutation($id: ID!) { submitMemberInput(id: $id) { id } }`, { id }, { token });

    const listed = await api.gql(`query($id: String) { auditLog(filter: { entityId: $id }) { nodes { action before after } } }`, { id }, { token: staff.token });
    const [submit, create] = listed.data.auditLog.nodes;
    expect(create).toMatchObject({ action: "createMemberInput", after: { status: MemberInputStatus.DRAFT, text: "[draft]" } });
    expect(submit).toMatchObject({ action: "submitMemberInput", before: { text: "[draft]" }, after: { status: "submitted", text: "Hemligt utkast om strandskydd" } });
  });

  it("lets staff filter and page the log, newest first", async () => {
    const first = await api.gql(`{ auditLog(first: 2, filter: { action: "createInquiry" }) { totalCount pageInfo { endCursor hasNextPage } nodes { id action actor { id } } } }`, {}, { token: staff.token });
    expect(first.errors).toBeUndefined();
    expect(first.data.auditLog.nodes[0]).toMatchObject({ action: "createInquiry", actor: { id: staff.user.id } });
  });
});

/** The transaction that last wrote a row: equal for rows written in the same transaction. */
const writer = async (table: string, id: string): Promise<string> => (await api.ds.query(`SELECT xmin::text AS xid FROM ${table} WHERE id = $1`, [id]))[0].xid;

describe("one meaningful row per mutation", () => {
  it("records a link-only update with the document's id, in the transaction of the change", async () => {
    const document = await buildDocument(api.ds.manager);
    const area = await buildPriorityArea(api.ds.manager);
    const result = await api.gql(
      `mutation($id: ID!, $areas: [ID!]) { updateDocument(input: { id: $id, priorityAreaIds: $areas }) { id version } }`,
      { id: document.id, areas: [area.id] },
      { token: staff.token },
    );
    expect(result.errors).toBeUndefined();
    const logged = await rows({ action: "updateDocument", actorId: staff.user.id });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ entityType: "Document", entityId: document.id, after: { id: document.id, version: result.data.updateDocument.version } });
    expect(await writer("audit_log", logged[0].id)).toBe(await writer("document", document.id));
  });

  it("records both the response and its remiss when a response is approved", async () => {
    const { user: board, token } = await buildUserWithToken(api.ds.manager, { role: Role.BOARD });
    const remiss = await buildRemiss(api.ds.manager, { status: RemissStatus.DRAFTING });
    const response = await buildResponse(api.ds.manager, { remissId: remiss.id, status: ResponseStatus.FOR_APPROVAL });
    const approved = await api.gql(`mutation($id: ID!) { approveResponse(id: $id, version: 1) { status } }`, { id: response.id }, { token });
    expect(approved.errors).toBeUndefined();
    expect((await api.ds.getRepository(Remiss).findOneByOrFail({ id: remiss.id })).status).toBe(RemissStatus.DECIDED);
    const logged = await rows({ action: "approveResponse", actorId: board.id });
    expect(logged.map((r) => [r.entityType, r.entityId]).sort()).toEqual([["Remiss", remiss.id], ["Response", response.id]]);
    const byType = Object.fromEntries(logged.map((r) => [r.entityType, r]));
    expect(byType.Response).toMatchObject({ before: { status: ResponseStatus.FOR_APPROVAL }, after: { status: ResponseStatus.APPROVED } });
    expect(byType.Remiss).toMatchObject({ before: { status: RemissStatus.DRAFTING }, after: { status: RemissStatus.DECIDED } });
  });

  it("never writes a row with an entity type but no id, e.g. for the token revocation when a user is archived", async () => {
    const { user } = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER });
    const requestId = `archive-${user.id}`;
    const archived = await api.gql(`mutation($id: ID!) { archiveUser(id: $id) { id } }`, { id: user.id }, { token: staff.token, headers: { "x-request-id": requestId } });
    expect(archived.errors).toBeUndefined();
    const logged = await api.ds.getRepository(AuditLog).findBy({ requestId });
    expect(logged.map((r) => [r.entityType, r.entityId])).toEqual([["User", user.id]]);
    expect(logged[0]).toMatchObject({ before: { active: true }, after: { active: false } });
  });
});

describe("the fallback row", () => {
  // A tiny schema through the real instrumentation, so a mutation can roll back and still succeed.
  const run = async (mutation: string, work: (ctx: ReturnType<typeof context>) => Promise<string>) => {
    const schema = auditMutations(
      new GraphQLSchema({
        query: new GraphQLObjectType({ name: "Query", fields: { ok: { type: GraphQLString } } }),
        mutation: new GraphQLObjectType({ name: "Mutation", fields: { [mutation]: { type: GraphQLString, resolve: (_s, _a, ctx) => work(ctx) } } }),
      }),
    );
    return graphql({ schema, source: `mutation { ${mutation} }`, contextValue: context() });
  };
  const context = () => createContext(api.ds, { id: staff.user.id, name: staff.user.name, role: Role.STAFF, municipalityId: null }, `req-${Math.random()}`, pino({ level: "silent" }));

  it("is written in the mutation's transaction, so it is never there without the change", async () => {
    const failed = await run("auditRollbackFails", (ctx) =>
      inTransaction(ctx, async (m) => {
        await m.createQueryBuilder().update(Inquiry).set({ summary: "ändrad" }).where("false").execute();
        throw new Error("boom");
      }),
    );
    expect(failed.errors?.[0].message).toBe("boom");
    expect(await rows({ action: "auditRollbackFails" })).toEqual([]);

    let inquiryId = "";
    const recovered = await run("auditRollbackRecovers", async (ctx) => {
      await inTransaction(ctx, async (m) => {
        inquiryId = (await m.save(m.create(Inquiry, { name: "Återställd utredning", department: null }))).id;
        throw new Error("rolled back");
      }).catch(() => undefined);
      return "ok";
    });
    expect(recovered.errors).toBeUndefined();
    // The insert rolled back, and with it its row; the mutation still succeeded, so it gets the fallback row.
    const logged = await rows({ action: "auditRollbackRecovers" });
    expect(logged.map((r) => [r.entityType, r.entityId])).toEqual([[null, null]]);
    expect(await rows({ entityId: inquiryId })).toEqual([]);
  });
});

