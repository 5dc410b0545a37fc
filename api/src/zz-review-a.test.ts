import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditLog, MemberInputStatus, ResponseStatus, Role, User } from "@remissbanken/schema";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { buildDocument, buildInquiry, buildMemberInput, buildMunicipality, buildPriorityArea, buildRemiss, buildResponse, buildUser, buildUserWithToken } from "./seed/factories.js";
import { hashPassword } from "./auth/passwords.js";

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ SIGN_IN_DELAY_MS: "0" });
});
afterAll(() => api?.stop());

describe("review", () => {
  it("A: withdrawing a draft exposes it to staff", async () => {
    const muni = await buildMunicipality(api.ds.manager);
    const member = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER, municipalityId: muni.id });
    const staff = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    const remiss = await buildRemiss(api.ds.manager);
    const created = await api.gql(`mutation($r: ID!) { createMemberInput(input: { remissId: $r, text: "hemligt utkast aldrig skickat" }) { id status } }`, { r: remiss.id }, { token: member.token });
    const id = created.data.createMemberInput.id;
    const before = await api.gql(`query($id: ID!) { memberInput(id: $id) { text } }`, { id }, { token: staff.token });
    console.log("A staff before withdraw", JSON.stringify(before));
    const w = await api.gql(`mutation($id: ID!) { withdrawMemberInput(id: $id) { status } }`, { id }, { token: member.token });
    console.log("A withdraw", JSON.stringify(w));
    const after = await api.gql(`query($id: ID!) { memberInput(id: $id) { text status } }`, { id }, { token: staff.token });
    console.log("A staff after withdraw", JSON.stringify(after));
    const audit = await api.ds.getRepository(AuditLog).find({ where: { entityId: id } });
    console.log("A audit", JSON.stringify(audit.map((a) => [a.action, a.before, a.after])));
  });

  it("C/D: nested users and priority areas", async () => {
    const staffUser = await buildUser(api.ds.manager, { role: Role.STAFF, name: "Anna Kansli" });
    const board = await buildUser(api.ds.manager, { role: Role.BOARD, name: "Bo Styrelse" });
    const member = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER });
    const area = await buildPriorityArea(api.ds.manager, { name: "Hemligt område" }, ["mål 1"]);
    const doc = await buildDocument(api.ds.manager, {}, [area.id]);
    const remiss = await buildRemiss(api.ds.manager, { documentId: doc.id, ownerId: staffUser.id });
    await buildResponse(api.ds.manager, { remissId: remiss.id, status: ResponseStatus.APPROVED, approvedById: board.id, approvedAt: new Date() });
    const r1 = await api.gql(`query($id: ID!) { remiss(id: $id) { owner { id name role active } responses { approvedBy { id name role } } } }`, { id: remiss.id }, { token: member.token });
    console.log("C member nested users", JSON.stringify(r1));
    const r2 = await api.gql(`query($id: ID!) { user(id: $id) { id name } }`, { id: staffUser.id }, { token: member.token });
    console.log("C member user(id)", JSON.stringify(r2));
    const r3 = await api.gql(`query($id: ID) { document(id: $id) { priorityAreas { name year description goals { text status } } } }`, { id: doc.id });
    console.log("D anonymous priority areas", JSON.stringify(r3));
    const r4 = await api.gql(`{ priorityAreas { totalCount } }`);
    console.log("D anonymous priorityAreas", JSON.stringify(r4));
  });

  it("E: member input abilities after the deadline", async () => {
    const muni = await buildMunicipality(api.ds.manager);
    const member = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER, municipalityId: muni.id });
    const remiss = await buildRemiss(api.ds.manager, { deadline: "2020-01-10", memberInputDeadline: "2020-01-01" });
    const mi = await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: muni.id, status: MemberInputStatus.DRAFT, submittedAt: null });
    const r = await api.gql(`query($id: ID!) { memberInput(id: $id) { abilities { canEdit canSubmit canWithdraw } remiss { abilities { canWriteMemberInput } } } }`, { id: mi.id }, { token: member.token });
    console.log("E abilities", JSON.stringify(r));
    const s = await api.gql(`mutation($id: ID!) { submitMemberInput(id: $id) { status } }`, { id: mi.id }, { token: member.token });
    console.log("E submit", JSON.stringify(s));
  });

  it("B: parallel wrong passwords bypass the lock", async () => {
    const user = await buildUser(api.ds.manager, { role: Role.MEMBER });
    await api.ds.getRepository(User).update(user.id, { passwordHash: await hashPassword("rätt lösenord 123") } as never);
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        api.gql(`mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }`, { e: user.email, p: `fel ${i}` }),
      ),
    );
    const reasons = results.map((r) => r.errors?.[0]?.extensions?.reason);
    console.log("B reasons", JSON.stringify(reasons.reduce((acc: Record<string, number>, r) => ((acc[String(r)] = (acc[String(r)] ?? 0) + 1), acc), {})));
  });

  it("F: password reset keeps API tokens", async () => {
    const u = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    await api.gql(`mutation($e: String!) { requestPasswordReset(email: $e) }`, { e: u.user.email });
    const { issueLink } = await import("./auth/one-time-links.js");
    const { OneTimeTokenPurpose } = await import("@remissbanken/schema");
    const secret = await api.ds.transaction((m) => issueLink(m, u.user.id, OneTimeTokenPurpose.PASSWORD_RESET));
    const reset = await api.gql(`mutation($t: String!) { resetPassword(token: $t, password: "ett nytt långt lösenord") { id } }`, { t: secret });
    console.log("F reset", JSON.stringify(reset));
    const me = await api.gql(`{ me { id } }`, {}, { token: u.token });
    console.log("F old token after reset", JSON.stringify(me));
  });

  it("G: link-only document change in audit log", async () => {
    const staff = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    const doc = await buildDocument(api.ds.manager);
    const area = await buildPriorityArea(api.ds.manager);
    const r = await api.gql(`mutation($id: ID!, $a: [ID!]) { updateDocument(input: { id: $id, priorityAreaIds: $a }) { version } }`, { id: doc.id, a: [area.id] }, { token: staff.token });
    console.log("G update", JSON.stringify(r));
    const rows = await api.ds.getRepository(AuditLog).find({ where: { action: "updateDocument" } });
    console.log("G audit", JSON.stringify(rows.map((x) => [x.entityType, x.entityId, x.before, x.after])));
  });
});
