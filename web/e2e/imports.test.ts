/**
 * Imports as the secretariat sees them: the latest Riksdagen import on /remisser, the list of
 * runs at /admin/importer with a failed run's reasons, and a remiss page's published responses
 * (for members too); members see no import runs.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ImportRun, ImportRunStatus, ImportSource, ImportTrigger } from "@remissbanken/schema";
import { REGERINGEN_PAGES, startRegeringenServer, type RegeringenServer } from "@remissbanken/test/regeringen-server";
import { expectAccessible, screenshot, startStack, type Stack } from "./harness";

let stack: Stack;
let regeringen: RegeringenServer;
let staffName = "";
/** One signed-in staff page for the file: signing in is not what these tests are about. */
let staff: Page;

beforeAll(async () => {
  regeringen = await startRegeringenServer();
  stack = await startStack({ env: { REGERINGEN_BASE_URL: regeringen.base } });
  // A scheduled run that failed the night before, and last night's that worked.
  const runs = stack.api.ds.getRepository(ImportRun);
  const at = (iso: string) => new Date(iso);
  await runs.save({
    source: ImportSource.RIKSDAGEN, trigger: ImportTrigger.SCHEDULE, status: ImportRunStatus.FAILED,
    startedAt: at("2026-11-30T03:30:00Z"), heartbeatAt: at("2026-11-30T03:31:00Z"), finishedAt: at("2026-11-30T03:31:00Z"),
    options: { types: ["dir", "sou"], from: "2026-11-28" }, failed: 2,
    failures: [
      { item: "the dir listing", reason: "https://data.riksdagen.se/dokumentlista/?doktyp=dir answered 500 5 times; giving up." },
      { item: "the sou listing", reason: "https://data.riksdagen.se/dokumentlista/?doktyp=sou answered 500 5 times; giving up." },
    ],
    error: "the dir listing: https://data.riksdagen.se/dokumentlista/?doktyp=dir answered 500 5 times; giving up.; the sou listing: https://data.riksdagen.se/dokumentlista/?doktyp=sou answered 500 5 times; giving up.",
  });
  await runs.save({
    source: ImportSource.RIKSDAGEN, trigger: ImportTrigger.SCHEDULE, status: ImportRunStatus.SUCCEEDED,
    startedAt: at("2026-12-01T03:30:00Z"), heartbeatAt: at("2026-12-01T03:34:00Z"), finishedAt: at("2026-12-01T03:34:00Z"),
    options: { types: ["dir", "sou", "ds", "prop"], from: "2026-11-28" }, added: 12, updated: 3, unchanged: 40, skipped: 1,
  });
  // A remiss a staff member added from its link (the browser journey itself is remiss-from-link.test.ts).
  const [staffUser] = await stack.api.ds.query(`SELECT id, name FROM app_user WHERE email = 'staff@smakom.example'`);
  staffName = staffUser.name;
  await runs.save({
    source: ImportSource.REGERINGEN, trigger: ImportTrigger.WEB, status: ImportRunStatus.SUCCEEDED, startedById: staffUser.id,
    startedAt: at("2026-11-29T10:15:00Z"), heartbeatAt: at("2026-11-29T10:15:02Z"), finishedAt: at("2026-11-29T10:15:02Z"),
    options: { addresses: ["https://www.regeringen.se/remisser/2026/04/remiss-av-adelmetallutredningen-sou-202614/"] }, updated: 1,
  });
  staff = await stack.signedInPage("staff");
});
afterAll(async () => {
  await stack?.stop();
  await regeringen?.stop();
});

describe("imports for the secretariat", () => {
  it("shows staff the latest import from Riksdagen on /remisser", async () => {
    await staff.goto("/remisser");
    await expect.poll(() => staff.getByText(/^Senaste import från Riksdagen:/).textContent()).toContain(
      "Senaste import från Riksdagen: 1 december 2026 kl. 04:30 – 12 nya, 3 uppdaterade",
    );
    await expectAccessible(staff);
    await staff.getByRole("link", { name: "Alla importer" }).click();
    await staff.waitForURL(/\/admin\/importer$/);
  });

  it("lists every run on /admin/importer, newest first, with who started it and a failed run's reasons", async () => {
    await staff.goto("/admin/importer");
    expect(await staff.getByRole("heading", { level: 1 }).textContent()).toBe("Importer");
    const rows = staff.getByRole("row");
    // The header and the three runs, newest first.
    expect(await rows.count()).toBe(4);
    expect(await rows.nth(1).textContent()).toContain("12 nya, 3 uppdaterade");
    expect(await rows.nth(1).textContent()).toContain("Schemat");
    expect(await rows.nth(3).textContent()).toContain(`${staffName} (från länk)`);
    const failed = rows.nth(2);
    expect(await failed.textContent()).toContain("Misslyckades");
    await failed.getByText("2 misslyckade poster").click();
    // The importers' reasons are English (as the commands print them): the page says them in Swedish.
    const sou = failed.getByRole("listitem").filter({ hasText: "Riksdagens lista över sou" });
    await expect.poll(() => sou.isVisible()).toBe(true);
    expect(await sou.textContent()).toContain("?doktyp=sou svarade 500 5 gånger; importen gav upp.");
    expect(await failed.textContent()).not.toContain("giving up");
    await expectAccessible(staff);
    await screenshot(staff, "admin-importer");
  });

  it("shows staff the published responses of a remiss imported from its link", async () => {
    const page = staff;
    await page.goto("/remisser");
    await page.getByLabel("Adress till remissen på regeringen.se").fill(`${regeringen.base}${REGERINGEN_PAGES.closed}`);
    await page.getByRole("button", { name: "Lägg till remissen" }).click();
    await page.waitForURL(/\/remisser\/[0-9a-f-]{36}$/);
    const published = page.getByRole("region", { name: "Publicerade remissvar" });
    await expect.poll(() => published.getByRole("link").count()).toBe(17);
    expect(await published.getByRole("link", { name: "Kammarkollegiet" }).getAttribute("href")).toMatch(/kammarkollegiet\.pdf$/);
    await expectAccessible(page);
  });

  it("shows members a remiss's published responses, but no import runs", async () => {
    const [{ id }] = await stack.api.ds.query(`SELECT id FROM remiss WHERE lower(diarienummer) = lower('KN2026/00741')`);
    await stack.api.ds.query(
      `INSERT INTO remiss_published_response (remiss_id, organisation, url) VALUES ($1, 'Kammarkollegiet', 'https://www.regeringen.se/contentassets/x/kammarkollegiet.pdf') ON CONFLICT DO NOTHING`,
      [id],
    );
    const member = await stack.signedInPage("member");
    await member.goto(`/remisser/${id}`);
    expect(await member.getByRole("region", { name: "Publicerade remissvar" }).getByRole("link", { name: "Kammarkollegiet" }).count()).toBeGreaterThanOrEqual(1);
    await member.goto("/remisser");
    expect(await member.getByRole("heading", { level: 1 }).textContent()).toBe("Remisser");
    expect(await member.getByText(/Senaste import från Riksdagen/).count()).toBe(0);
    expect(await member.getByRole("link", { name: "Alla importer" }).count()).toBe(0);
    expect((await member.goto("/admin/importer"))?.status()).toBe(403);
    await member.context().close();
  });
});
