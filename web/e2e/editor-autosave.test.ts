/**
 * Autosave in the remissvar editor, in a browser: it saves by itself when typing stops,
 * keeps what is typed through a dropped connection and saves it when the connection is
 * back, offers back what never reached the server, meets a second editor's save with the
 * conflict view instead of overwriting it, and says what is wrong with bad input.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, expectAccessible, screenshot, startStack, type Stack } from "./harness";

let stack: Stack;
let cookie: string;

beforeAll(async () => {
  stack = await startStack();
  const { email, password } = demoUser("staff");
  const signIn = await stack.api.gql(`mutation($email: String!, $password: String!) { signIn(email: $email, password: $password) { id } }`, { email, password });
  cookie = signIn.setCookies.map((line: string) => line.split(";")[0]).join("; ");
});
afterAll(async () => {
  await stack?.stop();
});

/** A position of its own for each test, so that the tests do not depend on each other. */
async function newPosition(title: string): Promise<string> {
  const created = await stack.api.gql(
    `mutation($input: CreateResponseInput!) { createResponse(input: $input) { id } }`,
    { input: { kind: "POSITION", title, sections: [{ number: "1", heading: "Inledning", body: "Början." }] } },
    { cookie },
  );
  expect(created.errors).toBeUndefined();
  return created.data.createResponse.id;
}

async function saved(id: string): Promise<{ currentVersion: number; body: string; comment: string | null }> {
  const result = await stack.api.gql(
    `query($id: ID!) { response(id: $id) { currentVersion sections { body } versions { comment } } }`,
    { id },
    { cookie },
  );
  const response = result.data.response;
  return { currentVersion: response.currentVersion, body: response.sections[0].body, comment: response.versions.at(-1).comment };
}

const section = (page: Page, n: number) => page.getByRole("group", { name: `Avsnitt ${n}`, exact: true });
const status = (page: Page) => page.getByRole("status", { name: "Autosparning" });
const statusText = (page: Page) => () => status(page).textContent();
/** The autosave waits two seconds of quiet before it saves, and a save takes its time on a busy machine. */
const SAVE = { timeout: 15_000 };
const localCopy = (page: Page, id: string) => page.evaluate((key) => localStorage.getItem(key), `remissbanken:osparat-remissvar:${id}`);

async function openEditor(page: Page, id: string): Promise<void> {
  await page.goto(`/remissvar/${id}/redigera`);
  // The status line fills in once the page runs its script.
  await expect.poll(statusText(page), SAVE).toContain("sparas automatiskt");
}

describe("autosave in the remissvar editor", () => {
  it("saves by itself when typing stops, and through a dropped connection loses nothing", async () => {
    const id = await newPosition("Ställningstagande: autosparning");
    const page = await stack.signedInPage("staff");
    await openEditor(page, id);
    const text = section(page, 1).getByLabel("Text");

    await text.fill("Första texten, sparad av sig själv.");
    await expect.poll(statusText(page), SAVE).toMatch(/^Sparat kl\. \d\d:\d\d \(version 2\)$/);
    expect(await saved(id)).toEqual({ currentVersion: 2, body: "Första texten, sparad av sig själv.", comment: "Autosparat" });
    expect(await page.getByText("Du utgår från version 2.").count()).toBe(1);
    expect(await localCopy(page, id)).toBeNull();
    await expectAccessible(page);

    await page.context().setOffline(true);
    await text.fill("Skrivet utan anslutning.");
    await expect.poll(statusText(page), SAVE).toContain("Inte sparat – ingen anslutning. Dina ändringar finns kvar i webbläsaren");
    expect(await text.inputValue()).toBe("Skrivet utan anslutning.");
    expect(await localCopy(page, id)).toContain("Skrivet utan anslutning.");
    expect((await saved(id)).currentVersion).toBe(2);
    await screenshot(page, "editor-autosave-offline");

    await page.context().setOffline(false);
    await expect.poll(statusText(page), SAVE).toMatch(/\(version 3\)$/);
    expect(await saved(id)).toMatchObject({ currentVersion: 3, body: "Skrivet utan anslutning." });
    expect(await localCopy(page, id)).toBeNull();

    // Spara itself still goes to the read page with its message, from the autosaved version.
    await text.fill("Sparat med knappen.");
    await page.getByRole("button", { name: "Spara", exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/remissvar/${id}`);
    await expect.poll(() => page.getByRole("main").textContent(), SAVE).toContain("Sparat med knappen.");
    expect((await saved(id)).body).toBe("Sparat med knappen.");
    await page.context().close();
  }, 90_000);

  it("offers back what never reached the server, and saves it when asked", async () => {
    const id = await newPosition("Ställningstagande: återställning");
    const page = await stack.signedInPage("staff");
    await openEditor(page, id);
    // The server is out of reach for the autosave: the copy stays in the browser only.
    await page.route("**/autosparning", (route) => route.abort("connectionrefused"));
    await section(page, 1).getByLabel("Text").fill("Text som bara finns i webbläsaren.");
    await expect.poll(statusText(page), SAVE).toContain("Inte sparat");

    await page.goto(`/remissvar/${id}/redigera`);
    const offer = page.getByRole("region", { name: "Osparade ändringar" });
    await offer.waitFor();
    await page.unroute("**/autosparning");
    expect(await statusText(page)()).toContain("förrän du har valt");
    expect(await section(page, 1).getByLabel("Text").inputValue()).toBe("Början.");
    await expectAccessible(page);
    await offer.getByRole("button", { name: "Återställ osparade ändringar" }).click();
    await expect.poll(() => section(page, 1).getByLabel("Text").inputValue(), SAVE).toBe("Text som bara finns i webbläsaren.");
    await expect.poll(statusText(page), SAVE).toMatch(/\(version 2\)$/);
    expect((await saved(id)).body).toBe("Text som bara finns i webbläsaren.");
    await page.context().close();
  }, 90_000);

  it("meets another person's save with the conflict view and both texts, and keeps the choice with the person", async () => {
    const id = await newPosition("Ställningstagande: två redigerar");
    const first = await stack.signedInPage("staff");
    const second = await stack.signedInPage("staff");
    await openEditor(first, id);
    await openEditor(second, id);

    await section(second, 1).getByLabel("Text").fill("Den andras text.");
    await expect.poll(statusText(second), SAVE).toMatch(/\(version 2\)$/);

    await section(first, 1).getByLabel("Text").fill("Min egen text.");
    const conflict = first.getByRole("alert").filter({ hasText: "Någon annan har sparat under tiden" });
    await conflict.waitFor();
    const table = await conflict.getByRole("table").textContent();
    expect(table).toContain("Den andras text.");
    expect(table).toContain("Min egen text.");
    expect(await statusText(first)()).toContain("någon annan har sparat en nyare version");
    expect(await section(first, 1).getByLabel("Text").inputValue()).toBe("Min egen text.");
    // Typing on saves nothing over theirs.
    await section(first, 1).getByLabel("Text").fill("Min egen text, längre.");
    expect((await saved(id)).body).toBe("Den andras text.");
    await expectAccessible(first);

    await conflict.getByRole("button", { name: "Behåll min text" }).click();
    await first.waitForURL((url) => url.pathname === `/remissvar/${id}`);
    await expect.poll(() => first.getByRole("main").textContent(), SAVE).toContain("Min egen text, längre.");
    expect(await localCopy(first, id)).toBeNull();

    // The second person now meets the first one's save, and takes it.
    await section(second, 1).getByLabel("Text").fill("Den andras nya text.");
    const theirs = second.getByRole("alert").filter({ hasText: "Någon annan har sparat under tiden" });
    await theirs.waitFor();
    await theirs.getByRole("link", { name: "Använd deras version" }).click();
    await expect.poll(() => section(second, 1).getByLabel("Text").inputValue(), SAVE).toBe("Min egen text, längre.");
    await expect.poll(statusText(second), SAVE).toContain("sparas automatiskt");
    expect(await second.getByRole("region", { name: "Osparade ändringar" }).count()).toBe(0);
    expect((await saved(id)).body).toBe("Min egen text, längre.");
    await first.context().close();
    await second.context().close();
  }, 120_000);

  it("says what is wrong with bad input on the right field, keeps the text and saves nothing", async () => {
    const id = await newPosition("Ställningstagande: felaktiga uppgifter");
    const page = await stack.signedInPage("staff");
    await openEditor(page, id);
    const text = section(page, 1).getByLabel("Text");

    const long = "x".repeat(200_001);
    await text.fill(long);
    await expect.poll(statusText(page), SAVE).toContain("Inte sparat – Avsnitt 1, Text: Texten är för lång");
    expect(await text.getAttribute("aria-invalid")).toBe("true");
    expect((await text.inputValue()).length).toBe(200_001);

    await text.fill("Lagom lång.");
    await page.getByRole("button", { name: "Lägg till avsnitt" }).click();
    // The number first: without a heading the section is not saved, so no version slips in between.
    await section(page, 2).getByLabel("Avsnittsnummer").fill("1");
    await section(page, 2).getByLabel("Rubrik").fill("Andra");
    await expect.poll(statusText(page), SAVE).toContain("Avsnitt 2, Avsnittsnummer: Samma avsnittsnummer används i flera avsnitt");
    expect(await section(page, 2).getByLabel("Avsnittsnummer").getAttribute("aria-invalid")).toBe("true");
    expect((await saved(id)).currentVersion).toBe(1);

    await section(page, 2).getByLabel("Avsnittsnummer").fill("2");
    await expect.poll(statusText(page), SAVE).toMatch(/\(version 2\)$/);
    expect(await section(page, 2).getByLabel("Avsnittsnummer").getAttribute("aria-invalid")).toBeNull();

    // A stance that is not in the list, posted by hand: a Swedish answer on the field, not a 500.
    const crafted = await page.request.post(`/remissvar/${id}/redigera`, {
      form: {
        intent: "save", baseVersion: "2", signatory: "", presenter: "", letterDate: "", summary: "", comment: "",
        "sections.0.number": "1", "sections.0.heading": "Inledning", "sections.0.stance": "KANSKE", "sections.0.body": "b", "sections.0.quotes": "[]",
      },
    });
    expect(crafted.status()).toBe(400);
    expect(await crafted.text()).toContain("Välj ett ställningstagande i listan.");
    expect((await saved(id)).currentVersion).toBe(2);
    await page.context().close();
  }, 90_000);
});
