import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InquiryStatus, MemberInputStatus, Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { rowCounts, storedRow, UNKNOWN_ID } from "@remissbanken/test/db";
import { walkPages } from "@remissbanken/test/paging";
import { addDays, stockholmDate } from "../common/dates.js";
import { runDueJobs } from "@remissbanken/test/jobs";
import { buildDocument, buildInquiry, buildMemberInput, buildMunicipality, buildRemiss, buildUserWithToken } from "@remissbanken/test/factories";

let api: TestApi;
let staff: string;
let board: string;
let member: string;
let memberId: string;
let memberEmail: string;
let colleague: string;
let hjoId: string;
let otherMember: string;
let tibroId: string;

const today = () => stockholmDate();

beforeAll(async () => {
  api = await startTestApi();
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
  board = (await buildUserWithToken(api.ds.manager, { role: Role.BOARD })).token;
  hjoId = (await buildMunicipality(api.ds.manager, { name: "Hjo" })).id;
  tibroId = (await buildMunicipality(api.ds.manager, { name: "Tibro" })).id;
  const m = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER, municipalityId: hjoId });
  member = m.token;
  memberId = m.user.id;
  memberEmail = m.user.email;
  colleague = (await buildUserWithToken(api.ds.manager, { role: Role.MEMBER, municipalityId: hjoId })).token;
  otherMember = (await buildUserWithToken(api.ds.manager, { role: Role.MEMBER, municipalityId: tibroId })).token;
});
afterAll(() => api?.stop());

const FIELDS = `id text status submittedAt version municipality { id name } author { id } remiss { id } inquiry { id } abilities { canEdit canSubmit canWithdraw }`;
const CREATE = `mutation($input: CreateMemberInputInput!) { createMemberInput(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateMemberInputInput!) { updateMemberInput(input: $input) { ${FIELDS} } }`;
const SUBMIT = `mutation($id: ID!) { submitMemberInput(id: $id) { ${FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawMemberInput(id: $id) { ${FIELDS} } }`;
const GET = `query($id: ID!) { memberInput(id: $id) { id status } }`;
const LIST = `query($first: Int, $after: String, $filter: MemberInputFilter) {
  memberInputs(first: $first, after: $after, filter: $filter) {
    totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor }
  }
}`;

const openRemiss = () => buildRemiss(api.ds.manager, { deadline: "2099-06-30", memberInputDeadline: "2099-05-31" });
/** A remiss whose member deadline was yesterday although the ministry's is still ahead. */
const closedRemiss = () => buildRemiss(api.ds.manager, { deadline: "2099-06-30", memberInputDeadline: addDays(today(), -1) });
const ownDraft = async (remissId: string) => buildMemberInput(api.ds.manager, {
  remissId, municipalityId: hjoId, authorId: memberId, status: MemberInputStatus.DRAFT, submittedAt: null,
});

describe("createMemberInput", () => {
  it("refuses anonymous callers", async () => {
    const remiss = await openRemiss();
    expect(errorCode(await api.gql(CREATE, { input: { remissId: remiss.id, text: "Synpunkt" } }))).toBe("UNAUTHENTICATED");
  });

  it("rejects empty or oversized text and a missing or double subject, and writes nothing", async () => {
    const remiss = await openRemiss();
    const inquiry = await buildInquiry(api.ds.manager);
    const before = await rowCounts(api.ds);
    for (const input of [
      { remissId: remiss.id, text: "" },
      { remissId: remiss.id, text: " \n " },
      { remissId: remiss.id, text: "x".repeat(50_001) },
      { text: "Synpunkt" },
      { remissId: remiss.id, inquiryId: inquiry.id, text: "Synpunkt" },
      { remissId: "nope", text: "Synpunkt" },
    ]) {
      const result = await api.gql(CREATE, { input }, { token: member });
      expect(errorCode(result), JSON.stringify(input).slice(0, 80)).toBe("BAD_USER_INPUT");
    }
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("refuses staff and board, who belong to no municipality", async () => {
    const remiss = await openRemiss();
    const before = await rowCounts(api.ds);
    for (const token of [staff, board]) {
      expect(errorCode(await api.gql(CREATE, { input: { remissId: remiss.id, text: "Synpunkt" } }, { token }))).toBe("FORBIDDEN");
    }
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("rejects unknown subjects", async () => {
    expect(errorCode(await api.gql(CREATE, { input: { remissId: UNKNOWN_ID, text: "Synpunkt" } }, { token: member }))).toBe("NOT_FOUND");
    expect(errorCode(await api.gql(CREATE, { input: { inquiryId: UNKNOWN_ID, text: "Synpunkt" } }, { token: member }))).toBe("NOT_FOUND");
  });

  it("refuses input after the member deadline, and after the ministry deadline when there is none", async () => {
    const closed = await closedRemiss();
    const noMemberDeadline = await buildRemiss(api.ds.manager, { deadline: addDays(today(), -1), memberInputDeadline: null });
    const concluded = await buildInquiry(api.ds.manager, { status: InquiryStatus.CONCLUDED });
    const before = await rowCounts(api.ds);
    for (const input of [{ remissId: closed.id }, { remissId: noMemberDeadline.id }, { inquiryId: concluded.id }]) {
      const result = await api.gql(CREATE, { input: { ...input, text: "För sent", submit: true } }, { token: member });
      expect(errorCode(result), JSON.stringify(input)).toBe("BAD_USER_INPUT");
      expect(result.errors![0].extensions!.reason).toBe("DEADLINE_PASSED");
    }
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("refuses input on an archived remiss", async () => {
    const remiss = await buildRemiss(api.ds.manager, { archivedAt: new Date() });
    const result = await api.gql(CREATE, { input: { remissId: remiss.id, text: "Synpunkt" } }, { token: member });
    expect(errorCode(result)).toBe("CONFLICT");
  });

  it("saves a draft for the member's own municipality, or submits at once, until the deadline day itself", async () => {
    const remiss = await buildRemiss(api.ds.manager, { deadline: "2099-06-30", memberInputDeadline: today() });
    const draft = await api.gql(CREATE, { input: { remissId: remiss.id, text: "  Vi ser stora konsekvenser.  " } }, { token: member });
    expect(draft.errors).toBeUndefined();
    expect(draft.data.createMemberInput).toMatchObject({
      text: "Vi ser stora konsekvenser.", status: "DRAFT", submittedAt: null, municipality: { id: hjoId, name: "Hjo" },
      author: { id: memberId }, remiss: { id: remiss.id }, abilities: { canEdit: true, canSubmit: true, canWithdraw: false },
    });

    const inquiry = await buildInquiry(api.ds.manager);
    const longest = "ö".repeat(50_000);
    const submitted = await api.gql(CREATE, { input: { inquiryId: inquiry.id, text: longest, submit: true } }, { token: member });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.createMemberInput).toMatchObject({ status: "SUBMITTED", inquiry: { id: inquiry.id }, abilities: { canSubmit: false } });
    expect(submitted.data.createMemberInput.text).toHaveLength(50_000);
    expect(submitted.data.createMemberInput.submittedAt).toEqual(expect.any(String));
  });
});

describe("updateMemberInput", () => {
  it("walks the ladder: anonymous, invalid input, unknown id, wrong role", async () => {
    const remiss = await openRemiss();
    const draft = await ownDraft(remiss.id);
    const submitted = await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: hjoId });
    const before = await storedRow(api.ds, "member_input", draft.id);
    const input = { id: draft.id, text: "Ändrad" };
    expect(errorCode(await api.gql(UPDATE, { input }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(UPDATE, { input: { id: draft.id, text: " " } }, { token: member }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(UPDATE, { input: { id: draft.id, text: "x".repeat(50_001) } }, { token: member }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(UPDATE, { input: { id: UNKNOWN_ID, text: "Ändrad" } }, { token: member }))).toBe("NOT_FOUND");
    // Another municipality's input, and staff's view of a draft, are reported as missing.
    expect(errorCode(await api.gql(UPDATE, { input }, { token: otherMember }))).toBe("NOT_FOUND");
    expect(errorCode(await api.gql(UPDATE, { input }, { token: staff }))).toBe("NOT_FOUND");
    // Staff and board may read submitted input but not change it.
    expect(errorCode(await api.gql(UPDATE, { input: { id: submitted.id, text: "Ändrad" } }, { token: staff }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(UPDATE, { input: { id: submitted.id, text: "Ändrad" } }, { token: board }))).toBe("FORBIDDEN");
    expect(await storedRow(api.ds, "member_input", draft.id)).toEqual(before);
  });

  it("lets the municipality edit its input, draft or submitted, until the deadline", async () => {
    const remiss = await openRemiss();
    const draft = await ownDraft(remiss.id);
    const byColleague = await api.gql(UPDATE, { input: { id: draft.id, expectedVersion: draft.version, text: "Kollegans ändring" } }, { token: colleague });
    expect(byColleague.errors).toBeUndefined();
    expect(byColleague.data.updateMemberInput).toMatchObject({ text: "Kollegans ändring", status: "DRAFT", version: draft.version + 1 });
    const submitted = await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: hjoId });
    const edited = await api.gql(UPDATE, { input: { id: submitted.id, text: "Förtydligande" } }, { token: member });
    expect(edited.data.updateMemberInput).toMatchObject({ text: "Förtydligande", status: "SUBMITTED" });
  });

  it("refuses edits after the member deadline", async () => {
    const remiss = await closedRemiss();
    const draft = await ownDraft(remiss.id);
    const before = await storedRow(api.ds, "member_input", draft.id);
    const result = await api.gql(UPDATE, { input: { id: draft.id, text: "För sent" } }, { token: member });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.reason).toBe("DEADLINE_PASSED");
    expect(await storedRow(api.ds, "member_input", draft.id)).toEqual(before);
  });

  it("refuses a stale expectedVersion with CONFLICT and leaves the row unchanged", async () => {
    const remiss = await openRemiss();
    const draft = await ownDraft(remiss.id);
    const first = await api.gql(UPDATE, { input: { id: draft.id, expectedVersion: draft.version, text: "Första" } }, { token: member });
    expect(first.errors).toBeUndefined();
    const before = await storedRow(api.ds, "member_input", draft.id);
    const stale = await api.gql(UPDATE, { input: { id: draft.id, expectedVersion: draft.version, text: "Andra" } }, { token: colleague });
    expect(errorCode(stale)).toBe("CONFLICT");
    expect(stale.errors![0].extensions!.reason).toBe("STALE_VERSION");
    expect(await storedRow(api.ds, "member_input", draft.id)).toEqual(before);
    expect(before.text).toBe("Första");
  });

  it("refuses edits to withdrawn input", async () => {
    const remiss = await openRemiss();
    const withdrawn = await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: hjoId, status: MemberInputStatus.WITHDRAWN });
    const result = await api.gql(UPDATE, { input: { id: withdrawn.id, text: "Igen" } }, { token: member });
    expect(errorCode(result)).toBe("BAD_USER_INPUT");
    expect(result.errors![0].extensions!.reason).toBe("INVALID_TRANSITION");
  });
});

describe("submitMemberInput", () => {
  it("submits an own draft once, before the deadline", async () => {
    const remiss = await openRemiss();
    const draft = await ownDraft(remiss.id);
    expect(errorCode(await api.gql(SUBMIT, { id: draft.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(SUBMIT, { id: draft.id }, { token: otherMember }))).toBe("NOT_FOUND");
    expect(errorCode(await api.gql(SUBMIT, { id: draft.id }, { token: staff }))).toBe("NOT_FOUND");
    expect(errorCode(await api.gql(SUBMIT, { id: UNKNOWN_ID }, { token: member }))).toBe("NOT_FOUND");
    const submitted = await api.gql(SUBMIT, { id: draft.id }, { token: member });
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data.submitMemberInput).toMatchObject({ status: "SUBMITTED", abilities: { canSubmit: false, canEdit: true } });
    const again = await api.gql(SUBMIT, { id: draft.id }, { token: member });
    expect(errorCode(again)).toBe("BAD_USER_INPUT");
    expect(again.errors![0].extensions!.reason).toBe("INVALID_TRANSITION");
  });

  it("refuses to submit after the member deadline", async () => {
    const remiss = await closedRemiss();
    const draft = await ownDraft(remiss.id);
    const result = await api.gql(SUBMIT, { id: draft.id }, { token: member });
    expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "DEADLINE_PASSED" });
    expect((await storedRow(api.ds, "member_input", draft.id)).status).toBe("draft");
  });
});

describe("withdrawMemberInput", () => {
  it("withdraws own input before the deadline", async () => {
    const remiss = await openRemiss();
    const input = await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: hjoId });
    expect(errorCode(await api.gql(WITHDRAW, { id: input.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(WITHDRAW, { id: input.id }, { token: otherMember }))).toBe("NOT_FOUND");
    expect(errorCode(await api.gql(WITHDRAW, { id: input.id }, { token: staff }))).toBe("FORBIDDEN");
    const withdrawn = await api.gql(WITHDRAW, { id: input.id }, { token: member });
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data.withdrawMemberInput).toMatchObject({ status: "WITHDRAWN", abilities: { canEdit: false, canSubmit: false, canWithdraw: false } });
  });

  it("refuses to withdraw a draft, which staff therefore never read", async () => {
    const remiss = await openRemiss();
    const draft = await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: hjoId, status: MemberInputStatus.DRAFT, submittedAt: null });
    const result = await api.gql(WITHDRAW, { id: draft.id }, { token: member });
    expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "INVALID_TRANSITION" });
    expect((await storedRow(api.ds, "member_input", draft.id)).status).toBe("draft");
    const seenByStaff = await api.gql(`query($id: ID!) { memberInput(id: $id) { id } }`, { id: draft.id }, { token: staff });
    expect(seenByStaff.data.memberInput).toBeNull();
  });

  it("offers no edit, submit or withdraw once the deadline has passed", async () => {
    const remiss = await closedRemiss();
    const draft = await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: hjoId, status: MemberInputStatus.DRAFT, submittedAt: null });
    const sent = await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: hjoId });
    for (const row of [draft, sent]) {
      const result = await api.gql(`query($id: ID!) { memberInput(id: $id) { abilities { canEdit canSubmit canWithdraw } } }`, { id: row.id }, { token: member });
      expect(result.data.memberInput.abilities).toEqual({ canEdit: false, canSubmit: false, canWithdraw: false });
    }
    const open = await buildMemberInput(api.ds.manager, { remissId: (await openRemiss()).id, municipalityId: hjoId });
    const result = await api.gql(`query($id: ID!) { memberInput(id: $id) { abilities { canEdit canSubmit canWithdraw } } }`, { id: open.id }, { token: member });
    expect(result.data.memberInput.abilities).toEqual({ canEdit: true, canSubmit: false, canWithdraw: true });
  });

  it("refuses to withdraw after the member deadline", async () => {
    const remiss = await closedRemiss();
    const input = await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: hjoId });
    const result = await api.gql(WITHDRAW, { id: input.id }, { token: member });
    expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "DEADLINE_PASSED" });
    expect((await storedRow(api.ds, "member_input", input.id)).status).toBe("submitted");
  });
});

describe("memberInput and memberInputs", () => {
  it("need sign-in", async () => {
    const input = await buildMemberInput(api.ds.manager);
    expect(errorCode(await api.gql(GET, { id: input.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(LIST, {}))).toBe("UNAUTHENTICATED");
  });

  it("show a municipality its own input, drafts included; staff and board see submitted input but no drafts", async () => {
    const remiss = await openRemiss();
    const hjoDraft = await ownDraft(remiss.id);
    const hjoSubmitted = await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: hjoId });
    const tibroDraft = await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: tibroId, status: MemberInputStatus.DRAFT, submittedAt: null });
    const tibroSubmitted = await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: tibroId });
    const tibroWithdrawn = await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: tibroId, status: MemberInputStatus.WITHDRAWN });

    const listed = async (token: string, filter: Record<string, unknown> = {}) => {
      const result = await api.gql(LIST, { first: 100, filter: { remissId: remiss.id, ...filter } }, { token });
      expect(result.errors).toBeUndefined();
      return result.data.memberInputs.edges.map((e: { node: { id: string } }) => e.node.id).sort();
    };
    expect(await listed(member)).toEqual([hjoDraft.id, hjoSubmitted.id].sort());
    expect(await listed(colleague)).toEqual([hjoDraft.id, hjoSubmitted.id].sort());
    expect(await listed(otherMember)).toEqual([tibroDraft.id, tibroSubmitted.id, tibroWithdrawn.id].sort());
    const staffView = [hjoSubmitted.id, tibroSubmitted.id, tibroWithdrawn.id].sort();
    expect(await listed(staff)).toEqual(staffView);
    expect(await listed(board)).toEqual(staffView);
    // Filters narrow what may be read; they never widen it.
    expect(await listed(staff, { statuses: ["DRAFT"] })).toEqual([]);
    expect(await listed(member, { municipalityId: tibroId })).toEqual([]);
    expect(await listed(staff, { municipalityId: tibroId, statuses: ["SUBMITTED"] })).toEqual([tibroSubmitted.id]);

    const one = async (token: string, id: string) => (await api.gql(GET, { id }, { token })).data.memberInput?.id ?? null;
    expect(await one(otherMember, hjoDraft.id)).toBeNull();
    expect(await one(otherMember, hjoSubmitted.id)).toBeNull();
    expect(await one(staff, hjoDraft.id)).toBeNull();
    expect(await one(board, hjoDraft.id)).toBeNull();
    expect(await one(staff, hjoSubmitted.id)).toBe(hjoSubmitted.id);
    expect(await one(colleague, hjoDraft.id)).toBe(hjoDraft.id);
    expect(await one(member, UNKNOWN_ID)).toBeNull();
  });

  it("filters by inquiry", async () => {
    const inquiry = await buildInquiry(api.ds.manager);
    const onInquiry = await buildMemberInput(api.ds.manager, { inquiryId: inquiry.id, municipalityId: hjoId });
    await buildMemberInput(api.ds.manager, { municipalityId: hjoId });
    const result = await api.gql(LIST, { filter: { inquiryId: inquiry.id } }, { token: member });
    expect(result.data.memberInputs.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([onInquiry.id]);
  });

  it("page with first/after without duplicates or gaps", async () => {
    const remiss = await openRemiss();
    const created: string[] = [];
    for (let i = 0; i < 5; i++) created.push((await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: hjoId })).id);
    const { ids, pages, totalCount } = await walkPages(api, LIST, "memberInputs", { first: 2, variables: { filter: { remissId: remiss.id } }, token: staff });
    expect(pages).toBe(3);
    expect(totalCount).toBe(5);
    expect([...ids].sort()).toEqual([...created].sort());
    expect(new Set(ids).size).toBe(5);
    expect(errorCode(await api.gql(LIST, { first: 101 }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(LIST, { first: 2, after: "%%%" }, { token: staff }))).toBe("BAD_USER_INPUT");
  });
});

describe("receipts by email", () => {
  const mailTo = (email: string) => api.server.mailer.captured.filter((m) => m.to.includes(email));
  const receiptRemiss = async () => {
    const document = await buildDocument(api.ds.manager, { title: "Spara i goda tider" });
    const remiss = await buildRemiss(api.ds.manager, { documentId: document.id, diarienummer: `Fi2099/${Date.now() % 100000}`, deadline: "2099-06-30" });
    return { remiss, document };
  };

  it("emails the sender a Swedish receipt with the text, the municipality and a link to the remiss", async () => {
    const { remiss, document } = await receiptRemiss();
    const before = mailTo(memberEmail).length;
    const created = await api.gql(CREATE, { input: { remissId: remiss.id, text: "Hjo vill ha längre remisstider." } }, { token: member });
    expect(created.errors).toBeUndefined();
    // A draft is not sent to SmåKom: no receipt yet.
    expect(mailTo(memberEmail)).toHaveLength(before);
    const submitted = await api.gql(SUBMIT, { id: created.data.createMemberInput.id }, { token: member });
    expect(submitted.data.submitMemberInput.status).toBe("SUBMITTED");
    await expect.poll(() => mailTo(memberEmail).length).toBe(before + 1);
    const mail = mailTo(memberEmail).at(-1)!;
    expect(mail.subject).toBe(`Kvitto: synpunkter på Spara i goda tider (${document.designation})`);
    expect(mail.text).toContain("SmåKom har tagit emot synpunkter från Hjo");
    expect(mail.text).toContain(`dnr ${remiss.diarienummer}`);
    expect(mail.text).toContain("Hjo vill ha längre remisstider.");
    expect(mail.text).toMatch(/Skickat: \d{1,2} \p{L}+ \d{4} (kl\. )?\d{2}:\d{2}/u);
    expect(mail.text).toContain(`/remisser/${remiss.id}`);
    expect(mail.text).toMatch(/^https?:\/\/[^\s]+\/remisser\//m);
    expect(mail.text).toMatch(/Ändra vilka mejl du får: https?:\/\/[^\s]+\/installningar#e-post$/);
  });

  it("sends no receipt to a member who turned receipts off, and again once turned on", async () => {
    const { remiss } = await receiptRemiss();
    const setReceipts = (enabled: boolean) =>
      api.gql(`mutation($s: [NotificationSettingInput!]!) { updateNotificationSettings(settings: $s) { kind enabled } }`, { s: [{ kind: "inputReceipt", enabled }] }, { token: member });
    expect((await setReceipts(false)).errors).toBeUndefined();
    const before = mailTo(memberEmail).length;
    const created = await api.gql(CREATE, { input: { remissId: remiss.id, text: "Utan kvitto", submit: true } }, { token: member });
    expect(created.data.createMemberInput.status).toBe("SUBMITTED");
    await api.server.mailer.idle();
    expect(mailTo(memberEmail)).toHaveLength(before);

    expect((await setReceipts(true)).errors).toBeUndefined();
    const input = created.data.createMemberInput;
    await api.gql(UPDATE, { input: { id: input.id, expectedVersion: input.version, text: "Med kvitto" } }, { token: member });
    await expect.poll(() => mailTo(memberEmail).length).toBe(before + 1);
  });

  it("sends a receipt for input submitted at once and for a sent input changed, never another municipality's text", async () => {
    const { remiss } = await receiptRemiss();
    await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: tibroId, text: "Tibros hemliga synpunkt", status: MemberInputStatus.SUBMITTED });
    const before = mailTo(memberEmail).length;
    const created = await api.gql(CREATE, { input: { remissId: remiss.id, text: "Första versionen", submit: true } }, { token: member });
    await expect.poll(() => mailTo(memberEmail).length).toBe(before + 1);
    const input = created.data.createMemberInput;
    await api.gql(UPDATE, { input: { id: input.id, expectedVersion: input.version, text: "Andra versionen" } }, { token: member });
    await expect.poll(() => mailTo(memberEmail).length).toBe(before + 2);
    const [first, changed] = mailTo(memberEmail).slice(-2);
    expect(first.text).toContain("Första versionen");
    expect(changed.subject).toMatch(/^Kvitto: ändrade synpunkter på /);
    expect(changed.text).toContain("Andra versionen");
    expect(changed.text).toMatch(/Ändrat: /);
    for (const mail of [first, changed]) {
      expect(mail.text).not.toContain("Tibro");
      expect(mail.to).toEqual([memberEmail]);
    }
  });

  it("sends nothing for a draft saved or a refused submission", async () => {
    const remiss = await closedRemiss();
    const draft = await ownDraft(remiss.id);
    const before = api.server.mailer.captured.length;
    expect(errorCode(await api.gql(SUBMIT, { id: draft.id }, { token: member }))).toBe("BAD_USER_INPUT");
    const open = await openRemiss();
    await api.gql(CREATE, { input: { remissId: open.id, text: "Bara ett utkast" } }, { token: member });
    expect(api.server.mailer.captured.length).toBe(before);
  });
});

describe("the responsible staff member is told", () => {
  const arrivals = (userId: string) =>
    api.ds.query("SELECT key FROM notification WHERE kind = 'inputArrived' AND user_id = $1", [userId]) as Promise<{ key: string }[]>;

  it("queues the mail with the sent input, in its transaction, and the worker sends it once", async () => {
    const owner = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    const document = await buildDocument(api.ds.manager, { title: "Tryggare kommuner" });
    const remiss = await buildRemiss(api.ds.manager, { documentId: document.id, ownerId: owner.user.id, deadline: "2099-06-30", memberInputDeadline: "2099-05-31" });
    const created = await api.gql(CREATE, { input: { remissId: remiss.id, text: "Hjo ser ett behov av stöd." } }, { token: member });
    // A draft is not sent to SmåKom: nobody is told yet.
    expect(await arrivals(owner.user.id)).toEqual([]);
    const submitted = await api.gql(SUBMIT, { id: created.data.createMemberInput.id }, { token: member });
    expect(submitted.errors).toBeUndefined();
    const input = submitted.data.submitMemberInput;
    expect(await arrivals(owner.user.id)).toEqual([{ key: `inputArrived:${input.id}:${input.version}:${owner.user.id}` }]);

    await runDueJobs(api);
    const told = api.server.mailer.captured.filter((m) => m.to.includes(owner.user.email));
    expect(told).toHaveLength(1);
    expect(told[0].subject).toBe(`Synpunkter från Hjo: Tryggare kommuner (${document.designation})`);
    expect(told[0].text).toContain("Hjo ser ett behov av stöd.");
    await runDueJobs(api);
    expect(api.server.mailer.captured.filter((m) => m.to.includes(owner.user.email))).toHaveLength(1);
  });

  it("queues nothing for a refused submission", async () => {
    const owner = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    const remiss = await buildRemiss(api.ds.manager, { ownerId: owner.user.id, deadline: "2099-06-30", memberInputDeadline: addDays(today(), -1) });
    const draft = await ownDraft(remiss.id);
    expect(errorCode(await api.gql(SUBMIT, { id: draft.id }, { token: member }))).toBe("BAD_USER_INPUT");
    expect(await arrivals(owner.user.id)).toEqual([]);
  });
});
