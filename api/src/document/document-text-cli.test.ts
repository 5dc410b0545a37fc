/**
 * `npm run attach-text` answers mistakes with a clear message before touching any database,
 * and tells how far it has read a PDF and when the text is searchable.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DocumentKind } from "@remissbanken/schema";
import { startIndexer, type RunningIndexer } from "@remissbanken/indexer";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { fixturePath } from "@remissbanken/test/fixtures";
import { buildDocument } from "@remissbanken/test/factories";

const root = path.resolve(import.meta.dirname, "../../..");

/** Runs the command; by default against a database that cannot exist (reaching for it would fail differently). */
function attachText(...args: string[]): Promise<{ code: number | null; output: string }> {
  return attachTextWith({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" }, ...args);
}

function attachTextWith(env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "api/src/document/document-text.cli.ts", ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.once("exit", (code) => resolve({ code, output }));
  });
}

describe("npm run attach-text", () => {
  it("says a malformed designation is not one, with examples", async () => {
    const result = await attachText("SOU 2020", "betankande.pdf");
    expect(result.code).toBe(2);
    expect(result.output).toContain('"SOU 2020" is not a designation. Write it like SOU 2020:8');
    expect(result.output).not.toMatch(/at .*\.ts:\d+/);
  });

  it("says a missing file is missing, without a stack trace", async () => {
    const result = await attachText("SOU 2020:8", "/no/such/betankande.pdf");
    expect(result.code).toBe(2);
    expect(result.output).toContain("Cannot read /no/such/betankande.pdf: there is no such file.");
    expect(result.output).not.toContain("ENOENT");
  });

  describe("with a running installation", () => {
    let api: TestApi | undefined;
    let indexer: RunningIndexer | undefined;
    afterAll(async () => {
      await indexer?.stop();
      await api?.stop();
    });

    it("tells the pages it has read and says when the text is searchable", async () => {
      api = await startTestApi();
      await buildDocument(api.ds.manager, { kind: DocumentKind.SOU, designation: "SOU 2026:14", year: 2026, title: "Ädelmetallutredningen" });
      indexer = await startIndexer({ databaseUrl: api.databaseUrl, meiliUrl: api.search.url, apiKey: api.search.apiKey, index: api.search.index, pollMs: 100 });
      const pdf = fixturePath("regeringen", "regeringen-remissvar-sou-2026-14-kammarkollegiet-ferenda.pdf");
      const result = await attachTextWith({ DATABASE_URL: api.databaseUrl }, "SOU 2026:14", pdf);
      expect(result.output).toContain("Read page 1 of 1");
      expect(result.output).toMatch(/Attached 1 pages \([\d,]+ characters\) to SOU 2026:14 Ädelmetallutredningen in [\d.]+ s\./);
      expect(result.output).toContain("The text is searchable now.");
      expect(result.code).toBe(0);
    }, 180_000);
  });
});
