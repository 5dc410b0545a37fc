/**
 * "Lägg till remiss från länk" in a real browser, against a local stand-in for
 * regeringen.se: a refused address comes back in Swedish with what was typed, and a remiss
 * page is imported and opened, with and without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REGERINGEN_PAGES, startRegeringenServer, type RegeringenServer } from "@remissbanken/test/regeringen-server";
import { expectAccessible, startStack, type Stack } from "./harness";

let stack: Stack;
let regeringen: RegeringenServer;

beforeAll(async () => {
  regeringen = await startRegeringenServer();
  stack = await startStack({ env: { REGERINGEN_BASE_URL: regeringen.base } });
});
afterAll(async () => {
  await stack?.stop();
  await regeringen?.stop();
});

const eventually = <T>(read: () => T) => expect.poll(read, { timeout: 15_000, interval: 100 });

describe("Lägg till remiss från länk", () => {
  it("refuses another site in Swedish, then imports a remiss page without JavaScript", async () => {
    const page = await stack.signedInPage("staff", { javaScriptEnabled: false });
    await page.goto("/remisser");
    const field = page.getByLabel("Adress till remissen på regeringen.se");
    await field.fill("https://evil.example/remisser/x");
    await page.getByRole("button", { name: "Lägg till remissen" }).click();
    await eventually(() => page.getByRole("alert").first().textContent()).toContain("Det går bara att lägga till remisser från regeringen.se");
    expect(await field.inputValue()).toBe("https://evil.example/remisser/x");
    expect(await field.getAttribute("aria-invalid")).toBe("true");

    await field.fill(`${regeringen.base}${REGERINGEN_PAGES.open}`);
    await page.getByRole("button", { name: "Lägg till remissen" }).click();
    await page.waitForURL(/\/remisser\/[0-9a-f-]{36}$/);
    expect(await page.getByRole("status").first().textContent()).toContain("Remissen fanns redan och är uppdaterad.");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Gäldenärens avtal i konkurs");
    await page.context().close();
  });

  it("says a page is not a remiss, then adds a remiss that was not there, with JavaScript", async () => {
    await stack.api.ds.query(`DELETE FROM remiss WHERE document_id = (SELECT id FROM document WHERE designation = 'SOU 2026:14')`);
    const page = await stack.signedInPage("staff");
    await page.goto("/remisser");
    const field = page.getByLabel("Adress till remissen på regeringen.se");
    await field.fill(`${regeringen.base}${REGERINGEN_PAGES.notARemiss}`);
    await page.getByRole("button", { name: "Lägg till remissen" }).click();
    await eventually(() => page.getByRole("alert").first().textContent()).toContain("Sidan kunde inte läsas in som en remiss");
    await expectAccessible(page);

    await field.fill(`${regeringen.base}${REGERINGEN_PAGES.closed}`);
    await page.getByRole("button", { name: "Lägg till remissen" }).click();
    await page.waitForURL(/\/remisser\/[0-9a-f-]{36}$/);
    await eventually(() => page.getByRole("status").first().textContent()).toContain("Remissen är tillagd.");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Ädelmetallutredningen");
    await page.context().close();
  });

  it("is not offered to members", async () => {
    const page = await stack.signedInPage("member");
    await page.goto("/remisser");
    await page.getByRole("heading", { level: 1, name: "Remisser" }).waitFor();
    expect(await page.getByLabel("Adress till remissen på regeringen.se").count()).toBe(0);
    await page.context().close();
  });
});
