/**
 * The whole way of a remissvar, as issue 8 tells it, in one journey: kansliet start the
 * answer to the exercise remiss, write sections with stances, quote Forshaga's input and
 * SmåKom's 2012 answer found through the panel, meet a colleague's save in the same draft
 * and choose, send it for decision; a member cannot reach the draft or its export; the
 * board decides the exact version; kansliet export it as Word and PDF, read back here.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStack, type Stack } from "./harness";
import { docxText, expectInOrder, pdfPages } from "./exported-files";

let stack: Stack;
let exerciseRemissId: string;
let oldResponseId: string;

beforeAll(async () => {
  stack = await startStack();
  [{ id: exerciseRemissId }] = await stack.api.ds.query(
    `SELECT m.id FROM remiss m JOIN document d ON d.id = m.document_id WHERE d.title LIKE 'Övningsremiss%'`,
  );
  [{ id: oldResponseId }] = await stack.api.ds.query(
    `SELECT r.id FROM response r JOIN remiss m ON m.id = r.remiss_id WHERE m.diarienummer = 'Fi2011/4105'`,
  );
});
afterAll(async () => {
  await stack?.stop();
});

/** A save, its redirect and the re-indexing take a few seconds on a busy machine. */
const SLOW = { timeout: 30_000, interval: 200 };
const OLD_LABEL = "SmåKom, remissvar 2012-01-12 (SOU 2011:59)";

const section = (page: Page, n: number) => page.getByRole("group", { name: `Avsnitt ${n}`, exact: true });
const panel = (page: Page) => page.getByRole("complementary", { name: "Citat och källor" });
const saved = async (id: string) =>
  (await stack.api.ds.query(`SELECT status, current_version AS "version", sections, summary FROM response WHERE id = $1`, [id]))[0];

/** A Buffer's own bytes: its .buffer may be a larger shared pool. */
const arrayBuffer = (b: Buffer) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

async function fillSection(page: Page, n: number, fields: { number: string; heading: string; stance: string; body: string }) {
  await page.getByRole("button", { name: "Lägg till avsnitt" }).click();
  await section(page, n).getByLabel("Rubrik").waitFor();
  await section(page, n).getByLabel("Avsnittsnummer").fill(fields.number);
  await section(page, n).getByLabel("Rubrik").fill(fields.heading);
  await section(page, n).getByLabel("Ställningstagande").selectOption({ label: fields.stance });
  await section(page, n).getByLabel("Text").fill(fields.body);
}

describe("drafting a remissvar from start to the ministry's file", () => {
  it("is written with quotes, survives a colleague's save, is decided by the board and exported", async () => {
    // Kansliet start the answer from the remiss.
    const staff = await stack.signedInPage("staff");
    await staff.setViewportSize({ width: 1280, height: 900 });
    await staff.goto(`/remisser/${exerciseRemissId}`);
    await staff.getByRole("button", { name: "Påbörja remissvar" }).click();
    await staff.waitForURL((url) => url.pathname.endsWith("/redigera"));
    const id = new URL(staff.url()).pathname.split("/")[2];
    const editorUrl = `/remissvar/${id}/redigera`;

    await staff.getByLabel("Sammanfattning").fill("SmåKom tillstyrker stöd till frivillig samverkan men avstyrker en statlig fond.");
    await fillSection(staff, 1, { number: "4.2", heading: "Stöd till samverkan", stance: "Tillstyrker", body: "SmåKom tillstyrker stöd till frivillig samverkan." });
    await fillSection(staff, 2, { number: "5", heading: "En statlig fond", stance: "Avstyrker", body: "SmåKom avstyrker, som 2012." });

    // Forshaga's input, listed beside the draft, goes into section 1.
    await panel(staff).getByLabel("Infoga citat i").selectOption({ index: 0 });
    const forshaga = panel(staff).getByRole("region", { name: "Synpunkter från medlemmarna" }).getByRole("listitem").filter({ hasText: "Forshaga ser positivt" });
    await forshaga.getByRole("button", { name: /^Infoga som citat: Forshaga kommun/ }).click();
    await section(staff, 1).locator("blockquote").waitFor();

    // SmåKom's 2012 answer, found through the panel's search, goes into section 2.
    await panel(staff).getByLabel("Sökord").fill("kommunstabiliseringsfond");
    await panel(staff).getByLabel("Sök bland").selectOption({ label: "Ställningstaganden och remissvar" });
    await panel(staff).getByRole("button", { name: "Sök", exact: true }).click();
    const hit = panel(staff).getByRole("listitem").filter({ hasText: "Spara i goda tider" });
    await hit.waitFor();
    await panel(staff).getByLabel("Infoga citat i").selectOption({ index: 1 });
    await hit.getByRole("button", { name: `Infoga som citat: ${OLD_LABEL}` }).click();
    await section(staff, 2).locator("blockquote").waitFor();
    expect(await section(staff, 2).locator("blockquote").getByRole("link").getAttribute("href")).toBe(`/remissvar/${oldResponseId}`);

    await staff.getByRole("button", { name: "Spara", exact: true }).click();
    await staff.waitForURL((url) => url.pathname === `/remissvar/${id}`);
    const main = staff.getByRole("main");
    await expect.poll(() => main.locator("blockquote").count(), SLOW).toBe(2);
    expect(await main.getByRole("link", { name: OLD_LABEL }).getAttribute("href")).toBe(`/remissvar/${oldResponseId}`);
    const afterFirstSave = await saved(id);
    expect(afterFirstSave.sections.map((s: { number: string; stance: string }) => [s.number, s.stance])).toEqual([["4.2", "supports"], ["5", "opposes"]]);
    expect(afterFirstSave.sections.map((s: { quotes: { sourceType: string }[] }) => s.quotes.map((q) => q.sourceType))).toEqual([["member_input"], ["response"]]);

    // A member cannot reach the draft, its editor or its export by URL.
    const member = await stack.signedInPage("member");
    for (const path of [`/remissvar/${id}`, editorUrl, `/remissvar/${id}/export.docx`, `/remissvar/${id}/export.pdf`, `/remissvar/${id}/versioner`]) {
      const answer = await member.request.get(path, { maxRedirects: 0 });
      expect(answer.status(), path).toBe(404);
      expect(await answer.text(), path).not.toContain("kommunstabiliseringsfond");
    }
    await member.context().close();

    // Two people in the same draft: the admin saves first, kansliet's edit meets it and chooses.
    await staff.goto(editorUrl);
    await section(staff, 1).getByLabel("Text").waitFor();
    const admin = await stack.signedInPage("admin");
    await admin.goto(editorUrl);
    await section(admin, 1).getByLabel("Text").fill("Alvas formulering om samverkan.");
    await admin.getByRole("button", { name: "Spara", exact: true }).click();
    await admin.waitForURL((url) => url.pathname === `/remissvar/${id}`);
    await expect.poll(async () => (await saved(id)).sections[0].body, SLOW).toBe("Alvas formulering om samverkan.");

    await section(staff, 1).getByLabel("Text").fill("SmåKom tillstyrker stöd till frivillig samverkan, utan tvång.");
    const conflict = staff.getByRole("alert").filter({ hasText: "Någon annan har sparat under tiden" });
    await conflict.waitFor({ timeout: 30_000 });
    const both = await conflict.getByRole("table").textContent();
    expect(both).toContain("Alvas formulering om samverkan.");
    expect(both).toContain("utan tvång");
    expect(await conflict.textContent()).toContain("Alva Admin");
    // Nothing of theirs was overwritten while the choice is open.
    expect((await saved(id)).sections[0].body).toBe("Alvas formulering om samverkan.");
    await conflict.getByRole("button", { name: "Behåll min text" }).click();
    await staff.waitForURL((url) => url.pathname === `/remissvar/${id}`);
    await expect.poll(async () => (await saved(id)).sections[0].body, SLOW).toBe("SmåKom tillstyrker stöd till frivillig samverkan, utan tvång.");
    await admin.context().close();

    // Sent for decision; the board decides exactly the version it read.
    await staff.getByRole("button", { name: "Skicka för beslut" }).click();
    await expect.poll(async () => (await saved(id)).status, SLOW).toBe("for_approval");
    const { version } = await saved(id);
    const board = await stack.signedInPage("board");
    await board.goto(`/remissvar/${id}`);
    await board.getByRole("button", { name: `Besluta version ${version}` }).click();
    await expect.poll(async () => (await saved(id)).status, SLOW).toBe("approved");
    await board.context().close();

    // Kansliet export the decided answer, as the ministry will read it.
    await staff.goto(`/remissvar/${id}`);
    const docx = await staff.request.get(`/remissvar/${id}/export.docx`);
    expect(docx.status()).toBe(200);
    const word = await docxText(arrayBuffer(await docx.body()));
    expectInOrder(word, [
      "Finansdepartementet",
      "Remissvar: Övningsremiss (demodata): Starkare kommuner – uppföljning",
      "Sammanfattning",
      "SmåKom tillstyrker stöd till frivillig samverkan men avstyrker en statlig fond.",
      "4.2 Stöd till samverkan",
      "SmåKom tillstyrker stöd till frivillig samverkan, utan tvång.",
      "Forshaga ser positivt på stöd till samverkan",
      "5 En statlig fond",
      "SmåKom avstyrker, som 2012.",
      `Källa: ${OLD_LABEL}`,
    ]);
    expect(word).not.toContain("Utkast");

    const pdf = await staff.request.get(`/remissvar/${id}/export.pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toContain("application/pdf");
    const pages = await pdfPages(arrayBuffer(await pdf.body()));
    expectInOrder(pages.join("\n"), ["Finansdepartementet", "Sammanfattning", "4.2 Stöd till samverkan", "utan tvång", "5 En statlig fond", "SmåKom avstyrker, som 2012."]);
    expect(pages.join("\n")).not.toContain("Utkast");
    await staff.context().close();
  }, 240_000);
});
