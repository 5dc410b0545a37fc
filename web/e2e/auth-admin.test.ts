/**
 * The pages behind emailed links and the administration, in a real browser: an invitation
 * sent from /admin ends with the new user signed in; reset, expired and sign-in links; who
 * may open /admin; settings.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible, screenshot, startStack, type Stack } from "./harness";

// Each journey signs in several people (argon2 on purpose) on a shared, busy machine.
vi.setConfig({ testTimeout: 180_000 });
const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 20_000 });

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const NEW_USER = { name: "Nora Nyberg", email: "nora.nyberg@forshaga.example", password: "en lång och säker fras 2026" };

/** The newest mail to `to` whose subject matches, as the API's SMTP server captured it. */
async function mailTo(to: string, subject: RegExp): Promise<{ text: string; link: string }> {
  let found: { text: string } | undefined;
  await expect
    .poll(() => (found = stack.api.server.mailer.captured.findLast((m) => m.to.includes(to) && subject.test(m.subject))), { timeout: 10_000 })
    .toBeTruthy();
  const match = /(\/auth\/[a-z-]+\?token=\S+)/.exec(found!.text);
  if (!match) throw new Error(`no link in mail: ${found!.text}`);
  // The API writes PUBLIC_URL into the link; the test's web app listens elsewhere.
  return { text: found!.text, link: match[1]! };
}

async function openInFreshBrowser(link: string, javaScriptEnabled = true): Promise<Page> {
  const context = await stack.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  const response = await page.goto(link);
  // The token must never leave for another site in a Referer header. Browsers apply the
  // last policy given (Playwright joins repeated headers with newlines).
  const policy = response?.headers()["referrer-policy"] ?? "";
  expect(policy.split(/[,\n]/).map((s) => s.trim()).at(-1)).toBe("same-origin");
  expect(response?.headers()["cache-control"]).toContain("no-store");
  return page;
}

async function chooseNewPassword(page: Page, password: string, button: string | RegExp) {
  await page.getByLabel("Nytt lösenord", { exact: true }).fill(password);
  await page.getByLabel("Upprepa lösenordet").fill(password);
  await page.getByRole("button", { name: button }).click();
}

async function expireLinksOf(email: string) {
  await stack.api.ds.query(
    `UPDATE one_time_token SET expires_at = now() - interval '1 minute'
     WHERE used_at IS NULL AND user_id = (SELECT id FROM app_user WHERE email = $1)`,
    [email],
  );
}

describe("invitation", () => {
  it("an admin invites a member user, who chooses a password from the emailed link and lands signed in", async () => {
    const admin = await stack.signedInPage("admin");
    await admin.goto("/admin");
    await expectAccessible(admin);
    await admin.getByRole("link", { name: "Användare" }).first().click();
    await admin.waitForURL(/\/admin\/anvandare$/);
    await expectAccessible(admin);

    // A member without a municipality is refused with the reason, and nothing typed is lost.
    await admin.getByLabel("Namn").fill(NEW_USER.name);
    await admin.getByLabel("E-postadress").fill(NEW_USER.email);
    await admin.getByLabel("Roll", { exact: true }).selectOption({ label: "Medlemskommun" });
    await admin.getByRole("button", { name: "Skicka inbjudan" }).click();
    await poll(() => admin.getByText("Välj kommunen som en medlemskommuns användare hör till.").count()).toBeGreaterThan(0);
    expect(await admin.getByLabel("E-postadress").inputValue()).toBe(NEW_USER.email);

    await admin.getByLabel("Kommun", { exact: true }).selectOption({ label: "Forshaga" });
    await admin.getByRole("button", { name: "Skicka inbjudan" }).click();
    await poll(() => admin.getByRole("status").textContent()).toContain(`${NEW_USER.name} är inbjuden`);
    const row = admin.getByRole("row", { name: new RegExp(NEW_USER.name) });
    expect(await row.textContent()).toContain("Forshaga");
    expect(await row.textContent()).toContain("Inbjuden, har inte loggat in");
    // The admin, who has signed in, is listed as active.
    expect(await admin.getByRole("row", { name: /Alva Admin/ }).textContent()).toContain("Aktiv");
    await screenshot(admin, "admin-users");

    // The same address again is a duplicate.
    await admin.getByLabel("Namn").fill("Nora igen");
    await admin.getByLabel("E-postadress").fill(NEW_USER.email);
    await admin.getByLabel("Roll", { exact: true }).selectOption({ label: "Styrelse" });
    await admin.getByRole("button", { name: "Skicka inbjudan" }).click();
    await poll(() => admin.getByRole("alert").textContent()).toContain("Det finns redan en användare med den e-postadressen");
    await admin.context().close();

    const mail = await mailTo(NEW_USER.email, /Inbjudan/);
    expect(mail.link).toMatch(/^\/auth\/invitation\?token=/);
    const page = await openInFreshBrowser(mail.link);
    await expectAccessible(page);
    expect(await page.getByText("Minst 10 tecken").count()).toBeGreaterThan(0);

    // Two different passwords are refused before anything is spent.
    await page.getByLabel("Nytt lösenord", { exact: true }).fill(NEW_USER.password);
    await page.getByLabel("Upprepa lösenordet").fill("något annat helt och hållet");
    await page.getByRole("button", { name: "Spara lösenord och logga in" }).click();
    await poll(() => page.getByText("Lösenorden är inte likadana").count()).toBe(1);
    await expectAccessible(page);

    await chooseNewPassword(page, NEW_USER.password, "Spara lösenord och logga in");
    await page.waitForURL((url) => url.pathname === "/");
    await poll(() => page.getByRole("banner").textContent()).toContain(NEW_USER.name);
    expect(await page.getByRole("status").textContent()).toContain("Välkommen till Remissbanken");
    await page.context().close();
  });
});

describe("password reset", () => {
  it("gives the same answer for unknown addresses, and a reset link works once", async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.goto("/logga-in");
    await page.getByRole("link", { name: "Glömt lösenordet?" }).click();
    await page.waitForURL(/\/glomt-losenord$/);
    await expectAccessible(page);
    await page.getByLabel("E-postadress").fill("ingen.alls@example.org");
    await page.getByRole("button", { name: "Skicka länk" }).click();
    await poll(() => page.getByRole("status").textContent()).toContain("Kolla din e-post");
    const unknownAnswer = (await page.getByRole("status").textContent())!.replace("ingen.alls@example.org", "X");

    await page.goto("/glomt-losenord");
    await page.getByLabel("E-postadress").fill(NEW_USER.email);
    await page.getByRole("button", { name: "Skicka länk" }).click();
    await poll(() => page.getByRole("status").textContent()).toContain("Kolla din e-post");
    expect((await page.getByRole("status").textContent())!.replace(NEW_USER.email, "X")).toBe(unknownAnswer);
    await expectAccessible(page);
    await context.close();

    const mail = await mailTo(NEW_USER.email, /Återställ/);
    const first = await openInFreshBrowser(mail.link);
    await expectAccessible(first);
    NEW_USER.password = "ett nytt och ännu längre lösenord";
    await chooseNewPassword(first, NEW_USER.password, "Spara nytt lösenord");
    await first.waitForURL((url) => url.pathname === "/");
    await poll(() => first.getByRole("banner").textContent()).toContain(NEW_USER.name);
    await first.context().close();

    // The same link again, without JavaScript: it says so and offers a new one.
    const again = await openInFreshBrowser(mail.link, false);
    await chooseNewPassword(again, "ett tredje lösenord som inte sparas", "Spara nytt lösenord");
    expect(await again.getByRole("alert").textContent()).toContain("Länken fungerar inte längre");
    expect(await again.getByRole("link", { name: "Be om en ny länk" }).getAttribute("href")).toBe("/glomt-losenord");
    await again.context().close();
  });

  it("says that an expired link has expired", async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.goto("/glomt-losenord");
    await page.getByLabel("E-postadress").fill("board@smakom.example");
    await page.getByRole("button", { name: "Skicka länk" }).click();
    await poll(() => page.getByRole("status").textContent()).toContain("Kolla din e-post");
    await context.close();

    const mail = await mailTo("board@smakom.example", /Återställ/);
    await expireLinksOf("board@smakom.example");
    const expired = await openInFreshBrowser(mail.link);
    await chooseNewPassword(expired, "ett lösenord som aldrig sparas", "Spara nytt lösenord");
    await poll(() => expired.getByRole("alert").textContent()).toContain("Länken fungerar inte längre");
    await expired.context().close();
  });

  it("says so at once when the address holds no token", async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.goto("/auth/reset-password?token=");
    expect(await page.getByRole("alert").textContent()).toContain("Länken fungerar inte längre");
    await context.close();
  });
});

describe("sign-in link", () => {
  it("is spent by pressing the button, not by opening the page", async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.goto("/logga-in");
    await page.getByRole("link", { name: "Få en inloggningslänk via e-post" }).click();
    await page.waitForURL(/\/inloggningslank$/);
    await expectAccessible(page);
    await page.getByLabel("E-postadress").fill("member@smakom.example");
    await page.getByRole("button", { name: "Skicka länk" }).click();
    await poll(() => page.getByRole("status").textContent()).toContain("Kolla din e-post");
    await context.close();

    const mail = await mailTo("member@smakom.example", /inloggningslänk/);
    expect(mail.link).toMatch(/^\/auth\/sign-in-link\?token=/);
    // A mail scanner opens it, then the person opens it twice.
    const scanner = await fetch(`${stack.webUrl}${mail.link}`);
    expect(scanner.status).toBe(200);
    const first = await openInFreshBrowser(mail.link);
    await first.reload();
    await expectAccessible(first);
    await first.getByRole("button", { name: "Logga in" }).click();
    await first.waitForURL((url) => url.pathname === "/");
    await poll(() => first.getByRole("banner").textContent()).toContain("Maja Medlem");
    await first.context().close();

    const second = await openInFreshBrowser(mail.link, false);
    await second.getByRole("button", { name: "Logga in" }).click();
    await poll(() => second.getByRole("alert").textContent()).toContain("Länken fungerar inte längre");
    expect(await second.getByRole("link", { name: "Be om en ny inloggningslänk" }).getAttribute("href")).toBe("/inloggningslank");
    await second.context().close();
  });
});

// axe runs in the page's JavaScript, so it checks pages in the contexts that have it on.
describe("administration", () => {
  it("is closed to members and the board", async () => {
    for (const role of ["member", "board"] as const) {
      const page = await stack.signedInPage(role);
      const response = await page.goto("/admin/anvandare");
      expect(response?.status()).toBe(403);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Ingen behörighet");
      await expectAccessible(page);
      await page.context().close();
    }
  });

  it("staff edit a user's role, and may give only the roles the API lets them", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto("/admin/anvandare");
    const roles = await page.getByLabel("Roll", { exact: true }).locator("option").allTextContents();
    expect(roles).toEqual(["Medlemskommun", "Styrelse"]);
    await page.getByRole("link", { name: `Ändra ${NEW_USER.name}` }).click();
    await page.waitForURL(/\/admin\/anvandare\/[0-9a-f-]+$/);
    await expectAccessible(page);
    // She has chosen a password: a new invitation is refused with the reason.
    await page.getByRole("button", { name: "Skicka ny inbjudan" }).click();
    await poll(() => page.getByRole("alert").textContent()).toContain("har redan valt ett lösenord");
    await page.getByLabel("Roll", { exact: true }).selectOption({ label: "Styrelse" });
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await page.waitForURL(/\/admin\/anvandare$/);
    expect(await page.getByRole("row", { name: new RegExp(NEW_USER.name) }).textContent()).toContain("Styrelse");
    await page.context().close();
  });

  it("staff add and edit a municipality, without JavaScript", async () => {
    const page = await stack.signedInPage("staff", { javaScriptEnabled: false });
    await page.goto("/admin/kommuner");
    await page.getByLabel("Kommunens namn").fill("Testkommun");
    await page.getByLabel("Län").fill("Värmland");
    await page.getByRole("button", { name: "Lägg till kommun" }).click();
    // Without JavaScript the form posts and the answer is a new page: wait for it, not for the click.
    await page.getByText("Skriv hela länets namn").first().waitFor();
    expect(await page.getByText("Skriv hela länets namn").count()).toBeGreaterThan(0);
    expect(await page.getByLabel("Kommunens namn").inputValue()).toBe("Testkommun");
    await page.getByLabel("Län").fill("Värmlands län");
    await page.getByRole("button", { name: "Lägg till kommun" }).click();
    await poll(() => page.getByRole("status").textContent()).toContain("Testkommun är tillagd");
    await page.getByRole("link", { name: "Ändra Testkommun" }).click();
    await page.getByLabel("Kommunens namn").fill("Testkommun Nya");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await poll(() => page.getByRole("status").textContent()).toContain("Testkommun Nya");
    await page.getByRole("link", { name: "Ändra Testkommun Nya" }).click();
    await page.getByRole("button", { name: "Arkivera Testkommun Nya" }).click();
    await poll(() => page.getByRole("status").textContent()).toContain("är arkiverad");
    expect(await page.getByRole("row", { name: /Testkommun Nya/ }).count()).toBe(0);
    await page.context().close();
  });

  it("staff add a priority area with goals for a year and update a goal's status", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto("/admin/prioriterade-fragor?ar=2031");
    await expectAccessible(page);
    expect(await page.getByText("Inga prioriterade frågor för 2031").count()).toBe(1);
    await page.getByRole("link", { name: "Ny prioriterad fråga" }).click();
    await page.waitForURL(/\/ny\?ar=2031/);
    await expectAccessible(page);
    expect(await page.getByLabel("År").inputValue()).toBe("2031");
    await page.getByLabel("Namn på frågan").fill("Kompetensförsörjning");
    await page.getByLabel("Mål 1", { exact: true }).fill("Fler distansutbildningar");
    await page.getByLabel("Mål 2", { exact: true }).fill("Statliga jobb på landsbygden");
    await page.getByRole("button", { name: "Spara fråga" }).click();
    await page.waitForURL(/\/admin\/prioriterade-fragor\?ar=2031$/);
    const card = page.getByRole("article", { name: "Kompetensförsörjning" });
    expect(await card.textContent()).toContain("Fler distansutbildningar");
    await card.getByRole("link", { name: /Ändra/ }).click();
    await page.waitForURL(/\/admin\/prioriterade-fragor\/[0-9a-f-]+$/);
    await expectAccessible(page);
    // Each goal has a form of its own (see also e2e/priority-report.test.ts).
    await page.getByLabel("Status för mål 2", { exact: true }).selectOption({ label: "Uppnått" });
    await page.getByRole("button", { name: "Spara mål 2" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Målet är sparat");
    await page.getByRole("button", { name: "Ta bort mål 1" }).click();
    await expect.poll(() => page.getByLabel("Mål 2", { exact: true }).count()).toBe(0);
    await page.goto("/admin/prioriterade-fragor?ar=2031");
    const updated = await page.getByRole("article", { name: "Kompetensförsörjning" }).textContent();
    expect(updated).not.toContain("Fler distansutbildningar");
    expect(updated).toContain("Uppnått");
    await screenshot(page, "admin-priority-areas");
    await page.context().close();
  });

  it("refuses an edit made on an old version of the page", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto("/admin/kommuner");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Ändra Forshaga" }).click();
    await page.waitForURL(/\/admin\/kommuner\/[0-9a-f-]+$/);
    await expectAccessible(page);
    // Someone else saves in between.
    const other = await stack.signedInPage("admin");
    await other.goto(page.url());
    await other.getByLabel("Län").fill("Värmlands län");
    await other.getByLabel("Medlem sedan").fill("1990-01-01");
    await other.getByRole("button", { name: "Spara ändringar" }).click();
    await other.waitForURL(/\/admin\/kommuner$/);
    await other.context().close();
    await page.getByLabel("Kommunens namn").fill("Forshaga kommun");
    await page.getByRole("button", { name: "Spara ändringar" }).click();
    await poll(() => page.getByRole("alert").textContent()).toContain("Någon annan har ändrat");
    expect(await page.getByLabel("Kommunens namn").inputValue()).toBe("Forshaga kommun");
    await page.context().close();
  });
});

describe("settings", () => {
  it("creates an API key shown once, revokes it, and changes the password", async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.goto("/logga-in");
    await page.getByLabel("E-postadress").fill(NEW_USER.email);
    await page.getByLabel("Lösenord").fill(NEW_USER.password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto("/installningar");
    await expectAccessible(page);
    expect(await page.getByText("Du har inga API-nycklar.").count()).toBe(1);

    await page.getByLabel("Vad ska nyckeln användas till?").fill("Månadsrapport");
    await page.getByRole("button", { name: "Skapa API-nyckel" }).click();
    await poll(() => page.getByLabel(/Din nya API-nyckel/).count()).toBe(1);
    const secret = await page.getByLabel(/Din nya API-nyckel/).inputValue();
    const me = await stack.api.gql("{ me { email } }", {}, { token: secret });
    expect(JSON.stringify(me)).toContain(NEW_USER.email);
    await expectAccessible(page);

    await page.reload();
    expect(await page.getByLabel(/Din nya API-nyckel/).count()).toBe(0);
    await page.getByRole("button", { name: "Återkalla Månadsrapport" }).click();
    await poll(() => page.getByRole("status").textContent()).toContain("är återkallad");
    expect(await page.getByRole("row", { name: /Månadsrapport/ }).textContent()).toContain("Återkallad");

    await page.getByLabel("Nuvarande lösenord").fill("fel lösenord helt enkelt");
    await chooseNewPassword(page, "ett helt nytt lösenord 2027", "Byt lösenord");
    await poll(() => page.getByRole("alert").textContent()).toContain("Det nuvarande lösenordet stämmer inte");
    await page.getByLabel("Nuvarande lösenord").fill(NEW_USER.password);
    await chooseNewPassword(page, "ett helt nytt lösenord 2027", "Byt lösenord");
    await poll(() => page.getByRole("status").textContent()).toContain("Lösenordet är bytt");
    // Still signed in here: the API's new session cookie reached the browser.
    await page.reload();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Inställningar");

    await page.getByRole("button", { name: "Logga ut från alla webbläsare" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.goto("/installningar");
    await page.waitForURL(/\/logga-in\?redirectTo=%2Finstallningar/);
    await context.close();
  });
});
