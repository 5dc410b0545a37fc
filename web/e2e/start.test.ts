/** The start page of each role and the inquiry list, in a real browser on the demo data. */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Page } from "playwright-core";
import { InquiryStatus, ResponseStatus, Role } from "@remissbanken/schema";
import { buildInquiry, buildResponse, buildUserWithToken } from "@remissbanken/test/factories";
import { expectAccessible, screenshot, startStack, type Stack } from "./harness";

// Each test signs in and loads several pages on a machine shared with other suites.
vi.setConfig({ testTimeout: 60_000 });

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

const EXERCISE = "Övningsremiss (demodata): Starkare kommuner – uppföljning";
const DECLINED = "Gäldenärens avtal i konkurs (Ds 2026:15)";

/** Stockholm's date `days` from today as YYYY-MM-DD. */
function inDays(days: number): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Stockholm" }).format(new Date());
  const date = new Date(`${today}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const boardRows = (page: Page) => page.getByRole("table").getByRole("row");
const rowOf = (page: Page, title: string) => boardRows(page).filter({ has: page.getByRole("link", { name: title }) });

describe("the staff's deadline board", () => {
  it("shows the exercise remiss with its deadlines, days left, status, owner and member input", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto("/");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Remisser och sista svarsdagar");
    const row = rowOf(page, EXERCISE);
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells[0]).toContain("om 45 dagar");
    expect(cells[1]).toContain("om 20 dagar");
    expect(cells.slice(2)).toEqual(["Ska besvaras", "Karin Kansli", "1 kommun"]);
    // Declined and submitted remisser are hidden by default.
    expect(await page.getByRole("link", { name: DECLINED }).count()).toBe(0);
    expect(await page.getByRole("link", { name: "Ny remiss" }).getAttribute("href")).toBe("/remisser/ny");
    expect(await row.getByRole("link", { name: EXERCISE }).getAttribute("href")).toMatch(/^\/remisser\/[0-9a-f-]{36}$/);
    await expectAccessible(page);
    await page.context().close();
  });

  it("filters by status and by person without JavaScript, keeping the filters in the URL", async () => {
    const page = await stack.signedInPage("staff", { javaScriptEnabled: false });
    await page.goto("/");
    await page.getByLabel("Status").selectOption("alla");
    await page.getByRole("button", { name: "Visa" }).click();
    await page.waitForURL(/status=alla/);
    expect(await page.getByRole("link", { name: DECLINED }).count()).toBe(1);
    // The closed remisser come after the open one.
    const titles = await boardRows(page).locator("th[scope=row] a").allTextContents();
    expect(titles.indexOf(EXERCISE)).toBeLessThan(titles.indexOf(DECLINED));
    expect(await page.getByLabel("Status").inputValue()).toBe("alla");

    await page.getByLabel("Status").selectOption({ label: "Avstår" });
    await page.getByLabel("Ansvarig").selectOption({ label: "Alva Admin" });
    await page.getByRole("button", { name: "Visa" }).click();
    await page.waitForURL(/ansvarig=/);
    expect(await page.getByText("Inga remisser matchar filtret.").count()).toBe(1);

    await page.goto("/?status=DECLINED");
    expect(await page.getByRole("link", { name: DECLINED }).count()).toBe(1);
    expect(await page.getByRole("link", { name: EXERCISE }).count()).toBe(0);

    await page.goto("/");
    await page.getByRole("link", { name: "Mina remisser" }).click();
    await page.waitForURL(/ansvarig=mina/);
    expect(await page.getByRole("link", { name: EXERCISE }).count()).toBe(1);
    expect(await page.getByLabel("Ansvarig").inputValue()).toBe("mina");
    await page.context().close();
  });

  it("shows a remiss created through the API, due this week, above the exercise remiss", async () => {
    const { token } = await buildUserWithToken(stack.api.ds.manager, { role: Role.STAFF, name: "Sara Sekreterare" });
    const document = await stack.api.gql(
      `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`,
      { input: { kind: "OTHER", title: "Promemoria om snabbare bygglov", department: "Landsbygds- och infrastrukturdepartementet" } },
      { token },
    );
    expect(document.errors).toBeUndefined();
    const me = await stack.api.gql(`{ me { id } }`, {}, { token });
    const remiss = await stack.api.gql(
      `mutation($input: CreateRemissInput!) { createRemiss(input: $input) { id } }`,
      {
        input: {
          documentId: document.data.createDocument.id, ministry: "Landsbygds- och infrastrukturdepartementet",
          diarienummer: "LI2026/09999", deadline: inDays(3), status: "TO_ANSWER", ownerId: me.data.me.id,
        },
      },
      { token },
    );
    expect(remiss.errors).toBeUndefined();

    const page = await stack.signedInPage("staff");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/");
    const row = rowOf(page, "Promemoria om snabbare bygglov");
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByRole("cell").first().textContent()).toContain("om 3 dagar");
    expect(await row.locator(".badge-soon").count()).toBe(1);
    const titles = await boardRows(page).locator("th[scope=row] a").allTextContents();
    expect(titles.indexOf("Promemoria om snabbare bygglov")).toBeLessThan(titles.indexOf(EXERCISE));
    await screenshot(page, "start-staff");

    await page.getByLabel("Ansvarig").selectOption({ label: "Sara Sekreterare" });
    await page.getByRole("button", { name: "Visa" }).click();
    await page.waitForURL(/ansvarig=[0-9a-f-]{36}/);
    await expect.poll(() => boardRows(page).count()).toBe(2); // the header and the one remiss
    await page.context().close();
  });
});

describe("the board's start page", () => {
  it("lists what waits for the board's decision and the latest responses and positions", async () => {
    const [exercise] = await stack.api.ds.query(`SELECT r.id FROM remiss r JOIN document d ON d.id = r.document_id WHERE d.title = $1`, [EXERCISE]);
    await buildResponse(stack.api.ds.manager, {
      remissId: exercise.id, title: "Remissvar: Starkare kommuner – uppföljning", status: ResponseStatus.FOR_APPROVAL,
    });
    const page = await stack.signedInPage("board");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/");
    const waiting = page.getByRole("region", { name: "Väntar på ert beslut" });
    await expect.poll(() => waiting.getByRole("link").allTextContents()).toEqual(["Remissvar: Starkare kommuner – uppföljning"]);
    expect(await waiting.getByRole("link").getAttribute("href")).toMatch(/^\/remissvar\//);
    const latest = page.getByRole("region", { name: "Senaste ställningstaganden och remissvar" });
    const titles = await latest.getByRole("listitem").getByRole("link").allTextContents();
    expect(titles).toEqual(expect.arrayContaining(["Remissvar: Spara i goda tider (SOU 2011:59)", "Ställningstagande: Strandskyddet ska differentieras"]));
    expect(await latest.getByText("Inskickad 12 januari 2012").count()).toBe(1);
    await expectAccessible(page);
    await screenshot(page, "start-board");
    await page.context().close();
  });
});

describe("a member's start page", () => {
  it("shows the exercise remiss asking for input and what the municipality has sent", async () => {
    const page = await stack.signedInPage("member");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto("/");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Remisser som väntar på synpunkter");
    const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: EXERCISE }) });
    const text = await card.textContent();
    expect(text).toContain("om 20 dagar");
    expect(text).toContain("om 45 dagar");
    expect(text).toContain("Synpunkter inskickade");
    // The remisser SmåKom declined or answered long ago do not ask for anything.
    expect(await page.getByRole("link", { name: DECLINED }).count()).toBe(0);
    const sent = page.getByRole("region", { name: /Det här har .* skrivit/ });
    const row = sent.getByRole("row").filter({ has: page.getByRole("link", { name: EXERCISE }) });
    expect(await row.getByRole("cell").first().textContent()).toBe("Inskickad");
    expect(await row.getByRole("link").getAttribute("href")).toMatch(/^\/remisser\//);
    await expectAccessible(page);
    await screenshot(page, "start-member");
    await page.context().close();
  });
});

describe("the public start page", () => {
  it("offers search, the latest documents, the ongoing inquiries and signing in", async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.goto("/");
    const documents = page.getByRole("region", { name: "Senaste dokumenten" });
    expect(await documents.getByRole("link").count()).toBeGreaterThan(0);
    expect(await documents.getByRole("link").first().getAttribute("href")).toMatch(/^\/dokument\//);
    const inquiries = page.getByRole("region", { name: "Pågående utredningar" });
    expect(await inquiries.getByRole("link", { name: "Utredningen om en effektiv ekonomistyrning i kommuner och regioner" }).getAttribute("href")).toMatch(/^\/utredningar\//);
    expect(await page.getByRole("region", { name: /Arbetar du på SmåKom/ }).getByRole("link", { name: "Logga in" }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole("searchbox", { name: "Sök bland utredningar och dokument" }).fill("strandskydd");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await page.waitForURL(/\/sok\?q=strandskydd/);
    await context.close();
  });
});

describe("the inquiry list", () => {
  it("lists inquiries with designation, department, status and latest document, and filters by status without JavaScript", async () => {
    const context = await stack.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/utredningar");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Strandskyddsutredningen" }) });
    const cells = await row.getByRole("cell").allTextContents();
    expect(cells[0]).toBe("M 2019:02");
    expect(cells[2]).toBe("Avslutad");
    expect(await row.getByRole("cell").nth(3).getByRole("link").getAttribute("href")).toMatch(/^\/dokument\//);

    await page.getByLabel("Status").selectOption({ label: "Pågående" });
    await page.getByRole("button", { name: "Visa" }).click();
    await page.waitForURL(/status=ONGOING/);
    const names = await page.locator("tbody th a").allTextContents();
    expect(names).toContain("Utredningen om en effektiv ekonomistyrning i kommuner och regioner");
    expect(names).not.toContain("Strandskyddsutredningen");
    await context.close();

    // axe runs as JavaScript in the page.
    const withScripts = await (await stack.newContext()).newPage();
    await withScripts.goto("/utredningar");
    await expectAccessible(withScripts);
    await withScripts.context().close();
  });

  it("pages through the inquiries without JavaScript", async () => {
    for (let i = 0; i < 30; i++) {
      await buildInquiry(stack.api.ds.manager, { name: `Testutredning ${String(i).padStart(2, "0")}`, status: InquiryStatus.CONCLUDED });
    }
    // Without JavaScript every page is a full load, so the list read is the new page's.
    const context = await stack.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/utredningar?status=CONCLUDED");
    const seen: string[] = [];
    for (;;) {
      // An error page in place of the list would otherwise just end the walk early.
      expect(await page.getByRole("heading", { level: 1 }).textContent(), (await page.locator("main").textContent()) ?? "").toBe("Utredningar");
      seen.push(...(await page.locator("tbody th a").allTextContents()));
      const next = page.getByRole("link", { name: "Nästa sida" });
      if ((await next.count()) === 0) break;
      const before = page.url();
      await next.click();
      await page.waitForURL((url) => url.href !== before, { waitUntil: "load" });
      expect(new URL(page.url()).searchParams.get("status")).toBe("CONCLUDED");
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((n) => n.startsWith("Testutredning"))).toHaveLength(30);
    expect(seen).toContain("Strandskyddsutredningen");
    await page.getByRole("link", { name: "Första sidan" }).click();
    await page.waitForURL((url) => !url.searchParams.has("efter"));
    await context.close();
  });
});
