/**
 * The thesaurus in a real browser: staff add a synonym group without JavaScript (a refused
 * group keeps what was typed, with a Swedish message), search finds through it within
 * seconds, a group is edited and removed with JavaScript, and the board is not let in. Axe
 * runs in the page, so it checks the pages of the test with JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, screenshot, startStack, type Stack } from "./harness";

let stack: Stack;
const poll = expect.poll;

beforeAll(async () => {
  stack = await startStack();
  await stack.indexer.idle({ timeoutMs: 60_000 });
});

afterAll(async () => {
  await stack?.stop();
});

describe("/admin/synonymer", { timeout: 120_000 }, () => {
  it("lets staff add a group without JavaScript, and search finds through it", async () => {
    const page = await stack.signedInPage("staff", { javaScriptEnabled: false });
    await page.goto("/admin/synonymer");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Synonymer");
    // The shipped defaults.
    expect(await page.getByRole("row", { name: /Statistiska centralbyrån/ }).textContent()).toContain("SCB");

    const phrases = page.getByLabel("Ord och fraser");
    await phrases.fill("Kvarnstensrådet");
    await page.getByRole("button", { name: "Lägg till" }).click();
    await poll(() => page.getByRole("alert").textContent()).toContain("Gruppen kunde inte sparas");
    // The reason is said once, beside the field.
    expect(await page.getByText("Skriv minst 2 ord eller fraser").count()).toBe(1);
    expect(await phrases.inputValue()).toBe("Kvarnstensrådet");
    expect(await phrases.getAttribute("aria-invalid")).toBe("true");

    // A phrase another group already has is refused by the API, in Swedish, the text kept.
    await phrases.fill("Kvarnstensrådet\nSCB");
    await page.getByRole("button", { name: "Lägg till" }).click();
    await poll(() => page.getByRole("main").textContent()).toContain("”SCB” står redan i gruppen ”SCB, Statistiska centralbyrån”. Ett ord kan bara stå i en grupp");
    expect(await phrases.inputValue()).toBe("Kvarnstensrådet\nSCB");

    // A line of small words only is refused by the API; the page names it in Swedish.
    await phrases.fill("Kvarnstensrådet\noch i");
    await page.getByRole("button", { name: "Lägg till" }).click();
    await poll(() => page.getByRole("main").textContent()).toContain("”och i” består bara av småord som sökningen bortser från");

    await phrases.fill("KKV\nKonkurrensverket");
    await page.getByRole("button", { name: "Lägg till" }).click();
    await poll(() => page.getByRole("status").textContent()).toContain("Gruppen ”KKV, Konkurrensverket” är tillagd");
    expect(await page.getByRole("row", { name: /Konkurrensverket/ }).textContent()).toContain("KKV");
    await screenshot(page, "admin-synonymer");

    // A document that names the authority only in full is found by its abbreviation.
    const document = await stack.api.gql(
      `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`,
      { input: { kind: "OTHER", title: "Rapport från Konkurrensverket om upphandling" } },
      { cookie: await cookieOf(page) },
    );
    expect(document.errors).toBeUndefined();
    await poll(async () => {
      await page.goto("/sok?q=KKV");
      return page.getByRole("region", { name: "Träffar" }).textContent();
    }, { timeout: 30_000 }).toContain("Rapport från Konkurrensverket om upphandling");
  });

  it("lets staff edit and remove a group with JavaScript; every state passes axe", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto("/admin/synonymer");
    await expectAccessible(page);
    await page.getByLabel("Ord och fraser").fill("ensamt");
    await page.getByRole("button", { name: "Lägg till" }).click();
    await poll(() => page.getByRole("alert").textContent()).toContain("Gruppen kunde inte sparas");
    // The reason is said once, beside the field.
    expect(await page.getByText("Skriv minst 2 ord eller fraser").count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole("link", { name: /Ändra fritidshus/ }).click();
    await page.waitForURL(/\/admin\/synonymer\/[0-9a-f-]+$/);
    await expectAccessible(page);
    const phrases = page.getByLabel("Ord och fraser");
    expect(await phrases.inputValue()).toBe("fritidshus\nsommarstuga\nfritidsbostad");
    await phrases.fill("fritidshus\nsommarstuga\nfritidsbostad\nsommarhus");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await page.waitForURL(/\/admin\/synonymer$/);
    await poll(() => page.getByRole("status").textContent()).toContain("är sparad");
    expect(await page.getByRole("row", { name: /sommarhus/ }).textContent()).toContain("fritidsbostad");

    await page.getByRole("link", { name: /Ändra fritidshus/ }).click();
    await page.getByRole("button", { name: "Ta bort gruppen" }).click();
    await page.waitForURL(/\/admin\/synonymer$/);
    await poll(() => page.getByRole("status").textContent()).toContain("Gruppen är borttagen");
    expect(await page.getByRole("row", { name: /sommarhus/ }).count()).toBe(0);
  });

  it("is not for the board", async () => {
    const page = await stack.signedInPage("board");
    const response = await page.goto("/admin/synonymer");
    expect(response?.status()).toBe(403);
  });
});

async function cookieOf(page: import("playwright-core").Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
}
