import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RemissStatus, Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { addDays, stockholmDate } from "../common/dates.js";
import { buildRemiss, buildUserWithToken } from "@remissbanken/test/factories";

let api: TestApi;
let member: string;
let staff: string;

beforeAll(async () => {
  api = await startTestApi();
  member = (await buildUserWithToken(api.ds.manager, { role: Role.MEMBER })).token;
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
});
afterAll(() => api?.stop());

const QUERY = `query($days: Int!) { upcomingDeadlines(days: $days) { kind date daysLeft remiss { id } } }`;
const inDays = (n: number) => addDays(stockholmDate(), n);

/** The deadlines of the given remisser only, so that other tests' remisser do not matter. */
async function deadlinesOf(ids: string[], days: number, token = member) {
  const result = await api.gql(QUERY, { days }, { token });
  expect(result.errors).toBeUndefined();
  return result.data.upcomingDeadlines
    .filter((d: { remiss: { id: string } }) => ids.includes(d.remiss.id))
    .map((d: { kind: string; date: string; daysLeft: number; remiss: { id: string } }) => [d.remiss.id, d.kind, d.date, d.daysLeft]);
}

describe("upcomingDeadlines", () => {
  it("needs sign-in", async () => {
    expect(errorCode(await api.gql(QUERY, { days: 30 }))).toBe("UNAUTHENTICATED");
  });

  it("rejects a window below 0 or over a year", async () => {
    for (const days of [-1, 367]) expect(errorCode(await api.gql(QUERY, { days }, { token: member })), String(days)).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(`{ upcomingDeadlines(days: 1.5) { date } }`, {}, { token: member }))).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("lists remiss and member-input deadlines within the window in date order", async () => {
    const a = await buildRemiss(api.ds.manager, { deadline: inDays(20), memberInputDeadline: inDays(5), status: RemissStatus.TO_ANSWER });
    const b = await buildRemiss(api.ds.manager, { deadline: inDays(10), memberInputDeadline: inDays(0), status: RemissStatus.DRAFTING });
    const c = await buildRemiss(api.ds.manager, { deadline: inDays(45), memberInputDeadline: inDays(30) });
    const d = await buildRemiss(api.ds.manager, { deadline: inDays(5), memberInputDeadline: inDays(-3), status: RemissStatus.DECIDED });
    const ids = [a.id, b.id, c.id, d.id];

    expect(await deadlinesOf(ids, 30)).toEqual([
      [b.id, "MEMBER_INPUT", inDays(0), 0],
      [d.id, "REMISS", inDays(5), 5],
      [a.id, "MEMBER_INPUT", inDays(5), 5],
      [b.id, "REMISS", inDays(10), 10],
      [a.id, "REMISS", inDays(20), 20],
      [c.id, "MEMBER_INPUT", inDays(30), 30],
    ].sort((x, y) => String(x[2]).localeCompare(String(y[2])) || String(x[1]).localeCompare(String(y[1]))));
    expect(await deadlinesOf(ids, 29, staff)).toHaveLength(5);
    expect(await deadlinesOf(ids, 0)).toEqual([[b.id, "MEMBER_INPUT", inDays(0), 0]]);
    expect((await deadlinesOf(ids, 366)).map((x: unknown[]) => x[2])).toEqual([inDays(0), inDays(5), inDays(5), inDays(10), inDays(20), inDays(30), inDays(45)]);
  });

  it("leaves out declined, submitted and archived remisser and past dates", async () => {
    const declined = await buildRemiss(api.ds.manager, { deadline: inDays(3), status: RemissStatus.DECLINED });
    const submitted = await buildRemiss(api.ds.manager, { deadline: inDays(4), memberInputDeadline: inDays(2), status: RemissStatus.SUBMITTED });
    const archived = await buildRemiss(api.ds.manager, { deadline: inDays(6), archivedAt: new Date() });
    const past = await buildRemiss(api.ds.manager, { deadline: inDays(-1), memberInputDeadline: inDays(-10) });
    const open = await buildRemiss(api.ds.manager, { deadline: inDays(7), status: RemissStatus.MONITORING });
    expect(await deadlinesOf([declined.id, submitted.id, archived.id, past.id, open.id], 30)).toEqual([[open.id, "REMISS", inDays(7), 7]]);
  });
});
