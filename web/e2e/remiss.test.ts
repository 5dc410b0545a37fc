/**
 * Remisser in a real browser: staff create and track them, members write input until
 * the deadline and get a receipt, and nobody sees another municipality's input.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { Municipality, Remiss, RemissStatus, MemberInputStatus } from "@remissbanken/schema";
import { buildMemberInput, buildRemiss } from "@remissbanken/test/factories";
import { addDays, stockholmDate } from "@remissbanken/api/common/dates";
import { expectAccessible, screenshot, startStack, type Stack } from "./harness";

let stack: Stack;
let exerciseId: string;

beforeAll(async () => {
  stack = await startStack();
  const [row] = await stack.api.ds.query(
    `SELECT r.id FROM remiss r JOIN document d ON d.id = r.document_id WHERE d.title LIKE 'Övningsremiss%'`,
  );
  exerciseId = row.id;
});
afterAll(async () => {
  await stack?.stop();
});

/** The machine is shared and slow at times: a save, its reload and an email take a few seconds. */
const eventually = <T>(read: () => T) => expect.poll(read, { timeout: 15_000, interval: 100 });

/** The session cookie of a signed-in page, to change things through the API in between. */
async function sessionCookie(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((c) => c.name === "rb_session");
  if (!cookie) throw new Error("not signed in");
  return `rb_session=${cookie.value}`;
}

/** In-place forms carry a marker once React has hydrated them; before that a click is a plain POST. */
async function hydrated(page: Page): Promise<void> {
  await page.locator('input[name="_inPlace"]').first().waitFor({ state: "attached" });
}

const storedRemiss = (id: string) => stack.api.ds.getRepository(Remiss).findOneByOrFail({ id });
const trackingForm = (page: Page, name: string) => page.getByRole("form", { name });

describe("remisser as staff", { timeout: 120_000 }, () => {
  it("takes the README screenshot of the exercise remiss before anything changes it", async () => {
    const page = await stack.signedInPage("staff");
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`/remisser/${exerciseId}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    await screenshot(page, "remiss");
    await page.context().close();
  });

  it("lists remisser with deadlines, filters them in the URL, and is accessible", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto("/remisser");
    await expectAccessible(page);
    const table = page.getByRole("table");
    await eventually(() => table.textContent()).toContain("Spara i goda tider – för en stabil kommunal verksamhet (SOU 2011:59)");
    expect(await table.textContent()).toContain("Fi2011/4105");
    expect(await page.getByRole("link", { name: "Ny remiss" }).isVisible()).toBe(true);

    await page.getByLabel("Status").selectOption("TO_ANSWER");
    await page.getByRole("button", { name: "Filtrera" }).click();
    await page.waitForURL(/status=TO_ANSWER/);
    await eventually(() => table.textContent()).toContain("Övningsremiss");
    expect(await table.textContent()).not.toContain("SOU 2011:59");

    await page.goto("/remisser?fran=2026-13-45");
    expect(await page.getByRole("alert").textContent()).toContain("kunde inte tolkas");
    await page.context().close();
  });

  it("creates a remiss through /remisser/ny, with Swedish errors first, and lands on it", { timeout: 120_000 }, async () => {
    const page = await stack.signedInPage("staff");
    await page.goto("/remisser");
    await page.getByRole("link", { name: "Ny remiss" }).click();
    await page.waitForURL(/\/remisser\/ny$/);
    await expectAccessible(page);

    await page.getByLabel("Betänkandets beteckning").fill("SOU tjugo");
    await page.getByLabel("Diarienummer").fill("2020-4711");
    await page.getByLabel("Sista svarsdag").fill("2027-03-31");
    await page.getByLabel("Sista dag för medlemmarnas synpunkter").fill("2027-04-15");
    await page.getByRole("button", { name: "Lägg upp remissen" }).click();
    const alert = page.getByRole("alert");
    await eventually(() => alert.textContent()).toContain("Några uppgifter behöver rättas");
    const text = await page.locator("main form").textContent();
    expect(text).toContain("Beteckningen har fel form");
    expect(text).toContain("Diarienumret har fel form");
    expect(text).toContain("Skriv vilket departement");
    expect(text).toContain("måste ligga före remissens sista svarsdag");
    expect(await page.getByLabel("Diarienummer").inputValue()).toBe("2020-4711");
    expect(await page.getByLabel("Betänkandets beteckning").getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);

    await page.getByLabel("Betänkandets beteckning").fill("SOU 2020:999");
    await page.getByLabel("Diarienummer").fill("Fi2020/04711");
    await page.getByLabel("Departement").fill("Finansdepartementet");
    await page.getByLabel("Sista dag för medlemmarnas synpunkter").fill("2027-02-28");
    await page.getByRole("button", { name: "Lägg upp remissen" }).click();
    await eventually(() => page.locator("main form").textContent()).toContain("Det finns inget dokument med beteckningen SOU 2020:999");

    await page.getByLabel("Betänkandets beteckning").fill("sou 2020 8");
    await page.getByLabel("Remissinstanser").fill("Sveriges Kommuner och Regioner\nDe små kommunernas samverkan (SmåKom)\nTibro kommun");
    await page.getByRole("button", { name: "Lägg upp remissen" }).click();
    await page.waitForURL((url) => /^\/remisser\/[0-9a-f-]{36}$/.test(url.pathname));
    expect(await page.getByRole("status").first().textContent()).toContain("Remissen på SOU 2020:8 är upplagd");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Starkare kommuner");
    const facts = await page.getByRole("region", { name: "Om remissen" }).textContent();
    expect(facts).toContain("Fi2020/04711");
    expect(facts).toContain("31 mars 2027");
    expect(facts).toContain("Karin Kansli");
    const bodies = await page.getByRole("region", { name: "Remissinstanser" }).textContent();
    expect(bodies).toContain("SmåKom är remissinstans");
    expect(bodies).toContain("Medlemskommuner bland remissinstanserna: Tibro");
    await expectAccessible(page);

    // It is on the deadline board, which links back to it.
    const created = new URL(page.url()).pathname;
    await page.goto("/");
    const row = page.getByRole("row").filter({ hasText: "Fi2020/04711" });
    expect(await row.textContent()).toContain("31 mars 2027");
    expect(await row.getByRole("link").first().getAttribute("href")).toBe(created);

    // The same diarienummer again is refused in Swedish.
    await page.goto("/remisser/ny");
    await page.getByLabel("Betänkandets beteckning").fill("SOU 2020:8");
    await page.getByLabel("Diarienummer").fill("Fi2020/04711");
    await page.getByLabel("Departement").fill("Finansdepartementet");
    await page.getByLabel("Sista svarsdag").fill("2027-03-31");
    await page.getByRole("button", { name: "Lägg upp remissen" }).click();
    await eventually(() => page.locator("main form").textContent()).toContain("Det finns redan en remiss med diarienumret");
    await page.context().close();
  });

  it("edits status and responsible in place with JavaScript, staying on the page", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto(`/remisser/${exerciseId}`);
    await hydrated(page);
    await expectAccessible(page);
    const status = trackingForm(page, "Status");
    await status.getByLabel("Status").selectOption("DRAFTING");
    await status.getByRole("button", { name: "Spara" }).click();
    await eventually(() => status.getByRole("status").textContent()).toBe("Sparat");
    expect(new URL(page.url()).pathname).toBe(`/remisser/${exerciseId}`);
    expect((await storedRemiss(exerciseId)).status).toBe(RemissStatus.DRAFTING);
    await eventually(() => page.getByRole("region", { name: "Om remissen" }).textContent()).toContain("Utkast");

    const owner = trackingForm(page, "Ansvarig");
    await owner.getByLabel("Ansvarig på kansliet").selectOption({ label: "Alva Admin" });
    await owner.getByRole("button", { name: "Spara" }).click();
    await eventually(() => owner.getByRole("status").textContent()).toBe("Sparat");
    await eventually(() => page.getByRole("region", { name: "Om remissen" }).textContent()).toContain("Alva Admin");
    await page.context().close();
  });

  it("edits status and responsible without JavaScript: POST, redirect and a message", async () => {
    const page = await stack.signedInPage("staff", { javaScriptEnabled: false });
    await page.goto(`/remisser/${exerciseId}`);
    const status = trackingForm(page, "Status");
    await status.getByLabel("Status").selectOption("TO_ANSWER");
    await status.getByRole("button", { name: "Spara" }).click();
    await page.waitForLoadState();
    expect(await page.getByRole("status").first().textContent()).toContain("Statusen är sparad");
    expect((await storedRemiss(exerciseId)).status).toBe(RemissStatus.TO_ANSWER);

    const owner = trackingForm(page, "Ansvarig");
    await owner.getByLabel("Ansvarig på kansliet").selectOption({ label: "Karin Kansli" });
    await owner.getByRole("button", { name: "Spara" }).click();
    await page.waitForLoadState();
    expect(await page.getByRole("status").first().textContent()).toContain("Ansvarig är sparad");
    expect(await page.getByRole("region", { name: "Om remissen" }).textContent()).toContain("Karin Kansli");
    await page.context().close();
  });

  it("shows a conflicting edit with their value and yours, keeps the typed value, and saves over it on request", { timeout: 120_000 }, async () => {
    const page = await stack.signedInPage("staff");
    await page.goto(`/remisser/${exerciseId}`);
    await hydrated(page);
    const notes = trackingForm(page, "Anteckningar");
    await notes.getByLabel("Interna anteckningar").fill("Mina anteckningar från mötet");
    // Someone else changes the notes meanwhile.
    const before = await storedRemiss(exerciseId);
    const other = await stack.api.gql(
      `mutation($input: UpdateRemissInput!) { updateRemiss(input: $input) { version } }`,
      { input: { id: exerciseId, expectedVersion: before.version, notes: "Kollegans anteckning" } },
      { cookie: await sessionCookie(page) },
    );
    expect(other.errors).toBeUndefined();
    await notes.getByRole("button", { name: "Spara" }).click();
    const conflict = notes.getByRole("alert");
    await eventually(() => conflict.textContent()).toContain("Någon annan har ändrat remissen");
    expect(await conflict.textContent()).toContain("Sparat nu: Kollegans anteckning");
    expect(await conflict.textContent()).toContain("Ditt värde (inte sparat): Mina anteckningar från mötet");
    expect(await notes.getByLabel("Interna anteckningar").inputValue()).toBe("Mina anteckningar från mötet");
    expect((await storedRemiss(exerciseId)).notes).toBe("Kollegans anteckning");
    await expectAccessible(page);

    await notes.getByRole("button", { name: "Spara" }).click();
    await eventually(() => notes.getByRole("status").textContent()).toBe("Sparat");
    expect((await storedRemiss(exerciseId)).notes).toBe("Mina anteckningar från mötet");
    await page.context().close();
  });

  it("shows the conflict without JavaScript too, keeping the typed value", async () => {
    const page = await stack.signedInPage("staff", { javaScriptEnabled: false });
    await page.goto(`/remisser/${exerciseId}`);
    const status = trackingForm(page, "Status");
    await status.getByLabel("Status").selectOption("DECLINED");
    const before = await storedRemiss(exerciseId);
    await stack.api.gql(
      `mutation($input: UpdateRemissInput!) { updateRemiss(input: $input) { version } }`,
      { input: { id: exerciseId, expectedVersion: before.version, status: "DECIDED" } },
      { cookie: await sessionCookie(page) },
    );
    await status.getByRole("button", { name: "Spara" }).click();
    await page.waitForLoadState();
    const form = trackingForm(page, "Status");
    expect(await form.getByRole("alert").textContent()).toContain("Sparat nu: Beslutad av styrelsen");
    expect(await form.getByRole("alert").textContent()).toContain("Ditt värde (inte sparat): Avstår");
    expect(await form.getByLabel("Status").inputValue()).toBe("DECLINED");
    // Put the exercise remiss back for the journeys that follow.
    await form.getByLabel("Status").selectOption("TO_ANSWER");
    await form.getByRole("button", { name: "Spara" }).click();
    await page.waitForLoadState();
    expect((await storedRemiss(exerciseId)).status).toBe(RemissStatus.TO_ANSWER);
    await page.context().close();
  });

});

/** Withdrawing cannot be undone: the first button opens a confirmation that takes the step. */
async function withdraw(area: Locator) {
  await area.getByText("Dra tillbaka synpunkterna…", { exact: true }).click();
  await area.getByRole("button", { name: "Ja, dra tillbaka synpunkterna" }).click();
}

describe("member input", { timeout: 120_000 }, () => {
  it("writes, saves a draft, edits, sends with a receipt on the page and by email, and withdraws", { timeout: 120_000 }, async () => {
    const page = await stack.signedInPage("member");
    await page.goto(`/remisser/${exerciseId}`);
    await expectAccessible(page);
    const area = page.getByRole("region", { name: "Synpunkter från medlemmarna" });
    expect(await area.textContent()).toMatch(/Sista dag för synpunkter från Forshaga: .*om \d+ dagar/);
    // Members never read staff's notes.
    expect(await page.content()).not.toContain("Demodata: fråga medlemmarna");

    // Forshaga's input from the demo data is withdrawn first, so a new one can be written.
    await withdraw(area);
    await eventually(() => page.getByRole("status").first().textContent()).toContain("Dina synpunkter är återkallade");

    const text = area.getByLabel("Dina synpunkter");
    await area.getByRole("button", { name: "Skicka till SmåKom" }).click();
    await eventually(() => area.getByRole("alert").textContent()).toContain("Några uppgifter behöver rättas");
    expect(await area.textContent()).toContain("Skriv dina synpunkter.");

    await text.fill("Forshaga vill se mer stöd till frivillig samverkan.");
    await area.getByRole("button", { name: "Spara utkast" }).click();
    await eventually(() => page.getByRole("status").first().textContent()).toContain("Utkastet är sparat");
    const draft = area.getByLabel("Dina synpunkter (utkast)");
    expect(await draft.inputValue()).toBe("Forshaga vill se mer stöd till frivillig samverkan.");

    await draft.fill("Forshaga vill se mer stöd till frivillig samverkan och längre remisstider.");
    await area.getByRole("button", { name: "Spara utkast" }).click();
    // The field already shows what was typed: wait for the save itself, and for the page after it.
    await eventually(async () => {
      const rows: { text: string }[] = await stack.api.ds.query(`SELECT text FROM member_input WHERE status = 'draft' ORDER BY updated_at DESC LIMIT 1`);
      return rows[0]?.text ?? "";
    }).toContain("längre remisstider");
    // No reload: the send buttons stay disabled until the page after the save shows the
    // draft's new version, so pressing "Skicka" now cannot send a stale version.

    const mailsBefore = stack.api.server.mailer.captured.filter((m) => m.to.includes("member@smakom.example")).length;
    await area.getByRole("button", { name: "Skicka till SmåKom" }).click();
    // Sending writes, emails a receipt and re-indexes: slower than the other steps on a busy machine.
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 60_000, interval: 200 }).toContain("Dina synpunkter är skickade till SmåKom");
    const receipt = area.getByRole("region", { name: "Kvitto: synpunkterna är skickade till SmåKom" });
    const receiptText = await receipt.textContent();
    expect(receiptText).toContain("Maja Medlem");
    expect(receiptText).toContain("Forshaga");
    expect(receiptText).toContain("längre remisstider");
    expect(receiptText).toMatch(/Skickat\d{1,2} \p{L}+ \d{4}/u);
    await expectAccessible(page);

    await eventually(() => stack.api.server.mailer.captured.filter((m) => m.to.includes("member@smakom.example")).length).toBe(mailsBefore + 1);
    const mail = stack.api.server.mailer.captured.filter((m) => m.to.includes("member@smakom.example")).at(-1)!;
    expect(mail.subject).toContain("Kvitto: synpunkter på Övningsremiss");
    expect(mail.text).toContain("längre remisstider");
    expect(mail.text).toContain("Kommun: Forshaga");
    expect(mail.text).toContain(`/remisser/${exerciseId}`);

    // Staff see it on the remiss.
    const staff = await stack.signedInPage("staff");
    await staff.goto(`/remisser/${exerciseId}`);
    const inputs = await staff.getByRole("region", { name: "Synpunkter från medlemmarna" }).textContent();
    expect(inputs).toContain("Forshaga");
    expect(inputs).toContain("längre remisstider");
    await staff.context().close();

    await withdraw(area);
    await eventually(() => page.getByRole("status").first().textContent()).toContain("Dina synpunkter är återkallade");
    expect(await area.getByLabel("Dina synpunkter").inputValue()).toBe("");
    await page.context().close();
  });

  it("never shows a member another municipality's input, while staff see both", { timeout: 120_000 }, async () => {
    const tibro = await stack.api.ds.getRepository(Municipality).findOneByOrFail({ name: "Tibro" });
    await buildMemberInput(stack.api.ds.manager, {
      remissId: exerciseId, municipalityId: tibro.id, status: MemberInputStatus.SUBMITTED, text: "Tibros synpunkt om vägunderhåll",
    });
    const page = await stack.signedInPage("member");
    await page.goto(`/remisser/${exerciseId}`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    expect(await page.content()).not.toContain("Tibros synpunkt");
    const board = await stack.signedInPage("board");
    await board.goto(`/remisser/${exerciseId}`);
    expect(await board.getByRole("region", { name: "Synpunkter från medlemmarna" }).textContent()).toContain("Tibros synpunkt om vägunderhåll");
    expect(await board.getByRole("button", { name: "Spara" }).count()).toBe(0);
    await expectAccessible(board);
    await board.context().close();
    await page.context().close();
  });

  it("replaces the form by a notice after the deadline, and shows the API's refusal of a late send in Swedish", { timeout: 120_000 }, async () => {
    const today = stockholmDate();
    const closed = await buildRemiss(stack.api.ds.manager, { deadline: addDays(today, 10), memberInputDeadline: addDays(today, -1) });
    const page = await stack.signedInPage("member");
    await page.goto(`/remisser/${closed.id}`);
    const area = page.getByRole("region", { name: "Synpunkter från medlemmarna" });
    expect(await area.textContent()).toContain("Det går inte längre att skicka, ändra eller dra tillbaka synpunkter");
    expect(await area.getByRole("textbox").count()).toBe(0);
    await expectAccessible(page);

    // The form is open when the page loads; the deadline moves before the member sends.
    const open = await buildRemiss(stack.api.ds.manager, { deadline: addDays(today, 10), memberInputDeadline: addDays(today, 5) });
    await page.goto(`/remisser/${open.id}`);
    await area.getByLabel("Dina synpunkter").fill("Sent men viktigt");
    await stack.api.ds.getRepository(Remiss).update({ id: open.id }, { memberInputDeadline: addDays(today, -1) });
    await area.getByRole("button", { name: "Skicka till SmåKom" }).click();
    await eventually(() => area.getByRole("alert").first().textContent()).toContain("Sista dagen har passerat");
    await page.context().close();
  });
});
