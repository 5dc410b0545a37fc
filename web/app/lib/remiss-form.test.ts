/** The remiss forms' validation: Swedish messages, normalized values, the deadlines' order. */
import { describe, expect, it } from "vitest";
import { isSmakom, NewRemissForm, referralBodyLines, TrackingForms } from "./remiss-form";

const valid = {
  designation: "sou 2020 8",
  diarienummer: " Fi2020/04711 ",
  ministry: "Finansdepartementet",
  deadline: "2027-03-31",
  memberInputDeadline: "2027-02-28",
  status: "TO_ANSWER",
  ownerId: "",
  referralBodies: "Sveriges Kommuner och Regioner\n\n  De små kommunernas samverkan \nsveriges kommuner och regioner\n",
  notes: "",
};

function errors(values: Record<string, string>): Record<string, string> {
  const result = NewRemissForm.safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe("NewRemissForm", () => {
  it("normalizes the designation, the diarienummer and the referral bodies", () => {
    const value = NewRemissForm.parse(valid);
    expect(value.designation).toBe("SOU 2020:8");
    expect(value.diarienummer).toBe("Fi2020/04711");
    expect(value.referralBodies).toEqual(["Sveriges Kommuner och Regioner", "De små kommunernas samverkan"]);
    expect(value.ownerId).toBeNull();
    expect(value.notes).toBeNull();
    expect(value.status).toBe("TO_ANSWER");
  });

  it("answers every missing field in Swedish", () => {
    const messages = errors({});
    expect(messages).toEqual({
      designation: "Skriv betänkandets beteckning, till exempel SOU 2020:8.",
      ministry: "Skriv vilket departement som skickat remissen.",
      deadline: "Skriv sista svarsdag.",
      status: "Välj en status i listan.",
    });
  });

  it("refuses a malformed designation, diarienummer and dates in Swedish", () => {
    const messages = errors({ ...valid, designation: "SOU tjugo", diarienummer: "2020-4711", deadline: "31/3 2027", memberInputDeadline: "2027-02-30" });
    expect(messages.designation).toMatch(/^Beteckningen har fel form. Skriv till exempel SOU 2020:8/);
    expect(messages.diarienummer).toBe("Diarienumret har fel form. Skriv till exempel Fi2011/4105.");
    expect(messages.deadline).toMatch(/^Skriv datumet som ÅÅÅÅ-MM-DD/);
    expect(messages.memberInputDeadline).toMatch(/^Skriv datumet som ÅÅÅÅ-MM-DD/);
  });

  it("refuses a member deadline after the ministry's, as the API does", () => {
    expect(errors({ ...valid, memberInputDeadline: "2027-04-01" }).memberInputDeadline).toBe(
      "Sista dag för medlemmarnas synpunkter måste ligga före remissens sista svarsdag.",
    );
    expect(errors({ ...valid, memberInputDeadline: "2027-03-31" })).toEqual({});
  });

  it("refuses an unknown status", () => {
    expect(errors({ ...valid, status: "ARCHIVED" }).status).toBe("Välj en status i listan.");
  });
});

describe("referral bodies", () => {
  it("reads one body a line and recognizes SmåKom", () => {
    expect(referralBodyLines("  A  \r\nB\n\na")).toEqual(["A", "B"]);
    expect(isSmakom("De små kommunernas samverkan (SmåKom)")).toBe(true);
    expect(isSmakom("SmaKom")).toBe(true);
    expect(isSmakom("Sveriges Kommuner och Regioner")).toBe(false);
  });
});

describe("TrackingForms", () => {
  it("needs the version the person saw", () => {
    expect(TrackingForms.status.safeParse({ status: "DRAFTING" }).success).toBe(false);
    expect(TrackingForms.status.parse({ status: "DRAFTING", expectedVersion: "3" })).toEqual({ status: "DRAFTING", expectedVersion: 3 });
  });

  it("clears the responsible, the member deadline and the notes when emptied", () => {
    expect(TrackingForms.owner.parse({ ownerId: "", expectedVersion: "1" }).ownerId).toBeNull();
    expect(TrackingForms.memberDeadline.parse({ memberInputDeadline: "", expectedVersion: "1" }).memberInputDeadline).toBeNull();
    expect(TrackingForms.notes.parse({ notes: "  ", expectedVersion: "1" }).notes).toBeNull();
  });
});
