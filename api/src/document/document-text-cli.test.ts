/**
 * `npm run attach-text` answers mistakes with a clear message before touching any database,
 * and tells how far it has read a PDF and when the text is searchable.
 */
import { afterAll, describe, expect, it } from "vitest";
import { DocumentKind } from "@remissbanken/schema";
import { startIndexer, type RunningIndexer } from "@remissbanken/indexer";
import { startTestApi, type TestApi } from "@remissbanken/test/harness";
import { fixturePath } from "@remissbanken/test/fixtures";
import { runCommand } from "@remissbanken/test/command";
import { buildDocument } from "@remissbanken/test/factories";

const CLI = "api/src/document/document-text.cli.ts";

/** Runs the command against a database that cannot exist: reaching for it would fail differently. */
const attachText = (...args: string[]) => runCommand(CLI, args, { DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" });

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
      const result = await runCommand(CLI, ["SOU 2026:14", pdf], { DATABASE_URL: api.databaseUrl });
      expect(result.output).toContain("Read page 1 of 1");
      expect(result.output).toMatch(/Attached 1 pages \([\d,]+ characters\) to SOU 2026:14 Ädelmetallutredningen in [\d.]+ s\./);
      expect(result.output).toContain("The text is searchable now.");
      expect(result.code).toBe(0);
    }, 180_000);
  });
});
