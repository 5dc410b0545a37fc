/**
 * The panel beside the remissvar editor: staff find SmåKom's 2012 answer on the
 * kommunstabiliseringsfond and Forshaga's input on the remiss, insert both as quotes, and
 * the saved answer shows them linked to their sources; without JavaScript the same
 * buttons work by submitting the draft, which stays as typed.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, screenshot, startStack, type Stack } from "./harness";

let stack: Stack;
let exerciseRemissId: string;
let oldResponseId: string;
let forshagaInputId: string;
let responseId: string;

beforeAll(async () => {
  stack = await startStack();
  const ds = stack.api.ds;
  [{ id: exerciseRemissId }] = await ds.query(`SELECT m.id FROM remiss m JOIN document d ON d.id = m.document_id WHERE d.title LIKE 'Övningsremiss%'`);
  [{ id: oldResponseId }] = await ds.query(`SELECT r.id FROM response r JOIN remiss m ON m.id = r.remiss_id WHERE m.diarienummer = 'Fi2011/4105'`);
  [{ id: forshagaInputId }] = await ds.query(`SELECT id FROM member_input WHERE remiss_id = $1`, [exerciseRemissId]);
});
afterAll(async () => {
  await stack?.stop();
});

const OLD_LABEL = "SmåKom, remissvar 2012-01-12 (SOU 2011:59)";
const FORSHAGA_LABEL = /^Forshaga kommun, synpunkter \d{4}-\d{2}-\d{2}/;

const section = (page: Page, n: number) => page.getByRole("group", { name: `Avsnitt ${n}`, exact: true });
const panel = (page: Page) => page.getByRole("complementary", { name: "Citat och källor" });

async function searchPanel(page: Page, words: string) {
  await panel(page).getByLabel("Sökord").fill(words);
  await panel(page).getByLabel("Sök bland").selectOption({ label: "Ställningstaganden och remissvar" });
  await panel(page).getByRole("button", { name: "Sök", exact: true }).click();
  await panel(page).getByRole("listitem").filter({ hasText: "Spara i goda tider" }).waitFor();
}

describe("the editor's panel", () => {
  it("finds a past answer and the members' input and inserts both as quotes without reloading, with JavaScript", async () => {
    const page = await stack.signedInPage("staff");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/remisser/${exerciseRemissId}`);
    await page.getByRole("button", { name: "Påbörja remissvar" }).click();
    await page.waitForURL((url) => url.pathname.endsWith("/redigera"));
    responseId = new URL(page.url()).pathname.split("/")[2];

    await page.getByRole("button", { name: "Lägg till avsnitt" }).click();
    await section(page, 1).getByLabel("Rubrik").fill("Stöd till samverkan");
    await section(page, 1).getByLabel("Text").fill("SmåKom tillstyrker stöd till frivillig samverkan.");
    await page.getByRole("button", { name: "Lägg till avsnitt" }).click();
    await section(page, 2).getByLabel("Rubrik").fill("Kommunernas ekonomi");
    await section(page, 2).getByLabel("Ställningstagande").selectOption({ label: "Avstyrker" });
    // Marks this page: a reload would lose it.
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

    await searchPanel(page, "kommunstabiliseringsfond");
    const hit = panel(page).getByRole("listitem").filter({ hasText: "Spara i goda tider" });
    expect(await hit.textContent()).toContain(OLD_LABEL);
    expect(await hit.locator("mark").first().textContent()).toMatch(/kommunstabiliseringsfond/i);
    // Every matching passage of the 2012 answer, to pick the one to quote.
    await hit.getByRole("button", { name: "Fler ställen i Remissvar: Spara i goda tider (SOU 2011:59)" }).click();
    await expect.poll(() => panel(page).textContent()).toMatch(/ställen? i Remissvar: Spara i goda tider \(SOU 2011:59\) matchar/);
    const passage = panel(page).getByRole("listitem").filter({ hasText: /kommunstabiliseringsfond/i }).first();
    await panel(page).getByLabel("Infoga citat i").selectOption({ index: 1 });
    await passage.getByRole("button", { name: `Infoga som citat: ${OLD_LABEL}` }).click();
    const oldQuote = section(page, 2).locator("blockquote");
    await oldQuote.waitFor();
    expect(await oldQuote.textContent()).toMatch(/kommunstabiliseringsfond/i);
    expect(await oldQuote.getByRole("link").getAttribute("href")).toBe(`/remissvar/${oldResponseId}`);
    await panel(page).getByRole("button", { name: "Tillbaka till alla träffar" }).click();
    await expect.poll(() => panel(page).textContent()).toMatch(/träff(ar)? för ”kommunstabiliseringsfond”/);

    const inputs = panel(page).getByRole("region", { name: "Synpunkter från medlemmarna" });
    const forshaga = inputs.getByRole("listitem").filter({ hasText: "Forshaga ser positivt på stöd till samverkan" });
    await panel(page).getByLabel("Infoga citat i").selectOption({ index: 0 });
    await forshaga.getByRole("button", { name: /^Infoga som citat: Forshaga kommun/ }).click();
    const forshagaQuote = section(page, 1).locator("blockquote");
    await forshagaQuote.waitFor();
    expect(await forshagaQuote.textContent()).toContain("Forshaga ser positivt på stöd till samverkan");
    expect(await forshagaQuote.getByRole("link").getAttribute("href")).toBe(`/synpunkter/${forshagaInputId}`);
    expect(await panel(page).getByRole("status").filter({ hasText: "infogat" }).textContent()).toMatch(/infogat i avsnitt 1\.$/);
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await section(page, 1).getByLabel("Text").inputValue()).toBe("SmåKom tillstyrker stöd till frivillig samverkan.");

    await expectAccessible(page);
    // Tall enough to show the sections' quotes beside the panel's hits.
    await page.setViewportSize({ width: 1280, height: 1500 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, "editor");

    await page.getByLabel("Vad ändrades?").fill("Citat från 2012 och från Forshaga");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/remissvar/${responseId}`);
    const main = page.getByRole("main");
    await expect.poll(() => main.locator("blockquote").count()).toBe(2);
    expect(await main.getByRole("link", { name: OLD_LABEL }).getAttribute("href")).toBe(`/remissvar/${oldResponseId}`);
    const forshagaLink = main.getByRole("link", { name: FORSHAGA_LABEL });
    expect(await forshagaLink.getAttribute("href")).toBe(`/synpunkter/${forshagaInputId}`);
    await expectAccessible(page);

    // The member input's link finds the remiss it was given on.
    await forshagaLink.click();
    await page.waitForURL((url) => url.pathname === `/remisser/${exerciseRemissId}`);
    await page.locator(`#synpunkt-${forshagaInputId}`).waitFor();
    await page.context().close();
  }, 120_000);

  it("searches, inserts and removes quotes without JavaScript, keeping what was typed", async () => {
    const page = await stack.signedInPage("staff", { javaScriptEnabled: false });
    await page.goto(`/remissvar/${responseId}/redigera`);
    await section(page, 2).getByLabel("Text").fill("Text som inte får försvinna.");

    await searchPanel(page, "kommunstabiliseringsfond");
    expect(await section(page, 2).getByLabel("Text").inputValue()).toBe("Text som inte får försvinna.");

    // Into section 1, which already quotes Forshaga.
    await panel(page).getByLabel("Infoga citat i").selectOption({ index: 0 });
    const hit = panel(page).getByRole("listitem").filter({ hasText: "Spara i goda tider" });
    await hit.getByRole("button", { name: `Infoga som citat: ${OLD_LABEL}` }).click();
    await expect.poll(() => section(page, 1).locator("blockquote").count()).toBe(2);
    expect(await section(page, 2).getByLabel("Text").inputValue()).toBe("Text som inte får försvinna.");
    // The results stay beside the draft for the next quote.
    expect(await panel(page).getByRole("listitem").filter({ hasText: "Spara i goda tider" }).count()).toBe(1);

    await section(page, 1).getByRole("button", { name: /^Ta bort citat 1 ur avsnitt 1/ }).click();
    await expect.poll(() => section(page, 1).locator("blockquote").count()).toBe(1);
    expect(await section(page, 1).locator("blockquote").textContent()).toMatch(/kommunstabiliseringsfond/i);

    await page.getByLabel("Vad ändrades?").fill("Citat utan JavaScript");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/remissvar/${responseId}`);
    const main = page.getByRole("main");
    expect(await main.getByRole("link", { name: OLD_LABEL }).count()).toBe(2);
    expect(await main.getByRole("link", { name: FORSHAGA_LABEL }).count()).toBe(0);
    expect(await main.textContent()).toContain("Text som inte får försvinna.");
    await page.context().close();
  }, 120_000);
});
