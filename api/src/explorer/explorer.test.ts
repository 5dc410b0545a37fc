import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { chromium } from "playwright-core";

let dev: TestApi;
let closed: TestApi;

beforeAll(async () => {
  [dev, closed] = await Promise.all([startTestApi(), startTestApi({ GRAPHQL_INTROSPECTION: "false" })]);
});
afterAll(() => Promise.all([dev?.stop(), closed?.stop()]));

const openInBrowser = (url: string) => fetch(url, { headers: { accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });

describe("the GraphQL explorer", () => {
  it("is a page whose every script and stylesheet comes from the API itself, and loads", async () => {
    const response = await openInBrowser(dev.url);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const csp = response.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    const html = await response.text();
    expect(html).not.toMatch(/apollographql|cdn|unpkg|jsdelivr/i);
    expect(html).not.toMatch(/<script>(?!<\/script>)|<script[^>]*>[^<]+<\/script>/);

    const references = [...html.matchAll(/<(script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map(([, tag, ref]) => ({ tag, ref }));
    expect(references.filter((r) => r.tag === "script")).toHaveLength(4);
    expect(references.filter((r) => r.tag === "link").length).toBeGreaterThanOrEqual(1);
    for (const { tag, ref } of references) {
      const url = new URL(ref, dev.url);
      expect(url.origin, ref).toBe(new URL(dev.url).origin);
      const asset = await fetch(url);
      expect(asset.status, ref).toBe(200);
      expect(asset.headers.get("content-type"), ref).toMatch(tag === "script" ? /^text\/javascript/ : /^text\/css/);
      expect((await asset.text()).length, ref).toBeGreaterThan(20);
    }
    const scripts = await Promise.all(references.filter((r) => r.tag === "script").map((r) => fetch(new URL(r.ref, dev.url)).then((a) => a.text())));
    expect(scripts.join("\n")).toContain("createFetcher");
  });

  it("runs in a browser that can reach nothing but the API: the editor appears and loads the schema", async () => {
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" });
    try {
      const page = await browser.newPage();
      const origin = new URL(dev.url).origin;
      const foreign: string[] = [];
      const problems: string[] = [];
      await page.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(origin) || url.startsWith("data:")) return route.continue();
        foreign.push(url);
        return route.abort();
      });
      page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
      page.on("pageerror", (error) => problems.push(error.message));
      const introspection = page.waitForRequest((request) => request.method() === "POST" && request.url() === dev.url);
      await page.goto(dev.url);
      await page.locator(".graphiql-container").waitFor();
      await introspection;
      await page.getByRole("button", { name: /documentation/i }).first().click();
      await page.getByText("Query", { exact: true }).first().waitFor();
      expect(foreign).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);

  it("leaves GraphQL requests, GET ones included, to the endpoint, and unknown files unanswered", async () => {
    const post = await fetch(dev.url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ __typename }" }) });
    expect(await post.json()).toEqual({ data: { __typename: "Query" } });
    const get = await fetch(`${dev.url}?query=${encodeURIComponent("{ __typename }")}`, { headers: { accept: "application/json", "apollo-require-preflight": "1" } });
    expect(await get.json()).toEqual({ data: { __typename: "Query" } });
    expect((await fetch(`${dev.url}/explorer/../../package.json`)).status).not.toBe(200);
    expect((await fetch(`${dev.url}/explorer/secrets.js`)).status).not.toBe(200);
  });

  it("is not served where introspection is off (production), and Apollo's CDN landing page neither", async () => {
    const response = await openInBrowser(closed.url);
    const body = await response.text();
    expect(body).not.toContain("graphiql");
    expect(body).not.toMatch(/apollographql/i);
    expect((await fetch(`${closed.url}/explorer/graphiql.js`)).status).not.toBe(200);
  });
});
