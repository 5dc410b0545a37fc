/** Årsrapport för prioriterade frågor: goals recorded on an area's admin page, the report with its chart, table and CSV. */
import fs from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, screenshot, startStack, type Stack } from "./harness";
import { parseCsv } from "./csv";

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.stop();
});

// The demo data's areas are for the current year.
const YEAR = Number(new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric" }).format(new Date()));
const COMMENT = "Fem exempel har spridits under året.";

describe("the yearly priorities report", () => {
  it("staff record a goal's status and comment and add a goal on the area's admin page, and find the report from there", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto(`/admin/prioriterade-fragor?ar=${YEAR}`);
    await page.getByRole("article", { name: "Agenda 2030" }).getByRole("link", { name: /Ändra/ }).click();
    await page.waitForURL(/\/admin\/prioriterade-fragor\/[0-9a-f-]+$/);
    const goals = page.getByRole("region", { name: `Mål för ${YEAR}` });
    await goals.getByLabel("Status för mål 1").selectOption({ label: "Uppnått" });
    await goals.getByLabel("Kommentar till mål 1").fill(COMMENT);
    await goals.getByRole("button", { name: "Spara mål 1" }).click();
    await expect.poll(() => page.getByRole("status").textContent()).toContain("Målet är sparat");
    await goals.getByLabel("Nytt mål", { exact: true }).fill("Ta fram en vägledning om Agenda 2030 för små kommuner");
    await goals.getByRole("button", { name: "Lägg till mål" }).click();
    await expect.poll(() => goals.getByLabel("Mål 2", { exact: true }).inputValue()).toBe("Ta fram en vägledning om Agenda 2030 för små kommuner");
    expect(await goals.getByLabel("Nytt mål", { exact: true }).inputValue()).toBe("");
    await expectAccessible(page);
    await page.getByRole("link", { name: `Årsrapport för prioriterade frågor ${YEAR}` }).click();
    await page.waitForURL(new RegExp(`/prioriterade-fragor/rapport\\?ar=${YEAR}$`));
    expect(await page.getByRole("article", { name: "Agenda 2030" }).textContent()).toContain(COMMENT);
    await page.context().close();
  });

  it("shows the report with a chart drawn on the server, the same figures in a table, the goals, and a CSV for Excel", async () => {
    const page = await stack.signedInPage("board");
    await page.goto(`/prioriterade-fragor/rapport?ar=${YEAR}`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Årsrapport för prioriterade frågor ${YEAR}`);
    // The chart is an SVG drawn on the server, named by its caption; bars for the figures above zero.
    const chart = page.getByRole("img", { name: /Stapeldiagram/ });
    expect(await chart.evaluate((el) => el.tagName.toLowerCase())).toBe("svg");
    expect(await chart.locator("path.recharts-rectangle").count()).toBeGreaterThanOrEqual(2);
    // The table beside it holds the same figures: the ongoing ekonomistyrning inquiry and Forshaga's input.
    const finance = page.getByRole("row", { name: /Finansiering för tillväxt/ });
    expect(await finance.getByRole("cell").allTextContents()).toEqual(["1", "0", "1", "0 av 2"]);
    // The demo data has the goal of Agenda 2030 achieved, with a comment.
    const agenda = page.getByRole("article", { name: "Agenda 2030" });
    expect(await agenda.textContent()).toContain("Uppnått");
    await expectAccessible(page);
    await screenshot(page, "priority-report");

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Ladda ner som CSV" }).click()]);
    expect(download.suggestedFilename()).toBe(`prioriterade-fragor-${YEAR}.csv`);
    const csv = await fs.readFile((await download.path())!, "utf8");
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header.slice(0, 5)).toEqual(["År", "Prioriterad fråga", "Aktiva utredningar", "Skickade remissvar", "Inkomna synpunkter"]);
    expect(rows).toHaveLength(6);
    expect(rows.find((r) => r[1] === "Finansiering för tillväxt")!.slice(0, 5)).toEqual([String(YEAR), "Finansiering för tillväxt", "1", "0", "1"]);
    expect(rows.find((r) => r[1] === "Agenda 2030")!.at(-1)).toMatch(/Uppnått \(/);
    await page.context().close();
  });

  it("members read it without JavaScript: a year picker, the chart from the server, an empty year explained", async () => {
    const page = await stack.signedInPage("member", { javaScriptEnabled: false });
    await page.goto("/prioriterade-fragor/rapport");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(`Årsrapport för prioriterade frågor ${YEAR}`);
    expect(await page.locator("figure svg[role='img']").count()).toBe(1);
    expect(await page.getByRole("link", { name: /Ändra målen/ }).count()).toBe(0);
    await page.getByLabel("År", { exact: true }).selectOption("2021");
    await page.getByRole("button", { name: "Visa" }).click();
    await page.waitForURL(/\?ar=2021$/);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Årsrapport för prioriterade frågor 2021");
    expect(await page.getByRole("table").getByRole("rowheader").allTextContents()).toEqual([
      "Agenda 2030", "Arbetsmarknaden", "Bostadsförsörjning", "Bredbandsutbyggnad", "Finansiering för tillväxt", "Infrastruktur", "Totalt",
    ]);
    await page.goto("/prioriterade-fragor/rapport?ar=2031");
    expect(await page.getByRole("heading", { name: "Inga prioriterade frågor för 2031" }).count()).toBe(1);
    expect(await page.getByRole("link", { name: "Ladda ner som CSV" }).count()).toBe(0);
    // The CSV has the page's access: members may download it.
    const res = await page.context().request.get(`/prioriterade-fragor/rapport.csv?ar=${YEAR}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(res.headers()["content-disposition"]).toMatch(new RegExp(`^attachment; filename="prioriterade-fragor-${YEAR}\\.csv"`));
    await page.context().close();
  });

  it("staff tag an inquiry with this year's priority areas from its page", async () => {
    const page = await stack.signedInPage("staff");
    await page.goto("/utredningar");
    await page.getByRole("link", { name: "Strandskyddsutredningen" }).first().click();
    await page.getByRole("link", { name: "Ändra prioriterade frågor" }).click();
    await page.waitForURL(/\/prioriterade-fragor\/taggar\?utredning=/);
    expect(await page.getByRole("checkbox", { name: "Bostadsförsörjning (2021)" }).isChecked()).toBe(true);
    await page.getByRole("checkbox", { name: `Bostadsförsörjning (${YEAR})` }).check();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Spara" }).click();
    await page.waitForURL(/\/utredningar\/[0-9a-f-]+$/);
    expect(await page.getByRole("definition").filter({ hasText: `Bostadsförsörjning ${YEAR}` }).count()).toBe(1);
    await page.context().close();
  });

  it("staff tag a remiss (through its report) from the remiss page", async () => {
    const page = await stack.signedInPage("staff");
    const [{ id: remissId }] = await stack.api.ds.query(`SELECT id FROM remiss WHERE diarienummer = 'KN2026/00741'`);
    await page.goto(`/remisser/${remissId}`);
    await page.getByRole("link", { name: "Ändra prioriterade frågor" }).click();
    await page.getByRole("checkbox", { name: `Infrastruktur (${YEAR})` }).check();
    await page.getByRole("button", { name: "Spara" }).click();
    await page.waitForURL(new RegExp(`/remisser/${remissId}$`));
    expect(await page.getByRole("definition").filter({ hasText: `Infrastruktur ${YEAR}` }).count()).toBe(1);
    await page.context().close();
  });

  it("sends an anonymous visitor of the page or the CSV to sign in and back", async () => {
    for (const path of ["/prioriterade-fragor/rapport?ar=2026", "/prioriterade-fragor/rapport.csv?ar=2026"]) {
      const res = await fetch(`${stack.webUrl}${path}`, { redirect: "manual" });
      expect(res.status, path).toBe(302);
      expect(res.headers.get("location")).toBe(`/logga-in?redirectTo=${encodeURIComponent(path)}`);
    }
  });
});
