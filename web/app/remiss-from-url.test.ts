/**
 * "Lägg till remiss från länk" on /remisser, the action called as Remix calls it, against
 * the real API with the demo data and a local stand-in for regeringen.se.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { seedDemoData } from "@remissbanken/api/seed/demo-data";
import { DEMO_USERS } from "@remissbanken/api/auth/demo-users";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { rowCounts } from "@remissbanken/test/db";
import { REGERINGEN_PAGES, startRegeringenServer, type RegeringenServer } from "@remissbanken/test/regeringen-server";
import { REASON_MESSAGES } from "./lib/errors";

let api: TestApi;
let regeringen: RegeringenServer;
const ORIGIN = "http://127.0.0.1:3000";

beforeAll(async () => {
  regeringen = await startRegeringenServer();
  api = await startTestApi({ SIGN_IN_DELAY_MS: "0", REGERINGEN_BASE_URL: regeringen.base });
  await seedDemoData(api.ds);
  // The web app's settings are read once, on first use: point them at this API first.
  process.env.API_URL = api.url;
});
afterAll(async () => {
  await api?.stop();
  await regeringen?.stop();
});

const routeArgs = (request: Request) => ({ request, params: {}, context: {} }) as unknown as LoaderFunctionArgs & ActionFunctionArgs;

const post = (path: string, fields: Record<string, string>, cookie: string) =>
  new Request(`${ORIGIN}${path}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", cookie }, body: new URLSearchParams(fields) });

async function signInCookie(role: "staff" | "member"): Promise<string> {
  const { action } = await import("./routes/logga-in");
  const user = DEMO_USERS.find((u) => u.role === role)!;
  const response = (await action(routeArgs(post("/logga-in", { email: user.email, password: user.password, redirectTo: "/" }, "")))) as Response;
  return response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
}

/** Data returned with data() or as a plain object. */
const unwrap = (result: unknown): any => ((result as { type?: string })?.type === "DataWithResponseInit" ? (result as { data: unknown }).data : result);

async function addFromLink(adress: string, cookie: string) {
  const { action } = await import("./routes/remisser._index");
  return action(routeArgs(post("/remisser?index", { adress }, cookie)));
}

async function flashOf(response: Response): Promise<string | undefined> {
  const { readFlash } = await import("./lib/flash.server");
  const cookie = response.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  return (await readFlash(new Request(ORIGIN, { headers: { cookie } }))).flash?.message;
}

describe("Lägg till remiss från länk", () => {
  it("imports a new remiss and opens it, and says so when it was there already", async () => {
    const staff = await signInCookie("staff");
    // The demo data tracks Ds 2026:15 already: without it, the page adds a new remiss.
    await api.ds.query(`DELETE FROM remiss WHERE document_id = (SELECT id FROM document WHERE designation = 'Ds 2026:15')`);
    const added = (await addFromLink(`${regeringen.base}${REGERINGEN_PAGES.open}`, staff)) as Response;
    expect(added.status).toBe(302);
    expect(added.headers.get("location")).toMatch(/^\/remisser\/[0-9a-f-]{36}$/);
    expect(await flashOf(added)).toBe("Remissen är tillagd.");

    // SOU 2026:14 is in the demo data with its diarienummer: the page updates it.
    const updated = (await addFromLink(`${regeringen.base}${REGERINGEN_PAGES.closed}`, staff)) as Response;
    expect(updated.status).toBe(302);
    expect(await flashOf(updated)).toBe("Remissen fanns redan och är uppdaterad.");
  });

  it("answers in Swedish and keeps what was typed", async () => {
    const staff = await signInCookie("staff");
    const before = await rowCounts(api.ds);
    const empty = unwrap(await addFromLink("  ", staff));
    expect(empty.problems.fieldErrors.adress).toBe("Klistra in adressen till remissen på regeringen.se.");
    const notAnAddress = unwrap(await addFromLink("regeringen remiss", staff));
    expect(notAnAddress.problems.fieldErrors.adress).toMatch(/^Det här är ingen webbadress/);
    expect(notAnAddress.problems.values.adress).toBe("regeringen remiss");

    const elsewhere = unwrap(await addFromLink("https://evil.example/remisser/x", staff));
    expect(elsewhere.problems).toMatchObject({ formError: REASON_MESSAGES.SOURCE_NOT_ALLOWED, fieldErrors: { adress: REASON_MESSAGES.SOURCE_NOT_ALLOWED }, values: { adress: "https://evil.example/remisser/x" } });
    const notARemiss = unwrap(await addFromLink(`${regeringen.base}${REGERINGEN_PAGES.notARemiss}`, staff));
    expect(notARemiss.problems.fieldErrors.adress).toBe(REASON_MESSAGES.NOT_A_REMISS_PAGE);
    // Only the page that was asked for is a run: recorded as failed (with its audit row), nothing else written.
    expect(await rowCounts(api.ds)).toEqual({ ...before, import_run: before.import_run + 1, audit_log: before.audit_log + 1 });
  });

  it("is for staff: a member is refused", async () => {
    const member = await signInCookie("member");
    let refused: unknown;
    try {
      await addFromLink(`${regeringen.base}${REGERINGEN_PAGES.closed}`, member);
    } catch (error) {
      refused = error;
    }
    expect((refused as Response).status).toBe(403);
  });
});
