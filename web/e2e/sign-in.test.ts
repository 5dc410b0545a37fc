/** Signing in and out in a real browser, as each role, with and without JavaScript. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, expectAccessible, startStack, signIn, type Stack } from "./harness";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe("sign-in", () => {
  it.each([
    ["admin", "Alva Admin"],
    ["staff", "Karin Kansli"],
    ["board", "Bengt Styrelse"],
    ["member", "Maja Medlem"],
  ] as const)("signs in as %s and shows who is signed in", async (role, name) => {
    const page = await stack.signedInPage(role);
    await expect.poll(() => page.getByRole("banner").textContent()).toContain(name);
    await page.context().close();
  });

  it.each(["admin", "member"] as const)("fits the header on one line at 1280 px for %s", async (role) => {
    const page = await stack.signedInPage(role);
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/remisser");
    const rows = await page.evaluate(() => {
      // One line: every item of the header starts at the height of the first one.
      const tops = [".brand", ".main-nav li:last-child", ".user-menu"].map((s) => document.querySelector(s)!.getBoundingClientRect());
      return tops.map((r) => Math.round(r.top + r.height / 2));
    });
    expect(Math.max(...rows) - Math.min(...rows)).toBeLessThan(10);
    await page.context().close();
  });

  it("says that the password is wrong, keeps the email and forgets the password", async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.goto("/logga-in");
    await expectAccessible(page);
    await page.getByLabel("E-postadress").fill("staff@smakom.example");
    await page.getByLabel("Lösenord").fill("wrong-password");
    await page.getByRole("button", { name: "Logga in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("Fel e-postadress eller lösenord");
    expect(await page.getByLabel("E-postadress").inputValue()).toBe("staff@smakom.example");
    expect(await page.getByLabel("Lösenord").inputValue()).toBe("");
    await context.close();
  });

  it("signs in and out without JavaScript and returns to the page asked for", async () => {
    const context = await stack.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/logga-in?redirectTo=%2Fsok");
    const { email, password } = demoUser("board");
    await page.getByLabel("E-postadress").fill(email);
    await page.getByLabel("Lösenord").fill(password);
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL(/\/sok/);
    expect(await page.getByRole("banner").textContent()).toContain("Bengt Styrelse");
    await page.getByRole("button", { name: "Logga ut" }).click();
    await page.waitForURL((url) => url.pathname === "/");
    expect(await page.getByRole("status").textContent()).toContain("Du är utloggad");
    expect(await page.getByRole("banner").textContent()).not.toContain("Bengt Styrelse");
    await context.close();
  });

  it("refuses a form posted from another site", async () => {
    const res = await fetch(`${stack.webUrl}/logga-in`, {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...demoUser("staff") }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("sends security headers with a nonce-based CSP", async () => {
    const res = await fetch(`${stack.webUrl}/logga-in`);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("keeps a signed-in user out of the sign-in page", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto("/logga-in");
    expect(new URL(page.url()).pathname).toBe("/");
    await page.context().close();
  });

  // Used by the journeys: a helper, asserted here once.
  it("signIn lands away from the sign-in page", async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await signIn(page, "member");
    expect(new URL(page.url()).pathname).not.toBe("/logga-in");
    await context.close();
  });
});
