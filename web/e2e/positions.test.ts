/**
 * Positions and the archive in the browser: staff write a ställningstagande that answers no
 * remiss, the board decides it, and it is found in /stallningstaganden by area, year,
 * stance and a search that never shows drafts; the 2012 response shows the report's text
 * beside SmåKom's stance; staff start sections from the exercise report's headings.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, expectAccessible, screenshot, startStack, type Stack } from "./harness";

let stack: Stack;
let positionId: string;
const TITLE = "Ställningstagande: Statlig service i hela landet";
const YEAR = String(new Date().getFullYear());

beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function staffCookie(): Promise<string> {
  const { email, password } = demoUser("staff");
  const signIn = await stack.api.gql(`mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }`, { email, password });
  return signIn.setCookies.map((line: string) => line.split(";")[0]).join("; ");
}

const section = (page: Page, n: number) => page.getByRole("group", { name: `Avsnitt ${n}`, exact: true });
const archiveRows = (page: Page) => page.getByRole("table", { name: "Beslutade remissvar och ställningstaganden" }).getByRole("row");

describe("positions and the archive", () => {
  it("lets staff start a position without a remiss, write it and send it for decision", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto("/stallningstaganden");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Nytt ställningstagande" }).click();
    await page.waitForURL("**/stallningstaganden/ny");
    await page.getByRole("heading", { level: 1, name: "Nytt ställningstagande" }).waitFor();
    await expectAccessible(page);

    // A designation that does not exist comes back with everything typed kept.
    await page.getByLabel("Titel").fill(TITLE);
    await page.getByRole("checkbox", { name: "Arbetsmarknaden (2021)" }).check();
    await page.getByLabel("Dokument").fill("SOU 1999:999");
    await page.getByRole("button", { name: "Börja skriva" }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("Några uppgifter behöver rättas");
    expect(await page.getByRole("main").textContent()).toContain("Det finns inget dokument med beteckningen SOU 1999:999");
    expect(await page.getByLabel("Titel").inputValue()).toBe(TITLE);
    expect(await page.getByRole("checkbox", { name: "Arbetsmarknaden (2021)" }).isChecked()).toBe(true);

    await page.getByLabel("Dokument").fill("SOU 2020:8");
    await page.getByRole("button", { name: "Börja skriva" }).click();
    await page.waitForURL(/\/remissvar\/[0-9a-f-]{36}\/redigera$/);
    positionId = /remissvar\/([0-9a-f-]{36})/.exec(page.url())![1];
    await section(page, 1).getByLabel("Ställningstagande", { exact: true }).selectOption({ label: "Avstyrker" });
    await section(page, 1).getByLabel("Text").fill("SmåKom avstyrker att statliga servicekontor läggs ner i små kommuner.");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/remissvar/${positionId}`);
    await expect.poll(() => page.getByRole("main").textContent()).toContain("servicekontor");
    // A position is called one, and belongs to the archive, not to a remiss.
    const crumbs = page.getByRole("navigation", { name: "Du är här" });
    expect(await crumbs.getByRole("link", { name: "Ställningstaganden" }).getAttribute("href")).toBe("/stallningstaganden");
    expect(await crumbs.textContent()).toContain("Ställningstagande");
    expect(await page.getByRole("complementary", { name: "Hör till" }).textContent()).toContain("SOU 2020:8");
    await page.getByRole("button", { name: "Skicka för beslut" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("skickat till styrelsen");
    await page.context().close();
  }, 90_000);

  it("keeps the new-position page to staff", async () => {
    const page = await stack.signedInPage("board");
    expect((await page.goto("/stallningstaganden/ny"))?.status()).toBe(403);
    // Not yet decided: not in the archive.
    await page.goto("/stallningstaganden");
    expect(await page.getByRole("main").textContent()).not.toContain(TITLE);
    expect(await page.getByRole("link", { name: "Nytt ställningstagande" }).count()).toBe(0);
    await page.context().close();
  }, 60_000);

  it("lets the board decide it, and then finds it by area, year and stance", async () => {
    const board = await stack.signedInPage("board");
    await board.goto(`/remissvar/${positionId}`);
    await board.getByRole("button", { name: /^Besluta version \d+$/ }).click();
    await expect.poll(() => board.getByRole("status").textContent()).toMatch(/Version \d+ är beslutad/);

    await board.getByRole("navigation", { name: "Huvudmeny" }).getByRole("link", { name: "Ställningstaganden" }).click();
    await board.waitForURL("**/stallningstaganden");
    await board.getByLabel("Prioriterad fråga").selectOption({ label: "Arbetsmarknaden (2021)" });
    await board.getByLabel("År").selectOption(YEAR);
    await board.getByLabel("Ställningstagande", { exact: true }).selectOption({ label: "Avstyrker" });
    await board.getByRole("button", { name: "Visa" }).click();
    await board.waitForURL(/stallning=OPPOSES/);
    await expect.poll(() => archiveRows(board).count()).toBe(2);
    const row = archiveRows(board).nth(1);
    expect(await row.getByRole("rowheader").textContent()).toBe(TITLE);
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells).toEqual(["Ställningstagande", "SOU 2020:8", expect.stringMatching(new RegExp(YEAR)), "Avstyrker 1"]);
    await expectAccessible(board);

    // Another stance leaves it out.
    await board.getByLabel("Ställningstagande", { exact: true }).selectOption({ label: "Tillstyrker" });
    await board.getByRole("button", { name: "Visa" }).click();
    await board.waitForURL(/stallning=SUPPORTS(&|$)/);
    await expect.poll(() => board.getByRole("main").textContent()).toContain("Inga beslutade svar matchar");
    await board.context().close();
  }, 90_000);

  it("searches among decided responses and positions only, never drafts", async () => {
    // A draft with the same word: the board may open it, but the archive must not list it.
    const draft = await stack.api.gql(
      `mutation($input: CreateResponseInput!) { createResponse(input: $input) { id } }`,
      { input: { kind: "POSITION", title: "Utkast om servicekontor", sections: [{ heading: "Utkast", body: "Servicekontor i utkast." }] } },
      { cookie: await staffCookie() },
    );
    expect(draft.errors).toBeUndefined();
    await stack.indexer.idle({ timeoutMs: 60_000 });

    const page = await stack.signedInPage("member", { javaScriptEnabled: false });
    await page.goto("/stallningstaganden");
    await page.getByLabel("Sök bland ställningstagandena").fill("servicekontor");
    await page.getByRole("button", { name: "Visa" }).click();
    await page.waitForURL(/q=servicekontor/);
    await expect.poll(() => archiveRows(page).count()).toBe(2);
    expect(await archiveRows(page).nth(1).getByRole("rowheader").textContent()).toContain(TITLE);
    expect(await archiveRows(page).nth(1).locator("mark").first().textContent()).toMatch(/servicekontor/i);
    expect(await page.getByRole("main").textContent()).not.toContain("Utkast om servicekontor");
    await page.context().close();

    const board = await stack.signedInPage("board");
    await board.goto("/stallningstaganden?q=servicekontor");
    await expect.poll(() => archiveRows(board).count()).toBe(2);
    expect(await board.getByRole("main").textContent()).not.toContain("Utkast om servicekontor");
    await expectAccessible(board);
    await board.context().close();
  }, 90_000);

  it("shows what the report proposed beside SmåKom's stance in the 2012 response", async () => {
    const page = await stack.signedInPage("board");
    await page.goto("/stallningstaganden?ar=2012");
    await page.getByRole("link", { name: "Remissvar: Spara i goda tider (SOU 2011:59)" }).click();
    await page.waitForURL(/\/remissvar\/[0-9a-f-]{36}$/);
    const fund = page.getByRole("region", { name: "8 Kommunstabiliseringsfond" });
    await fund.waitFor();
    const text = await fund.textContent();
    expect(text).toContain("Betänkandet, avsnitt 8 Kommunstabiliseringsfond");
    expect(text).toContain("Utredningen föreslår att en statlig kommunstabiliseringsfond inrättas");
    expect(text).toContain("Ställningstagande: Avstyrker");
    expect(text).toContain("SmåKom säger nej till den föreslagna kommunstabiliseringsfonden");
    expect(await fund.getByRole("link", { name: /Läs avsnittet i betänkandet/ }).getAttribute("href")).toMatch(/^\/dokument\/[0-9a-f-]{36}\?sida=5#sida-5$/);
    await expectAccessible(page);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("region", { name: "7 Resultatutjämningsreserver" }).scrollIntoViewIfNeeded();
    await screenshot(page, "positions");
    await page.context().close();
  }, 60_000);

  it("lets staff start sections from the exercise report's headings, keeping what was typed, without JavaScript", async () => {
    const [exercise] = await stack.api.ds.query(
      `SELECT m.id FROM remiss m JOIN document d ON d.id = m.document_id WHERE d.title LIKE 'Övningsremiss%'`,
    );
    const created = await stack.api.gql(
      `mutation($input: CreateResponseInput!) { createResponse(input: $input) { id } }`,
      { input: { remissId: exercise.id, title: "Remissvar: Starkare kommuner – uppföljning", sections: [{ number: "2", heading: "Kommunal samverkan", body: "" }] } },
      { cookie: await staffCookie() },
    );
    expect(created.errors).toBeUndefined();
    const id = created.data.createResponse.id;

    // The list of headings opened passes axe (which needs JavaScript) ...
    const withJs = await stack.signedInPage("staff");
    await withJs.goto(`/remissvar/${id}/redigera`);
    await withJs.getByText("Hämta avsnitt från betänkandet").click();
    await withJs.getByRole("group", { name: "Rubriker i betänkandet" }).waitFor();
    await expectAccessible(withJs);
    await withJs.context().close();

    // ... and works without it.
    const page = await stack.signedInPage("staff", { javaScriptEnabled: false });
    await page.goto(`/remissvar/${id}/redigera`);
    await page.getByLabel("Sammanfattning").fill("SmåKom välkomnar uppföljningen.");
    const picker = page.getByText("Hämta avsnitt från betänkandet");
    expect(await picker.count()).toBe(1);
    await picker.click();
    const list = page.getByRole("group", { name: "Rubriker i betänkandet" });
    // Section 2 is answered already, so it is not offered again.
    expect(await list.getByRole("checkbox", { name: "2 Kommunal samverkan" }).count()).toBe(0);
    await list.getByRole("checkbox", { name: "2.1 Avtalssamverkan" }).check();
    await list.getByRole("checkbox", { name: "3 Stöd till små kommuner" }).check();
    await list.getByRole("button", { name: "Lägg till valda avsnitt" }).click();
    await section(page, 3).waitFor();
    expect(await section(page, 2).getByLabel("Avsnittsnummer").inputValue()).toBe("2.1");
    expect(await section(page, 2).getByLabel("Rubrik").inputValue()).toBe("Avtalssamverkan");
    expect(await section(page, 3).getByLabel("Avsnittsnummer").inputValue()).toBe("3");
    expect(await section(page, 3).getByLabel("Rubrik").inputValue()).toBe("Stöd till små kommuner");
    expect(await page.getByLabel("Sammanfattning").inputValue()).toBe("SmåKom välkomnar uppföljningen.");

    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/remissvar/${id}`);
    // The read page puts the report's own text beside each section started from it.
    const region = page.getByRole("region", { name: "2.1 Avtalssamverkan" });
    expect(await region.textContent()).toContain("även myndighetsutövning");
    await page.context().close();
    // Three sign-ins and four page loads without JavaScript: slow when the machine is shared.
  }, 150_000);
});
