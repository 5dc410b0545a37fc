import { describe, expect, it } from "vitest";
import { readRemissFilter } from "./remiss-filter";

describe("readRemissFilter", () => {
  it("reads the filters from the URL", () => {
    const f = readRemissFilter(new URLSearchParams("status=TO_ANSWER&departement=%20Finansdepartementet%20&fran=2026-01-01&till=2026-12-31"));
    expect(f).toMatchObject({ status: "TO_ANSWER", ministry: "Finansdepartementet", from: "2026-01-01", to: "2026-12-31", errors: [] });
  });

  it("ignores what cannot be used and says so in Swedish", () => {
    const f = readRemissFilter(new URLSearchParams("status=NOPE&fran=2026-13-45&till=igår"));
    expect(f.status).toBeNull();
    expect(f.from).toBeNull();
    expect(f.to).toBeNull();
    expect(f.invalid).toEqual({ fran: true, till: true });
    expect(f.errors).toHaveLength(3);
    expect(f.params.fran).toBe("2026-13-45");
  });

  it("warns when the range is reversed", () => {
    expect(readRemissFilter(new URLSearchParams("fran=2026-12-31&till=2026-01-01")).errors[0]).toContain("före");
  });
});
