/**
 * The inquiry page's chain from directive to bill, and the document page with its full text
 * page by page and a search inside it; signed in and anonymous, with and without JavaScript.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { Role } from "@remissbanken/schema";
import { buildUserWithToken } from "@remissbanken/test/factories";
import { expectAccessible, screenshot, startStack, type Stack } from "./harness";

// A journey takes 10–40 s on a shared machine.
const JOURNEY_MS = 120_000;

let stack: Stack;
let staff: string;

async function gql<T = any>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await stack.api.gql<T>(query, variables, { token: staff });
  expect(result.errors, query).toBeUndefined();
  return result.data as T;
}

async function inquiryId(name: string): Promise<string> {
  const data = await gql(`{ inquiries(first: 100) { nodes { id name } } }`);
  return data.inquiries.nodes.find((inquiry: { name: string }) => inquiry.name === name).id;
}

async function documentId(designation: string): Promise<string> {
  return (await gql(`query($d: String!) { document(designation: $d) { id } }`, { d: designation })).document.id;
}

async function createDocument(input: Record<string, unknown>): Promise<string> {
  return (await gql(`mutation($input: CreateDocumentInput!) { createDocument(input: $input) { id } }`, { input })).createDocument.id;
}

/** The headings of the timeline's steps, in the order the page shows them. */
async function chainHeadings(page: Page): Promise<string[]> {
  const chain = page.getByRole("list", { name: "Från direktiv till beslut" });
  return (await chain.getByRole("heading").allTextContents()).map((text) => text.replace(/\s+/g, " ").trim());
}

beforeAll(async () => {
  stack = await startStack();
  staff = (await buildUserWithToken(stack.api.ds.manager, { role: Role.STAFF, name: "Test Kansli" })).token;
});
afterAll(async () => {
  await stack?.stop();
});

describe("the inquiry page", () => {
  it("shows Kommunutredningen's chain in legislative order, with working links", async () => {
    const id = await inquiryId("Kommunutredningen");
    const sou = await documentId("SOU 2020:8");
    // Entered out of order, as staff would catch up on an inquiry.
    await createDocument({ kind: "PROPOSITION", designation: "Prop. 2020/21:204", title: "Kommunal samverkan (testdata)", publishedAt: "2021-04-15", inquiryId: id });
    await createDocument({ kind: "SUPPLEMENTARY_DIRECTIVE", designation: "Dir. 2019:3", title: "Tilläggsdirektiv till Kommunutredningen", publishedAt: "2019-01-31", inquiryId: id });
    await createDocument({ kind: "DIRECTIVE", designation: "Dir. 2017:13", title: "Kommunutredningen", publishedAt: "2017-02-09", inquiryId: id });
    const remiss = (await gql(
      `mutation($input: CreateRemissInput!) { createRemiss(input: $input) { id } }`,
      { input: { documentId: sou, diarienummer: "Fi2020/00803", ministry: "Finansdepartementet", deadline: "2020-06-10" } },
    )).createRemiss.id;
    const response = (await gql(
      `mutation($input: CreateResponseInput!) { createResponse(input: $input) { id } }`,
      { input: { remissId: remiss, title: "Remissvar: Starkare kommuner (SOU 2020:8)", sections: [{ heading: "Sammanfattning", body: "SmåKom avstyrker tvingande sammanläggningar." }] } },
    )).createResponse.id;

    const page = await stack.signedInPage("board");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/utredningar/${id}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Kommunutredningen");
    expect(await page.getByText("Fi 2017:02").first().isVisible()).toBe(true);
    expect(await chainHeadings(page)).toEqual([
      "Dir. 2017:13 Kommunutredningen",
      "Dir. 2019:3 Tilläggsdirektiv till Kommunutredningen",
      "28 februari 2020",
      "SOU 2020:8 Starkare kommuner – med kapacitet att klara välfärdsuppdraget",
      "Remiss Fi2020/00803 av SOU 2020:8",
      "Remissvar: Starkare kommuner (SOU 2020:8)",
      "Prop. 2020/21:204 Kommunal samverkan (testdata)",
    ]);
    const chain = page.getByRole("list", { name: "Från direktiv till beslut" });
    expect(await chain.getByRole("link", { name: /Remiss Fi2020\/00803/ }).getAttribute("href")).toBe(`/remisser/${remiss}`);
    expect(await chain.getByRole("link", { name: /^Remissvar: Starkare kommuner/ }).getAttribute("href")).toBe(`/remissvar/${response}`);
    await expectAccessible(page);
    await screenshot(page, "inquiry");

    await chain.getByRole("link", { name: /^SOU 2020:8/ }).click();
    await page.waitForURL(`**/dokument/${sou}`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toContain("Starkare kommuner");
    // The document leads back to its inquiry.
    await page.getByRole("link", { name: "Kommunutredningen" }).first().click();
    await page.waitForURL(`**/utredningar/${id}`);
    await page.context().close();
  }, JOURNEY_MS);

  it("shows Strandskyddsutredningen to an anonymous visitor without JavaScript", async () => {
    const id = await inquiryId("Strandskyddsutredningen");
    const context = await stack.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/utredningar/${id}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Strandskyddsutredningen");
    expect(await page.getByText("Miljödepartementet").first().isVisible()).toBe(true);
    expect(await chainHeadings(page)).toEqual(["Dir. 2019:41 Kommittédirektiv till Strandskyddsutredningen", "30 november 2020"]);
    // Priority areas are SmåKom's own: not for anonymous visitors.
    expect(await page.getByText("Prioriterade frågor").count()).toBe(0);
    await page.getByRole("link", { name: /^Dir\. 2019:41 Kommittédirektiv/ }).click();
    await page.waitForURL(/\/dokument\//);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Dir. 2019:41");
    await context.close();
  }, JOURNEY_MS);

  it("shows member input to those the API lets read it, linked to its remiss", async () => {
    const id = await inquiryId("Utredningen om en effektiv ekonomistyrning i kommuner och regioner");
    // The demo's exercise remiss, with Forshaga's input, becomes part of this inquiry.
    const exercise = (await gql(`{ remisser(first: 100) { nodes { id document { id title } } } }`)).remisser.nodes
      .find((remiss: { document: { title: string } }) => remiss.document.title.startsWith("Övningsremiss"));
    await gql(`mutation($input: UpdateDocumentInput!) { updateDocument(input: $input) { id } }`, { input: { id: exercise.document.id, inquiryId: id } });

    for (const role of ["board", "member"] as const) {
      const page = await stack.signedInPage(role);
      await page.goto(`/utredningar/${id}`);
      const input = page.getByRole("region", { name: "Synpunkter från medlemskommuner" });
      expect(await input.textContent(), role).toContain("Forshaga ser positivt på stöd till samverkan");
      expect(await input.getByRole("link", { name: "Remissen" }).getAttribute("href")).toBe(`/remisser/${exercise.id}`);
      if (role === "member") await expectAccessible(page);
      await page.context().close();
    }

    const context = await stack.newContext({ javaScriptEnabled: false });
    const anonymous = await context.newPage();
    await anonymous.goto(`/utredningar/${id}`);
    expect(await anonymous.getByRole("heading", { level: 1 }).textContent()).toContain("ekonomistyrning");
    const text = await anonymous.getByRole("main").textContent();
    expect(text).not.toContain("Synpunkter");
    expect(text).not.toContain("Forshaga");
    expect(text).not.toContain("Remiss");
    await context.close();
  }, JOURNEY_MS);

  it("answers 404 for an unknown inquiry", async () => {
    const res = await fetch(`${stack.webUrl}/utredningar/00000000-0000-4000-8000-000000000000`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain("Sidan finns inte");
    expect((await fetch(`${stack.webUrl}/utredningar/inte-ett-id`)).status).toBe(404);
  }, JOURNEY_MS);
});

describe("anonymous visitors", () => {
  it("see an accessible inquiry page", async () => {
    const context = await stack.newContext();
    const page = await context.newPage();
    await page.goto(`/utredningar/${await inquiryId("Strandskyddsutredningen")}`);
    await expectAccessible(page);
    await context.close();
  }, JOURNEY_MS);
});

describe("the document page", () => {
  it("shows SmåKom's response to SOU 2011:59 to a board member and not to an anonymous visitor", async () => {
    const id = await documentId("SOU 2011:59");
    const board = await stack.signedInPage("board");
    await board.goto(`/dokument/${id}`);
    const remisser = board.getByRole("complementary", { name: "Remiss" });
    expect(await remisser.getByRole("link", { name: "Remiss Fi2011/4105" }).isVisible()).toBe(true);
    const response = remisser.getByRole("link", { name: "Remissvar: Spara i goda tider (SOU 2011:59)" });
    expect(await response.getAttribute("href")).toMatch(/^\/remissvar\/[0-9a-f-]{36}$/);
    expect(await remisser.textContent()).toContain("Inskickad 12 januari 2012");
    await expectAccessible(board);
    await board.context().close();

    const context = await stack.newContext({ javaScriptEnabled: false });
    const anonymous = await context.newPage();
    await anonymous.goto(`/dokument/${id}`);
    expect(await anonymous.getByRole("heading", { level: 1 }).textContent()).toContain("Spara i goda tider");
    const text = await anonymous.getByRole("main").textContent();
    expect(text).not.toContain("Remissvar");
    expect(text).not.toContain("Fi2011/4105");
    await context.close();
  }, JOURNEY_MS);

  it("shows the full text page by page and finds a word on its page, without JavaScript", async () => {
    const id = await documentId("SOU 2011:59");
    const pages = Array.from({ length: 45 }, (_, i) => `Sidan ${i + 1} handlar om kommunernas ekonomi i goda och dåliga tider.`);
    pages[9] = "5 Kommunstabiliseringsfond\n\nUtredningen föreslår en fond.";
    pages[32] = "5.3 Resultatutjämningsreserver\n\nKommunerna får reservera överskott i en ränteplacerad buffert.";
    await gql(`mutation($id: ID!, $content: String!) { attachDocumentText(documentId: $id, format: TEXT, content: $content) { id } }`, { id, content: pages.join("\f") });
    await stack.indexer.idle({ timeoutMs: 60_000 });

    const context = await stack.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/dokument/${id}`);
    const fulltext = page.getByRole("region", { name: "Fulltext" });
    expect(await fulltext.getByRole("heading", { level: 3 }).count()).toBe(20);
    expect(await page.locator("#sida-1").textContent()).toContain("Sidan 1 handlar om");
    expect(await page.locator("#sida-12").getByRole("heading").textContent()).toBe("Sida 12 · 5 Kommunstabiliseringsfond");
    expect(await page.locator("#sida-21").count()).toBe(0);

    // Paging on through the report.
    await fulltext.getByRole("navigation", { name: "Bläddra i texten (överst)" }).getByRole("link", { name: "Sidorna 21–40 ›" }).click();
    await page.waitForURL(/sidor=21-40/);
    expect(await page.locator("#sida-21").isVisible()).toBe(true);
    expect(await page.locator("#sida-1").count()).toBe(0);

    // Searching inside the document links to the hit's page.
    await page.goto(`/dokument/${id}`);
    await page.getByRole("searchbox", { name: "Sökord" }).fill("buffert");
    await page.getByRole("button", { name: "Sök" }).click();
    await page.waitForURL(/q=buffert/);
    const hits = page.getByRole("region", { name: "Sök i dokumentet" });
    await expect.poll(() => hits.textContent()).toContain("1 ställe i dokumentet matchar buffert");
    expect(await hits.locator("mark").first().textContent()).toBe("buffert");
    expect(await hits.textContent()).toContain("5.3 Resultatutjämningsreserver");
    await hits.getByRole("link", { name: "Sida 33" }).click();
    await page.waitForURL(/sida=33#sida-33$/);
    const target = page.locator("#sida-33");
    expect(await target.textContent()).toContain("ränteplacerad buffert");
    expect(await target.evaluate((element) => element.matches(":target"))).toBe(true);
    // The search stays with the page it led to.
    expect(await page.getByRole("searchbox", { name: "Sökord" }).inputValue()).toBe("buffert");

    // "Gå till sida" works without JavaScript too.
    await page.getByRole("spinbutton", { name: "Gå till sida" }).fill("44");
    await page.getByRole("button", { name: "Visa" }).click();
    await page.waitForURL(/sida=44/);
    expect(await page.locator("#sida-44").isVisible()).toBe(true);
    await context.close();
  }, JOURNEY_MS);

  // After the full text is attached above; axe needs JavaScript, so it runs here.
  it("searches inside the document with JavaScript as well, and passes axe", async () => {
    const id = await documentId("SOU 2011:59");
    const page = await stack.signedInPage("member");
    await page.goto(`/dokument/${id}`);
    await expectAccessible(page);
    await page.getByRole("searchbox", { name: "Sökord" }).fill("kommunstabiliseringsfond");
    await page.getByRole("button", { name: "Sök" }).click();
    const hits = page.getByRole("region", { name: "Sök i dokumentet" });
    await expect.poll(() => hits.getByRole("link", { name: "Sida 10" }).count()).toBeGreaterThan(0);
    await expectAccessible(page);
    await hits.getByRole("link", { name: "Sida 10" }).first().click();
    await page.waitForURL(/#sida-10$/);
    expect(await page.locator("#sida-10").evaluate((element) => element.matches(":target"))).toBe(true);
    await page.context().close();
  }, JOURNEY_MS);
});
