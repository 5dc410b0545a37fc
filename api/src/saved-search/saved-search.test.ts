/**
 * Saved searches through GraphQL over HTTP (sign-in, bad input with stable reasons, one
 * person's searches are nobody else's), and the `savedSearch` planner against real
 * PostgreSQL, Meilisearch and the indexer, with the clock passed in: a new match is told
 * once, at the chosen frequency, and never one its owner may not read.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Document, LIMITS, MemberInputStatus, ResponseStatus, Role, SavedSearch, SavedSearchFrequency, User } from "@remissbanken/schema";
import { startIndexer, type RunningIndexer } from "@remissbanken/indexer";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { UNKNOWN_ID } from "@remissbanken/test/db";
import { buildDocument, buildMemberInput, buildMunicipality, buildPriorityArea, buildResponse, buildUserWithToken } from "@remissbanken/test/factories";
import { about, plannerQueue, stockholmWinterTime } from "@remissbanken/test/planners";
import { savedSearchPlanner as makeSavedSearchPlanner } from "./saved-search.planner.js";

const savedSearchPlanner = makeSavedSearchPlanner({ publicUrl: "http://remissbanken.test" });

let api: TestApi;
let indexer: RunningIndexer;
type Who = "staff" | "memberA" | "memberB";
const tokens = {} as Record<Who, string>;
const users = {} as Record<Who, User>;
const m = () => api.ds.manager;

const SAVE = `mutation($input: SaveSearchInput!) {
  saveSearch(input: $input) { id name query frequency version lastNotifiedAt filters { types kinds years statuses priorityAreaIds } }
}`;
const UPDATE = `mutation($input: UpdateSavedSearchInput!) { updateSavedSearch(input: $input) { id name frequency version query } }`;
const DELETE = `mutation($id: ID!) { deleteSavedSearch(id: $id) }`;
const MINE = `{ mySavedSearches { id name } }`;

async function ok<T = any>(query: string, vars: Record<string, unknown>, token?: string): Promise<T> {
  const result = await api.gql(query, vars, { token });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

const save = (token: string, input: Record<string, unknown>) => api.gql(SAVE, { input: { frequency: "WEEKLY", ...input } }, { token });
const saved = async (token: string, input: Record<string, unknown>) => {
  const result = await save(token, input);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data.saveSearch as { id: string; version: number };
};

beforeAll(async () => {
  api = await startTestApi();
  const [a, b] = [await buildMunicipality(m(), { name: "Tidaholm" }), await buildMunicipality(m(), { name: "Mullsjö" })];
  for (const [who, role, municipalityId] of [["staff", Role.STAFF, null], ["memberA", Role.MEMBER, a.id], ["memberB", Role.MEMBER, b.id]] as const) {
    const made = await buildUserWithToken(m(), { role, municipalityId });
    tokens[who] = made.token;
    users[who] = made.user;
  }
  indexer = await startIndexer({ databaseUrl: api.databaseUrl, meiliUrl: api.search.url, apiKey: api.search.apiKey, index: api.search.index, pollMs: 100 });
}, 120_000);
afterAll(async () => {
  await indexer?.stop();
  await api?.stop();
});

describe("saveSearch, updateSavedSearch, deleteSavedSearch, mySavedSearches", () => {
  it("asks anonymous callers to sign in", async () => {
    expect(errorCode(await api.gql(SAVE, { input: { name: "X", query: "x", frequency: "DAILY" } }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(MINE))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(DELETE, { id: UNKNOWN_ID }))).toBe("UNAUTHENTICATED");
  });

  it("refuses an empty name, nothing to search for and unknown filters, with stable reasons", async () => {
    const empty = await save(tokens.memberA, { name: "  ", query: "strandskydd" });
    expect(errorCode(empty)).toBe("BAD_USER_INPUT");
    expect(empty.errors![0].extensions).toMatchObject({ reason: "INVALID_INPUT", fields: [{ field: "name" }] });

    const nothing = await save(tokens.memberA, { name: "Allt", query: " " });
    expect(nothing.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", fields: [{ field: "query" }] });

    const status = await save(tokens.memberA, { name: "Fel", query: "x", filters: { statuses: ["ongoing", "påhittad"] } });
    expect(status.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "UNKNOWN_FILTER", fields: [{ field: "filters.statuses" }] });
    const kind = await save(tokens.memberA, { name: "Fel", query: "x", filters: { kinds: ["roman"] } });
    expect(kind.errors![0].extensions).toMatchObject({ reason: "UNKNOWN_FILTER", fields: [{ field: "filters.kinds" }] });
    const area = await save(tokens.memberA, { name: "Fel", query: "x", filters: { priorityAreaIds: [UNKNOWN_ID] } });
    expect(area.errors![0].extensions).toMatchObject({ reason: "UNKNOWN_FILTER", fields: [{ field: "filters.priorityAreaIds" }] });
    // A filter the search does not have at all is refused by the schema itself.
    expect(errorCode(await save(tokens.memberA, { name: "Fel", query: "x", filters: { colour: ["blå"] } }))).toBe("BAD_USER_INPUT");
    expect((await ok(MINE, {}, tokens.memberA)).mySavedSearches).toEqual([]);
  });

  it("saves with the search's own filters and refuses more than the limit", async () => {
    const areaId = (await buildPriorityArea(m(), { name: "Bostadsförsörjning", year: 2021 })).id;
    const result = await ok(SAVE, {
      input: { name: "Strandskydd", query: "strandskydd", frequency: "DAILY", filters: { types: ["DOCUMENT", "INQUIRY"], kinds: ["sou"], years: [2020, 2021], statuses: [], priorityAreaIds: [areaId] } },
    }, tokens.staff);
    expect(result.saveSearch).toMatchObject({
      name: "Strandskydd", query: "strandskydd", frequency: "DAILY", lastNotifiedAt: null,
      filters: { types: ["DOCUMENT", "INQUIRY"], kinds: ["sou"], years: [2020, 2021], statuses: null, priorityAreaIds: [areaId] },
    });

    const { user } = await buildUserWithToken(m(), { role: Role.BOARD });
    const full = await buildUserWithToken(m(), { role: Role.BOARD });
    const rows = Array.from({ length: LIMITS.savedSearchesPerUser }, (_, i) => ({ userId: full.user.id, name: `Sökning ${i}`, query: "kommun", filters: {}, seen: {} }));
    await m().getRepository(SavedSearch).insert(rows);
    const refused = await save(full.token, { name: "En till", query: "kommun" });
    expect(refused.errors![0].extensions).toMatchObject({ code: "BAD_USER_INPUT", reason: "TOO_MANY_SAVED_SEARCHES" });
    expect(await m().getRepository(SavedSearch).countBy({ userId: full.user.id })).toBe(LIMITS.savedSearchesPerUser);
    expect(await m().getRepository(SavedSearch).countBy({ userId: user.id })).toBe(0);
  });

  it("lets only its owner see, change and delete a saved search", async () => {
    const mine = await saved(tokens.memberA, { name: "Vindkraft", query: "vindkraft" });
    expect((await ok(MINE, {}, tokens.memberA)).mySavedSearches.map((s: any) => s.id)).toContain(mine.id);
    expect((await ok(MINE, {}, tokens.memberB)).mySavedSearches.map((s: any) => s.id)).not.toContain(mine.id);

    const theirs = await api.gql(UPDATE, { input: { id: mine.id, name: "Kapad", frequency: "NEVER" } }, { token: tokens.memberB });
    expect(errorCode(theirs)).toBe("NOT_FOUND");
    // Not even a stale version tells someone else that it exists.
    expect(errorCode(await api.gql(UPDATE, { input: { id: mine.id, expectedVersion: 99, name: "Kapad" } }, { token: tokens.memberB }))).toBe("NOT_FOUND");
    expect(errorCode(await api.gql(DELETE, { id: mine.id }, { token: tokens.staff }))).toBe("NOT_FOUND");
    const stored = await m().getRepository(SavedSearch).findOneByOrFail({ id: mine.id });
    expect(stored).toMatchObject({ name: "Vindkraft", frequency: SavedSearchFrequency.WEEKLY });

    const changed = (await ok(UPDATE, { input: { id: mine.id, expectedVersion: mine.version, name: "Vindkraft på land", frequency: "DAILY" } }, tokens.memberA)).updateSavedSearch;
    expect(changed).toMatchObject({ name: "Vindkraft på land", frequency: "DAILY", query: "vindkraft" });
    const stale = await api.gql(UPDATE, { input: { id: mine.id, expectedVersion: mine.version, name: "Gammal" } }, { token: tokens.memberA });
    expect(stale.errors![0].extensions).toMatchObject({ code: "CONFLICT", reason: "STALE_VERSION" });
    expect(errorCode(await api.gql(UPDATE, { input: { id: mine.id, name: "" } }, { token: tokens.memberA }))).toBe("BAD_USER_INPUT");

    expect((await ok(DELETE, { id: mine.id }, tokens.memberA)).deleteSavedSearch).toBe(true);
    expect(errorCode(await api.gql(DELETE, { id: mine.id }, { token: tokens.memberA }))).toBe("NOT_FOUND");
    expect(errorCode(await api.gql(DELETE, { id: "inte-ett-id" }, { token: tokens.memberA }))).toBe("BAD_USER_INPUT");
  });
});

// Each test indexes and searches several times: slow when the machine is shared.
describe("the savedSearch planner", { timeout: 120_000 }, () => {
  // Monday 4 January 2027 and the days after, in Stockholm time.
  const MONDAY = "2027-01-04";
  const at = (date: string, hour: number) => stockholmWinterTime(date, hour);

  it("tells each owner once of new matches they may read, at their frequency, and nothing without news", async () => {
    await buildDocument(m(), { title: "Tjäderspel i fjällen, en äldre rapport", designation: "SOU 2019:90", year: 2019 });
    await indexer.idle({ timeoutMs: 60_000 });
    const daily = await saved(tokens.memberA, { name: "Tjäder", query: "tjäderspel", frequency: "DAILY" });
    const weekly = await saved(tokens.staff, { name: "Tjäder", query: "tjäderspel", frequency: "WEEKLY" });
    const never = await saved(tokens.memberB, { name: "Tjäder", query: "tjäderspel", frequency: "NEVER" });
    const dailyQueue = plannerQueue(savedSearchPlanner, api.ds, [daily.id]);
    const ofDaily = about(daily.id);
    const ofWeekly = about(weekly.id);
    expect(ofDaily(await dailyQueue.run(at(MONDAY, 8))), "what matched when it was saved is not news").toEqual([]);

    const municipalityB = users.memberB.municipalityId!;
    const report = await buildDocument(m(), { title: "Tjäderspel och vindkraft", designation: "SOU 2026:99", year: 2026 });
    // What memberA may not read: another municipality's input, and a draft response.
    const otherInput = await buildMemberInput(m(), { municipalityId: municipalityB, status: MemberInputStatus.SUBMITTED, text: "Mullsjö värnar tjäderspelet i skogen." });
    const draft = await buildResponse(m(), { title: "Utkast om tjäderspel", status: ResponseStatus.DRAFT, sections: [{ heading: "Sammanfattning", body: "Tjäderspel är viktiga." }] });
    await indexer.idle({ timeoutMs: 60_000 });

    expect(ofDaily(await dailyQueue.run(at("2027-01-05", 6))), "not before the morning").toEqual([]);
    const [mail, ...rest] = ofDaily(await dailyQueue.run(at("2027-01-05", 8)));
    expect(rest).toEqual([]);
    expect(mail).toMatchObject({ key: `savedSearch:${daily.id}:2027-01-05`, kind: "savedSearch", userId: users.memberA.id });
    expect(mail.mail.to).toBe(users.memberA.email);
    expect(mail.mail.subject).toBe("En ny träff för din sökning ”Tjäder”");
    expect(mail.mail.text).toContain("Tjäderspel och vindkraft");
    expect(mail.mail.text).toContain(`/dokument/${report.id}`);
    // The leak test: nothing of what the member may not read, not even a title.
    expect(mail.mail.text).not.toContain("Mullsjö");
    expect(mail.mail.text).not.toContain(otherInput.id);
    expect(mail.mail.text).not.toContain("Utkast om tjäderspel");
    expect(mail.mail.text).toContain("/sok?q=tj%C3%A4derspel");

    // Told: not again that day, nor the next day without news.
    expect(ofDaily(await savedSearchPlanner.plan(api.ds, at("2027-01-05", 9)))).toEqual([]);
    expect(ofDaily(await dailyQueue.run(at("2027-01-06", 8)))).toEqual([]);
    const stored = await m().getRepository(SavedSearch).findOneByOrFail({ id: daily.id });
    expect(stored.lastNotifiedAt).toEqual(at("2027-01-05", 8));
    // A day without news is done with once looked at: the search is not run again that day.
    expect(stored.lastPeriod).toBe("2027-01-06");

    // A changed match is news again.
    await m().update(Document, report.id, { title: "Tjäderspel och vindkraft på land" });
    await indexer.idle({ timeoutMs: 60_000 });
    const changed = ofDaily(await dailyQueue.run(at("2027-01-07", 8)));
    expect(changed.map((c) => c.mail.subject)).toEqual(["En ny träff för din sökning ”Tjäder”"]);
    expect(changed[0].mail.text).toContain("Tjäderspel och vindkraft på land");

    // Weekly: only on Monday mornings, with what staff may read (the input and the draft too).
    const weeklyQueue = plannerQueue(savedSearchPlanner, api.ds, [weekly.id, never.id]);
    expect(ofWeekly(await weeklyQueue.run(at("2027-01-07", 8)))).toEqual([]);
    const [monday] = ofWeekly(await weeklyQueue.run(at("2027-01-11", 7)));
    expect(monday.key).toBe(`savedSearch:${weekly.id}:2027-W02`);
    expect(monday.mail.subject).toBe("3 nya träffar för din sökning ”Tjäder”");
    expect(monday.mail.text).toContain("Utkast om tjäderspel");
    expect(monday.mail.text).toContain(`/remissvar/${draft.id}`);
    expect(ofWeekly(await weeklyQueue.run(at("2027-01-11", 10)))).toEqual([]);

    // Never: kept, never mailed.
    expect(about(never.id)([...dailyQueue.sent, ...weeklyQueue.sent])).toEqual([]);
  });

  it("does not send what the owner may no longer read when the mail is due", async () => {
    const search = await saved(tokens.memberA, { name: "Järv", query: "järvstammen", frequency: "DAILY" });
    const response = await buildResponse(m(), { title: "Remissvar om järvstammen", status: ResponseStatus.APPROVED, approvedAt: new Date() });
    await indexer.idle({ timeoutMs: 60_000 });
    const [planned] = about(search.id)(await savedSearchPlanner.plan(api.ds, at("2027-03-01", 8)));
    expect(planned.mail.text).toContain("Remissvar om järvstammen");
    // Returned to draft before the sender got to it: members may not read drafts.
    await api.ds.query(`UPDATE response SET status = 'draft' WHERE id = $1`, [response.id]);
    expect(await api.ds.transaction((manager) => savedSearchPlanner.stillDue!(manager, planned, at("2027-03-01", 8)))).toBe(false);
  });

  it("tells the same story twice under one key, and nothing for a search stopped before sending", async () => {
    const search = await saved(tokens.memberA, { name: "Lodjur", query: "lodjursstammen", frequency: "DAILY" });
    await buildDocument(m(), { title: "Lodjursstammen i Värmland" });
    await indexer.idle({ timeoutMs: 60_000 });
    const mine = about(search.id);
    const first = mine(await savedSearchPlanner.plan(api.ds, at("2027-02-01", 8)));
    await buildDocument(m(), { title: "Lodjursstammen i Dalarna" });
    await indexer.idle({ timeoutMs: 60_000 });
    // Planned twice in one period (two workers, or a restart before queueing): the same mail.
    const second = mine(await savedSearchPlanner.plan(api.ds, at("2027-02-01", 9)));
    expect(second).toEqual(first);
    expect(first[0].mail.text).not.toContain("Dalarna");

    // Access taken away before sending: not sent.
    await m().update(User, users.memberA.id, { active: false });
    expect(await api.ds.transaction((manager) => savedSearchPlanner.stillDue!(manager, first[0], at("2027-02-01", 9)))).toBe(false);
    await m().update(User, users.memberA.id, { active: true });
    await ok(UPDATE, { input: { id: search.id, frequency: "NEVER" } }, tokens.memberA);
    expect(await api.ds.transaction((manager) => savedSearchPlanner.stillDue!(manager, first[0], at("2027-02-01", 9)))).toBe(false);
    await ok(UPDATE, { input: { id: search.id, frequency: "DAILY" } }, tokens.memberA);
    // The next day tells both: the first was never sent.
    const next = mine(await plannerQueue(savedSearchPlanner, api.ds, [search.id]).run(at("2027-02-02", 8)));
    expect(next).toHaveLength(1);
    expect(next[0].mail.text).toContain("Dalarna");
    expect(next[0].mail.text).toContain("Värmland");
  });
});
