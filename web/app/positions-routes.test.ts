/**
 * The archive's and the new-position page's loaders and actions, called as Remix calls
 * them, against the real API with the demo data: who sees what, what the filters send,
 * and that a new position lands in the editor.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { seedDemoData } from "@remissbanken/api/seed/demo-data";
import { DEMO_USERS } from "@remissbanken/api/auth/demo-users";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";

let api: TestApi;
const ORIGIN = "http://127.0.0.1:3000";
const cookies: Record<string, string> = {};

beforeAll(async () => {
  api = await startTestApi({ SIGN_IN_DELAY_MS: "0" });
  await seedDemoData(api.ds);
  process.env.API_URL = api.url;
  for (const role of ["staff", "board", "member"] as const) {
    const { email, password } = DEMO_USERS.find((u) => u.role === role)!;
    const signedIn = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `mutation($e: String!, $p: String!) { signIn(email: $e, password: $p) { id } }`, variables: { e: email, p: password } }),
    });
    cookies[role] = signedIn.headers.getSetCookie().map((line) => line.split(";")[0]).join("; ");
  }
});
afterAll(() => api?.stop());

const args = (path: string, role: string, form?: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(form ?? {})) for (const v of [value].flat()) body.append(key, v);
  const request = new Request(`${ORIGIN}${path}`, {
    method: form ? "POST" : "GET",
    headers: { cookie: cookies[role], ...(form ? { "content-type": "application/x-www-form-urlencoded" } : {}) },
    body: form ? body : undefined,
  });
  return { request, params: {}, context: {} } as unknown as LoaderFunctionArgs & ActionFunctionArgs;
};

describe("/stallningstaganden", () => {
  it("lists decided responses and positions with their stances, and offers a new position to staff only", async () => {
    const { loader } = await import("./routes/stallningstaganden._index");
    const member = await loader(args("/stallningstaganden", "member"));
    expect(member.canCreate).toBe(false);
    const titles = member.rows.map((r) => r.title);
    expect(titles).toEqual(expect.arrayContaining(["Remissvar: Spara i goda tider (SOU 2011:59)", "Ställningstagande: Strandskyddet ska differentieras"]));
    const spara = member.rows.find((r) => r.designation === "SOU 2011:59");
    expect(spara).toMatchObject({ kind: "RESPONSE", stances: "Tillstyrker med ändringar 1 · Avstyrker 1 · Inga synpunkter 1" });
    expect(spara?.date?.slice(0, 10)).toBe("2012-01-12");
    expect((await loader(args("/stallningstaganden", "staff"))).canCreate).toBe(true);
  });

  it("filters by stance and year, and says what it ignored", async () => {
    const { loader } = await import("./routes/stallningstaganden._index");
    const opposing = await loader(args("/stallningstaganden?stallning=OPPOSES&ar=2012", "board"));
    expect(opposing.rows.map((r) => r.designation)).toEqual(["SOU 2011:59"]);
    const none = await loader(args("/stallningstaganden?stallning=SUPPORTS&ar=2012", "board"));
    expect(none.rows).toEqual([]);
    const odd = await loader(args("/stallningstaganden?stallning=KANSKE", "board"));
    expect(odd.filter.errors).toEqual(["Okänt ställningstagande; alla visas."]);
  });
});

describe("/stallningstaganden/ny", () => {
  it("is refused to the board and members", async () => {
    const { loader } = await import("./routes/stallningstaganden.ny");
    for (const role of ["board", "member"]) {
      const refusal = await loader(args("/stallningstaganden/ny", role)).catch((error: unknown) => error);
      expect((refusal as Response).status, role).toBe(403);
    }
  });

  it("starts a draft position with its areas and documents and goes to the editor", async () => {
    const { loader, action } = await import("./routes/stallningstaganden.ny");
    const { areas } = await loader(args("/stallningstaganden/ny", "staff"));
    const area = areas.find((a) => a.name === "Infrastruktur")!;
    const answer = (await action(args("/stallningstaganden/ny", "staff", {
      title: "Ställningstagande: Vägar på landsbygden", priorityAreaIds: [area.id], designations: "SOU 2020:8", inquiryId: "",
    }))) as Response;
    expect(answer.status).toBe(302);
    const id = /^\/remissvar\/([0-9a-f-]{36})\/redigera$/.exec(answer.headers.get("location") ?? "")?.[1];
    expect(id).toBeTruthy();
    const [row] = await api.ds.query(
      `SELECT r.kind, r.status, r.remiss_id, (SELECT count(*)::int FROM response_priority_area p WHERE p.response_id = r.id) AS areas,
              (SELECT count(*)::int FROM response_document d WHERE d.response_id = r.id) AS documents FROM response r WHERE r.id = $1`,
      [id],
    );
    expect(row).toEqual({ kind: "position", status: "draft", remiss_id: null, areas: 1, documents: 1 });
  });
});
