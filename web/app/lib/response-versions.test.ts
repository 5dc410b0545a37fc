import { describe, expect, it } from "vitest";
import {
  chooseVersions, describeEvent, diffText, diffVersions, historyEntries, latestReturn, pairSections,
  type DiffPart, type HistoryEvent, type VersionContent, type VersionSection,
} from "./response-versions";

const section = (number: string | null, heading: string, body: string, rest: Partial<VersionSection> = {}): VersionSection => ({
  number, heading, body, stance: null, quotes: [], ...rest,
});

const version = (rest: Partial<VersionContent> = {}): VersionContent => ({
  title: "Remissvar Kommunutredningen",
  signatory: "Anna Andersson, ordförande",
  presenter: null,
  letterDate: null,
  summary: "SmåKom tillstyrker i stort.",
  sections: [section("5.3", "Kommunala VA-bolag", "SmåKom tillstyrker förslaget.")],
  ...rest,
});

/** A diff written compactly: [+added] and [-removed]. */
const show = (parts: DiffPart[]) => parts.map((p) => (p.kind === "added" ? `[+${p.text}]` : p.kind === "removed" ? `[-${p.text}]` : p.text)).join("");

describe("diffText", () => {
  it("marks the words inserted and removed, keeping the rest", () => {
    expect(show(diffText("SmåKom tillstyrker förslaget.", "SmåKom avstyrker förslaget helt."))).toBe(
      "SmåKom [-tillstyrker][+avstyrker] förslaget [+helt].",
    );
  });
});

describe("diffVersions", () => {
  it("is empty for equal versions, ignoring whitespace at the ends", () => {
    expect(diffVersions(version(), version({ summary: " SmåKom tillstyrker i stort.\n" }))).toEqual([]);
  });

  it("lists changed header fields and the summary in the letter's order", () => {
    const diffs = diffVersions(version(), version({ summary: "SmåKom tillstyrker.", presenter: "Bo Berg", signatory: null, letterDate: "2026-03-15" }));
    expect(diffs.map((d) => [d.label, d.change, show(d.parts)])).toEqual([
      ["Undertecknas av", "removed", "[-Anna Andersson, ordförande]"],
      ["Föredragande", "added", "[+Bo Berg]"],
      ["Datum på svaret", "added", "[+2026-03-15]"],
      ["Sammanfattning", "changed", "SmåKom tillstyrker[- i stort]."],
    ]);
  });

  it("matches sections by number even when their order changes, and shows a changed stance and a new quote", () => {
    const from = version({ sections: [section("1", "Inledning", "Text."), section("5.3", "VA-bolag", "Bra.")] });
    const to = version({
      sections: [
        section("5.3", "VA-bolag", "Bra.", { stance: "SUPPORTS", quotes: [{ label: "Forshaga kommun", text: "Vi instämmer." }] }),
        section("1", "Inledning", "Text."),
      ],
    });
    const [diff] = diffVersions(from, to);
    expect(diff.label).toBe("Avsnitt 5.3 VA-bolag");
    expect(show(diff.parts)).toContain("[+Ställningstagande: Tillstyrker");
    expect(show(diff.parts)).toContain("Citat (Forshaga kommun): Vi instämmer.");
    expect(diffVersions(from, to)).toHaveLength(1);
  });

  it("shows added and removed sections whole, and pairs unnumbered sections by their order", () => {
    const from = version({ sections: [section(null, "Allmänt", "Första."), section("6", "Ekonomi", "Dyrt.")] });
    const to = version({ sections: [section(null, "Allmänt", "Första, ändrad."), section("7", "Tidplan", "Snabbt.")] });
    expect(diffVersions(from, to).map((d) => [d.label, d.change])).toEqual([
      ["Avsnitt Allmänt", "changed"],
      ["Avsnitt 7 Tidplan", "added"],
      ["Avsnitt 6 Ekonomi", "removed"],
    ]);
  });
});

describe("pairSections", () => {
  it("follows the later version's order and puts sections gone from it last", () => {
    const a = section("1", "A", "");
    const b = section("2", "B", "");
    const c = section("3", "C", "");
    expect(pairSections([a, b], [c, a])).toEqual([[null, c], [a, a], [b, null]]);
  });
});

describe("chooseVersions", () => {
  const params = (q: string) => new URLSearchParams(q);
  it("defaults to the one before the latest and the latest", () => {
    expect(chooseVersions([1, 2, 3, 4], params(""))).toEqual({ from: 3, to: 4 });
    expect(chooseVersions([1], params(""))).toEqual({ from: 1, to: 1 });
    expect(chooseVersions([], params(""))).toBeNull();
  });
  it("takes the versions asked for, and ignores numbers that are not versions", () => {
    expect(chooseVersions([1, 2, 3, 4], params("fran=1&till=3"))).toEqual({ from: 1, to: 3 });
    expect(chooseVersions([1, 2, 3, 4], params("fran=4&till=2"))).toEqual({ from: 4, to: 2 });
    expect(chooseVersions([1, 2, 3, 4], params("fran=9&till=x"))).toEqual({ from: 3, to: 4 });
    expect(chooseVersions([1, 2, 3, 4], params("till=2"))).toEqual({ from: 1, to: 2 });
  });
});

describe("the history", () => {
  const board = { name: "Bo Berg" };
  const event = (kind: HistoryEvent["kind"], createdAt: string, comment: string | null = null): HistoryEvent => ({ kind, version: 2, comment, createdAt, actor: board });

  it("describes each step in Swedish, with the board's comment", () => {
    expect(describeEvent(event("REQUESTED_APPROVAL", ""))).toBe("Version 2 skickad för beslut av Bo Berg");
    expect(describeEvent(event("RETURNED_TO_DRAFT", "", "Skärp texten."))).toBe("Återförvisad av Bo Berg: Skärp texten.");
    expect(describeEvent(event("RETURNED_TO_DRAFT", ""))).toBe("Återförvisad av Bo Berg");
    expect(describeEvent(event("APPROVED", ""))).toBe("Version 2 beslutad av styrelsen (Bo Berg)");
    expect(describeEvent({ ...event("SUBMITTED", ""), actor: null })).toBe("Markerad som inskickad av okänd");
  });

  it("interleaves versions and steps, newest first", () => {
    const v = (number: number, createdAt: string) => ({ number, createdAt, comment: null, author: board });
    const entries = historyEntries(
      [v(1, "2026-03-01T10:00:00.000Z"), v(2, "2026-03-03T10:00:00.000Z")],
      [event("REQUESTED_APPROVAL", "2026-03-01T10:00:00.000Z"), event("RETURNED_TO_DRAFT", "2026-03-02T10:00:00.000Z", "Nej")],
    );
    expect(entries.map((e) => (e.type === "version" ? `v${e.version.number}` : e.event.kind))).toEqual([
      "v2", "RETURNED_TO_DRAFT", "REQUESTED_APPROVAL", "v1",
    ]);
  });

  it("finds the return the draft is waiting on, and forgets it once sent again", () => {
    const returned = event("RETURNED_TO_DRAFT", "2", "Nej");
    expect(latestReturn([event("REQUESTED_APPROVAL", "1"), returned])).toBe(returned);
    expect(latestReturn([returned, event("REQUESTED_APPROVAL", "3")])).toBeNull();
    expect(latestReturn([])).toBeNull();
  });
});
