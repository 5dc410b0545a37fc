/**
 * The remiss page's action against the real API: a tracking field saved in place, a
 * stale save answered as a conflict with both values, and the typed value kept.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { seedDemoData } from "@remissbanken/api/seed/demo-data";
import { Remiss } from "@remissbanken/schema";
import { demoUser } from "../../e2e/harness";
// Outside routes/: Remix would take a test file there for a route.
import { action, loader } from "~/routes/remisser.$id";

let api: TestApi;
let cookie: string;
let remissId: string;

beforeAll(async () => {
  api = await startTestApi({ SIGN_IN_DELAY_MS: "0" });
  await seedDemoData(api.ds);
  // The web app's server-side client reads its API address on first use.
  process.env.API_URL = api.url;
  const { email, password } = demoUser("staff");
  const signedIn = await api.gql(`mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }`, { email, password });
  cookie = signedIn.setCookies.map((line) => line.split(";")[0]).join("; ");
  const [row] = await api.ds.query(`SELECT r.id FROM remiss r JOIN document d ON d.id = r.document_id WHERE d.title LIKE 'Övningsremiss%'`);
  remissId = row.id;
});
afterAll(() => api?.stop());

function post(fields: Record<string, string>): Request {
  return new Request(`http://web.test/remisser/${remissId}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
}

const run = (fields: Record<string, string>) => action({ request: post(fields), params: { id: remissId }, context: {} });
const stored = () => api.ds.getRepository(Remiss).findOneByOrFail({ id: remissId });

interface Answer {
  data: { saved?: string; version?: number; problems?: { formError?: string; fieldErrors: Record<string, string>; values: Record<string, string> }; conflict?: { theirs: string; yours: string; version: number } };
  init: { status?: number } | null;
}

describe("remiss page action", () => {
  it("loads the remiss with its tracking for staff", async () => {
    const page = await loader({ request: new Request(`http://web.test/remisser/${remissId}`, { headers: { cookie } }), params: { id: remissId }, context: {} });
    expect(page.remiss.abilities.canEdit).toBe(true);
    expect(page.staff.map((s) => s.label)).toContain("Karin Kansli");
  });

  it("saves a field in place and answers with the new version", async () => {
    const before = await stored();
    const answer = (await run({ intent: "status", status: "DRAFTING", expectedVersion: String(before.version), _inPlace: "1" })) as unknown as Answer;
    expect(answer.data.saved).toBe("status");
    expect(answer.data.version).toBe(before.version + 1);
    expect((await stored()).status).toBe("drafting");
  });

  it("redirects with a message when the form was posted without JavaScript", async () => {
    const before = await stored();
    const answer = await run({ intent: "status", status: "TO_ANSWER", expectedVersion: String(before.version) });
    expect(answer).toBeInstanceOf(Response);
    const response = answer as unknown as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`/remisser/${remissId}#bevakning`);
    expect(response.headers.get("set-cookie")).toContain("rb_flash");
  });

  it("answers a stale save with 409, their value and yours, and keeps what was typed", async () => {
    const seen = (await stored()).version;
    await api.ds.getRepository(Remiss).update({ id: remissId }, { notes: "Kollegans anteckning" });
    const now = (await stored()).version;
    expect(now).toBeGreaterThan(seen);
    const answer = (await run({ intent: "notes", notes: "Min anteckning", expectedVersion: String(seen), _inPlace: "1" })) as unknown as Answer;
    expect(answer.init?.status).toBe(409);
    expect(answer.data.conflict).toEqual({ group: "notes", theirs: "Kollegans anteckning", yours: "Min anteckning", version: now });
    expect(answer.data.problems?.values.notes).toBe("Min anteckning");
    expect((await stored()).notes).toBe("Kollegans anteckning");
  });

  it("names the status and the responsible as people read them in a conflict", async () => {
    const seen = (await stored()).version;
    await api.ds.getRepository(Remiss).update({ id: remissId }, { ownerId: null });
    const staffId = (await api.ds.query(`SELECT id FROM app_user WHERE email = 'staff@smakom.example'`))[0].id;
    const answer = (await run({ intent: "owner", ownerId: staffId, expectedVersion: String(seen), _inPlace: "1" })) as unknown as Answer;
    expect(answer.data.conflict).toMatchObject({ theirs: "Ingen ansvarig", yours: "Karin Kansli" });
  });

  it("refuses invalid values in Swedish without calling the API", async () => {
    const answer = (await run({ intent: "memberDeadline", memberInputDeadline: "2027-02-30", expectedVersion: "1" })) as unknown as Answer;
    expect(answer.init?.status).toBe(400);
    expect(answer.data.problems?.fieldErrors.memberInputDeadline).toMatch(/^Skriv datumet som ÅÅÅÅ-MM-DD/);
  });

  it("maps the API's refusal of a member deadline after the ministry's to Swedish", async () => {
    const remiss = await stored();
    const answer = (await run({ intent: "memberDeadline", memberInputDeadline: "2099-01-01", expectedVersion: String(remiss.version) })) as unknown as Answer;
    expect(answer.init?.status).toBe(400);
    expect(answer.data.problems?.formError).toBe("Sista dag för medlemmarnas synpunkter måste ligga före remissens sista svarsdag.");
    expect(answer.data.problems?.fieldErrors.memberInputDeadline).toBeDefined();
  });

  it("publishes staff's summary of the member input, and refuses to publish an empty one in Swedish", async () => {
    const empty = (await run({ intent: "summary", summary: "  ", publish: "1", expectedVersion: String((await stored()).version), _inPlace: "1" })) as unknown as Answer;
    expect(empty.init?.status).toBe(400);
    expect(empty.data.problems?.fieldErrors.summary).toBe("Skriv en sammanställning innan du publicerar den.");
    const answer = (await run({
      intent: "summary", summary: "Kommunerna vill ha frivillig samverkan.", publish: "1", expectedVersion: String((await stored()).version), _inPlace: "1",
    })) as unknown as Answer;
    expect(answer.data.saved).toBe("summary");
    const remiss = await stored();
    expect(remiss.memberInputSummary).toBe("Kommunerna vill ha frivillig samverkan.");
    expect(remiss.memberInputSummaryPublishedAt).not.toBeNull();
  });
});
