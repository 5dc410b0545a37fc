/**
 * Saved searches and follows in a real browser: a member saves a search on /sok, follows
 * an inquiry, and changes and stops both under Inställningar › Bevakningar; the same
 * without JavaScript (plain form posts answered by redirects), and a name left empty
 * comes back on the save page with what was chosen kept.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible, screenshot, startStack, type Stack } from "./harness";

let stack: Stack;
let inquiryId: string;

beforeAll(async () => {
  stack = await startStack();
  const result = await stack.api.gql(`{ inquiries(first: 100) { edges { node { id name } } } }`);
  inquiryId = result.data.inquiries.edges.find((e: { node: { name: string } }) => e.node.name === "Strandskyddsutredningen").node.id;
});

afterAll(async () => {
  await stack?.stop();
});

const flash = (page: Page, text: string) => page.getByText(text).first().waitFor();
const watches = (page: Page) => page.getByRole("region", { name: "Bevakningar" });

describe("saved searches and follows", { timeout: 120_000 }, () => {
  it("lets a member save a search, follow an inquiry, and change and stop both in settings", async () => {
    const page = await stack.signedInPage("member");
    await page.goto("/sok?q=strandskydd");
    await page.getByText("Spara sökningen och få e-post om nya träffar").click();
    const form = page.getByRole("form", { name: "Spara sökningen" });
    expect(await form.getByLabel("Namn på sökningen").inputValue()).toBe("strandskydd");
    await form.getByLabel("Namn på sökningen").fill("Strandskydd i fjällen");
    await form.getByLabel("E-post om nya träffar").selectOption({ label: "Varje morgon" });
    await expectAccessible(page);
    await screenshot(page, "spara-sokning");
    await form.getByRole("button", { name: "Spara sökning" }).click();
    await flash(page, "Sökningen ”Strandskydd i fjällen” är sparad. Du får e-post varje morgon när den hittar något nytt.");
    expect(new URL(page.url()).search).toBe("?q=strandskydd");

    await page.goto(`/utredningar/${inquiryId}`);
    await page.getByRole("button", { name: "Följ utredningen" }).click();
    await page.getByRole("button", { name: "Sluta följa" }).waitFor();
    await flash(page, "Du följer nu Strandskyddsutredningen.");
    await expectAccessible(page);

    await page.goto("/installningar#bevakningar");
    const section = watches(page);
    await section.getByRole("link", { name: "Strandskydd i fjällen" }).waitFor();
    expect(await section.getByRole("link", { name: "Strandskyddsutredningen" }).count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, "bevakningar");

    // Change how often, then open the search from here.
    await section.getByLabel("E-post för Strandskydd i fjällen").selectOption({ label: "Varje måndag" });
    await section.getByRole("button", { name: "Spara hur ofta för Strandskydd i fjällen" }).click();
    await flash(page, "”Strandskydd i fjällen”: varje måndag.");
    expect(await section.getByLabel("E-post för Strandskydd i fjällen").inputValue()).toBe("WEEKLY");
    expect(await section.getByRole("link", { name: "Strandskydd i fjällen" }).getAttribute("href")).toBe("/sok?q=strandskydd");

    await section.getByRole("button", { name: "Ta bort sökningen Strandskydd i fjällen" }).click();
    await flash(page, "Den sparade sökningen är borttagen.");
    await section.getByText("Du har inga sparade sökningar.").waitFor();
    await section.getByRole("button", { name: "Sluta följa Strandskyddsutredningen" }).click();
    await section.getByText("Du följer inga utredningar.").waitFor();
    await expectAccessible(page);

    await page.goto(`/utredningar/${inquiryId}`);
    await page.getByRole("button", { name: "Följ utredningen" }).waitFor();
  });

  it("works without JavaScript, and keeps what was chosen when the name is missing", async () => {
    const page = await stack.signedInPage("board", { javaScriptEnabled: false });
    await page.goto("/sok?q=kommunutredningen&typ=document");
    // <details> opens without JavaScript.
    await page.getByText("Spara sökningen och få e-post om nya träffar").click();
    await page.getByLabel("Namn på sökningen").fill("");
    await page.getByLabel("E-post om nya träffar").selectOption({ label: "Aldrig (ingen e-post)" });
    // The browser's own check would stop an empty name: the server's must hold too.
    await page.getByLabel("Namn på sökningen").evaluate((input) => input.removeAttribute("required"));
    await page.getByRole("button", { name: "Spara sökning" }).click();
    await page.getByRole("heading", { level: 1, name: "Spara sökning" }).waitFor();
    expect(await page.getByText("Ge sökningen ett namn.").count()).toBeGreaterThan(0);
    expect(await page.getByLabel("E-post om nya träffar").inputValue()).toBe("NEVER");
    await page.getByLabel("Namn på sökningen").fill("Kommunutredningen");
    await page.getByRole("button", { name: "Spara sökning" }).click();
    await page.waitForURL((url) => url.pathname === "/sok");
    expect(new URL(page.url()).search).toBe("?q=kommunutredningen&typ=document");
    await flash(page, "Sökningen ”Kommunutredningen” är sparad.");

    await page.goto(`/utredningar/${inquiryId}`);
    await page.getByRole("button", { name: "Följ utredningen" }).click();
    await page.getByRole("button", { name: "Sluta följa" }).waitFor();

    await page.goto("/installningar");
    const section = watches(page);
    expect(await section.getByRole("link", { name: "Kommunutredningen" }).getAttribute("href")).toBe("/sok?q=kommunutredningen&typ=document");
    // The filters are shown, so that searches with the same words can be told apart.
    expect(await section.getByRole("listitem").filter({ hasText: "Kommunutredningen" }).textContent()).toContain("”kommunutredningen” · Dokument");
    await section.getByRole("button", { name: "Ta bort sökningen Kommunutredningen" }).click();
    await section.getByText("Du har inga sparade sökningar.").waitFor();
    await section.getByRole("button", { name: "Sluta följa Strandskyddsutredningen" }).click();
    await section.getByText("Du följer inga utredningar.").waitFor();
  });

  it("says when email for saved searches is turned off, and asks anonymous visitors to sign in to follow", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto("/sok?q=bredband");
    await page.getByText("Spara sökningen och få e-post om nya träffar").click();
    await page.getByRole("form", { name: "Spara sökningen" }).getByRole("button", { name: "Spara sökning" }).click();
    await flash(page, "Sökningen ”bredband” är sparad.");
    await page.goto("/installningar");
    const section = watches(page);
    await section.getByRole("link", { name: "bredband" }).waitFor();
    expect(await section.textContent()).not.toContain("är avstängd");

    const email = page.getByRole("region", { name: "E-post" });
    await email.getByRole("checkbox", { name: "Sparade sökningar" }).uncheck();
    await email.getByRole("button", { name: "Spara val för e-post" }).click();
    await flash(page, "Dina val för e-post är sparade.");
    await expect.poll(() => section.textContent()).toContain("E-post om sparade sökningar är avstängd under E-post");
    expect(await section.textContent()).not.toContain("E-post om utredningar du följer är avstängd");
    await expectAccessible(page);
    await page.context().close();

    const anonymous = await (await stack.newContext()).newPage();
    await anonymous.goto(`/utredningar/${inquiryId}`);
    expect(await anonymous.getByRole("button", { name: "Följ utredningen" }).count()).toBe(0);
    await anonymous.getByRole("link", { name: "Logga in" }).last().click();
    await anonymous.waitForURL((url) => url.pathname === "/logga-in" && url.searchParams.get("redirectTo") === `/utredningar/${inquiryId}`);
    await anonymous.context().close();
  });
});
