/**
 * Following an inquiry through GraphQL over HTTP (sign-in, bad input, one person's follows
 * are nobody else's), and the `follow` planner against real PostgreSQL with the clock
 * passed in: each piece of news in the chain is told once, and only while it is news.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Document, Inquiry, Remiss, Role, User } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { UNKNOWN_ID } from "@remissbanken/test/db";
import { buildDocument, buildInquiry, buildRemiss, buildUserWithToken } from "@remissbanken/test/factories";
import { about, plannerQueue } from "@remissbanken/test/planners";
import { followPlanner as makeFollowPlanner } from "./follow.planner.js";

const followPlanner = makeFollowPlanner({ publicUrl: "http://remissbanken.test" });

let api: TestApi;
const tokens = {} as Record<"anna" | "bo" | "member", string>;
const users = {} as Record<"anna" | "bo" | "member", User>;
const m = () => api.ds.manager;

const FOLLOW = `mutation($id: ID!) { followInquiry(inquiryId: $id) { id lastNotifiedAt inquiry { id name followedByMe } } }`;
const UNFOLLOW = `mutation($id: ID!) { unfollowInquiry(inquiryId: $id) }`;
const FOLLOWED = `query($id: ID!) { inquiry(id: $id) { followedByMe } }`;
const MINE = `{ myFollows { id inquiry { id } } }`;

async function ok<T = any>(query: string, vars: Record<string, unknown>, token?: string): Promise<T> {
  const result = await api.gql(query, vars, { token });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

beforeAll(async () => {
  api = await startTestApi();
  for (const [name, role] of [["anna", Role.STAFF], ["bo", Role.BOARD], ["member", Role.MEMBER]] as const) {
    const made = await buildUserWithToken(m(), { role, name: `${name} Testsson` });
    tokens[name] = made.token;
    users[name] = made.user;
  }
});
afterAll(() => api?.stop());

describe("followInquiry, unfollowInquiry, myFollows, Inquiry.followedByMe", () => {
  it("asks anonymous callers to sign in, and says followedByMe false to them", async () => {
    const inquiry = await buildInquiry(m());
    expect(errorCode(await api.gql(FOLLOW, { id: inquiry.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(UNFOLLOW, { id: inquiry.id }))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(MINE))).toBe("UNAUTHENTICATED");
    expect((await ok(FOLLOWED, { id: inquiry.id })).inquiry.followedByMe).toBe(false);
  });

  it("refuses an id that is none, an unknown inquiry and an archived one", async () => {
    const bad = await api.gql(FOLLOW, { id: "inte-ett-id" }, { token: tokens.anna });
    expect(errorCode(bad)).toBe("BAD_USER_INPUT");
    expect(bad.errors![0].extensions!.fields![0].field).toBe("inquiryId");
    expect(errorCode(await api.gql(FOLLOW, { id: UNKNOWN_ID }, { token: tokens.anna }))).toBe("NOT_FOUND");
    const archived = await buildInquiry(m(), { archivedAt: new Date() });
    const refused = await api.gql(FOLLOW, { id: archived.id }, { token: tokens.anna });
    expect(errorCode(refused)).toBe("CONFLICT");
    expect(refused.errors![0].extensions!.reason).toBe("ARCHIVED");
  });

  it("follows once however often asked; each person sees and stops only their own follows", async () => {
    const inquiry = await buildInquiry(m(), { name: "Strandskyddsutredningen" });
    const first = (await ok(FOLLOW, { id: inquiry.id }, tokens.member)).followInquiry;
    expect(first.inquiry).toEqual({ id: inquiry.id, name: "Strandskyddsutredningen", followedByMe: true });
    expect((await ok(FOLLOW, { id: inquiry.id }, tokens.member)).followInquiry.id).toBe(first.id);
    expect((await ok(MINE, {}, tokens.member)).myFollows).toEqual([{ id: first.id, inquiry: { id: inquiry.id } }]);

    // Someone else neither sees the follow nor can stop it.
    expect((await ok(FOLLOWED, { id: inquiry.id }, tokens.bo)).inquiry.followedByMe).toBe(false);
    expect((await ok(MINE, {}, tokens.bo)).myFollows).toEqual([]);
    expect((await ok(UNFOLLOW, { id: inquiry.id }, tokens.bo)).unfollowInquiry).toBe(false);
    expect((await ok(FOLLOWED, { id: inquiry.id }, tokens.member)).inquiry.followedByMe).toBe(true);

    expect((await ok(UNFOLLOW, { id: inquiry.id }, tokens.member)).unfollowInquiry).toBe(true);
    expect((await ok(FOLLOWED, { id: inquiry.id }, tokens.member)).inquiry.followedByMe).toBe(false);
    expect((await ok(UNFOLLOW, { id: inquiry.id }, tokens.member)).unfollowInquiry).toBe(false);
  });

  it("answers followedByMe for a list of inquiries in a constant number of statements", async () => {
    const inquiries = await Promise.all([1, 2, 3, 4, 5].map(() => buildInquiry(m())));
    await ok(FOLLOW, { id: inquiries[2].id }, tokens.bo);
    const list = `{ inquiries(first: 100) { edges { node { id followedByMe } } } }`;
    const few = await api.countQueries(() => ok(list, {}, tokens.bo));
    const answer = await ok(list, {}, tokens.bo);
    const followed = answer.inquiries.edges.filter((e: any) => e.node.followedByMe).map((e: any) => e.node.id);
    expect(followed).toEqual([inquiries[2].id]);
    await Promise.all([1, 2, 3, 4, 5].map(() => buildInquiry(m())));
    expect(await api.countQueries(() => ok(list, {}, tokens.bo))).toBe(few);
  });
});

describe("the follow planner", () => {
  const now = new Date("2027-01-04T07:00:00Z");

  it("tells each follower once of a new document, a new remiss and moved deadlines, and nothing before", async () => {
    const inquiry = await buildInquiry(m(), { name: "Kommunutredningen", reportDueDate: "2027-02-26" });
    const directive = await buildDocument(m(), { inquiryId: inquiry.id, designation: "Dir. 2026:90", title: "Kommittédirektiv" });
    const oldRemiss = await buildRemiss(m(), { documentId: directive.id, deadline: "2027-03-01" });
    await ok(FOLLOW, { id: inquiry.id }, tokens.anna);
    await ok(FOLLOW, { id: inquiry.id }, tokens.member);
    const queue = plannerQueue(followPlanner, api.ds, [inquiry.id]);
    const ofInquiry = about(inquiry.id);
    expect(ofInquiry(await queue.run(now)), "nothing has happened since following").toEqual([]);

    const report = await buildDocument(m(), { inquiryId: inquiry.id, designation: "SOU 2027:3", title: "Starkare kommuner" });
    const remiss = await buildRemiss(m(), { documentId: report.id, ministry: "Finansdepartementet", diarienummer: "Fi2027/00012", deadline: "2027-04-30" });
    await m().update(Remiss, oldRemiss.id, { deadline: "2027-03-15" });
    await m().update(Inquiry, inquiry.id, { reportDueDate: "2027-05-29" });

    const sent = ofInquiry(await queue.run(now));
    expect(sent).toHaveLength(8);
    const anna = sent.filter((mail) => mail.userId === users.anna.id);
    expect(anna.map((mail) => mail.mail.subject).sort()).toEqual([
      "Kommunutredningen ska redovisas 29 maj 2027",
      "Ny remiss: SOU 2027:3",
      "Ny sista svarsdag för remissen av Dir. 2026:90",
      "Nytt dokument i Kommunutredningen: SOU 2027:3",
    ]);
    expect(anna.every((mail) => mail.mail.to === users.anna.email && mail.kind === "follow")).toBe(true);
    const remissMail = anna.find((mail) => mail.mail.subject.startsWith("Ny remiss"))!;
    expect(remissMail.mail.text).toContain("Finansdepartementet har skickat SOU 2027:3 Starkare kommuner på remiss (Fi2027/00012). Sista svarsdag är 30 april 2027.");
    expect(remissMail.mail.text).toContain(`/remisser/${remiss.id}`);
    expect(anna.find((mail) => mail.mail.subject.startsWith("Ny sista"))!.mail.text).toContain("nu 15 mars 2027 (tidigare 1 mars 2027)");
    expect(new Set(sent.map((mail) => mail.key)).size).toBe(8);

    // Told: neither the planner nor a later day brings it up again.
    expect(ofInquiry(await followPlanner.plan(api.ds, now))).toEqual([]);
    expect(ofInquiry(await queue.run(new Date("2027-01-05T07:00:00Z")))).toEqual([]);
    const follows = await ok(MINE, {}, tokens.anna);
    expect(follows.myFollows.map((f: any) => f.inquiry.id)).toContain(inquiry.id);
    const [{ last_notified_at }] = await api.ds.query(`SELECT last_notified_at FROM inquiry_follow WHERE user_id = $1 AND inquiry_id = $2`, [users.anna.id, inquiry.id]);
    expect(last_notified_at).toEqual(now);

    // A deadline moved again is news again.
    await m().update(Remiss, remiss.id, { deadline: "2027-05-14" });
    const moved = ofInquiry(await queue.run(now));
    expect(moved.map((mail) => mail.mail.subject)).toEqual([
      "Ny sista svarsdag för remissen av SOU 2027:3",
      "Ny sista svarsdag för remissen av SOU 2027:3",
    ]);
  });

  it("tells nothing to someone who turned follow mails off, not even what was planned before", async () => {
    const inquiry = await buildInquiry(m());
    await ok(FOLLOW, { id: inquiry.id }, tokens.bo);
    await buildDocument(m(), { inquiryId: inquiry.id });
    const [planned] = about(inquiry.id)(await followPlanner.plan(api.ds, now));
    expect(planned.mail.text).toContain(`http://remissbanken.test/utredningar/${inquiry.id}`);
    const off = `mutation { updateNotificationSettings(settings: [{ kind: "follow", enabled: false }]) { kind enabled } }`;
    await ok(off, {}, tokens.bo);
    expect(await api.ds.transaction((manager) => followPlanner.stillDue!(manager, planned, now))).toBe(false);
    expect(about(inquiry.id)(await followPlanner.plan(api.ds, now))).toEqual([]);
    await ok(off.replace("false", "true"), {}, tokens.bo);
    expect(about(inquiry.id)(await followPlanner.plan(api.ds, now))).toHaveLength(1);
  });

  it("tells nothing of an unfollowed or archived inquiry, nor news undone before sending", async () => {
    const inquiry = await buildInquiry(m());
    await ok(FOLLOW, { id: inquiry.id }, tokens.bo);
    const queue = plannerQueue(followPlanner, api.ds, [inquiry.id]);
    const ofInquiry = about(inquiry.id);

    // Planned, then archived before the sender got to it: not sent, and not news any more.
    const document = await buildDocument(m(), { inquiryId: inquiry.id });
    const planned = ofInquiry(await followPlanner.plan(api.ds, now));
    expect(planned).toHaveLength(1);
    await m().update(Document, document.id, { archivedAt: new Date() });
    expect(await api.ds.transaction((manager) => followPlanner.stillDue!(manager, planned[0], now))).toBe(false);
    expect(ofInquiry(await queue.run(now))).toEqual([]);

    await buildDocument(m(), { inquiryId: inquiry.id });
    await m().update(Inquiry, inquiry.id, { archivedAt: new Date() });
    expect(ofInquiry(await queue.run(now))).toEqual([]);
    await m().update(Inquiry, inquiry.id, { archivedAt: null });
    expect(ofInquiry(await followPlanner.plan(api.ds, now))).toHaveLength(1);
    await ok(UNFOLLOW, { id: inquiry.id }, tokens.bo);
    expect(ofInquiry(await queue.run(now))).toEqual([]);
  });
});
