/** The settings page's "E-post" section: each person turns kinds of email on and off, with and without JavaScript. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { stockholmDate } from "@remissbanken/api/common/dates";
import { expectAccessible, screenshot, signIn, startStack, type Stack } from "./harness";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe("E-post in /installningar", () => {
  it("lets staff turn off the weekly digest and choose its priority areas", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto("/installningar#e-post");
    const section = page.getByRole("region", { name: "E-post" });
    await expectAccessible(page);
    for (const kind of ["Påminnelser om sista svarsdag", "Veckobrev", "Nya synpunkter från medlemskommuner", "Sparade sökningar", "Utredningar du följer"]) {
      expect(await section.getByRole("checkbox", { name: kind }).isChecked(), kind).toBe(true);
    }
    expect(await section.getByRole("checkbox", { name: "Påminnelser om synpunkter" }).count()).toBe(0);
    await section.getByRole("checkbox", { name: "Veckobrev" }).uncheck();
    // The areas offered are this year's, as the demo data decides them (Stockholm's year).
    const year = stockholmDate().slice(0, 4);
    await section.getByRole("checkbox", { name: `Bostadsförsörjning (${year})` }).check();
    await screenshot(page, "settings-email");
    await section.getByRole("button", { name: "Spara val för e-post" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Dina val för e-post är sparade.");
    expect(new URL(page.url()).pathname).toBe("/installningar");

    await page.reload();
    expect(await section.getByRole("checkbox", { name: "Veckobrev" }).isChecked()).toBe(false);
    expect(await section.getByRole("checkbox", { name: "Påminnelser om sista svarsdag" }).isChecked()).toBe(true);
    expect(await section.getByRole("checkbox", { name: `Bostadsförsörjning (${year})` }).isChecked()).toBe(true);
    expect(await section.getByRole("checkbox", { name: `Bredbandsutbyggnad (${year})` }).isChecked()).toBe(false);
    await page.context().close();
  }, 60_000);

  it("works without JavaScript: a member turns off input reminders and on again", async () => {
    const context = await stack.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, "member");
    await page.goto("/installningar");
    const section = page.getByRole("region", { name: "E-post" });
    const reminders = section.getByRole("checkbox", { name: "Påminnelser om synpunkter" });
    expect(await reminders.isChecked()).toBe(true);
    // Only the member's kinds, and no priority areas: the digest is for the secretariat.
    expect(await section.getByRole("checkbox", { name: "Veckobrev" }).count()).toBe(0);
    expect(await section.getByRole("group", { name: "Veckobrevets prioriterade frågor" }).count()).toBe(0);
    expect(await section.textContent()).toContain("Kvitton på synpunkter du skickar");

    await reminders.uncheck();
    await section.getByRole("button", { name: "Spara val för e-post" }).click();
    await page.waitForURL((url) => url.pathname === "/installningar");
    expect(await page.getByRole("status").first().textContent()).toContain("Dina val för e-post är sparade.");
    expect(await section.getByRole("checkbox", { name: "Påminnelser om synpunkter" }).isChecked()).toBe(false);
    expect(await section.getByRole("checkbox", { name: "Förfrågningar om synpunkter" }).isChecked()).toBe(true);

    await section.getByRole("checkbox", { name: "Påminnelser om synpunkter" }).check();
    await section.getByRole("button", { name: "Spara val för e-post" }).click();
    await page.waitForURL((url) => url.pathname === "/installningar");
    expect(await section.getByRole("checkbox", { name: "Påminnelser om synpunkter" }).isChecked()).toBe(true);
    await context.close();
  }, 60_000);

  it("says in Swedish why nothing was saved when the form names a kind the API refuses", async () => {
    const page = await stack.signedInPage("board");
    await page.goto("/installningar");
    // A form from an older page: a kind the board does not get.
    const res = await page.request.post("/installningar/e-post", {
      form: { kinds: "weeklyDigest", on: "weeklyDigest" },
      headers: { origin: stack.webUrl },
      maxRedirects: 0,
    });
    expect(res.status()).toBe(302);
    await page.goto("/installningar");
    expect(await page.getByRole("alert").first().textContent()).toContain("Dina val sparades inte. Den sortens e-post skickas inte till din roll.");
    await page.context().close();
  }, 60_000);
});
