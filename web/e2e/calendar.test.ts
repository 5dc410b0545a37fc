/** The Kalender section of /installningar and the feed it hands out, in a real browser, with and without JavaScript. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { fetchFeed } from "@remissbanken/test/calendar";
import { addDays, stockholmDate } from "@remissbanken/api/common/dates";
import { expectAccessible, screenshot, startStack, type Stack } from "./harness";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

/** Each test is a journey of several pages, axe runs and feed fetches: a minute each on a shared machine, as in editor.test.ts. */
const JOURNEY_MS = 60_000;
const EXERCISE = "Övningsremiss (demodata): Starkare kommuner – uppföljning";

/** The address in the readonly field, as served by this test's web app (PUBLIC_URL is not its address here). */
async function shownFeedUrl(page: Page): Promise<string> {
  const value = await page.getByLabel("Din kalenderlänk").inputValue();
  const { pathname } = new URL(value);
  expect(pathname).toMatch(/^\/kalender\/rbk_[A-Za-z0-9_-]{43}\.ics$/);
  return new URL(pathname, stack.webUrl).toString();
}

function section(page: Page) {
  return page.getByRole("region", { name: "Kalender" });
}

describe("calendar feed in the settings page", () => {
  it("creates a member's link, shows it with a copy button on every visit, and the feed holds their deadlines only", async () => {
    const page = await stack.signedInPage("member");
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/installningar#kalender");
    await expect.poll(() => section(page).textContent()).toContain("Du har ingen kalenderlänk än.");
    await expect.poll(() => section(page).getByText("Google Kalender:").isVisible()).toBe(true);
    await expectAccessible(page);

    await section(page).getByRole("button", { name: "Skapa kalenderlänk" }).click();
    await page.waitForURL((url) => url.pathname === "/installningar" && url.hash === "#kalender");
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Din kalenderlänk är skapad");
    const url = await shownFeedUrl(page);
    await section(page).getByRole("button", { name: "Kopiera länken" }).click();
    await expect.poll(() => section(page).getByRole("status").textContent()).toMatch(/Länken är (kopierad|markerad)/);
    await expectAccessible(page);
    await section(page).scrollIntoViewIfNeeded();
    await screenshot(page, "settings-calendar");

    const feed = await fetchFeed(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(feed.headers.get("cache-control")).toContain("private");
    expect(feed.calendarName).toBe("Remissbanken – SmåKom");
    const summaries = [...feed.events.values()].map((e) => [e.date, e.summary]);
    expect(summaries).toContainEqual([addDays(stockholmDate(), 45), `Sista svarsdag: ${EXERCISE}`]);
    expect(summaries).toContainEqual([addDays(stockholmDate(), 20), `Sista dag för synpunkter: ${EXERCISE}`]);
    // Staff's notes and Forshaga's own input are not calendar matter, not even for Forshaga.
    expect(feed.text).not.toContain("Demodata: fråga medlemmarna");
    expect(feed.text).not.toContain("Forshaga ser positivt");
    expect((await fetchFeed(url, { "if-none-match": feed.headers.get("etag")! })).status).toBe(304);

    // Like a Google or Outlook calendar's secret address: the same one on the next visit, to copy again.
    await page.reload();
    expect(await shownFeedUrl(page)).toBe(url);
    await expect.poll(() => section(page).getByRole("button", { name: "Kopiera länken" }).count()).toBe(1);
    await expect.poll(() => section(page).textContent()).toMatch(/En kalender hämtade den senast|Ingen kalender har hämtat den än/);
    await page.context().close();
  }, JOURNEY_MS);

  it("replaces and removes the link without JavaScript, after a confirmation, and the old addresses stop working", async () => {
    const context = await stack.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/logga-in?redirectTo=/installningar");
    await page.getByLabel("E-postadress").fill("staff@smakom.example");
    await page.getByLabel("Lösenord").fill("demo-staff-2021");
    await page.getByRole("button", { name: "Logga in" }).click();
    await page.waitForURL((u) => u.pathname === "/installningar");

    await section(page).getByRole("button", { name: "Skapa kalenderlänk" }).click();
    await page.waitForURL((u) => u.hash === "#kalender");
    const first = await shownFeedUrl(page);
    // No JavaScript, no copy button: the readonly field is what to copy.
    expect(await section(page).getByRole("button", { name: "Kopiera länken" }).count()).toBe(0);
    expect((await fetchFeed(first)).status).toBe(200);

    await section(page).getByText("Skapa ny länk", { exact: true }).click();
    await expect.poll(() => section(page).textContent()).toContain("Den gamla länken slutar fungera direkt");
    await section(page).getByRole("button", { name: "Ja, skapa ny länk" }).click();
    await page.waitForURL((u) => u.hash === "#kalender");
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("den gamla fungerar inte längre");
    const second = await shownFeedUrl(page);
    expect(second).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(second)).status).toBe(200);
    await page.goto("/installningar");
    expect(await shownFeedUrl(page)).toBe(second);

    await section(page).getByText("Ta bort kalenderlänken", { exact: true }).click();
    await section(page).getByRole("button", { name: "Ja, ta bort länken" }).click();
    await page.waitForURL((u) => u.hash === "#kalender");
    await expect.poll(() => section(page).textContent()).toContain("Du har ingen kalenderlänk än.");
    expect(await page.getByLabel("Din kalenderlänk").count()).toBe(0);
    const gone = await fetchFeed(second);
    expect([gone.status, gone.text]).toEqual([404, "Not found"]);
    expect((await fetchFeed(new URL("/kalender/inte-en-kalender.ics", stack.webUrl).toString())).status).toBe(404);
    await context.close();
  }, JOURNEY_MS);
});
