import { describe, expect, it } from "vitest";
import { parseGoals, toUserInput, userFormSchema } from "./admin-forms";
import { NewPasswordForm } from "./passwords";
import { linkToken } from "./one-time-links.server";

describe("parseGoals", () => {
  it("keeps filled rows in order, drops empty ones and defaults an unknown status", () => {
    const { goals, fieldErrors } = parseGoals({
      "goal-0-text": "  Fler distansutbildningar ",
      "goal-0-status": "ACHIEVED",
      "goal-1-text": "",
      "goal-1-status": "IN_PROGRESS",
      "goal-2-text": "Statliga jobb",
      "goal-2-status": "SOMETHING",
    });
    expect(goals).toEqual([
      { text: "Fler distansutbildningar", status: "ACHIEVED" },
      { text: "Statliga jobb", status: "NOT_STARTED" },
    ]);
    expect(fieldErrors).toEqual({});
  });

  it("names the row whose text is too long", () => {
    expect(parseGoals({ "goal-1-text": "x".repeat(1001) }).fieldErrors).toHaveProperty("goal-1-text");
  });
});

describe("user form", () => {
  const schema = userFormSchema(["MEMBER", "BOARD"]);

  it("asks for a municipality for members and drops it for other roles", () => {
    const member = schema.safeParse({ name: "Nora", email: "nora@example.org", role: "MEMBER", municipalityId: "" });
    expect(member.success).toBe(false);
    expect(member.error?.issues[0]?.path).toEqual(["municipalityId"]);
    const board = schema.parse({ name: "Nora", email: "nora@example.org", role: "BOARD", municipalityId: "m-1" });
    expect(toUserInput(board).municipalityId).toBeNull();
  });

  it("refuses a role the person may not give", () => {
    expect(schema.safeParse({ name: "Nora", email: "nora@example.org", role: "ADMIN" }).success).toBe(false);
  });
});

describe("new password", () => {
  it("wants the API's minimum length and the same password twice", () => {
    expect(NewPasswordForm.safeParse({ password: "kort", confirm: "kort" }).success).toBe(false);
    const mismatch = NewPasswordForm.safeParse({ password: "en lång fras här", confirm: "en annan lång fras" });
    expect(mismatch.error?.issues[0]?.path).toEqual(["confirm"]);
    expect(NewPasswordForm.safeParse({ password: "en lång fras här", confirm: "en lång fras här" }).success).toBe(true);
  });
});

describe("linkToken", () => {
  it("takes only what can be a link token from the address", () => {
    expect(linkToken(new Request("http://x/auth/sign-in-link?token=rbl_abc"))).toBe("rbl_abc");
    expect(linkToken(new Request("http://x/auth/sign-in-link"))).toBeNull();
    expect(linkToken(new Request("http://x/auth/sign-in-link?token=abc"))).toBeNull();
    expect(linkToken(new Request(`http://x/auth/sign-in-link?token=rbl_${"a".repeat(300)}`))).toBeNull();
  });
});
