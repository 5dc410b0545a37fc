/**
 * Loaders and actions called as Remix calls them (a Request in, data or a Response out),
 * against the real API with the demo data: sign-in, the root's user, refusals turned into
 * the right HTTP answer, and what each role's start page is given.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { seedDemoData } from "@remissbanken/api/seed/demo-data";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { DEMO_USERS } from "@remissbanken/api/auth/demo-users";

let api: TestApi;
const ORIGIN = "http://127.0.0.1:3000";

beforeAll(async () => {
  api = await startTestApi({ SIGN_IN_DELAY_MS: "0" });
  await seedDemoData(api.ds);
  // The web app's settings are read once, on first use: point them at this API first.
  process.env.API_URL = api.url;
});
afterAll(async () => {
  await api?.stop();
});

const routeArgs = (request: Request, params: Record<string, string> = {}) =>
  ({ request, params, context: {} }) as unknown as LoaderFunctionArgs & ActionFunctionArgs;

function post(path: string, fields: Record<string, string>, cookie?: string): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(cookie ? { cookie } : {}) },
    body: new URLSearchParams(fields),
  });
}

const get = (path: string, cookie?: string) => new Request(`${ORIGIN}${path}`, { headers: cookie ? { cookie } : {} });

/** Data returned with data() or as a plain object. */
function unwrap<T = any>(result: unknown): T {
  const value = result as { type?: string; data?: unknown };
  return (value && value.type === "DataWithResponseInit" ? value.data : result) as T;
}

async function thrown(work: () => Promise<unknown>): Promise<Response> {
  try {
    await work();
  } catch (error) {
    if (error instanceof Response) return error;
    throw error;
  }
  throw new Error("expected a thrown Response");
}

async function signInCookie(role: "staff" | "board" | "member" | "admin"): Promise<string> {
  const { action } = await import("./routes/logga-in");
  const user = DEMO_USERS.find((u) => u.role === role)!;
  const response = (await action(routeArgs(post("/logga-in", { email: user.email, password: user.password, redirectTo: "/" })))) as Response;
  return response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
}

describe("/logga-in", () => {
  it("answers a malformed form with Swedish field problems and writes no cookie", async () => {
    const { action } = await import("./routes/logga-in");
    const result = unwrap(await action(routeArgs(post("/logga-in", { email: "inte en adress", password: "" }))));
    expect(result.problems.fieldErrors).toEqual({ email: expect.stringMatching(/giltig e-postadress/), password: "Skriv ditt lösenord." });
    expect(result.problems.values).toEqual({ email: "inte en adress" });
  });

  it("says the password is wrong in Swedish and never sends the password back", async () => {
    const { action } = await import("./routes/logga-in");
    const result = unwrap(await action(routeArgs(post("/logga-in", { email: "staff@smakom.example", password: "fel-lösenord" }))));
    expect(result.problems.formError).toBe("Fel e-postadress eller lösenord.");
    expect(JSON.stringify(result)).not.toContain("fel-lösenord");
  });

  it("relays the API's session cookie and redirects only within the site", async () => {
    const { action } = await import("./routes/logga-in");
    const response = (await action(
      routeArgs(post("/logga-in", { email: "board@smakom.example", password: "demo-board-2021", redirectTo: "https://evil.example/" })),
    )) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/");
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith("rb_session="));
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
  });
});

describe("the root loader", () => {
  it("knows who is signed in, and nobody without a cookie", async () => {
    const { loader } = await import("./root");
    const cookie = await signInCookie("member");
    const signedIn = unwrap(await loader(routeArgs(get("/", cookie))));
    expect(signedIn.user).toMatchObject({ name: "Maja Medlem", role: "MEMBER", municipality: { name: "Forshaga" } });
    expect(unwrap(await loader(routeArgs(get("/")))).user).toBeNull();
  });
});

describe("refusals become the right page", () => {
  it("sends an anonymous visitor of a signed-in page to sign in and back", async () => {
    const { requireUser } = await import("./lib/auth.server");
    const response = await thrown(() => requireUser(get("/remisser?status=alla")));
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/logga-in?redirectTo=%2Fremisser%3Fstatus%3Dalla");
  });

  it("answers 404 for an inquiry that does not exist or is not an id", async () => {
    const { loader } = await import("./routes/utredningar.$id");
    expect((await thrown(() => loader(routeArgs(get("/utredningar/x"), { id: "not-an-id" })))).status).toBe(404);
    expect((await thrown(() => loader(routeArgs(get("/utredningar/0"), { id: "00000000-0000-4000-8000-000000000000" })))).status).toBe(404);
  });

  it("answers 503 when the API cannot be reached", async () => {
    const { toHttpError } = await import("./lib/auth.server");
    const { ApiUnavailableError } = await import("./lib/api.server");
    expect((toHttpError(get("/"), new ApiUnavailableError("down")) as Response).status).toBe(503);
  });

  it("answers 503 when the API runs but its database is away", async () => {
    const { toHttpError } = await import("./lib/auth.server");
    const { ApiError } = await import("./lib/api.server");
    const databaseAway = new ApiError([{ message: "The database is not reachable; try again shortly.", code: "SERVICE_UNAVAILABLE", reason: "DATABASE_UNAVAILABLE" }], 503);
    expect((toHttpError(get("/"), databaseAway) as Response).status).toBe(503);
  });
});

describe("the start page's loader", () => {
  it("gives each role its own view", async () => {
    const { loader } = await import("./routes/_index");
    expect(unwrap(await loader(routeArgs(get("/")))).view).toBe("public");
    expect(unwrap(await loader(routeArgs(get("/", await signInCookie("staff"))))).view).toBe("staff");
    expect(unwrap(await loader(routeArgs(get("/", await signInCookie("board"))))).view).toBe("board");
    expect(unwrap(await loader(routeArgs(get("/", await signInCookie("member"))))).view).toBe("member");
  });
});

describe("/logga-ut", () => {
  it("ends the session at the API and clears the cookie", async () => {
    const { action } = await import("./routes/logga-ut");
    const cookie = await signInCookie("staff");
    const response = (await action(routeArgs(post("/logga-ut", {}, cookie)))) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.getSetCookie().some((line) => /^rb_session=;/.test(line) || /rb_session=.*(Max-Age=0|Expires=Thu, 01 Jan 1970)/.test(line))).toBe(true);
    const { loader } = await import("./root");
    expect(unwrap(await loader(routeArgs(get("/", cookie)))).user).toBeNull();
  });
});

describe("the remissvar editor's panel", () => {
  const quote = { sourceType: "MEMBER_INPUT", sourceId: "", label: "Forshaga kommun, synpunkter 2026-11-20", text: "Forshaga ser positivt på samverkan." };

  async function demoIds() {
    const [response] = await api.ds.query(`SELECT r.id FROM response r JOIN remiss m ON m.id = r.remiss_id WHERE m.diarienummer = 'Fi2011/4105'`);
    const [position] = await api.ds.query(`SELECT id FROM response WHERE remiss_id IS NULL LIMIT 1`);
    const [input] = await api.ds.query(`SELECT id, remiss_id FROM member_input WHERE status = 'submitted' LIMIT 1`);
    return { response: response.id as string, position: position.id as string, input: input.id as string, inputRemiss: input.remiss_id as string };
  }

  it("inserts a quote into the chosen section and removes it again without JavaScript, keeping the draft", async () => {
    const { action } = await import("./routes/remissvar_.$id.redigera");
    const cookie = await signInCookie("staff");
    const ids = await demoIds();
    const path = `/remissvar/${ids.response}/redigera`;
    const fields = {
      baseVersion: "1",
      "sections.0.heading": "Samverkan", "sections.0.body": "Text som ska finnas kvar.", "sections.0.quotes": "[]",
      "sections.1.heading": "Ekonomi", "sections.1.body": "", "sections.1.quotes": "[]",
      quoteSection: "1",
      "candidate.m0": JSON.stringify({ ...quote, sourceId: ids.input }),
      citat: "",
    };
    const inserted = unwrap(await action(routeArgs(post(path, { ...fields, intent: "insert-quote:m0" }, cookie), { id: ids.response })));
    expect(inserted.draft.sections[0]).toMatchObject({ body: "Text som ska finnas kvar.", quotes: "[]" });
    expect(JSON.parse(inserted.draft.sections[1].quotes)).toEqual([{ ...quote, sourceId: ids.input }]);
    expect(inserted.quoteSearch).toBeNull();

    const removed = unwrap(await action(routeArgs(post(path, { ...fields, "sections.1.quotes": inserted.draft.sections[1].quotes, intent: "remove-quote:1:0" }, cookie), { id: ids.response })));
    expect(removed.draft.sections[1].quotes).toBe("[]");
    expect(removed.draft.sections[0].body).toBe("Text som ska finnas kvar.");
  });

  it("lists the remiss's member input for a response, none for a position, and asks no search without words", async () => {
    const { remissMemberInputs } = await import("./lib/editor-panel.server");
    const { loader } = await import("./routes/remissvar_.$id.citat");
    const cookie = await signInCookie("staff");
    const ids = await demoIds();
    expect(await remissMemberInputs(get("/", cookie), ids.position)).toBeNull();
    const created = await api.gql(
      `mutation($input: CreateResponseInput!) { createResponse(input: $input) { id } }`,
      { input: { remissId: ids.inputRemiss, title: "Remissvar: panelens test" } },
      { cookie },
    );
    const inputs = await remissMemberInputs(get("/", cookie), created.data.createResponse.id);
    expect(inputs?.[0].quote).toMatchObject({ sourceType: "MEMBER_INPUT", sourceId: ids.input, label: expect.stringMatching(/^Forshaga kommun, synpunkter \d{4}-\d{2}-\d{2}$/) });
    expect(unwrap(await loader(routeArgs(get(`/remissvar/${ids.response}/citat?citat=`, cookie), { id: ids.response })))).toBeNull();
    const anonymous = await thrown(() => loader(routeArgs(get(`/remissvar/${ids.response}/citat?citat=fond`), { id: ids.response })));
    expect(anonymous.status).toBe(302);
  });
});

describe("the response workflow's routes", () => {
  /** A response sent for decision with two versions, made through the API as staff. */
  async function responseForDecision(): Promise<string> {
    const cookie = await signInCookie("staff");
    const [remiss] = await api.ds.query(`SELECT id FROM remiss LIMIT 1`);
    const call = async (query: string, vars: Record<string, unknown>) => {
      const result = await api.gql(query, vars, { cookie });
      expect(result.errors).toBeUndefined();
      return result.data;
    };
    const created = await call(`mutation($input: CreateResponseInput!) { createResponse(input: $input) { id } }`, {
      input: { remissId: remiss.id, title: "Remissvar för beslut", sections: [{ heading: "Förslaget", body: "SmåKom tillstyrker." }] },
    });
    const id = created.createResponse.id;
    await call(`mutation($input: SaveResponseVersionInput!) { saveResponseVersion(input: $input) { id } }`, {
      input: { responseId: id, baseVersion: 1, sections: [{ heading: "Förslaget", body: "SmåKom avstyrker." }] },
    });
    await call(`mutation($id: ID!) { requestResponseApproval(id: $id) { id } }`, { id });
    return id;
  }

  it("keeps an oversized return comment with a Swedish message, then returns the response with it", async () => {
    const { action } = await import("./routes/remissvar_.$id.arbetsflode");
    const id = await responseForDecision();
    const cookie = await signInCookie("board");
    const path = `/remissvar/${id}/arbetsflode`;
    const long = "x".repeat(2001);
    const refused = unwrap(await action(routeArgs(post(path, { intent: "return-to-draft", version: "2", comment: long }, cookie), { id })));
    expect(refused.problems.fieldErrors.comment).toMatch(/^Kommentaren är för lång: högst 2\s000 tecken\.$/);
    expect(refused.problems.values.comment).toBe(long);
    const [before] = await api.ds.query(`SELECT status FROM response WHERE id = $1`, [id]);
    expect(before.status).toBe("for_approval");

    const done = (await action(routeArgs(post(path, { intent: "return-to-draft", version: "2", comment: " Mer om kostnaderna. " }, cookie), { id }))) as Response;
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/remissvar/${id}`);
    const [event] = await api.ds.query(`SELECT kind, version, comment FROM response_event WHERE response_id = $1 AND kind = 'returned_to_draft'`, [id]);
    expect(event).toEqual({ kind: "returned_to_draft", version: 2, comment: "Mer om kostnaderna." });
  });

  it("compares the versions asked for on /versioner, and answers 404 to members", async () => {
    const { loader } = await import("./routes/remissvar_.$id.versioner");
    const id = await responseForDecision();
    const cookie = await signInCookie("board");
    const page = unwrap(await loader(routeArgs(get(`/remissvar/${id}/versioner`, cookie), { id })));
    expect(page.compare).toMatchObject({ from: 1, to: 2 });
    expect(page.compare.diffs.map((d: { label: string }) => d.label)).toEqual(["Avsnitt Förslaget"]);
    expect(page.entries.map((e: { type: string }) => e.type)).toEqual(["event", "version", "version"]);
    const same = unwrap(await loader(routeArgs(get(`/remissvar/${id}/versioner?fran=2&till=2`, cookie), { id })));
    expect(same.compare).toMatchObject({ from: 2, to: 2, diffs: [] });
    const member = await signInCookie("member");
    expect((await thrown(() => loader(routeArgs(get(`/remissvar/${id}/versioner`, member), { id })))).status).toBe(404);
  });
});

describe("/remissvar/:id/autosparning and the editor's refusals", () => {
  const gql = (query: string, variables: Record<string, unknown>, cookie: string) => api.gql(query, variables, { cookie });
  let cookie: string;
  let id: string;

  beforeAll(async () => {
    cookie = await signInCookie("staff");
    const created = await gql(
      `mutation($input: CreateResponseInput!) { createResponse(input: $input) { id } }`,
      { input: { kind: "POSITION", title: "Ställningstagande om autosparning", sections: [{ heading: "Första", body: "Början." }] } },
      cookie,
    );
    expect(created.errors).toBeUndefined();
    id = created.data.createResponse.id;
  });

  const saved = async () =>
    (await gql(`query($id: ID!) { response(id: $id) { currentVersion sections { number body } versions { comment } } }`, { id }, cookie)).data.response;

  const fields = (baseVersion: number, sections: Record<string, string>[], extra: Record<string, string> = {}) => ({
    intent: "autosave",
    baseVersion: String(baseVersion),
    signatory: "",
    presenter: "",
    letterDate: "",
    summary: "",
    comment: "",
    ...Object.fromEntries(
      sections.flatMap((s, i) => Object.entries({ number: "", stance: "", quotes: "[]", ...s }).map(([k, v]) => [`sections.${i}.${k}`, v])),
    ),
    ...extra,
  });

  async function autosave(body: Record<string, string>) {
    const { action } = await import("./routes/remissvar_.$id.autosparning");
    const response = (await action(routeArgs(post(`/remissvar/${id}/autosparning`, body, cookie), { id }))) as Response;
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    return { status: response.status, answer: await response.json() };
  }

  it("saves a version named Autosparat, or with the person's own comment, and answers its number", async () => {
    const first = await autosave(fields(1, [{ heading: "Första", body: "Början och mer." }]));
    expect(first).toEqual({ status: 200, answer: { outcome: "saved", version: 2 } });
    const second = await autosave(fields(2, [{ heading: "Första", body: "Ännu mer." }], { comment: "Kortare" }));
    expect(second.answer).toEqual({ outcome: "saved", version: 3 });
    const response = await saved();
    expect(response.currentVersion).toBe(3);
    expect(response.sections[0].body).toBe("Ännu mer.");
    expect(response.versions.map((v: { comment: string | null }) => v.comment).slice(-2)).toEqual(["Autosparat", "Kortare"]);
  });

  it("answers a save from an old version with the conflict and both texts, and saves nothing", async () => {
    const { status, answer } = await autosave(fields(1, [{ heading: "Första", body: "Min gamla text." }]));
    expect(status).toBe(409);
    expect(answer.outcome).toBe("conflict");
    expect(answer.conflict.version).toBe(3);
    expect(answer.conflict.differences).toEqual([{ label: "Avsnitt 1", theirs: "Första\nÄnnu mer.", mine: "Första\nMin gamla text." }]);
    expect((await saved()).currentVersion).toBe(3);
  });

  it("refuses an oversized text, a stance that does not exist and a repeated section number on the right field", async () => {
    const tooLong = await autosave(fields(3, [{ heading: "Första", body: "x".repeat(200_001) }]));
    expect(tooLong.status).toBe(400);
    expect(tooLong.answer).toMatchObject({ outcome: "invalid", fieldErrors: { "sections.0.body": expect.stringContaining("Texten är för lång") } });
    expect(tooLong.answer.message).toMatch(/^Avsnitt 1, Text: Texten är för lång/);

    const stance = await autosave(fields(3, [{ heading: "Första", body: "b", stance: "KANSKE" }]));
    expect(stance.answer.fieldErrors).toEqual({ "sections.0.stance": "Välj ett ställningstagande i listan." });

    const twice = await autosave(fields(3, [{ heading: "A", number: "5.3", body: "" }, { heading: "B", number: "5.3", body: "" }]));
    expect(twice.answer.fieldErrors).toEqual({ "sections.1.number": expect.stringContaining("Samma avsnittsnummer") });
    expect((await saved()).currentVersion).toBe(3);
  });

  it("answers the same refusals to Spara without JavaScript with everything typed, not a 500", async () => {
    const { action } = await import("./routes/remissvar_.$id.redigera");
    const body = fields(3, [{ heading: "Första", body: "Behåll mig.", stance: "KANSKE" }], { intent: "save", summary: "y".repeat(20_001) });
    const result = (await action(routeArgs(post(`/remissvar/${id}/redigera`, body, cookie), { id }))) as { data: any; init: { status?: number } | null };
    expect(result.init?.status).toBe(400);
    expect(result.data.fieldErrors).toMatchObject({ summary: expect.stringContaining("för lång"), "sections.0.stance": expect.stringContaining("Välj") });
    expect(result.data.draft.sections[0].body).toBe("Behåll mig.");
    expect((await saved()).currentVersion).toBe(3);
  });
});
