import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditLog, MemberInputStatus, Role, User } from "@remissbanken/schema";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { buildMunicipality, buildRemiss, buildUserWithToken } from "../seed/factories.js";
import { hashPassword } from "../auth/passwords.js";

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
