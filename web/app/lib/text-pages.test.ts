import { describe, expect, it } from "vitest";
import { inView, neighbours, pageView, rangeParam } from "./text-pages";

const view = (query: string) => pageView(new URLSearchParams(query));

describe("pageView", () => {
  it("starts at the first twenty pages", () => {
    expect(view("")).toEqual({ from: 1, count: 20 });
  });

  it("shows the block of twenty that holds ?sida=N", () => {
    expect(view("sida=1")).toEqual({ from: 1, count: 20 });
    expect(view("sida=20")).toEqual({ from: 1, count: 20 });
    expect(view("sida=21")).toEqual({ from: 21, count: 20 });
    expect(view("sida=437")).toEqual({ from: 421, count: 20 });
  });

  it("takes ?sidor=A-B up to fifty pages", () => {
    expect(view("sidor=41-60")).toEqual({ from: 41, count: 20 });
    expect(view("sidor=5–7")).toEqual({ from: 5, count: 3 });
    expect(view("sidor=1-800")).toEqual({ from: 1, count: 50 });
  });

  it("falls back to the first view for nonsense", () => {
    for (const query of ["sida=0", "sida=-3", "sida=abc", "sida=1e9", "sidor=60-41", "sidor=x"]) expect(view(query), query).toEqual({ from: 1, count: 20 });
  });
});

describe("neighbours", () => {
  it("links the views before and after, within the text", () => {
    expect(neighbours({ from: 21, count: 20 }, 45)).toEqual({ previous: { from: 1, count: 20 }, next: { from: 41, count: 5 } });
    expect(neighbours({ from: 1, count: 20 }, 12)).toEqual({ previous: null, next: null });
    expect(neighbours({ from: 5, count: 3 }, 100)).toEqual({ previous: { from: 1, count: 4 }, next: { from: 8, count: 20 } });
  });

  it("writes ranges and tells whether a page is shown", () => {
    expect(rangeParam({ from: 41, count: 20 })).toBe("41-60");
    expect(inView({ from: 41, count: 20 }, 60)).toBe(true);
    expect(inView({ from: 41, count: 20 }, 61)).toBe(false);
  });
});
