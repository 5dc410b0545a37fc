/**
 * The whole product for browser tests: the real API on a database of this test file's
 * own with the demo data, the real indexer filling a Meilisearch index of its own, the
 * web app's production build in its own process, and Debian's Chromium driven by
 * playwright-core.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import fs from "node:fs/promises";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { expect } from "vitest";
import { startIndexer, type RunningIndexer } from "@remissbanken/indexer";
import { seedDemoData } from "@remissbanken/api/seed/demo-data";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { DEMO_USERS } from "@remissbanken/api/auth/demo-users";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const WEB_MAIN = path.resolve(import.meta.dirname, "../server/main.ts");
export const SCREENSHOTS = path.resolve(import.meta.dirname, "../../docs/screenshots");

export type DemoRole = "admin" | "staff" | "board" | "member";

export interface Stack {
  api: TestApi;
  indexer: RunningIndexer;
  /** The web app's address, e.g. http://127.0.0.1:41234 */
  webUrl: string;
  browser: Browser;
  /** A fresh browser context (its own cookies), JavaScript on unless told otherwise. */
  newContext(options?: { javaScriptEnabled?: boolean }): Promise<BrowserContext>;
  /** A new page signed in through the sign-in form as one of the demo users. */
  signedInPage(role: DemoRole, options?: { javaScriptEnabled?: boolean }): Promise<Page>;
  stop(): Promise<void>;
}

async function startWebProcess(apiUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const child = spawn(process.execPath, ["--import", tsx, WEB_MAIN], {
    env: { ...process.env, NODE_ENV: "production", WEB_PORT: "0", HOST: "127.0.0.1", API_URL: apiUrl, LOG_LEVEL: "silent", PUBLIC_URL: "" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.on("message", (m: { type?: string; url?: string; message?: string }) => {
      if (m.type === "ready" && m.url) resolve(m.url);
      if (m.type === "failed") reject(new Error(m.message));
    });
    child.once("exit", (code) => reject(new Error(`the web app exited with ${code}`)));
  });
  return { url, child };
}

/** Starts everything; call stop() in afterAll. */
export async function startStack(options: { env?: Record<string, string> } = {}): Promise<Stack> {
  const api = await startTestApi({ SIGN_IN_DELAY_MS: "0", ...options.env });
  await seedDemoData(api.ds);
  const indexer = await startIndexer({ databaseUrl: api.databaseUrl, meiliUrl: api.search.url, apiKey: api.search.apiKey, index: api.search.index, pollMs: 100 });
  await indexer.idle({ timeoutMs: 110_000 });
  const web = await startWebProcess(api.url);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    // The browser's own language decides how date fields show (ÅÅÅÅ-MM-DD, not mm/dd/yyyy) in the
    // screenshots; Debian's Chromium needs its chromium-l10n package and LANGUAGE for it.
    args: ["--lang=sv-SE", ...(process.getuid?.() === 0 ? ["--no-sandbox"] : [])],
    env: { ...process.env, LANGUAGE: "sv" },
  });
  const newContext = async (o: { javaScriptEnabled?: boolean } = {}) => {
    const javaScriptEnabled = o.javaScriptEnabled ?? true;
    const context = await browser.newContext({ baseURL: web.url, locale: "sv-SE", timezoneId: "Europe/Stockholm", javaScriptEnabled });
    if (javaScriptEnabled) context.on("page", waitForRenderedUrls);
    return context;
  };
  return {
    api,
    indexer,
    webUrl: web.url,
    browser,
    newContext,
    async signedInPage(role, o = {}) {
      const context = await newContext(o);
      const page = await context.newPage();
      await signIn(page, role);
      return page;
    },
    async stop() {
      await browser.close().catch(() => {});
      const exited = new Promise((resolve) => web.child.once("exit", resolve));
      web.child.kill("SIGTERM");
      await exited;
      await indexer.stop();
      await api.stop();
    },
  };
}

/**
 * With JavaScript, Remix changes the address a moment before it renders the new page, so
 * `page.waitForURL` alone could let a test read the old page. Here it also waits until the
 * page on screen says (body[data-path], set in root.tsx) that it belongs to the new address.
 */
function waitForRenderedUrls(page: Page): void {
  const waitForURL = page.waitForURL.bind(page);
  page.waitForURL = (async (url: Parameters<Page["waitForURL"]>[0], options?: Parameters<Page["waitForURL"]>[1]) => {
    await waitForURL(url, options);
    await page.waitForFunction(() => document.body?.dataset.path === location.pathname + location.search, undefined, {
      timeout: options?.timeout ?? 30_000,
    });
  }) as Page["waitForURL"];
}

export function demoUser(role: DemoRole): { email: string; password: string } {
  const user = DEMO_USERS.find((u) => u.role.toLowerCase() === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  return { email: user.email, password: user.password };
}

/** Signs in through the form, as a person would, and waits for the start page. */
export async function signIn(page: Page, role: DemoRole): Promise<void> {
  const { email, password } = demoUser(role);
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill(email);
  await page.getByLabel("Lösenord").fill(password);
  await page.getByRole("button", { name: "Logga in" }).click();
  await page.waitForURL((url) => url.pathname !== "/logga-in");
}

/**
 * Runs axe-core in the page and fails on any serious or critical violation, listing them.
 * axe is JavaScript: check a page opened with JavaScript on (the markup is the same).
 */
export async function expectAccessible(page: Page): Promise<void> {
  const source = await fs.readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  // Through CDP, not a <script> tag, so the page's CSP need not allow it.
  await page.evaluate(source);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ resultTypes: ["violations"] });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`);
  });
  expect(violations, `axe on ${page.url()}`).toEqual([]);
}

/** Saves a screenshot for the README (docs/screenshots/NAME.png). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
