import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CalendarFeed, MemberInputStatus, ResponseStatus, Role } from "@remissbanken/schema";
import { errorCode, startTestApi, type TestApi } from "@remissbanken/test/harness";
import { buildDocument, buildInquiry, buildMemberInput, buildMunicipality, buildRemiss, buildResponse, buildUserWithToken } from "@remissbanken/test/factories";
import { fetchFeed } from "@remissbanken/test/calendar";
import { addDays, stockholmDate } from "../common/dates.js";
import { hashSecret } from "../auth/secrets.js";

let api: TestApi;
let staff: string;
let member: { token: string; id: string; municipalityId: string };
let admin: string;

beforeAll(async () => {
  api = await startTestApi();
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
  admin = (await buildUserWithToken(api.ds.manager, { role: Role.ADMIN })).token;
  const m = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER });
  member = { token: m.token, id: m.user.id, municipalityId: m.user.municipalityId! };
});
afterAll(() => api?.stop());

const REGENERATE = `mutation { regenerateCalendarFeed { url feed { createdAt lastUsedAt } } }`;
const REVOKE = `mutation { revokeCalendarFeed }`;
const MY_FEED = `{ me { calendarFeedUrl calendarFeed { createdAt lastUsedAt } } }`;
const inDays = (n: number) => addDays(stockholmDate(), n);

/** A new feed for the token's owner; the address is served by this test's API (PUBLIC_URL is the web app's). */
async function newFeed(token: string): Promise<{ url: string; publicUrl: string }> {
  const result = await api.gql(REGENERATE, {}, { token });
  expect(result.errors).toBeUndefined();
  const publicUrl: string = result.data.regenerateCalendarFeed.url;
  return { publicUrl, url: new URL(new URL(publicUrl).pathname, api.url).toString() };
}

async function updateRemiss(input: Record<string, unknown>) {
  const result = await api.gql(`mutation($input: UpdateRemissInput!) { updateRemiss(input: $input) { id version } }`, { input }, { token: staff });
  expect(result.errors).toBeUndefined();
}

describe("calendar feed address (GraphQL)", () => {
  it("needs sign-in to create or revoke", async () => {
    expect(errorCode(await api.gql(REGENERATE))).toBe("UNAUTHENTICATED");
    expect(errorCode(await api.gql(REVOKE))).toBe("UNAUTHENTICATED");
  });

  it("is null until created, then the same address under PUBLIC_URL on every read, found by its hash and never audited", async () => {
    const { user, token } = await buildUserWithToken(api.ds.manager, { role: Role.BOARD });
    expect((await api.gql(MY_FEED, {}, { token })).data.me).toEqual({ calendarFeedUrl: null, calendarFeed: null });

    const result = await api.gql(REGENERATE, {}, { token });
    expect(result.errors).toBeUndefined();
    const { url, feed } = result.data.regenerateCalendarFeed;
    expect(url).toMatch(/^http:\/\/localhost:3000\/kalender\/rbk_[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed).toEqual({ createdAt: expect.any(String), lastUsedAt: null });
    // Like a Google or Outlook calendar's secret address: shown again, unchanged, until replaced.
    expect((await api.gql(MY_FEED, {}, { token })).data.me).toEqual({ calendarFeedUrl: url, calendarFeed: feed });
    expect((await api.gql(MY_FEED, {}, { token })).data.me.calendarFeedUrl).toBe(url);

    const secret = /kalender\/(.+)\.ics$/.exec(url)![1];
    const stored = await api.ds.query(`SELECT token, token_hash FROM calendar_feed WHERE user_id = $1`, [user.id]);
    expect(stored).toEqual([{ token: secret, token_hash: hashSecret(secret) }]);
    const audit = JSON.stringify(await api.ds.query(`SELECT before, after FROM audit_log WHERE entity_type = 'CalendarFeed'`));
    expect(audit).not.toContain(secret);
    expect(audit).not.toContain(hashSecret(secret));
  });

  it("gives each person their own address only, never another's", async () => {
    const memberUrl = (await newFeed(member.token)).publicUrl;
    const { token: other } = await buildUserWithToken(api.ds.manager, { role: Role.ADMIN });
    // Someone else with a feed does not make one appear for a person without.
    expect((await api.gql(MY_FEED, {}, { token: other })).data.me).toEqual({ calendarFeedUrl: null, calendarFeed: null });
    const result = await api.gql(
      `query($id: ID!, $m: ID!) { user(id: $id) { calendarFeedUrl calendarFeed { createdAt } } users(municipalityId: $m) { nodes { id calendarFeedUrl calendarFeed { createdAt } } } }`,
      { id: member.id, m: member.municipalityId }, { token: other },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.user).toEqual({ calendarFeedUrl: null, calendarFeed: null });
    expect(result.data.users.nodes.map((u: { id: string }) => u.id)).toContain(member.id);
    expect(result.data.users.nodes.filter((u: { calendarFeedUrl: string | null; calendarFeed: unknown }) => u.calendarFeedUrl || u.calendarFeed)).toEqual([]);

    const otherUrl = (await newFeed(other)).publicUrl;
    expect(otherUrl).not.toBe(memberUrl);
    expect((await api.gql(MY_FEED, {}, { token: other })).data.me.calendarFeedUrl).toBe(otherUrl);
    expect((await api.gql(MY_FEED, {}, { token: member.token })).data.me.calendarFeedUrl).toBe(memberUrl);
  });

  it("regenerating changes the address and stops the old one at once, and revoking stops the new one", async () => {
    const { token } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    const first = await newFeed(token);
    expect((await fetchFeed(first.url)).status).toBe(200);

    const second = await newFeed(token);
    expect(second.url).not.toBe(first.url);
    expect((await api.gql(MY_FEED, {}, { token })).data.me.calendarFeedUrl).toBe(second.publicUrl);
    expect((await fetchFeed(first.url)).status).toBe(404);
    expect((await fetchFeed(second.url)).status).toBe(200);
    expect(await api.ds.getRepository(CalendarFeed).count()).toBeGreaterThan(0);

    expect((await api.gql(REVOKE, {}, { token })).data.revokeCalendarFeed).toBe(true);
    expect((await fetchFeed(second.url)).status).toBe(404);
    expect((await api.gql(MY_FEED, {}, { token })).data.me).toEqual({ calendarFeedUrl: null, calendarFeed: null });
    expect((await api.gql(REVOKE, {}, { token })).data.revokeCalendarFeed).toBe(false);
  });

  it("stops when the person is archived, for good", async () => {
    const { user, token } = await buildUserWithToken(api.ds.manager, { role: Role.MEMBER });
    const { url } = await newFeed(token);
    expect((await fetchFeed(url)).status).toBe(200);
    const archived = await api.gql(`mutation($id: ID!) { archiveUser(id: $id) { id } }`, { id: user.id }, { token: admin });
    expect(archived.errors).toBeUndefined();
    expect((await fetchFeed(url)).status).toBe(404);
    // As with API tokens, archiving takes the address away: it does not come back with the account.
    expect(await api.ds.getRepository(CalendarFeed).countBy({ userId: user.id })).toBe(0);
  });

  it("notes when a calendar last fetched it", async () => {
    const { token } = await buildUserWithToken(api.ds.manager, { role: Role.STAFF });
    const { url } = await newFeed(token);
    await fetchFeed(url);
    await expect.poll(async () => (await api.gql(MY_FEED, {}, { token })).data.me.calendarFeed.lastUsedAt).not.toBeNull();
  });
});

describe("GET /kalender/<token>.ics", () => {
  it("serves the deadlines as all-day events with Swedish summaries and a link back", async () => {
    const document = await buildDocument(api.ds.manager, { title: "Spara i goda tider", designation: `SOU 2031:${Math.floor(Math.random() * 1e6)}` });
    const remiss = await buildRemiss(api.ds.manager, {
      documentId: document.id, diarienummer: `Fi2031/${Math.floor(Math.random() * 1e6)}`, deadline: inDays(40), memberInputDeadline: inDays(20),
    });
    const { url } = await newFeed(staff);
    const feed = await fetchFeed(url);

    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(feed.headers.get("cache-control")).toBe("private, no-cache");
    expect(feed.calendarName).toBe("Remissbanken – SmåKom");
    expect(feed.text).toContain("X-WR-TIMEZONE:Europe/Stockholm");
    expect(feed.text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT6H");

    const deadline = feed.events.get(`remiss-${remiss.id}-deadline@remissbanken`)!;
    expect(deadline).toMatchObject({
      date: inDays(40),
      allDay: true,
      summary: `Sista svarsdag: Spara i goda tider (${remiss.diarienummer})`,
      url: `http://localhost:3000/remisser/${remiss.id}`,
    });
    expect(deadline.description).toContain(`Öppna remissen i Remissbanken: http://localhost:3000/remisser/${remiss.id}`);
    expect(deadline.description).toContain(`Remiss från Finansdepartementet om ${document.designation}: Spara i goda tider`);
    const input = feed.events.get(`remiss-${remiss.id}-member-input@remissbanken`)!;
    expect(input).toMatchObject({ date: inDays(20), allDay: true, summary: `Sista dag för synpunkter: Spara i goda tider (${remiss.diarienummer})` });
  });

  it("keeps UIDs and text stable across requests and answers 304 to a calendar that has it", async () => {
    const remiss = await buildRemiss(api.ds.manager, { deadline: inDays(30), memberInputDeadline: inDays(10) });
    const { url } = await newFeed(staff);
    const first = await fetchFeed(url);
    const second = await fetchFeed(url);
    expect([...second.events.keys()]).toEqual([...first.events.keys()]);
    expect(first.events.has(`remiss-${remiss.id}-deadline@remissbanken`)).toBe(true);
    expect(second.text).toBe(first.text);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect((await fetchFeed(url, { "if-none-match": etag })).status).toBe(304);
  });

  it("moves an event when its date moves, as a new version of the same event", async () => {
    const remiss = await buildRemiss(api.ds.manager, { deadline: inDays(30), memberInputDeadline: inDays(10) });
    const uid = `remiss-${remiss.id}-deadline@remissbanken`;
    const { url } = await newFeed(staff);
    const before = (await fetchFeed(url)).events.get(uid)!;

    await updateRemiss({ id: remiss.id, deadline: inDays(45) });
    const after = (await fetchFeed(url)).events.get(uid)!;
    expect(after.date).toBe(inDays(45));
    expect(after.sequence).toBeGreaterThan(before.sequence);
    expect(after.lastModified!.getTime()).toBeGreaterThanOrEqual(before.lastModified!.getTime());
    expect((await fetchFeed(url)).events.get(`remiss-${remiss.id}-member-input@remissbanken`)!.date).toBe(inDays(10));
  });

  it("drops the events of an archived remiss, and every event of a declined one from staff's and the board's feeds", async () => {
    const archived = await buildRemiss(api.ds.manager, { deadline: inDays(30), memberInputDeadline: inDays(10) });
    const declined = await buildRemiss(api.ds.manager, { deadline: inDays(31), memberInputDeadline: inDays(11) });
    const old = await buildRemiss(api.ds.manager, { deadline: inDays(-400), memberInputDeadline: inDays(-420) });
    const board = (await buildUserWithToken(api.ds.manager, { role: Role.BOARD })).token;
    const feeds = { staff: (await newFeed(staff)).url, admin: (await newFeed(admin)).url, board: (await newFeed(board)).url };
    for (const url of Object.values(feeds)) {
      const uids = [...(await fetchFeed(url)).events.keys()];
      expect(uids).toContain(`remiss-${archived.id}-deadline@remissbanken`);
      expect(uids).toContain(`remiss-${declined.id}-deadline@remissbanken`);
    }

    const result = await api.gql(`mutation($id: ID!) { archiveRemiss(id: $id) { id } }`, { id: archived.id }, { token: staff });
    expect(result.errors).toBeUndefined();
    await updateRemiss({ id: declined.id, status: "DECLINED" });

    for (const [who, url] of Object.entries(feeds)) {
      const uids = [...(await fetchFeed(url)).events.keys()];
      expect(uids.filter((uid) => uid.includes(archived.id)), who).toEqual([]);
      // SmåKom will not answer it: nothing of it is left to work towards.
      expect(uids.filter((uid) => uid.includes(declined.id)), who).toEqual([]);
      // Older than a year: history, not a deadline to keep in one's calendar.
      expect(uids.filter((uid) => uid.includes(old.id)), who).toEqual([]);
    }
  });

  it("keeps a declined remiss's deadline in a member's feed, without the member-input deadline", async () => {
    const declined = await buildRemiss(api.ds.manager, { deadline: inDays(33), memberInputDeadline: inDays(13) });
    await updateRemiss({ id: declined.id, status: "DECLINED" });
    const { url } = await newFeed(member.token);
    const uids = [...(await fetchFeed(url)).events.keys()];
    expect(uids.filter((uid) => uid.includes(declined.id))).toEqual([`remiss-${declined.id}-deadline@remissbanken`]);
  });

  it("holds the report due dates of the inquiries this person follows, and drops one unfollowed", async () => {
    const followed = await buildInquiry(api.ds.manager, { name: "Utredningen om glesbygdens skolor", reportDueDate: inDays(60) });
    const notFollowed = await buildInquiry(api.ds.manager, { reportDueDate: inDays(61) });
    const follow = await api.gql(`mutation($id: ID!) { followInquiry(inquiryId: $id) { id } }`, { id: followed.id }, { token: staff });
    expect(follow.errors).toBeUndefined();
    const { url } = await newFeed(staff);
    const event = (await fetchFeed(url)).events.get(`inquiry-${followed.id}-report-due@remissbanken`);
    expect(event).toMatchObject({ date: inDays(60), allDay: true, url: `http://localhost:3000/utredningar/${followed.id}` });
    expect(event!.summary).toContain("Utredningen redovisas: Utredningen om glesbygdens skolor");
    expect([...(await fetchFeed(url)).events.keys()].some((uid) => uid.includes(notFollowed.id))).toBe(false);
    // Another person's follows are not in this feed.
    const { url: adminFeed } = await newFeed(admin);
    expect((await fetchFeed(adminFeed)).events.has(`inquiry-${followed.id}-report-due@remissbanken`)).toBe(false);

    await api.gql(`mutation($id: ID!) { unfollowInquiry(inquiryId: $id) }`, { id: followed.id }, { token: staff });
    expect((await fetchFeed(url)).events.has(`inquiry-${followed.id}-report-due@remissbanken`)).toBe(false);
  });

  it("gives a member the deadlines and nothing of notes, unpublished responses or other municipalities' input", async () => {
    const other = await buildMunicipality(api.ds.manager);
    const remiss = await buildRemiss(api.ds.manager, { deadline: inDays(50), memberInputDeadline: inDays(25), notes: "HEMLIG-ANTECKNING-KANSLIET" });
    await buildResponse(api.ds.manager, {
      remissId: remiss.id, status: ResponseStatus.DRAFT, title: "OPUBLICERAT-UTKAST", sections: [{ heading: "Förslaget", body: "OPUBLICERAT-UTKAST" }],
    });
    await buildMemberInput(api.ds.manager, { remissId: remiss.id, municipalityId: other.id, status: MemberInputStatus.SUBMITTED, text: "ANNAN-KOMMUNS-SYNPUNKT" });
    const { url } = await newFeed(member.token);
    const feed = await fetchFeed(url);

    expect([...feed.events.keys()].filter((uid) => uid.includes(remiss.id)).sort()).toEqual([
      `remiss-${remiss.id}-deadline@remissbanken`,
      `remiss-${remiss.id}-member-input@remissbanken`,
    ]);
    for (const secret of ["HEMLIG-ANTECKNING-KANSLIET", "OPUBLICERAT-UTKAST", "ANNAN-KOMMUNS-SYNPUNKT", other.name]) {
      expect(feed.text, secret).not.toContain(secret);
    }
  });

  it("answers 404 and nothing else to unknown and malformed addresses, without asking the database for a malformed one", async () => {
    const base = new URL("/kalender/", api.url).toString();
    const shapes = [
      "x.ics", "rbk_.ics", `rbk_${"a".repeat(42)}.ics`, `rbk_${"a".repeat(44)}.ics`, `rbk_${"a".repeat(43)}`, `rbk_${"a".repeat(43)}.ics.ics`,
      `rbs_${"a".repeat(43)}.ics`, `rbk_${"a".repeat(42)}%2F.ics`, `${"a".repeat(5000)}.ics`, "%00.ics", "..%2Fgraphql",
    ];
    for (const shape of shapes) {
      let status = 0;
      let body = "";
      const statements = await api.countQueries(async () => {
        const res = await fetch(base + shape);
        status = res.status;
        body = await res.text();
      });
      expect([shape.slice(0, 60), status, body, statements]).toEqual([shape.slice(0, 60), 404, "Not found", 0]);
    }
    const unknown = await fetch(`${base}rbk_${"A".repeat(43)}.ics`);
    expect([unknown.status, await unknown.text(), unknown.headers.get("cache-control")]).toEqual([404, "Not found", "no-store"]);
  });
});
