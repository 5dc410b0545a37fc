import { describe, expect, it } from "vitest";
import { EMAIL_KINDS, emailSettingsFromForm } from "./email-settings";
import { digestAreaOptions } from "~/components/settings-email";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};

describe("emailSettingsFromForm", () => {
  it("turns off the kinds the page showed but are not ticked, and keeps the areas only when shown", () => {
    expect(emailSettingsFromForm(form([["kinds", "inputReminder"], ["kinds", "follow"], ["on", "follow"]]))).toEqual({
      settings: [{ kind: "inputReminder", enabled: false }, { kind: "follow", enabled: true }],
      digestPriorityAreaIds: null,
    });
    expect(emailSettingsFromForm(form([["kinds", "weeklyDigest"], ["areasShown", "1"]]))).toEqual({
      settings: [{ kind: "weeklyDigest", enabled: false }],
      digestPriorityAreaIds: [],
    });
    expect(emailSettingsFromForm(form([["areasShown", "1"], ["area", "a1"], ["area", "a2"]]))?.digestPriorityAreaIds).toEqual(["a1", "a2"]);
  });

  it("refuses a form that is not the page's (too many or too long values)", () => {
    expect(emailSettingsFromForm(form(Array.from({ length: 21 }, () => ["kinds", "follow"] as [string, string])))).toBeNull();
    expect(emailSettingsFromForm(form([["kinds", "x".repeat(51)]]))).toBeNull();
  });
});

describe("the section's texts and areas", () => {
  it("has a Swedish label and a one-line explanation for every kind of the API", () => {
    const kinds = ["deadlineReminder", "weeklyDigest", "inputArrived", "inputReminder", "inputRequested", "inputReceipt", "savedSearch", "follow"];
    expect(Object.keys(EMAIL_KINDS).sort()).toEqual([...kinds].sort());
    for (const text of Object.values(EMAIL_KINDS)) expect(text.explanation).toMatch(/^[^\n]+\.$/);
  });

  it("offers the latest year's priority areas and the older ones already chosen", () => {
    const areas = [
      { id: "old", year: 2025, archivedAt: null },
      { id: "chosen-old", year: 2025, archivedAt: null },
      { id: "new", year: 2026, archivedAt: null },
      { id: "archived", year: 2026, archivedAt: "2026-02-01T00:00:00Z" },
    ];
    expect(digestAreaOptions(areas, ["chosen-old"]).map((a) => a.id)).toEqual(["chosen-old", "new"]);
    expect(digestAreaOptions([], [])).toEqual([]);
  });
});
