/**
 * Input requests in a real browser: staff ask the members a few questions on a remiss,
 * a member answers per question without JavaScript (a draft first, then sent), and staff
 * read the answers side by side.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemberInput } from "@remissbanken/schema";
import { buildDocument, buildRemiss } from "@remissbanken/test/factories";
import { addDays, stockholmDate } from "@remissbanken/api/common/dates";
import { expectAccessible, screenshot, startStack, type Stack } from "./harness";

let stack: Stack;
let remissId: string;

const Q1 = "Hur påverkar förslaget er kommuns ekonomi?";
const Q2 = "Vilka konsekvenser ser ni för den kommunala planeringen?";

beforeAll(async () => {
  stack = await startStack();
  const document = await buildDocument(stack.api.ds.manager, { title: "Kommunal planering i glesbygd" });
  remissId = (await buildRemiss(stack.api.ds.manager, {
    documentId: document.id, deadline: addDays(stockholmDate(), 60), memberInputDeadline: addDays(stockholmDate(), 30),
  })).id;
});
afterAll(async () => {
  await stack?.stop();
});

const eventually = <T>(read: () => T) => expect.poll(read, { timeout: 15_000, interval: 100 });
const inputsOf = () => stack.api.ds.getRepository(MemberInput).findBy({ remissId });

describe("an input request from question to answers side by side", { timeout: 180_000 }, () => {
  it("staff write the questions and send them to the members", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto(`/remisser/${remissId}`);
    await page.getByRole("link", { name: "Ställ frågor till medlemmarna" }).click();
    await page.waitForURL(/\/fragor$/);
    await expectAccessible(page);

    // Nothing written: a Swedish message, and the intro as typed is kept.
    await page.getByLabel("Inledning (valfri)").fill("Svara gärna före nämndmötet.");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await eventually(() => page.getByRole("alert").first().textContent()).toContain("Skriv minst en fråga");
    expect(await page.getByLabel("Inledning (valfri)").inputValue()).toBe("Svara gärna före nämndmötet.");

    // A row left empty in the middle: after saving, the form shows what was stored, moved up.
    await page.getByLabel("Fråga 1", { exact: true }).fill(Q1);
    await page.getByLabel("Fråga 3", { exact: true }).fill(Q2);
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await eventually(() => page.getByRole("status").first().textContent()).toContain("Frågorna är sparade.");
    await eventually(() => page.getByLabel("Fråga 2", { exact: true }).inputValue()).toBe(Q2);
    expect(await page.getByLabel("Fråga 1", { exact: true }).inputValue()).toBe(Q1);
    expect(await page.getByLabel("Fråga 3", { exact: true }).inputValue()).toBe("");
    await page.getByRole("button", { name: "Skicka frågorna till medlemmarna" }).click();
    await page.waitForURL(new RegExp(`/remisser/${remissId}$`));
    await eventually(() => page.getByRole("status").first().textContent()).toContain("Frågorna är skickade till medlemskommunerna");
    expect(await page.getByRole("region", { name: "Frågor till medlemmarna" }).textContent()).toContain("2 frågor ställdes");
    await page.context().close();
  });

  it("a member answers per question without JavaScript: typed text kept on an error, a draft, then sent", async () => {
    // axe is JavaScript: the same form is checked with JavaScript on first.
    const checked = await stack.signedInPage("member");
    await checked.goto(`/remisser/${remissId}`);
    await checked.getByLabel(`Fråga 1: ${Q1}`).waitFor();
    await expectAccessible(checked);
    // The same session without JavaScript: signing in again costs much time on a loaded machine.
    const context = await stack.newContext({ javaScriptEnabled: false });
    await context.addCookies(await checked.context().cookies());
    await checked.context().close();
    const page = await context.newPage();
    await page.goto(`/remisser/${remissId}`);
    const area = page.getByRole("region", { name: "Synpunkter från medlemmarna" });
    expect(await area.textContent()).toContain("SmåKom ber Forshaga svara på 2 frågor");
    expect(await area.textContent()).toContain("Svara gärna före nämndmötet.");

    const first = page.getByLabel(`Fråga 1: ${Q1}`);
    const second = page.getByLabel(`Fråga 2: ${Q2}`);
    await first.fill("x".repeat(4_001));
    await second.fill("Planeringen tar längre tid.");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await page.waitForLoadState();
    expect(await page.getByRole("alert").first().textContent()).toContain("Några uppgifter behöver rättas");
    expect(await page.getByLabel(`Fråga 1: ${Q1}`).inputValue()).toHaveLength(4_001);
    expect(await page.getByLabel(`Fråga 2: ${Q2}`).inputValue()).toBe("Planeringen tar längre tid.");
    expect(await inputsOf()).toEqual([]);

    await page.getByLabel(`Fråga 1: ${Q1}`).fill("Kostnaderna ökar med cirka två miljoner kronor.");
    await page.getByRole("button", { name: "Spara utkast" }).click();
    await page.waitForLoadState();
    expect(await page.getByRole("status").first().textContent()).toContain("Utkastet är sparat");
    const [draft] = await inputsOf();
    expect(draft.status).toBe("draft");
    expect(draft.answers).toHaveLength(2);

    // Staff see nothing of a draft.
    const staff = await stack.signedInPage("staff");
    await staff.goto(`/remisser/${remissId}/fragor/svar`);
    expect(await staff.getByRole("main").textContent()).not.toContain("två miljoner");
    await staff.context().close();

    expect(await page.getByLabel(`Fråga 1: ${Q1}`).inputValue()).toBe("Kostnaderna ökar med cirka två miljoner kronor.");
    await page.getByRole("button", { name: "Skicka till SmåKom" }).click();
    await page.waitForLoadState();
    expect(await page.getByRole("status").first().textContent()).toContain("Dina synpunkter är skickade till SmåKom");
    expect(await page.getByRole("heading", { name: "Kvitto: synpunkterna är skickade till SmåKom" }).isVisible()).toBe(true);
    expect((await inputsOf())[0].status).toBe("submitted");
    await page.context().close();
  });

  it("staff and board read who has answered and the answers per question side by side", async () => {
    const page = await stack.signedInPage("staff");
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`/remisser/${remissId}`);
    await page.getByRole("link", { name: "Svar per fråga" }).click();
    await page.waitForURL(/\/fragor\/svar$/);
    await expectAccessible(page);
    const row = page.getByRole("row", { name: /Forshaga/ });
    expect(await row.textContent()).toContain("Har svarat");
    const first = page.getByRole("region", { name: `Fråga 1: ${Q1}` });
    expect(await first.getByRole("heading", { name: "Forshaga" }).isVisible()).toBe(true);
    expect(await first.textContent()).toContain("Kostnaderna ökar med cirka två miljoner kronor.");
    expect(await page.getByRole("region", { name: `Fråga 2: ${Q2}` }).textContent()).toContain("Planeringen tar längre tid.");
    await first.scrollIntoViewIfNeeded();
    await screenshot(page, "input-request-answers");
    await page.context().close();

    const board = await stack.signedInPage("board");
    await board.goto(`/remisser/${remissId}/fragor/svar`);
    expect(await board.getByRole("region", { name: `Fråga 1: ${Q1}` }).textContent()).toContain("två miljoner");
    expect(await board.getByRole("link", { name: "Ändra frågorna" }).count()).toBe(0);
    await board.context().close();
  });
});
