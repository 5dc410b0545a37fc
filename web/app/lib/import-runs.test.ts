import { describe, expect, it } from "vitest";
import { describeLatestImport, describeOutcome, swedishItem, swedishReason, type ImportRunSummary } from "./import-runs";

const run = (over: Partial<ImportRunSummary>): ImportRunSummary => ({
  status: "SUCCEEDED", startedAt: "2026-12-01T03:30:00.000Z", added: 0, updated: 0, failed: 0, error: null, ...over,
});

describe("how an import run reads", () => {
  it("tells when the latest import ran and what it brought, in Stockholm time", () => {
    expect(describeLatestImport(run({ added: 12, updated: 3 }))).toBe("Senaste import från Riksdagen: 1 december 2026 kl. 04:30 – 12 nya, 3 uppdaterade");
    expect(describeLatestImport(null)).toBe("Ingen import från Riksdagen har körts än.");
  });

  it("says a run failed and why, is still running, or found nothing new", () => {
    expect(describeOutcome(run({ status: "FAILED", error: "https://data.riksdagen.se/dokumentlista/?doktyp=dir answered 500 3 times; giving up." })))
      .toBe("misslyckades: https://data.riksdagen.se/dokumentlista/?doktyp=dir svarade 500 3 gånger; importen gav upp.");
    expect(describeOutcome(run({ status: "RUNNING" }))).toBe("pågår");
    expect(describeOutcome(run({}))).toBe("inget nytt");
    expect(describeOutcome(run({ added: 1, updated: 1, failed: 2 }))).toBe("1 ny, 1 uppdaterad, 2 misslyckades");
  });
});

describe("the importers' reasons in Swedish", () => {
  it("translates each known reason and keeps its details", () => {
    expect(swedishReason("no last day to answer was found on the page")).toBe("Ingen sista svarsdag hittades på sidan.");
    expect(swedishReason("its dokumentstatus: https://data.riksdagen.se/dokumentstatus/HA03100.json answered 503."))
      .toBe("Dokumentstatus från Riksdagen: https://data.riksdagen.se/dokumentstatus/HA03100.json svarade 503.");
    expect(swedishReason("its document SOU 2026:14: the page does not exist (404)")).toBe("Dokumentet SOU 2026:14: sidan finns inte (404).");
    expect(swedishReason("linking its chain: https://x.example/a could not be fetched (ECONNRESET) after 3 attempts."))
      .toBe("Kopplingen till utredningskedjan: https://x.example/a gick inte att hämta (ECONNRESET) efter 3 försök.");
    expect(swedishReason("fixtures/HA03100.json is neither XML nor valid JSON (cut off or damaged?): Unexpected end."))
      .toBe("Svaret från fixtures/HA03100.json är varken XML eller giltig JSON (avbrutet eller skadat?).");
    expect(swedishReason("The run stopped before it finished (the process ended or crashed).")).toBe("Körningen avbröts innan den var klar (processen avslutades eller kraschade).");
  });

  it("names Riksdagen's listings in Swedish, also in a run's error that lists several", () => {
    expect(swedishItem("the dir listing")).toBe("Riksdagens lista över dir");
    expect(swedishItem("SOU 2026:14 Ädelmetallutredningen")).toBe("SOU 2026:14 Ädelmetallutredningen");
    expect(swedishReason("the dir listing: https://r.example/a answered 500 5 times; giving up.; the sou listing: https://r.example/b answered 500."))
      .toBe("Riksdagens lista över dir: https://r.example/a svarade 500 5 gånger; importen gav upp. Riksdagens lista över sou: https://r.example/b svarade 500.");
  });

  it("shows an unknown reason as it is, marked as technical", () => {
    expect(swedishReason("duplicate key value violates unique constraint")).toBe("Tekniskt fel: duplicate key value violates unique constraint");
  });
});
