import { describe, expect, it } from "vitest";
import { chainSteps, documentKindLabel, type ChainDocument } from "./chain";

const doc = (id: string, kind: string, publishedAt: string | null, remisser: ChainDocument["remisser"] = []): ChainDocument => ({
  id, kind, designation: id, title: id, subtitle: null, publishedAt, remisser,
});

describe("chainSteps", () => {
  it("orders the chain as legislation runs, each report followed by its remisser and responses", () => {
    const documents = [
      doc("prop", "PROPOSITION", "2021-03-01"),
      doc("slut", "SOU", "2020-11-30", [
        { id: "remiss-2", diarienummer: "M2020/2", deadline: "2021-03-01", responses: [] },
        { id: "remiss-1", diarienummer: "M2020/1", deadline: "2021-02-01", responses: [{ id: "svar-1" }] },
      ]),
      doc("bet", "COMMITTEE_REPORT", "2021-05-01"),
      doc("tillagg", "SUPPLEMENTARY_DIRECTIVE", "2020-01-10"),
      doc("del", "SOU", "2020-05-01"),
      doc("dir", "DIRECTIVE", "2019-07-04"),
    ];
    const steps = chainSteps(documents, "2020-11-30").map((step) =>
      step.type === "document" ? step.document.id : step.type === "remiss" ? step.remiss.id : step.type === "response" ? step.response.id : "redovisas",
    );
    expect(steps).toEqual(["dir", "tillagg", "redovisas", "del", "slut", "remiss-1", "svar-1", "remiss-2", "prop", "bet"]);
  });

  it("shows the report deadline last when no report has come", () => {
    const steps = chainSteps([doc("dir", "DIRECTIVE", "2019-07-04")], "2020-11-30");
    expect(steps.map((s) => s.type)).toEqual(["document", "report-deadline"]);
    expect(chainSteps([], null)).toEqual([]);
  });
});

describe("documentKindLabel", () => {
  it("names interim and final reports when their subtitle says so", () => {
    expect(documentKindLabel({ kind: "SOU", subtitle: "Delbetänkande av Strandskyddsutredningen" })).toBe("Delbetänkande (SOU)");
    expect(documentKindLabel({ kind: "SOU", subtitle: "slutbetänkande av Kommunutredningen" })).toBe("Slutbetänkande (SOU)");
    expect(documentKindLabel({ kind: "SOU", subtitle: null })).toBe("Betänkande (SOU)");
    expect(documentKindLabel({ kind: "DIRECTIVE", subtitle: "Delbetänkande" })).toBe("Kommittédirektiv");
  });
});
