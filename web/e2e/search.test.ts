/**
 * Searching in a real browser: the board finds what SmåKom said before, designations typed
 * loosely, the page without JavaScript (form, facet, paging) and with it (results follow
 * the typing), snippets that mark matches but never render stored markup, one document's
 * passages, and a draft response that a member cannot open.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { demoUser, expectAccessible, screenshot, startStack, type Stack } from "./harness";

let stack: Stack;
let staffCookie: string;
const ids: Record<string, string> = {};
const HOSTILE_TITLE = `Provtitel <script>window.__hacked = 1</script> <b>fetstil</b> &amp; kvarnstenen`;

async function asStaff<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await stack.api.gql(query, variables, { cookie: staffCookie });
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data as T;
}

const CREATE_DOCUMENT = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`;

beforeAll(async () => {
  stack = await startStack();
  const { email, password } = demoUser("staff");
  const signIn = await stack.api.gql(`mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }`, { email, password });
  staffCookie = signIn.setCookies.map((line) => line.split(";")[0]).join("; ");

  // Enough documents on one subject for two pages of hits.
  for (let i = 1; i <= 23; i++) {
    await asStaff(CREATE_DOCUMENT, { input: { kind: "OTHER", title: `Provdokument ${i} om vindkraftsparker`, department: i % 2 ? "Miljödepartementet" : "Infrastrukturdepartementet" } });
  }
  ids.hostile = (await asStaff(CREATE_DOCUMENT, { input: { kind: "OTHER", title: HOSTILE_TITLE, summary: "Om <i>kvarnstenen</i> vid ån." } })).createDocument.id;
  ids.long = (await asStaff(CREATE_DOCUMENT, { input: { kind: "OTHER", title: "Rapport om fiskevårdsområden" } })).createDocument.id;
  await asStaff(`mutation($id: ID!, $content: String!) { attachDocumentText(documentId: $id, format: TEXT, content: $content) { id } }`, {
    id: ids.long,
    content: [
      "1 Inledning\n\nRapporten beskriver vattendragen i länet.",
      "2 Laxtrappor\n\nLaxtrappor behövs vid varje kraftverk där laxen vandrar.",
      "3 Uppföljning\n\nLänsstyrelsen följer upp laxtrappor vart femte år.",
    ].join("\f"),
  });
  const remiss = await asStaff(`query { remiss(diarienummer: "Fi2011/4105") { id } }`);
  ids.draft = (await asStaff(`mutation($input: CreateResponseInput!) { createResponse(input: $input) { id } }`, {
    input: { remissId: remiss.remiss.id, title: "Hemligt utkast om grusvägarna", sections: [{ heading: "Sammanfattning", body: "Grusvägarna är ett utkast som medlemmar inte ska se." }] },
  })).createResponse.id;
  await stack.indexer.idle({ timeoutMs: 60_000 });
});

afterAll(async () => {
  await stack?.stop();
});

// The first list of the hits' region is the hits; paging follows it.
const hits = (page: Page) => page.getByRole("region", { name: "Träffar" }).getByRole("list").first().getByRole("listitem");
const status = (page: Page) => page.locator(".search-count");

describe("search", { timeout: 90_000 }, () => {
  it("lets the board find SmåKom's 2012 response on the stabilisation fund and open it", async () => {
    const page = await stack.signedInPage("board");
    await page.goto("/sok");
    await expectAccessible(page);
    await page.getByRole("searchbox").fill("stabiliseringsfond");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    const link = page.getByRole("link", { name: "Remissvar: Spara i goda tider (SOU 2011:59)" });
    await link.waitFor();
    // The match inside the compound is marked in the snippet.
    expect(await hits(page).filter({ has: link }).locator("mark").first().textContent()).toMatch(/stabiliseringsfond/i);
    await expectAccessible(page);
    await link.click();
    await page.waitForURL(/\/remissvar\//);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Remissvar: Spara i goda tider (SOU 2011:59)");
    const text = await page.getByRole("article").textContent();
    expect(text).toContain("SmåKom säger nej till den föreslagna kommunstabiliseringsfonden");
    expect(text).toContain("Fi2011/4105");
    expect(text).toContain("Finansdepartementet");
    expect(text).toMatch(/Inskickat\s*12 januari 2012/);
    expect(text).toMatch(/Beslutat\s*10 januari 2012/);
    // What SmåKom said, section by section under the report's numbers.
    expect(await page.getByRole("heading", { name: "Sammanfattning" }).count()).toBe(1);
    const fund = page.getByRole("region", { name: "8 Kommunstabiliseringsfond" });
    expect(await fund.textContent()).toContain("Ställningstagande: Avstyrker");
    expect(text).toContain("Beslut i detta ärende har fattats av Styrelsen för SmåKom");
    expect(await page.getByRole("link", { name: "Spara i goda tider – för en stabil kommunal verksamhet (SOU 2011:59)" }).first().getAttribute("href")).toMatch(/^\/dokument\//);
    await expectAccessible(page);

    // The README's picture: what the board sees when searching for strandskydd.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/sok?q=strandskydd");
    await screenshot(page, "search");
    await page.context().close();
  });

  it("ranks a designation typed loosely first", async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.goto("/sok?q=sou+2020+8");
    const first = hits(page).first();
    expect(await first.getByRole("heading").textContent()).toBe("Starkare kommuner – med kapacitet att klara välfärdsuppdraget");
    expect(await first.textContent()).toContain("Beteckningen du sökte på");
    expect(await first.getByRole("link").first().getAttribute("href")).toMatch(/^\/dokument\/[0-9a-f-]{36}$/);
    await context.close();
  });

  it("works without JavaScript: the form, a facet link and paging", async () => {
    const context = await stack.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/sok");
    await page.getByRole("searchbox").fill("vindkraftsparker");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/q=vindkraftsparker/);
    expect(await status(page).textContent()).toBe("23 träffar för ”vindkraftsparker”.");
    expect(await hits(page).count()).toBe(20);

    await page.getByRole("navigation", { name: "Sidor med träffar" }).getByRole("link", { name: "Nästa sida" }).click();
    await page.waitForURL(/sida=2/);
    expect(await hits(page).count()).toBe(3);
    expect(await page.getByRole("link", { name: "Sida 2" }).getAttribute("aria-current")).toBe("page");

    await page.getByRole("region", { name: "Departement" }).getByRole("link", { name: /Miljödepartementet/ }).click();
    await page.waitForURL(/departement=Milj/);
    expect(new URL(page.url()).searchParams.get("sida")).toBeNull();
    expect(await status(page).textContent()).toBe("12 träffar för ”vindkraftsparker”.");
    expect(await page.getByRole("link", { name: /Miljödepartementet/ }).getAttribute("aria-current")).toBe("true");

    // A new search keeps the filter; no hits explains what to try, with links.
    await page.getByRole("searchbox").fill("blåbärsris lingonris");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/lingonris/);
    expect(new URL(page.url()).searchParams.get("departement")).toBe("Miljödepartementet");
    expect(await status(page).textContent()).toBe("Inga träffar för ”blåbärsris lingonris”.");
    expect(await page.getByRole("link", { name: "lingonris", exact: true }).getAttribute("href")).toBe("/sok?q=lingonris&departement=Milj%C3%B6departementet");
    await page.getByRole("link", { name: "Ta bort filtren" }).click();
    await page.waitForURL((url) => !url.searchParams.has("departement"));
    expect(new URL(page.url()).searchParams.get("q")).toBe("blåbärsris lingonris");
    expect(await page.getByRole("link", { name: "Ta bort filtren" }).count()).toBe(0);
    await context.close();
  });

  it("says when a page lies past the last one, and names a chosen filter without hits in Swedish", async () => {
    const context = await stack.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/sok?q=vindkraftsparker&sida=5");
    expect(await status(page).textContent()).toBe("23 träffar för ”vindkraftsparker”.");
    expect(await page.getByRole("heading", { name: "Sidan 5 finns inte" }).count()).toBe(1);
    await page.getByRole("link", { name: "Till första sidan" }).click();
    await page.waitForURL((url) => !url.searchParams.has("sida"));
    expect(await hits(page).count()).toBe(20);

    // Chosen values the API counts none of stay listed to be removed, by their Swedish names.
    await page.goto("/sok?q=blåbärsris+lingonris&typ=member_input&slag=sou&status=draft");
    expect(await status(page).textContent()).toBe("Inga träffar för ”blåbärsris lingonris”.");
    for (const name of ["Synpunkt", "Betänkande (SOU)", "Utkast"]) {
      const link = page.getByRole("link", { name: new RegExp(`^${name.replace(/[()]/g, "\\$&")}\\s*0 träffar, valt`) });
      expect(await link.count(), name).toBe(1);
    }
    expect(await page.getByText(/member_input|\bsou\b|\bdraft\b/).count()).toBe(0);
    await context.close();
  });

  // axe runs in the page, so it needs JavaScript: the states above, checked with it on.
  it("passes axe with filters, paging and no hits", async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    for (const url of ["/sok?q=vindkraftsparker&departement=Miljödepartementet&sida=1", "/sok?q=vindkraftsparker&sida=2", "/sok?q=blåbärsris+lingonris&typ=remiss", "/sok?q=vindkraftsparker&sida=5"]) {
      await page.goto(url);
      await expectAccessible(page);
    }
    await context.close();
  });

  it("follows the typing with JavaScript and announces the count", async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.goto("/sok");
    await page.getByRole("searchbox").pressSequentially("strandskydd", { delay: 30 });
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toMatch(/^\d+ träffa?r? för ”strandskydd”\.$/);
    expect(await status(page).getAttribute("aria-live")).toBe("polite");
    expect(new URL(page.url()).searchParams.get("q")).toBe("strandskydd");
    expect(await hits(page).count()).toBeGreaterThan(0);
    // Still typing in the same box: focus and text were kept.
    expect(await page.getByRole("searchbox").evaluate((el) => el === document.activeElement)).toBe(true);

    // A facet, then typing on, then back: the box shows the words of the search the page
    // shows again, though it has focus.
    await page.getByRole("region", { name: "Typ" }).getByRole("link").first().click();
    await page.waitForURL(/typ=/);
    await page.getByRole("searchbox").focus();
    await page.getByRole("searchbox").press("End");
    await page.getByRole("searchbox").pressSequentially("et", { delay: 30 });
    await page.waitForURL(/q=strandskyddet/);
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get("q") === "strandskydd" && !url.searchParams.has("typ"));
    await expect.poll(() => status(page).textContent(), { timeout: 10_000 }).toContain("för ”strandskydd”");
    expect(await page.getByRole("searchbox").evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => page.getByRole("searchbox").inputValue(), { timeout: 10_000 }).toBe("strandskydd");
    await context.close();
  });

  it("marks matches in snippets and shows stored markup as text", async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.goto("/sok?q=kvarnstenen");
    const hit = hits(page).filter({ hasText: "Provtitel" });
    expect(await hit.getByRole("heading").textContent()).toBe(HOSTILE_TITLE);
    expect(await hit.locator(".snippet mark").first().textContent()).toMatch(/kvarnstenen/i);
    expect(await hit.locator(".snippet").textContent()).toContain("<i>kvarnstenen</i>");
    expect(await page.locator(".search-results b, .search-results i, .search-results script").count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined();
    await context.close();
  });

  it("shows every matching passage of a document, with its page", async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.goto("/sok?q=laxtrappor");
    await hits(page).filter({ hasText: "Rapport om fiskevårdsområden" }).getByRole("link", { name: "Sök i dokumentet" }).click();
    await page.getByRole("heading", { level: 2, name: "Träffar i Rapport om fiskevårdsområden" }).waitFor();
    expect(new URL(page.url()).searchParams.get("dokument")).toBe(ids.long);
    expect(await status(page).textContent()).toBe("2 ställen i Rapport om fiskevårdsområden matchar ”laxtrappor”.");
    expect(await page.getByRole("link", { name: "Sida 2" }).getAttribute("href")).toBe(`/dokument/${ids.long}?sida=2#sida-2`);
    expect(await page.getByRole("link", { name: "Sida 3" }).getAttribute("href")).toBe(`/dokument/${ids.long}?sida=3#sida-3`);
    await expectAccessible(page);
    await context.close();
  });

  it("refuses a member a draft response, by its address and in search", async () => {
    const page = await stack.signedInPage("member");
    const answer = await page.goto(`/remissvar/${ids.draft}`);
    expect(answer?.status()).toBe(404);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Sidan finns inte");
    expect(await page.content()).not.toContain("Grusvägarna");
    await expectAccessible(page);
    await page.goto("/sok?q=grusvägarna");
    expect(await status(page).textContent()).toBe("Inga träffar för ”grusvägarna”.");
    await page.context().close();

    // Staff, who wrote it, may read it.
    const staff = await stack.signedInPage("staff");
    await staff.goto(`/remissvar/${ids.draft}`);
    expect(await staff.getByRole("heading", { level: 1 }).textContent()).toBe("Hemligt utkast om grusvägarna");
    expect(await staff.getByRole("article").textContent()).toContain("Utkast");
    await staff.context().close();
  });

  it("sends anonymous visitors to sign in for a response", async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.goto(`/remissvar/${ids.draft}`);
    expect(new URL(page.url()).pathname).toBe("/logga-in");
    await context.close();
  });
});
