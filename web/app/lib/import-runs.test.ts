import { describe, expect, it } from "vitest";
import { describeLatestImport, describeOutcome, type ImportRunSummary } from "./import-runs";

const run = (over: Partial<ImportRunSummary>): ImportRunSummary => ({
  status: "SUCCEEDED", startedAt: "2026-12-01T03:30:00.000Z", added: 0, updated: 0, failed: 0, error: null, ...over,
});

describe("how an import run reads", () => {
  it("tells when the latest import ran and what it brought, in Stockholm time", () => {
    expect(describeLatestImport(run({ added: 12, updated: 3 }))).toBe("Senaste import från Riksdagen: 1 december 2026 kl. 04:30 – 12 nya, 3 uppdaterade");
    expect(describeLatestImport(null)).toBe("Ingen import från Riksdagen har körts än.");
  });

  it("says a run failed and why, is still running, or found nothing new", () => {
    expect(describeOutcome(run({ status: "FAILED", error: "the dir listing: answered 500" }))).toBe("misslyckades: the dir listing: answered 500");
    expect(describeOutcome(run({ status: "RUNNING" }))).toBe("pågår");
    expect(describeOutcome(run({}))).toBe("inget nytt");
    expect(describeOutcome(run({ added: 1, updated: 1, failed: 2 }))).toBe("1 ny, 1 uppdaterad, 2 misslyckades");
  });
});
