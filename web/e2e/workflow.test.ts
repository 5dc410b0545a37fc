/**
 * A remissvar's way through the board in the browser: staff edit and send it, the board
 * returns it with a comment (checked without JavaScript), staff see the comment, edit and
 * send again, the board sees what changed since it last looked and decides on exactly
 * that version, and the version page compares any two versions and restores an old one.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, expectAccessible, screenshot, startStack, type Stack } from "./harness";

let stack: Stack;
let responseId: string;
const COMMENT = "Skriv mer om vad förslaget kostar kommunerna.";
const ADDED = "Kostnaderna måste finansieras fullt ut av staten.";

beforeAll(async () => {
  stack = await startStack();
  const [remiss] = await stack.api.ds.query(
    `SELECT m.id FROM remiss m JOIN document d ON d.id = m.document_id WHERE d.designation = 'Ds 2026:15'`,
  );
  const { email, password } = demoUser("staff");
  const signIn = await stack.api.gql(`mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }`, { email, password });
  const cookie = signIn.setCookies.map((line: string) => line.split(";")[0]).join("; ");
  const created = await stack.api.gql(
    `mutation($input: CreateResponseInput!) { createResponse(input: $input) { id } }`,
    {
      input: {
        remissId: remiss.id,
        title: "Remissvar: Ds 2026:15",
        summary: "SmåKom tillstyrker i huvudsak.",
        sections: [{ number: "4.2", heading: "Stöd till samverkan", stance: "SUPPORTS", body: "SmåKom tillstyrker stöd till samverkan." }],
      },
    },
    { cookie },
  );
  expect(created.errors).toBeUndefined();
  responseId = created.data.createResponse.id;
});
afterAll(async () => {
  await stack?.stop();
});

const read = (page: Page) => page.goto(`/remissvar/${responseId}`);
const main = (page: Page) => page.getByRole("main").textContent();

/** Staff change the section's text in the editor, without JavaScript (plain form posts). */
async function editSection(body: string, comment: string) {
  const page = await stack.signedInPage("staff", { javaScriptEnabled: false });
  await page.goto(`/remissvar/${responseId}/redigera`);
  await page.getByRole("group", { name: "Avsnitt 1", exact: true }).getByLabel("Text").fill(body);
  await page.getByLabel("Vad ändrades?").fill(comment);
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await page.waitForURL((url) => url.pathname === `/remissvar/${responseId}`);
  await page.context().close();
}

async function sendForDecision() {
  const page = await stack.signedInPage("staff");
  await read(page);
  await page.getByRole("button", { name: "Skicka för beslut" }).click();
  await expect.poll(() => page.getByRole("status").textContent()).toContain("skickat till styrelsen");
  await page.context().close();
}

describe("sending a remissvar to the board", () => {
  it("goes to the board, which sees that this is its first review", async () => {
    await editSection("SmåKom tillstyrker stöd till frivillig samverkan.", "Frivillig samverkan");
    await sendForDecision();
    const board = await stack.signedInPage("board");
    await read(board);
    expect(await main(board)).toContain("det här är första granskningen");
    expect(await board.getByRole("button", { name: "Besluta version 2" }).count()).toBe(1);
    await board.context().close();
  }, 90_000);

  it("lets the board return it with a comment, refusing an oversized one in Swedish without losing it (no JavaScript)", async () => {
    const board = await stack.signedInPage("board", { javaScriptEnabled: false });
    await read(board);
    const tooLong = "Mycket att säga. ".repeat(150);
    await board.getByLabel("Kommentar till kansliet").fill(tooLong);
    await board.getByRole("button", { name: "Återförvisa till utkast" }).click();
    await board.waitForURL((url) => url.pathname === `/remissvar/${responseId}/arbetsflode`);
    const field = board.getByLabel("Kommentar till kansliet");
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    // Swedish thousands are grouped with a no-break space.
    expect(await main(board)).toMatch(/Kommentaren är för lång: högst 2\s000 tecken\./);
    expect(await field.inputValue()).toBe(tooLong);
    await field.fill(COMMENT);
    await board.getByRole("button", { name: "Återförvisa till utkast" }).click();
    await board.waitForURL((url) => url.pathname === `/remissvar/${responseId}`);
    expect(await board.getByRole("status").textContent()).toContain("återförvisat till kansliet");
    await board.context().close();
  }, 90_000);

  it("shows staff the board's comment; edited and sent again, the board sees the words added since it looked and approves", async () => {
    const staff = await stack.signedInPage("staff");
    await read(staff);
    const returned = staff.getByRole("region", { name: /Återförvisad av Bengt Styrelse/ });
    expect(await returned.textContent()).toContain(COMMENT);
    await staff.context().close();

    await editSection(`SmåKom tillstyrker stöd till frivillig samverkan. ${ADDED}`, "Kostnaderna");
    await sendForDecision();

    const board = await stack.signedInPage("board");
    await read(board);
    const since = board.getByRole("region", { name: "Ändrat sedan styrelsen senast tittade (version 2)" });
    await since.waitFor();
    expect(await since.locator("ins").allTextContents()).toEqual([expect.stringContaining("Kostnaderna måste finansieras")]);
    await expectAccessible(board);
    await board.getByRole("button", { name: "Besluta version 3" }).click();
    await expect.poll(() => board.getByRole("status").textContent()).toContain("Version 3 är beslutad");
    expect(await main(board)).toContain("Version 3 är beslutad och låst");
    expect(await main(board)).toContain("Ändras texten upphävs beslutet");
    await board.context().close();
  }, 120_000);
});

describe("the version page", () => {
  it("compares two chosen versions, lists the workflow's steps and restores an old version as a new one", async () => {
    const page = await stack.signedInPage("staff");
    await read(page);
    await page.getByRole("link", { name: /Versionshistorik/ }).click();
    await page.waitForURL((url) => url.pathname === `/remissvar/${responseId}/versioner`);
    await expectAccessible(page);

    const history = page.getByRole("region", { name: "Historik" });
    const steps = await history.textContent();
    expect(steps).toContain(`Återförvisad av Bengt Styrelse: ${COMMENT}`);
    expect(steps).toContain("Version 3 beslutad av styrelsen (Bengt Styrelse)");
    expect(steps).toContain("Version 2 skickad för beslut av Karin Kansli");

    await page.getByLabel("Från version").selectOption("1");
    await page.getByLabel("Till version").selectOption("3");
    await page.getByRole("button", { name: "Jämför" }).click();
    await page.waitForURL((url) => url.search === "?fran=1&till=3");
    const compare = page.getByRole("region", { name: "Jämför versioner" });
    expect(await compare.textContent()).toContain("Ändringar från version 1 till version 3");
    expect((await compare.locator("ins").allTextContents()).join(" ")).toContain("frivillig");
    expect((await compare.locator("ins").allTextContents()).join(" ")).toContain("Kostnaderna");
    // Screen readers hear what was added, not only sighted users who see the colour.
    expect(await compare.locator("ins").first().textContent()).toMatch(/^\[Tillagt: /);
    await page.setViewportSize({ width: 1280, height: 900 });
    await screenshot(page, "versions");

    await history.getByRole("button", { name: "Återställ version 1 som ny version" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Version 1 är återställd som version 4");
    await read(page);
    const text = await page.getByRole("region", { name: "Text", exact: true }).textContent();
    expect(text).toContain("SmåKom tillstyrker stöd till samverkan.");
    expect(text).not.toContain(ADDED);
    // Restoring is an edit: the approval is void and the board must decide again.
    expect(await page.getByRole("button", { name: "Skicka för beslut" }).count()).toBe(1);
    // ...and the page shows what changed since the version the board approved.
    const since = page.getByRole("region", { name: "Ändrat sedan styrelsen senast tittade (version 3)" });
    expect(await since.locator("del").allTextContents()).toContain(`[Borttaget:  ${ADDED}]`);
    await page.context().close();
  }, 120_000);

  it("answers 404 to a member", async () => {
    const page = await stack.signedInPage("member");
    const res = await page.goto(`/remissvar/${responseId}/versioner`);
    expect(res?.status()).toBe(404);
    await page.context().close();
  }, 60_000);
});

describe("the response's priority areas", () => {
  const year = new Date().getFullYear();
  async function sentIn2012() {
    const [row] = await stack.api.ds.query(`SELECT id FROM response WHERE title = 'Remissvar: Spara i goda tider (SOU 2011:59)'`);
    return row.id as string;
  }
  const areasForm = (page: Page) => page.getByRole("form", { name: "Prioriterade frågor" });

  it("lets staff change them on a response already sent, without JavaScript, and refuses a save over someone else's", async () => {
    const id = await sentIn2012();
    const page = await stack.signedInPage("staff", { javaScriptEnabled: false });
    await page.goto(`/remissvar/${id}`);
    const form = areasForm(page);
    // The response's own area of 2021 and this year's areas are offered.
    expect(await form.getByLabel("Finansiering för tillväxt (2021)").isChecked()).toBe(true);
    expect(await form.getByLabel(`Bostadsförsörjning (${year})`).isChecked()).toBe(false);
    await form.getByLabel(`Finansiering för tillväxt (${year})`).check();
    await form.getByRole("button", { name: "Spara prioriterade frågor" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("De prioriterade frågorna är sparade.");
    expect(await areasForm(page).getByLabel(`Finansiering för tillväxt (${year})`).isChecked()).toBe(true);
    expect(await main(page)).toContain("Inskickad");
    await page.context().close();

    // Someone else saves in between: the older form is refused in Swedish and keeps what was ticked.
    const stale = await stack.signedInPage("staff");
    await stale.goto(`/remissvar/${id}`);
    await expectAccessible(stale);
    const other = await stack.signedInPage("staff", { javaScriptEnabled: false });
    await other.goto(`/remissvar/${id}`);
    await areasForm(other).getByLabel("Finansiering för tillväxt (2021)").uncheck();
    await areasForm(other).getByRole("button", { name: "Spara prioriterade frågor" }).click();
    await expect.poll(() => other.getByRole("status").textContent()).toContain("De prioriterade frågorna är sparade.");
    await areasForm(stale).getByLabel(`Bostadsförsörjning (${year})`).check();
    await areasForm(stale).getByRole("button", { name: "Spara prioriterade frågor" }).click();
    await stale.getByText("Någon annan har ändrat detta under tiden").waitFor();
    expect(await areasForm(stale).getByLabel(`Bostadsförsörjning (${year})`).isChecked()).toBe(true);
    await expectAccessible(stale);
    const [{ n }] = await stack.api.ds.query(`SELECT count(*)::int AS n FROM response_priority_area WHERE response_id = $1`, [id]);
    expect(n).toBe(1);
    await other.context().close();
    await stale.context().close();
  }, 120_000);

  it("shows the board the areas as a list, with no form", async () => {
    const id = await sentIn2012();
    const board = await stack.signedInPage("board");
    await board.goto(`/remissvar/${id}`);
    expect(await areasForm(board).count()).toBe(0);
    expect(await board.getByRole("complementary").textContent()).toContain(`Finansiering för tillväxt (${year})`);
    await board.context().close();
  }, 60_000);
});
