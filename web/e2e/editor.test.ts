/**
 * Drafting a remissvar in the browser: staff edit the exercise remiss's answer with and
 * without JavaScript, two people saving the same draft meet the conflict view, the board
 * decides, and members never see the editor.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, expectAccessible, startStack, type Stack } from "./harness";

let stack: Stack;
let responseId: string;

beforeAll(async () => {
  stack = await startStack();
  const [exercise] = await stack.api.ds.query(
    `SELECT m.id FROM remiss m JOIN document d ON d.id = m.document_id WHERE d.title LIKE 'Övningsremiss%'`,
  );
  const [existing] = await stack.api.ds.query(`SELECT id FROM response WHERE remiss_id = $1`, [exercise.id]);
  if (existing) {
    responseId = existing.id;
  } else {
    const { email, password } = demoUser("staff");
    const signIn = await stack.api.gql(`mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }`, { email, password });
    const cookie = signIn.setCookies.map((line: string) => line.split(";")[0]).join("; ");
    const created = await stack.api.gql(
      `mutation($input: CreateResponseInput!) { createResponse(input: $input) { id } }`,
      { input: { remissId: exercise.id, title: "Remissvar: Starkare kommuner – uppföljning", summary: "Första utkastet." } },
      { cookie },
    );
    expect(created.errors).toBeUndefined();
    responseId = created.data.createResponse.id;
  }
});
afterAll(async () => {
  await stack?.stop();
});

const section = (page: Page, n: number) => page.getByRole("group", { name: `Avsnitt ${n}`, exact: true });

describe("the remissvar editor", () => {
  it("lets staff add two sections with stances and save, with JavaScript", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto(`/remissvar/${responseId}`);
    await page.getByRole("link", { name: "Redigera" }).click();
    await page.waitForURL(`**/remissvar/${responseId}/redigera`);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Lägg till avsnitt" }).click();
    await section(page, 1).getByLabel("Rubrik").waitFor();
    await section(page, 1).getByLabel("Avsnittsnummer").fill("4.2");
    await section(page, 1).getByLabel("Rubrik").fill("Stöd till samverkan");
    await section(page, 1).getByLabel("Ställningstagande").selectOption({ label: "Tillstyrker" });
    await section(page, 1).getByLabel("Text").fill("SmåKom tillstyrker stöd till frivillig samverkan.");
    await page.getByRole("button", { name: "Lägg till avsnitt" }).click();
    await section(page, 2).getByLabel("Rubrik").waitFor();
    // What was typed in the first section survives adding the second.
    expect(await section(page, 1).getByLabel("Rubrik").inputValue()).toBe("Stöd till samverkan");
    await section(page, 2).getByLabel("Avsnittsnummer").fill("5");
    await section(page, 2).getByLabel("Rubrik").fill("Sammanläggningar");
    await section(page, 2).getByLabel("Ställningstagande").selectOption({ label: "Avstyrker" });
    await section(page, 2).getByLabel("Text").fill("SmåKom avstyrker tvingande sammanläggningar.");
    await page.getByLabel("Undertecknas av").fill("Anna Andersson, ordförande");
    await page.getByLabel("Vad ändrades?").fill("Två avsnitt");
    // The README's editor screenshot is taken by editor-panel.test.ts, with quotes in it.
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/remissvar/${responseId}`);
    await expect.poll(() => page.getByRole("main").textContent()).toContain("Sammanläggningar");
    expect(await page.getByRole("status").textContent()).toMatch(/Version \d+ är sparad/);
    await page.context().close();
  }, 60_000);

  it("saves without JavaScript and keeps everything typed when a section number repeats", async () => {
    const page = await stack.signedInPage("staff", { javaScriptEnabled: false });
    await page.goto(`/remissvar/${responseId}/redigera`);
    await page.getByRole("button", { name: "Lägg till avsnitt" }).click();
    await section(page, 3).getByLabel("Rubrik").fill("Ekonomi");
    await section(page, 3).getByLabel("Avsnittsnummer").fill("5");
    await section(page, 3).getByLabel("Text").fill("Text som inte får försvinna.");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await expect.poll(() => page.getByRole("alert").first().textContent()).toContain("Några uppgifter behöver rättas");
    const number = section(page, 3).getByLabel("Avsnittsnummer");
    expect(await number.getAttribute("aria-invalid")).toBe("true");
    expect(await section(page, 3).textContent()).toContain("Samma avsnittsnummer används i flera avsnitt");
    expect(await section(page, 3).getByLabel("Text").inputValue()).toBe("Text som inte får försvinna.");
    await number.fill("6");
    await page.getByLabel("Vad ändrades?").fill("Ekonomi");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/remissvar/${responseId}`);
    expect(await page.getByRole("main").textContent()).toContain("Ekonomi");
    await page.context().close();
  }, 60_000);

  it("shows a conflict with both texts and saves the person's own text when asked", async () => {
    const first = await stack.signedInPage("staff");
    const second = await stack.signedInPage("staff");
    await first.goto(`/remissvar/${responseId}/redigera`);
    await second.goto(`/remissvar/${responseId}/redigera`);

    await section(first, 1).getByLabel("Text").fill("Kansliets första text.");
    await first.getByRole("button", { name: "Spara", exact: true }).click();
    await first.waitForURL((url) => url.pathname === `/remissvar/${responseId}`);

    // The second person still edits the version loaded before the first one saved.
    await section(second, 1).getByLabel("Text").fill("Min egen text.");
    await second.getByRole("button", { name: "Spara", exact: true }).click();
    const conflict = second.getByRole("alert").filter({ hasText: "Någon annan har sparat under tiden" });
    await conflict.waitFor();
    const table = await conflict.getByRole("table").textContent();
    expect(table).toContain("Kansliets första text.");
    expect(table).toContain("Min egen text.");
    await expectAccessible(second);
    await conflict.getByRole("button", { name: "Behåll min text" }).click();
    await second.waitForURL((url) => url.pathname === `/remissvar/${responseId}`);
    // A client-side redirect changes the address before React has rendered the new page.
    await expect.poll(() => second.getByRole("main").textContent(), { timeout: 15_000 }).not.toContain("Någon annan har sparat under tiden");
    const main = await second.getByRole("main").textContent();
    expect(main).toContain("Min egen text.");
    expect(main).not.toContain("Kansliets första text.");
    await first.context().close();
    await second.context().close();
    // Four browser contexts and three saves: slow when the machine is shared.
  }, 120_000);

  it("lists versions and restores an old one as a new version", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto(`/remissvar/${responseId}/redigera`);
    const history = page.getByRole("complementary", { name: "Versioner" });
    expect(await history.textContent()).toContain("Två avsnitt");
    // Version 1 had no sections yet and cannot be a remissvar on its own.
    expect(await history.getByRole("button", { name: /Återställ version 1$/ }).count()).toBe(0);
    await history.getByRole("button", { name: /Återställ version 2$/ }).click();
    await page.waitForURL((url) => url.pathname === `/remissvar/${responseId}`);
    expect(await page.getByRole("status").textContent()).toContain("Version 2 är återställd");
    const main = await page.getByRole("main").textContent();
    expect(main).toContain("SmåKom tillstyrker stöd till frivillig samverkan.");
    expect(main).not.toContain("Ekonomi");
    await page.context().close();
  }, 60_000);

  it("goes to the board for decision and the board approves the version shown", async () => {
    const staff = await stack.signedInPage("staff");
    await staff.goto(`/remissvar/${responseId}`);
    await staff.getByRole("button", { name: "Skicka för beslut" }).click();
    await expect.poll(() => staff.getByRole("status").textContent()).toContain("skickat till styrelsen");
    await staff.context().close();

    const board = await stack.signedInPage("board");
    await board.goto(`/remissvar/${responseId}`);
    await expectAccessible(board);
    expect(await board.getByRole("link", { name: "Redigera" }).count()).toBe(0);
    await board.getByRole("button", { name: /^Besluta version \d+$/ }).click();
    await expect.poll(() => board.getByRole("status").textContent()).toMatch(/Version \d+ är beslutad/);
    expect(await board.getByRole("main").textContent()).toContain("är beslutad och låst");
    await board.context().close();
  }, 60_000);

  it("answers 404 to a member asking for the editor", async () => {
    const page = await stack.signedInPage("member");
    const res = await page.goto(`/remissvar/${responseId}/redigera`);
    expect(res?.status()).toBe(404);
    await page.context().close();
  }, 60_000);
});
