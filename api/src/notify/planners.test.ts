import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DocumentKind, MemberInputStatus, Remiss, RemissStatus, ResponseStatus, Role, UserPriorityArea, type User } from "@remissbanken/schema";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import {
  buildDocument, buildInquiry, buildMemberInput, buildMunicipality, buildPriorityArea, buildRemiss, buildResponse, buildUser,
} from "@remissbanken/test/factories";
import { addDays } from "../common/dates.js";
import type { PlannedMail, Planner } from "./planned-mail.js";
import { notificationSettingsUpdater } from "./notification-settings.js";
import { deadlineReminderPlanner } from "./deadline-reminder.planner.js";
import { inputReminderPlanner } from "./input-reminder.planner.js";
import { inputArrivedMails, inputArrivedPlanner } from "./input-arrived.planner.js";
import { weeklyDigestPlanner } from "./weekly-digest.planner.js";
import { plannersFor } from "./planners.js";

let api: TestApi;
const settings = { publicUrl: "https://remissbanken.smakom.example" };

beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.stop());

/** A moment on a Stockholm calendar day in winter (UTC+1), at 09:00 unless told. */
const at = (date: string, time = "09:00") => new Date(`${date}T${time}:00+01:00`);
/** Each test's own mails, whatever other tests left in the database. */
const about = (mails: PlannedMail[], remiss: Pick<Remiss, "id">) => mails.filter((m) => m.subject?.id === remiss.id);
const to = (mails: PlannedMail[], user: Pick<User, "id">) => mails.filter((m) => m.userId === user.id);
const turnOff = (user: User, kind: PlannedMail["kind"]) =>
  notificationSettingsUpdater(api.ds.manager, { id: user.id, name: user.name, role: user.role, municipalityId: user.municipalityId }, [{ kind, enabled: false }]);
/** The days (offsets from `from`) on which the planner has a mail about the remiss. */
async function dueDays(planner: Planner, remiss: Remiss, from: string, days: number): Promise<number[]> {
  const due: number[] = [];
  for (let offset = 0; offset <= days; offset++) {
    if (about(await planner.plan(api.ds, at(addDays(from, offset))), remiss).length) due.push(offset);
  }
  return due;
}

describe("deadline reminders", () => {
  const planner = deadlineReminderPlanner(settings);
  const DEADLINE = "2031-02-20";
  let number = 0;
  const trackedRemiss = async (overrides: Partial<Remiss> = {}) => {
    const owner = await buildUser(api.ds.manager, { role: Role.STAFF, name: "Karin Kansli" });
    const document = await buildDocument(api.ds.manager, { title: "Starkare kommuner", designation: `SOU 2031:${++number}`, year: 2031 });
    const remiss = await buildRemiss(api.ds.manager, {
      documentId: document.id, ownerId: owner.id, deadline: DEADLINE, status: RemissStatus.TO_ANSWER, diarienummer: `Fi2031/${100 + number}`, ...overrides,
    });
    return { owner, remiss };
  };

  it("reminds the responsible staff member 14, 7 and 1 days before, on those days only", async () => {
    const { owner, remiss } = await trackedRemiss();
    expect(await dueDays(planner, remiss, addDays(DEADLINE, -16), 16)).toEqual([2, 9, 15]);
    const [mail] = about(await planner.plan(api.ds, at(addDays(DEADLINE, -7))), remiss);
    expect(mail).toMatchObject({
      key: `deadlineReminder:${remiss.id}:${DEADLINE}:7:${owner.id}`,
      kind: "deadlineReminder",
      userId: owner.id,
      mail: { to: owner.email, subject: `Sista svarsdag om 7 dagar: Starkare kommuner (SOU 2031:${number})` },
    });
    expect(mail.mail.text).toContain("Hej Karin Kansli!");
    expect(mail.mail.text).toContain("sista svarsdag 20 februari 2031, om 7 dagar");
    expect(mail.mail.text).toContain(`Finansdepartementet, dnr Fi2031/${100 + number}`);
    expect(mail.mail.text).toContain(`https://remissbanken.smakom.example/remisser/${remiss.id}`);
  });

  it("counts Stockholm calendar days and gives the same key all day", async () => {
    const { remiss } = await trackedRemiss();
    const day = addDays(DEADLINE, -1);
    // 23:30 UTC the evening before is already the day in Stockholm.
    const early = about(await planner.plan(api.ds, new Date(`${addDays(day, -1)}T23:30:00Z`)), remiss);
    const late = about(await planner.plan(api.ds, at(day, "22:59")), remiss);
    expect(early.map((m) => m.key)).toEqual(late.map((m) => m.key));
    expect(early).toHaveLength(1);
    expect(early[0].mail.subject).toMatch(/^Sista svarsdag i morgon:/);
    expect(about(await planner.plan(api.ds, new Date(`${addDays(day, -1)}T22:30:00Z`)), remiss)).toEqual([]);
  });

  it("says nothing of an archived, declined or answered remiss, nor to someone who turned it off", async () => {
    const now = at(addDays(DEADLINE, -14));
    const archived = (await trackedRemiss({ archivedAt: new Date() })).remiss;
    const declined = (await trackedRemiss({ status: RemissStatus.DECLINED })).remiss;
    const submitted = (await trackedRemiss({ status: RemissStatus.SUBMITTED })).remiss;
    const answered = (await trackedRemiss({ status: RemissStatus.DRAFTING })).remiss;
    await buildResponse(api.ds.manager, { remissId: answered.id, status: ResponseStatus.SUBMITTED, submittedAt: new Date() });
    const unowned = (await trackedRemiss({ ownerId: null })).remiss;
    const { owner, remiss: turnedOff } = await trackedRemiss();
    await turnOff(owner, "deadlineReminder");
    const mails = await planner.plan(api.ds, now);
    for (const remiss of [archived, declined, submitted, answered, unowned, turnedOff]) expect(about(mails, remiss)).toEqual([]);
  });

  it("re-checks before sending: archived or answered since, a moved deadline or turned off drops the mail; a moved deadline reminds again", async () => {
    const { owner, remiss } = await trackedRemiss();
    const now = at(addDays(DEADLINE, -7));
    const [mail] = about(await planner.plan(api.ds, now), remiss);
    expect(await planner.stillDue!(api.ds.manager, mail, now)).toBe(true);

    await api.ds.getRepository(Remiss).update(remiss.id, { status: RemissStatus.SUBMITTED });
    expect(await planner.stillDue!(api.ds.manager, mail, now)).toBe(false);
    await api.ds.getRepository(Remiss).update(remiss.id, { status: RemissStatus.DRAFTING, archivedAt: new Date() });
    expect(await planner.stillDue!(api.ds.manager, mail, now)).toBe(false);

    const moved = addDays(DEADLINE, 7);
    await api.ds.getRepository(Remiss).update(remiss.id, { archivedAt: null, deadline: moved });
    expect(await planner.stillDue!(api.ds.manager, mail, now)).toBe(false);
    const [again] = about(await planner.plan(api.ds, at(addDays(moved, -7))), remiss);
    expect(again.key).toBe(mail.key.replace(DEADLINE, moved));
    const later = at(addDays(moved, -7));
    expect(await planner.stillDue!(api.ds.manager, again, later)).toBe(true);
    await turnOff(owner, "deadlineReminder");
    expect(await planner.stillDue!(api.ds.manager, again, later)).toBe(false);
  });
});

describe("input reminders", () => {
  const planner = inputReminderPlanner(settings);
  const MEMBER_DEADLINE = "2032-01-28";

  it("reminds the members of each municipality that has sent nothing, 3 and 1 days before the member deadline", async () => {
    const m = api.ds.manager;
    const remiss = await buildRemiss(m, { deadline: "2032-02-28", memberInputDeadline: MEMBER_DEADLINE, status: RemissStatus.TO_ANSWER });
    const [silent, answered, drafting, withdrawn] = await Promise.all(
      ["Forshaga", "Tidaholm", "Mullsjö", "Tibro"].map((name) => buildMunicipality(m, { name: `${name} ${Math.random()}` })),
    );
    const silentMembers = [await buildUser(m, { role: Role.MEMBER, municipalityId: silent.id }), await buildUser(m, { role: Role.MEMBER, municipalityId: silent.id })];
    const answeredMember = await buildUser(m, { role: Role.MEMBER, municipalityId: answered.id });
    const draftingMember = await buildUser(m, { role: Role.MEMBER, municipalityId: drafting.id });
    const withdrawnMember = await buildUser(m, { role: Role.MEMBER, municipalityId: withdrawn.id });
    const offMember = await buildUser(m, { role: Role.MEMBER, municipalityId: silent.id });
    await turnOff(offMember, "inputReminder");
    await buildMemberInput(m, { remissId: remiss.id, municipalityId: answered.id, status: MemberInputStatus.SUBMITTED });
    await buildMemberInput(m, { remissId: remiss.id, municipalityId: drafting.id, status: MemberInputStatus.DRAFT, submittedAt: null });
    await buildMemberInput(m, { remissId: remiss.id, municipalityId: withdrawn.id, status: MemberInputStatus.WITHDRAWN });

    expect(await dueDays(planner, remiss, addDays(MEMBER_DEADLINE, -5), 6)).toEqual([2, 4]);

    const mails = about(await planner.plan(api.ds, at(addDays(MEMBER_DEADLINE, -3))), remiss);
    expect(to(mails, answeredMember)).toEqual([]);
    expect(to(mails, offMember)).toEqual([]);
    for (const member of [...silentMembers, draftingMember, withdrawnMember]) {
      const [mail] = to(mails, member);
      expect(mail.key).toBe(`inputReminder:${remiss.id}:${MEMBER_DEADLINE}:3:${member.id}`);
      expect(mail.mail.subject).toMatch(/^Sista dag för synpunkter om 3 dagar: /);
      expect(mail.mail.text).toContain("till och med 28 januari 2032, om 3 dagar");
      // Nothing of other municipalities: only the recipient's own.
      for (const other of [silent, answered, drafting, withdrawn].filter((x) => x.id !== member.municipalityId)) expect(mail.mail.text).not.toContain(other.name);
    }
    expect(to(mails, draftingMember)[0].mail.text).toContain("Det finns ett utkast från");
    expect(to(mails, silentMembers[0])[0].mail.text).not.toContain("utkast");
    // Staff and board are not members: no reminder.
    expect(mails.every((mail) => [...silentMembers, draftingMember, withdrawnMember].some((u) => u.id === mail.userId))).toBe(true);

    // The municipality answers between planning and sending, or the person turns reminders off: the reminder is dropped.
    const now = at(addDays(MEMBER_DEADLINE, -3));
    const first = to(mails, silentMembers[0])[0];
    expect(await planner.stillDue!(m, first, now)).toBe(true);
    await turnOff(silentMembers[1], "inputReminder");
    expect(await planner.stillDue!(m, to(mails, silentMembers[1])[0], now)).toBe(false);
    // Moved a day later: the old reminder (with the old date) is not sent.
    const draftingMail = to(mails, draftingMember)[0];
    await m.update(Remiss, remiss.id, { memberInputDeadline: addDays(MEMBER_DEADLINE, 1) });
    expect(await planner.stillDue!(m, draftingMail, now)).toBe(false);
    await m.update(Remiss, remiss.id, { memberInputDeadline: MEMBER_DEADLINE });
    expect(await planner.stillDue!(m, draftingMail, now)).toBe(true);
    await buildMemberInput(m, { remissId: remiss.id, municipalityId: silent.id, status: MemberInputStatus.SUBMITTED });
    expect(await planner.stillDue!(m, first, now)).toBe(false);
  });

  it("uses the ministry's deadline when there is no member deadline, and says nothing of archived or declined remisser", async () => {
    const m = api.ds.manager;
    const member = await buildUser(m, { role: Role.MEMBER });
    const noMemberDeadline = await buildRemiss(m, { deadline: "2032-03-10", memberInputDeadline: null, status: RemissStatus.MONITORING });
    const archived = await buildRemiss(m, { deadline: "2032-03-10", archivedAt: new Date() });
    const declined = await buildRemiss(m, { deadline: "2032-03-10", status: RemissStatus.DECLINED });
    const mails = await planner.plan(api.ds, at("2032-03-09"));
    expect(to(about(mails, noMemberDeadline), member).map((x) => x.key)).toEqual([`inputReminder:${noMemberDeadline.id}:2032-03-10:1:${member.id}`]);
    expect(about(mails, archived)).toEqual([]);
    expect(about(mails, declined)).toEqual([]);
  });
});

describe("input arrived", () => {
  const planner = inputArrivedPlanner(settings);

  it("tells the responsible staff member of sent input, once per version, and never of drafts", async () => {
    const m = api.ds.manager;
    const owner = await buildUser(m, { role: Role.STAFF, name: "Per Kansli" });
    const hjo = await buildMunicipality(m, { name: `Hjo ${Math.random()}` });
    const document = await buildDocument(m, { title: "Spara i goda tider", designation: "SOU 2033:59", year: 2033 });
    const remiss = await buildRemiss(m, { documentId: document.id, ownerId: owner.id, deadline: "2099-01-01" });
    const input = await buildMemberInput(m, { remissId: remiss.id, municipalityId: hjo.id, text: "Vi avstyrker en kommunstabiliseringsfond." });
    const draft = await buildMemberInput(m, { remissId: remiss.id, status: MemberInputStatus.DRAFT, submittedAt: null });

    const now = new Date(Date.now() + 1_000);
    const mails = about(await planner.plan(api.ds, now), remiss);
    expect(mails.map((x) => x.key)).toEqual([`inputArrived:${input.id}:${input.version}:${owner.id}`]);
    expect(mails.some((x) => x.key.includes(draft.id))).toBe(false);
    expect(mails[0].mail).toMatchObject({ to: owner.email, subject: `Synpunkter från ${hjo.name}: Spara i goda tider (SOU 2033:59)` });
    expect(mails[0].mail.text).toContain("Vi avstyrker en kommunstabiliseringsfond.");
    expect(mails[0].mail.text).toContain(`https://remissbanken.smakom.example/synpunkter/${input.id}`);
    // What the member-input command would queue in its transaction is the same mail.
    expect(await inputArrivedMails(m, [input], settings)).toEqual(mails);
    expect(await planner.stillDue!(m, mails[0], now)).toBe(true);

    // Changed after sending: a new version, a new mail; the old one is no longer due.
    const changed = await m.save(Object.assign(input, { text: "Vi avstyrker fortfarande.", submittedAt: new Date(Date.now() - 3_600_000) }));
    const later = about(await planner.plan(api.ds, new Date(Date.now() + 1_000)), remiss);
    expect(later.map((x) => x.key)).toEqual([`inputArrived:${input.id}:${changed.version}:${owner.id}`]);
    expect(later[0].mail.subject).toMatch(/^Ändrade synpunkter från /);
    expect(await planner.stillDue!(m, mails[0], now)).toBe(false);

    await m.save(Object.assign(changed, { status: MemberInputStatus.WITHDRAWN }));
    expect(await planner.stillDue!(m, later[0], now)).toBe(false);
  });

  it("tells nobody when the remiss has no responsible person, is archived, or the person turned it off", async () => {
    const m = api.ds.manager;
    const owner = await buildUser(m, { role: Role.STAFF });
    await turnOff(owner, "inputArrived");
    const turnedOff = await buildRemiss(m, { ownerId: owner.id });
    const unowned = await buildRemiss(m, { ownerId: null });
    const archived = await buildRemiss(m, { ownerId: (await buildUser(m, { role: Role.STAFF })).id, archivedAt: new Date() });
    for (const remiss of [turnedOff, unowned, archived]) await buildMemberInput(m, { remissId: remiss.id });
    const mails = await planner.plan(api.ds, new Date(Date.now() + 1_000));
    for (const remiss of [turnedOff, unowned, archived]) expect(about(mails, remiss)).toEqual([]);
  });
});

describe("weekly digest", () => {
  const planner = weeklyDigestPlanner(settings);
  const MONDAY = "2041-01-14";
  const createdOn = (table: string, id: string, date: string) => api.ds.query(`UPDATE ${table} SET created_at = $2 WHERE id = $1`, [id, at(date, "10:00")]);
  const mine = (mails: PlannedMail[], user: User) => to(mails, user)[0];

  it("goes out on Mondays only, to staff, with this week's key, and is skipped when there is nothing to tell", async () => {
    const m = api.ds.manager;
    const staff = await buildUser(m, { role: Role.STAFF });
    const board = await buildUser(m, { role: Role.BOARD });
    // Nothing happened in the week before 2045-01-16, nor is anything due.
    expect(await planner.plan(api.ds, at("2045-01-16"))).toEqual([]);
    await buildRemiss(m, { deadline: "2045-01-30", status: RemissStatus.TO_ANSWER });
    expect(await planner.plan(api.ds, at("2045-01-17"))).toEqual([]);
    const mails = await planner.plan(api.ds, at("2045-01-16"));
    expect(mine(mails, staff).key).toBe(`weeklyDigest:2045-W03:${staff.id}`);
    expect(mine(mails, staff).mail.subject).toBe("Veckobrev från Remissbanken, vecka 3");
    expect(to(mails, board)).toEqual([]);
    // Later the same Monday: the same key, so the queue sends it once.
    expect(mine(await planner.plan(api.ds, at("2045-01-16", "23:00")), staff).key).toBe(mine(mails, staff).key);
    await turnOff(staff, "weeklyDigest");
    expect(to(await planner.plan(api.ds, at("2045-01-16")), staff)).toEqual([]);
  });

  it("lists new documents in the person's priority areas (or all), deadlines of the coming three weeks and input received", async () => {
    const m = api.ds.manager;
    const everything = await buildUser(m, { role: Role.STAFF, name: "Alla Områden" });
    const focused = await buildUser(m, { role: Role.STAFF, name: "Bara Bostäder" });
    const housing = await buildPriorityArea(m, { name: `Bostadsförsörjning ${Math.random()}`, year: 2041 });
    const broadband = await buildPriorityArea(m, { name: `Bredband ${Math.random()}`, year: 2041 });
    await m.insert(UserPriorityArea, { userId: focused.id, priorityAreaId: housing.id });

    const taggedDoc = await buildDocument(m, { title: "Strandskydd i små kommuner", designation: "SOU 2041:3", year: 2041 }, [housing.id]);
    const inquiry = await buildInquiry(m, { name: "Bostadsutredningen" }, [housing.id]);
    const viaInquiry = await buildDocument(m, { title: "Bostäder på landsbygden", designation: "Dir. 2041:5", kind: DocumentKind.DIRECTIVE, year: 2041, inquiryId: inquiry.id });
    const otherArea = await buildDocument(m, { title: "Bredband till alla", designation: "Ds 2041:7", kind: DocumentKind.DS, year: 2041 }, [broadband.id]);
    const lastMonday = await buildDocument(m, { title: "Sent förra måndagen", designation: "SOU 2041:1", year: 2041 }, [housing.id]);
    const today = await buildDocument(m, { title: "Kom i dag", designation: "SOU 2041:9", year: 2041 }, [housing.id]);
    await createdOn("document", taggedDoc.id, addDays(MONDAY, -1));
    await createdOn("document", viaInquiry.id, addDays(MONDAY, -3));
    await createdOn("document", otherArea.id, addDays(MONDAY, -7));
    await createdOn("document", lastMonday.id, addDays(MONDAY, -8));
    await createdOn("document", today.id, MONDAY);

    const remissDoc = await buildDocument(m, { title: "Kommunutredningen", designation: "SOU 2041:20", year: 2041 });
    const due = await buildRemiss(m, { documentId: remissDoc.id, ownerId: focused.id, deadline: addDays(MONDAY, 20), memberInputDeadline: addDays(MONDAY, 6), status: RemissStatus.DRAFTING });
    const tooLate = await buildRemiss(m, { ownerId: focused.id, deadline: addDays(MONDAY, 21), status: RemissStatus.TO_ANSWER });
    const answered = await buildRemiss(m, { deadline: addDays(MONDAY, 2), status: RemissStatus.SUBMITTED });

    const forshaga = await buildMunicipality(m, { name: `Forshaga ${Math.random()}` });
    const sent = await buildMemberInput(m, { remissId: due.id, municipalityId: forshaga.id, submittedAt: at(addDays(MONDAY, -2)) });
    const draft = await buildMemberInput(m, { remissId: due.id, status: MemberInputStatus.DRAFT, submittedAt: null });

    const mails = await planner.plan(api.ds, at(MONDAY, "06:00"));
    const all = mine(mails, everything).mail.text;
    const narrow = mine(mails, focused).mail.text;

    for (const doc of [taggedDoc, viaInquiry, otherArea]) expect(all).toContain(`${settings.publicUrl}/dokument/${doc.id}`);
    for (const doc of [lastMonday, today]) expect(all).not.toContain(doc.id);
    expect(narrow).toContain("Nya dokument inom dina prioriterade frågor (2):");
    expect(narrow).toContain("Strandskydd i små kommuner (SOU 2041:3)");
    expect(narrow).toContain("Bostäder på landsbygden (Dir. 2041:5)");
    expect(narrow).not.toContain(otherArea.id);

    expect(narrow).toContain("sista dag för medlemmarnas synpunkter, Kommunutredningen (SOU 2041:20) (du är ansvarig)");
    expect(narrow).toContain("söndag 3 februari: sista svarsdag, Kommunutredningen (SOU 2041:20) (du är ansvarig)");
    expect(all).toContain("sista svarsdag, Kommunutredningen (SOU 2041:20) (ansvarig: Bara Bostäder)");
    expect(all).not.toContain(tooLate.id);
    expect(all).not.toContain(answered.id);

    expect(all).toContain(`Synpunkter från medlemskommunerna (1):\n- ${forshaga.name} om Kommunutredningen (SOU 2041:20)\n  ${settings.publicUrl}/synpunkter/${sent.id}`);
    expect(all).not.toContain(draft.id);
    expect(all).toContain("Det här hände i Remissbanken 7 januari 2041–13 januari 2041");
  });
});

describe("plannersFor", () => {
  it("has a planner for each kind of this file, linking to the configured web app", async () => {
    const planners = plannersFor({ publicUrl: "https://remissbanken.smakom.example" });
    expect(planners.map((p) => p.kind)).toEqual(["deadlineReminder", "weeklyDigest", "inputArrived", "inputReminder", "inputRequested", "savedSearch", "follow"]);
    const owner = await buildUser(api.ds.manager, { role: Role.STAFF });
    const remiss = await buildRemiss(api.ds.manager, { ownerId: owner.id, deadline: "2050-01-15", status: RemissStatus.TO_ANSWER });
    const [mail] = about(await planners[0].plan(api.ds, at("2050-01-14")), remiss);
    expect(mail.mail.text).toContain(`https://remissbanken.smakom.example/remisser/${remiss.id}`);
  });
});
