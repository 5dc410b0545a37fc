import { describe, expect, it } from "vitest";
import { looksLikeDesignation, parseDesignation } from "./designation.js";

const normalized = (input: string) => parseDesignation(input)?.normalized ?? null;

describe("parseDesignation", () => {
  it("parses the canonical forms into their parts", () => {
    expect(parseDesignation("SOU 2020:8")).toEqual({ series: "SOU", year: 2020, number: 8, normalized: "SOU 2020:8" });
    expect(parseDesignation("Dir. 2019:41")).toEqual({ series: "DIR", year: 2019, number: 41, normalized: "Dir. 2019:41" });
    expect(parseDesignation("Ds 2021:12")).toEqual({ series: "DS", year: 2021, number: 12, normalized: "Ds 2021:12" });
    expect(parseDesignation("Prop. 2020/21:150")).toEqual({
      series: "PROP", year: 2020, session: "2020/21", number: 150, normalized: "Prop. 2020/21:150",
    });
    expect(parseDesignation("2020/21:FiU20")).toEqual({
      series: "BET", year: 2020, session: "2020/21", number: 20, committee: "FiU", normalized: "2020/21:FiU20",
    });
  });

  it.each([
    ["sou 2020 8", "SOU 2020:8"],
    ["SOU2020:8", "SOU 2020:8"],
    ["  sou   2020 : 08 ", "SOU 2020:8"],
    ["SOU 2020-8", "SOU 2020:8"],
    ["dir 2019:41", "Dir. 2019:41"],
    ["Dir.2019:41", "Dir. 2019:41"],
    ["DS 2021 12", "Ds 2021:12"],
    ["Prop 2020/21 150", "Prop. 2020/21:150"],
    ["prop. 2020/2021:150", "Prop. 2020/21:150"],
    ["2020/21:fiu20", "2020/21:FiU20"],
    ["2020/21 FIU 20", "2020/21:FiU20"],
    ["bet. 2020/21:FiU20", "2020/21:FiU20"],
    ["2020/21:föu3", "2020/21:FöU3"],
  ])("normalizes the loose form %j to %j", (input, expected) => {
    expect(normalized(input)).toBe(expected);
  });

  it("writes the riksmöte across the millennium as 1999/2000", () => {
    expect(normalized("Prop. 1999/2000:1")).toBe("Prop. 1999/2000:1");
    expect(normalized("prop 1999/00:1")).toBe("Prop. 1999/2000:1");
    expect(parseDesignation("1999/2000:KU3")).toMatchObject({ session: "1999/2000", committee: "KU", number: 3 });
  });

  it("rejects a riksmöte whose years do not follow each other", () => {
    for (const input of ["Prop. 2020/22:150", "2020/22:FiU20", "Prop. 2020/2022:1", "Prop. 2020/19:1"]) {
      expect(parseDesignation(input), input).toBeNull();
    }
  });

  it("rejects a proposition without a riksmöte and a series that takes none with one", () => {
    expect(parseDesignation("Prop. 2020:150")).toBeNull();
    expect(parseDesignation("SOU 2020/21:8")).toBeNull();
    expect(parseDesignation("Dir. 2019/20:41")).toBeNull();
  });

  it("rejects years out of range", () => {
    const tooLate = new Date().getFullYear() + 2;
    for (const input of ["SOU 1899:1", `SOU ${tooLate}:1`, "Dir. 0999:1", `Prop. ${tooLate}/${String((tooLate + 1) % 100).padStart(2, "0")}:1`]) {
      expect(parseDesignation(input), input).toBeNull();
    }
    expect(normalized("SOU 1900:1")).toBe("SOU 1900:1");
  });

  it("rejects number 0 and numbers with more than four digits", () => {
    for (const input of ["SOU 2020:0", "SOU 2020:000", "2020/21:FiU0", "SOU 2020:10000"]) {
      expect(parseDesignation(input), input).toBeNull();
    }
    expect(normalized("SOU 2020:9999")).toBe("SOU 2020:9999");
  });

  it("rejects unknown committees", () => {
    expect(parseDesignation("2020/21:XyZ20")).toBeNull();
  });

  it.each(["", "   ", "hello", "SOU", "SOU 2020", "SOU 20:8", "2020:8", "SOU 2020:8x", "SOU:2020:8:1", "M 2019:02", "Fi2011/4105", "<script>"])(
    "rejects the garbage %j",
    (input) => {
      expect(parseDesignation(input)).toBeNull();
      expect(looksLikeDesignation(input)).toBe(false);
    },
  );

  it("rejects over-long input, but not surrounding whitespace", () => {
    expect(parseDesignation(`SOU 2020:8${" x".repeat(20)}`)).toBeNull();
    expect(parseDesignation(`SOU ${"0".repeat(40)}8`)).toBeNull();
    expect(parseDesignation("x".repeat(10_000))).toBeNull();
    expect(normalized(`  SOU 2020:8${" ".repeat(60)}`)).toBe("SOU 2020:8");
  });
});
