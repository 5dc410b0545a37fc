/** The web app's shared helpers: dates, redirects, form validation, error messages. */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeDaysLeft, daysUntil, formatDate, formatDateTime } from "./format";
import { safeRedirect } from "./auth.server";
import { apiProblems, parseForm } from "./forms.server";
import { ApiError, ApiUnavailableError } from "./api.server";
import { messageFor, REASON_MESSAGES } from "./errors";
import { label, options } from "./labels";
import { sessionFromSetCookies, sessionSecret } from "./session.server";

describe("Swedish dates", () => {
  it("writes calendar days and timestamps as Swedish readers do, in Stockholm time", () => {
    expect(formatDate("2025-10-17")).toBe("17 oktober 2025");
    expect(formatDate("2012-01-12T10:00:00.000Z")).toBe("12 januari 2012");
    // 23:30 UTC on New Year's Eve is already the new year in Stockholm.
    expect(formatDate("2025-12-31T23:30:00.000Z")).toBe("1 januari 2026");
    expect(formatDateTime("2025-06-01T08:05:00.000Z")).toBe("1 juni 2025 kl. 10:05");
    expect(formatDate(null)).toBe("");
  });

  it("counts days left from today's date in Stockholm", () => {
    const lateEvening = new Date("2026-03-01T23:30:00Z"); // already 2 March in Stockholm
    expect(daysUntil("2026-03-02", lateEvening)).toBe(0);
    expect(daysUntil("2026-03-09", lateEvening)).toBe(7);
    expect(daysUntil("2026-02-28", lateEvening)).toBe(-2);
    expect([0, 1, -1, 5, -3].map(describeDaysLeft)).toEqual(["i dag", "i morgon", "i går", "om 5 dagar", "för 3 dagar sedan"]);
  });
});

describe("redirects after sign-in", () => {
  it("goes only to paths on this site", () => {
    expect(safeRedirect("/sok?q=strandskydd")).toBe("/sok?q=strandskydd");
    for (const evil of ["https://evil.example", "//evil.example", "/\\evil.example", "javascript:alert(1)", null, undefined, ""]) {
      expect(safeRedirect(evil)).toBe("/");
    }
  });
});

describe("forms", () => {
  const schema = z.object({ email: z.string().email("Skriv en giltig e-postadress."), name: z.string().min(1, "Skriv ett namn.") });

  it("lists each field's first problem in Swedish and keeps what was typed", () => {
    const form = new FormData();
    form.set("email", "inte-en-adress");
    form.set("name", "");
    const result = parseForm(form, schema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.fieldErrors).toEqual({ email: "Skriv en giltig e-postadress.", name: "Skriv ett namn." });
    expect(result.problems.values).toEqual({ email: "inte-en-adress", name: "" });
  });

  it("turns the API's refusal into a Swedish message on the fields it names, with the HTTP status", async () => {
    const error = new ApiError([{ message: "Invalid designation", code: "BAD_USER_INPUT", reason: "INVALID_DESIGNATION", fields: [{ field: "input.designation" }] }]);
    const response = apiProblems(error, { designation: "SOU 20:x" }) as unknown as { init: { status: number }; data: { problems: { fieldErrors: Record<string, string>; values: Record<string, string> } } };
    expect(response.init.status).toBe(400);
    expect(response.data.problems.fieldErrors.designation).toBe(REASON_MESSAGES.INVALID_DESIGNATION);
    expect(response.data.problems.values.designation).toBe("SOU 20:x");

    const down = apiProblems(new ApiUnavailableError("down"), {}) as unknown as { init: { status: number } };
    expect(down.init.status).toBe(503);
    expect(() => apiProblems(new Error("a bug"), {})).toThrow("a bug");
  });

  it("has a Swedish message for every code, preferring the reason", () => {
    expect(messageFor("CONFLICT", "STALE_VERSION")).toMatch(/Någon annan har ändrat/);
    expect(messageFor("FORBIDDEN")).toMatch(/behörighet/);
    expect(messageFor("SOMETHING_NEW")).toMatch(/Något gick fel/);
  });
});

describe("labels", () => {
  it("speaks Swedish for the API's enum values", () => {
    expect(label("remissStatus", "TO_ANSWER")).toBe("Ska besvaras");
    expect(label("documentKind", "SOU")).toBe("Betänkande (SOU)");
    expect(options("responseStatus").map((o) => o.value)).toEqual(["DRAFT", "FOR_APPROVAL", "APPROVED", "SUBMITTED"]);
  });
});

describe("the session cookie", () => {
  it("is read from the request and found in the API's Set-Cookie lines", () => {
    const request = new Request("http://x/", { headers: { cookie: "a=1; rb_session=rbs_abc%3D; b=2" } });
    expect(sessionSecret(request)).toBe("rbs_abc=");
    expect(sessionSecret(new Request("http://x/"))).toBeNull();
    expect(sessionFromSetCookies(["rb_session=rbs_x; Path=/; HttpOnly"])).toBe("rbs_x");
  });
});
