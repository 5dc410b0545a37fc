import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemberInputStatus, Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { rowCounts, storedRow, UNKNOWN_ID } from "@remissbanken/test/db";
import { addDays, stockholmDate } from "../common/dates.js";
import { buildDocument, buildMunicipality, buildRemiss, buildUser, buildUserWithToken } from "@remissbanken/test/factories";
import { notificationSettingsUpdater } from "../notify/notification-settings.js";
import { inputRequestedPlanner } from "../notify/input-requested.planner.js";

let api: TestApi;
let staff: string;
let board: string;
let hjo: string;
let hjoColleague: string;
let tibro: string;
let hjoId: string;
let tibroId: string;

beforeAll(async () => {
  api = await startTestApi();
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
  board = (await buildUserWithToken(api.ds.manager, { role: Role.BOARD })).token;
  hjoId = (await buildMunicipality(api.ds.manager, { name: `Hjo ${Date.now()}` })).id;
  tibroId = (await buildMunicipality(api.ds.manager, { name: `Tibro ${Date.now()}` })).id;
  hjo = (await buildUserWithToken(api.ds.manager, { role: Role.MEMBER, municipalityId: hjoId })).token;
  hjoColleague = (await buildUserWithToken(api.ds.manager, { role: Role.MEMBER, municipalityId: hjoId })).token;
  tibro = (await buildUserWithToken(api.ds.manager, { role: Role.MEMBER, municipalityId: tibroId })).token;
});
afterAll(() => api?.stop());

const SAVE = `mutation($input: SaveInputRequestInput!) {
  saveInputRequest(input: $input) { id version intro publishedAt deadline questions { id text } abilities { canEdit canPublish } }
}`;
const REQUEST = `query($id: ID) { remiss(id: $id) { inputRequest {
  id intro publishedAt deadline questions { id text }
  municipalities { municipality { id } state submittedAt }
  answersByQuestion { number question { id text } answers { text memberInput { id status municipality { id } } } }
} } }`;
const CREATE = `mutation($input: CreateMemberInputInput!) { createMemberInput(input: $input) { id text status version answers { questionId text } } }`;
const UPDATE = `mutation($input: UpdateMemberInputInput!) { updateMemberInput(input: $input) { id text status version answers { questionId text } } }`;
const SUBMIT = `mutation($id: ID!) { submitMemberInput(id: $id) { id status } }`;

const openRemiss = () => buildRemiss(api.ds.manager, { deadline: "2099-06-30", memberInputDeadline: "2099-05-31" });
const closedRemiss = () => buildRemiss(api.ds.manager, { deadline: "2099-06-30", memberInputDeadline: addDays(stockholmDate(), -1) });

/** A remiss with two published questions. */
async function asked() {
  const remiss = await openRemiss();
  const result = await api.gql(SAVE, {
    input: { remissId: remiss.id, intro: "Svara gärna före nämndmötet.", questions: [{ text: "Påverkas er planering?" }, { text: "Vad kostar det?" }], publish: true },
  }, { token: staff });
  expect(result.errors).toBeUndefined();
  const request = result.data.saveInputRequest;
  return { remiss, request, q1: request.questions[0].id as string, q2: request.questions[1].id as string };
}

const requestAs = async (token: string, remissId: string) => {
  const result = await api.gql(REQUEST, { id: remissId }, { token });
  expect(result.errors).toBeUndefined();
  return result.data.remiss.inputRequest;
};

describe("saveInputRequest", () => {
  it("walks the ladder: anonymous, members and board refused, invalid questions refused, nothing written", async () => {
    const remiss = await openRemiss();
    const before = await rowCounts(api.ds);
    const input = { remissId: remiss.id, questions: [{ text: "Fråga" }] };
    expect(errorCode(await api.gql(SAVE, { input }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(SAVE, { input }, { token: hjo }))).toBe("FORBIDDEN");
    expect(errorCode(await api.gql(SAVE, { input }, { token: board }))).toBe("FORBIDDEN");
    for (const questions of [
      [],
      [{ text: " " }],
      [{ text: "x".repeat(501) }],
      Array.from({ length: 11 }, (_, i) => ({ text: `Fråga ${i + 1}` })),
      [{ id: UNKNOWN_ID, text: "Fråga som inte finns" }],
    ]) {
      const result = await api.gql(SAVE, { input: { remissId: remiss.id, questions } }, { token: staff });
      expect(errorCode(result), JSON.stringify(questions).slice(0, 60)).toBe("BAD_USER_INPUT");
    }
    expect(errorCode(await api.gql(SAVE, { input: { ...input, intro: "x".repeat(5_001) } }, { token: staff }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(SAVE, { input: { ...input, remissId: UNKNOWN_ID } }, { token: staff }))).toBe("NOT_FOUND");
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("saves up to ten questions of 500 characters as staff's draft, unseen by members until published", async () => {
    const remiss = await openRemiss();
    const questions = Array.from({ length: 10 }, (_, i) => ({ text: i === 0 ? "å".repeat(500) : `Fråga ${i + 1}` }));
    const saved = await api.gql(SAVE, { input: { remissId: remiss.id, questions, intro: "  " } }, { token: staff });
    expect(saved.errors).toBeUndefined();
    expect(saved.data.saveInputRequest).toMatchObject({ intro: null, publishedAt: null, deadline: "2099-05-31", abilities: { canEdit: true, canPublish: true } });
    expect(saved.data.saveInputRequest.questions).toHaveLength(10);
    expect((await api.gql(REQUEST, { id: remiss.id }, { token: hjo })).data.remiss.inputRequest).toBeNull();
    expect((await requestAs(board, remiss.id)).publishedAt).toBeNull();

    const published = await api.gql(SAVE, {
      input: { remissId: remiss.id, expectedVersion: saved.data.saveInputRequest.version, questions: saved.data.saveInputRequest.questions, publish: true },
    }, { token: staff });
    expect(published.data.saveInputRequest).toMatchObject({ publishedAt: expect.any(String), abilities: { canPublish: false } });
    expect((await requestAs(hjo, remiss.id)).questions).toHaveLength(10);
  });

  it("refuses a stale version and a request after the member deadline", async () => {
    const { remiss, request } = await asked();
    const stale = await api.gql(SAVE, { input: { remissId: remiss.id, expectedVersion: request.version - 1, questions: [{ text: "Ny" }] } }, { token: staff });
    expect(stale.errors![0].extensions).toMatchObject({ code: "CONFLICT", reason: "STALE_VERSION" });
    const closed = await closedRemiss();
    const late = await api.gql(SAVE, { input: { remissId: closed.id, questions: [{ text: "För sent" }], publish: true } }, { token: staff });
    expect(late.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "DEADLINE_PASSED" });
  });

  it("keeps answers when questions are reworded, reordered or added, and refuses to remove an answered question", async () => {
    const { remiss, request, q1, q2 } = await asked();
    const created = await api.gql(CREATE, { input: { remissId: remiss.id, answers: [{ questionId: q1, text: "Ja, mycket." }] } }, { token: hjo });
    expect(created.errors).toBeUndefined();

    const reworded = await api.gql(SAVE, {
      input: { remissId: remiss.id, expectedVersion: request.version, questions: [{ id: q2, text: "Vad kostar det för er?" }, { id: q1, text: "Påverkas er fysiska planering?" }, { text: "Övrigt?" }] },
    }, { token: staff });
    expect(reworded.errors).toBeUndefined();
    const view = await requestAs(hjo, remiss.id);
    expect(view.answersByQuestion.map((q: { number: number; question: { text: string }; answers: unknown[] }) => [q.number, q.question.text, q.answers.length])).toEqual([
      [1, "Vad kostar det för er?", 0], [2, "Påverkas er fysiska planering?", 1], [3, "Övrigt?", 0],
    ]);

    const version = reworded.data.saveInputRequest.version;
    const removing = await api.gql(SAVE, { input: { remissId: remiss.id, expectedVersion: version, questions: [{ id: q2, text: "Vad kostar det?" }] } }, { token: staff });
    expect(removing.errors![0].extensions).toMatchObject({ code: "CONFLICT", reason: "QUESTION_ANSWERED" });
    const [stored] = await api.ds.query(`SELECT questions FROM input_request WHERE id = $1`, [request.id]);
    expect(stored.questions).toHaveLength(3);
    // An unanswered question may go.
    const unanswered = reworded.data.saveInputRequest.questions[2].id;
    const removed = await api.gql(SAVE, { input: { remissId: remiss.id, expectedVersion: version, questions: [{ id: q2, text: "Vad kostar det?" }, { id: q1, text: "Påverkas?" }] } }, { token: staff });
    expect(removed.errors).toBeUndefined();
    expect(removed.data.saveInputRequest.questions.map((q: { id: string }) => q.id)).not.toContain(unanswered);
    expect((await storedRow(api.ds, "member_input", created.data.createMemberInput.id)).answers).toEqual([{ questionId: q1, text: "Ja, mycket." }]);
  });
});

describe("answers per question", () => {
  it("saves a draft, edits it with the version check and sends it; the text spells the answers out", async () => {
    const { remiss, q1, q2 } = await asked();
    const draft = await api.gql(CREATE, { input: { remissId: remiss.id, answers: [{ questionId: q1, text: " Ja. " }, { questionId: q2, text: "" }] } }, { token: hjo });
    expect(draft.errors).toBeUndefined();
    const row = draft.data.createMemberInput;
    expect(row).toMatchObject({ status: "DRAFT", answers: [{ questionId: q1, text: "Ja." }], text: "1. Påverkas er planering?\nJa." });

    const edited = await api.gql(UPDATE, { input: { id: row.id, expectedVersion: row.version, answers: [{ questionId: q1, text: "Ja." }, { questionId: q2, text: "Två miljoner." }] } }, { token: hjoColleague });
    expect(edited.errors).toBeUndefined();
    expect(edited.data.updateMemberInput.text).toBe("1. Påverkas er planering?\nJa.\n\n2. Vad kostar det?\nTvå miljoner.");
    const stale = await api.gql(UPDATE, { input: { id: row.id, expectedVersion: row.version, answers: [{ questionId: q1, text: "Nej." }] } }, { token: hjo });
    expect(stale.errors![0].extensions).toMatchObject({ code: "CONFLICT", reason: "STALE_VERSION" });

    expect((await api.gql(SUBMIT, { id: row.id }, { token: hjo })).data.submitMemberInput.status).toBe("SUBMITTED");
    expect((await storedRow(api.ds, "member_input", row.id)).answers).toHaveLength(2);
  });

  it("refuses answers that are empty, too long, to unknown questions, or where no questions were asked", async () => {
    const { remiss, q1 } = await asked();
    const plain = await openRemiss();
    const before = await rowCounts(api.ds);
    const refused = async (input: Record<string, unknown>, reason = "INVALID_INPUT") => {
      const result = await api.gql(CREATE, { input }, { token: hjo });
      expect(result.errors?.[0].extensions, JSON.stringify(input).slice(0, 80)).toMatchObject({ code: "BAD_USER_INPUT", reason });
    };
    await refused({ remissId: remiss.id, answers: [{ questionId: q1, text: "  " }] });
    await refused({ remissId: remiss.id, answers: [{ questionId: q1, text: "x".repeat(4_001) }] });
    await refused({ remissId: remiss.id, answers: [{ questionId: UNKNOWN_ID, text: "Svar" }] });
    await refused({ remissId: remiss.id, answers: [{ questionId: q1, text: "Svar" }, { questionId: q1, text: "Igen" }] });
    // Asked questions take answers, not free text; a remiss without questions takes free text.
    await refused({ remissId: remiss.id, text: "Bara fritext" });
    await refused({ remissId: plain.id, answers: [{ questionId: q1, text: "Svar" }] }, "NO_INPUT_REQUEST");
    expect(await rowCounts(api.ds)).toEqual(before);
    const free = await api.gql(CREATE, { input: { remissId: plain.id, text: "Fritext som förr" } }, { token: hjo });
    expect(free.data.createMemberInput).toMatchObject({ text: "Fritext som förr", answers: null });
  });

  it("keeps free-text input written before the questions as free text", async () => {
    const remiss = await openRemiss();
    const free = (await api.gql(CREATE, { input: { remissId: remiss.id, text: "Tidigt svar" } }, { token: hjo })).data.createMemberInput;
    const saved = await api.gql(SAVE, { input: { remissId: remiss.id, questions: [{ text: "Fråga" }], publish: true } }, { token: staff });
    const q = saved.data.saveInputRequest.questions[0].id;
    const asAnswers = await api.gql(UPDATE, { input: { id: free.id, answers: [{ questionId: q, text: "Svar" }] } }, { token: hjo });
    expect(asAnswers.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "NO_INPUT_REQUEST" });
    const asText = await api.gql(UPDATE, { input: { id: free.id, text: "Tidigt svar, förtydligat" } }, { token: hjo });
    expect(asText.data.updateMemberInput).toMatchObject({ text: "Tidigt svar, förtydligat", answers: null });
  });

  it("refuses answers after the member deadline and writes nothing", async () => {
    const { remiss, q1 } = await asked();
    const draft = (await api.gql(CREATE, { input: { remissId: remiss.id, answers: [{ questionId: q1, text: "Utkast" }] } }, { token: hjo })).data.createMemberInput;
    await api.ds.query(`UPDATE remiss SET member_input_deadline = $2 WHERE id = $1`, [remiss.id, addDays(stockholmDate(), -1)]);
    const before = await storedRow(api.ds, "member_input", draft.id);
    const counts = await rowCounts(api.ds);
    for (const [query, input] of [
      [UPDATE, { id: draft.id, answers: [{ questionId: q1, text: "För sent" }] }],
      [CREATE, { remissId: remiss.id, answers: [{ questionId: q1, text: "För sent" }] }],
    ] as const) {
      const result = await api.gql(query, { input }, { token: hjo });
      expect(result.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "DEADLINE_PASSED" });
    }
    expect(await storedRow(api.ds, "member_input", draft.id)).toEqual(before);
    expect(await rowCounts(api.ds)).toEqual(counts);
    expect((await requestAs(staff, remiss.id))).toMatchObject({ deadline: addDays(stockholmDate(), -1) });
  });
});

describe("who has answered, and the answers side by side", () => {
  it("shows staff and board every municipality and the answers sent, never drafts; a member only their own", async () => {
    const { remiss, q1, q2 } = await asked();
    const hjoInput = (await api.gql(CREATE, { input: { remissId: remiss.id, submit: true, answers: [{ questionId: q1, text: "Hjos svar" }, { questionId: q2, text: "Hjos kostnad" }] } }, { token: hjo })).data.createMemberInput;
    const tibroDraft = (await api.gql(CREATE, { input: { remissId: remiss.id, answers: [{ questionId: q1, text: "Tibros hemliga utkast" }] } }, { token: tibro })).data.createMemberInput;

    for (const token of [staff, board]) {
      const view = await requestAs(token, remiss.id);
      const states = new Map(view.municipalities.map((m: { municipality: { id: string }; state: string }) => [m.municipality.id, m.state]));
      expect(states.get(hjoId)).toBe("ANSWERED");
      // A draft is the municipality's own: to SmåKom it has not answered.
      expect(states.get(tibroId)).toBe("NOT_ANSWERED");
      expect(view.answersByQuestion[0].answers).toEqual([{ text: "Hjos svar", memberInput: { id: hjoInput.id, status: "SUBMITTED", municipality: { id: hjoId } } }]);
      expect(view.answersByQuestion[1].answers.map((a: { text: string }) => a.text)).toEqual(["Hjos kostnad"]);
      expect(JSON.stringify(view)).not.toContain("Tibros hemliga utkast");
    }

    const tibroView = await requestAs(tibro, remiss.id);
    expect(tibroView.municipalities).toEqual([{ municipality: { id: tibroId }, state: "DRAFT", submittedAt: null }]);
    expect(tibroView.answersByQuestion[0].answers.map((a: { memberInput: { id: string } }) => a.memberInput.id)).toEqual([tibroDraft.id]);
    expect(JSON.stringify(tibroView)).not.toContain("Hjos");

    const hjoView = await requestAs(hjo, remiss.id);
    expect(hjoView.municipalities).toEqual([{ municipality: { id: hjoId }, state: "ANSWERED", submittedAt: expect.any(String) }]);
    expect(JSON.stringify(hjoView)).not.toContain("Tibro");

    // Another municipality cannot edit or send Hjo's answers: they are missing to it.
    expect(errorCode(await api.gql(UPDATE, { input: { id: hjoInput.id, answers: [{ questionId: q1, text: "Kapad" }] } }, { token: tibro }))).toBe("NOT_FOUND");
    expect(errorCode(await api.gql(SUBMIT, { id: tibroDraft.id }, { token: hjo }))).toBe("NOT_FOUND");
  });
});

describe("the inputRequested planner", () => {
  const planner = inputRequestedPlanner({ publicUrl: "https://remissbanken.test" });

  it("asks every active member once per published request, with the questions, the deadline and a link", async () => {
    const document = await buildDocument(api.ds.manager, { title: "Spara i goda tider" });
    const remiss = await buildRemiss(api.ds.manager, { documentId: document.id, deadline: "2099-06-30", memberInputDeadline: "2099-05-31" });
    const draft = await api.gql(SAVE, { input: { remissId: remiss.id, questions: [{ text: "Påverkas er budget?" }] } }, { token: staff });
    const requestId = draft.data.saveInputRequest.id;
    const mine = async (now: Date) => (await planner.plan(api.ds, now)).filter((m) => m.subject?.id === requestId);
    expect(await mine(new Date())).toEqual([]);

    const quiet = await buildUser(api.ds.manager, { role: Role.MEMBER, municipalityId: hjoId });
    await notificationSettingsUpdater(api.ds.manager, { id: quiet.id, name: quiet.name, role: quiet.role, municipalityId: quiet.municipalityId }, [
      { kind: "inputRequested", enabled: false },
    ]);
    await api.gql(SAVE, { input: { remissId: remiss.id, questions: draft.data.saveInputRequest.questions, publish: true } }, { token: staff });
    const now = new Date(Date.now() + 1000);
    const mails = await mine(now);
    // Who turned these mails off is not asked.
    expect(mails.map((m) => m.userId)).not.toContain(quiet.id);
    const members: { id: string }[] = await api.ds.query(
      `SELECT u.id FROM app_user u JOIN municipality mu ON mu.id = u.municipality_id AND mu.active AND mu.archived_at IS NULL
        WHERE u.role = 'member' AND u.active AND u.archived_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM notification_setting ns WHERE ns.user_id = u.id AND ns.kind = 'inputRequested' AND NOT ns.enabled)`,
    );
    expect(mails.map((m) => m.userId).sort()).toEqual(members.map((u) => u.id).sort());
    expect(new Set(mails.map((m) => m.key)).size).toBe(mails.length);
    const mail = mails[0];
    expect(mail).toMatchObject({ kind: "inputRequested", key: `inputRequested:${requestId}:${mail.userId}` });
    expect(mail.mail.subject).toBe(`SmåKom ber om synpunkter: Spara i goda tider (${document.designation})`);
    expect(mail.mail.text).toContain("1. Påverkas er budget?");
    expect(mail.mail.text).toContain("Sista dag att svara: 31 maj 2099");
    expect(mail.mail.text).toContain(`https://remissbanken.test/remisser/${remiss.id}`);
    expect(await planner.stillDue!(api.ds.manager, mail, now)).toBe(true);
    expect(await planner.stillDue!(api.ds.manager, { ...mail, userId: quiet.id }, now)).toBe(false);

    // Nothing once the remiss is archived or its member deadline has passed.
    await api.ds.query(`UPDATE remiss SET archived_at = now() WHERE id = $1`, [remiss.id]);
    expect(await planner.stillDue!(api.ds.manager, mail, now)).toBe(false);
    expect(await mine(now)).toEqual([]);
    await api.ds.query(`UPDATE remiss SET archived_at = NULL WHERE id = $1`, [remiss.id]);
    expect(await mine(new Date("2099-06-01T12:00:00Z"))).toEqual([]);
  });
});

describe("member input status stays as before", () => {
  it("a withdrawn answer is no answer", async () => {
    const { remiss, q1 } = await asked();
    const sent = (await api.gql(CREATE, { input: { remissId: remiss.id, submit: true, answers: [{ questionId: q1, text: "Svar" }] } }, { token: hjo })).data.createMemberInput;
    await api.ds.query(`UPDATE member_input SET status = $2 WHERE id = $1`, [sent.id, MemberInputStatus.WITHDRAWN]);
    const view = await requestAs(staff, remiss.id);
    expect(view.municipalities.find((m: { municipality: { id: string } }) => m.municipality.id === hjoId).state).toBe("NOT_ANSWERED");
    expect(view.answersByQuestion[0].answers).toEqual([]);
  });
});
