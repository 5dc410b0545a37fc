import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@remissbanken/schema";
import { startTestApi, errorCode, type TestApi } from "@remissbanken/test/harness";
import { rowCounts } from "@remissbanken/test/db";
import { buildInquiry, buildUserWithToken } from "@remissbanken/test/factories";

let api: TestApi;
let staff: string;
let member: string;

beforeAll(async () => {
  api = await startTestApi();
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
  member = (await buildUserWithToken(api.ds.manager, { role: Role.MEMBER })).token;
});
afterAll(() => api?.stop());

const CREATE_INQUIRY = `mutation($input: CreateInquiryInput!) { createInquiry(input: $input) { id name summary } }`;
const CREATE_INPUT = `mutation($input: CreateMemberInputInput!) { createMemberInput(input: $input) { id text } }`;
const LONE_SURROGATE = "\ud800";

function refusedField(result: Awaited<ReturnType<TestApi["gql"]>>) {
  expect(errorCode(result)).toBe("BAD_USER_INPUT");
  return (result.errors![0].extensions!.fields as { field: string; message: string }[]).map((f) => f.field);
}

describe("one rule for all text input", () => {
  it("refuses a title of only invisible characters, naming the field", async () => {
    const before = await rowCounts(api.ds);
    for (const name of ["\u200b\u200b", "\u200b\u200c\u200d\ufeff", "\u0007\u0001", " \u2060 \u00ad ", "\u202e\u202c"]) {
      const result = await api.gql(CREATE_INQUIRY, { input: { name } }, { token: staff });
      expect(refusedField(result), JSON.stringify(name)).toEqual(["name"]);
      expect(result.errors![0].message).toMatch(/visible/);
    }
    expect(await rowCounts(api.ds)).toEqual(before);
  });

  it("refuses control characters inside a one-line field but keeps ordinary text", async () => {
    expect(refusedField(await api.gql(CREATE_INQUIRY, { input: { name: "Kommun\u0000utredningen" } }, { token: staff }))).toEqual(["name"]);
    const fine = await api.gql(CREATE_INQUIRY, { input: { name: "  Kommunutredningen – del 2 ", summary: "Rad ett\nRad två\tmed tabb" } }, { token: staff });
    expect(fine.errors).toBeUndefined();
    expect(fine.data.createInquiry).toMatchObject({ name: "Kommunutredningen – del 2", summary: "Rad ett\nRad två\tmed tabb" });
  });

  it("refuses a lone surrogate in every text field, member input included, instead of storing U+FFFD", async () => {
    const before = await rowCounts(api.ds);
    const inquiry = await buildInquiry(api.ds.manager);
    const afterSetup = await rowCounts(api.ds);
    expect(refusedField(await api.gql(CREATE_INQUIRY, { input: { name: `Utredning ${LONE_SURROGATE}` } }, { token: staff }))).toEqual(["name"]);
    expect(
      refusedField(await api.gql(CREATE_INQUIRY, { input: { name: "Utredning", summary: `Sammanfattning ${LONE_SURROGATE}` } }, { token: staff })),
    ).toEqual(["summary"]);
    const memberInput = await api.gql(CREATE_INPUT, { input: { inquiryId: inquiry.id, text: `Synpunkt ${LONE_SURROGATE} slut` } }, { token: member });
    expect(refusedField(memberInput)).toEqual(["text"]);
    expect(memberInput.errors![0].message).toMatch(/surrogate/);
    expect(before).not.toEqual(afterSetup);
    expect(await rowCounts(api.ds)).toEqual(afterSetup);

    // A well-formed pair (an emoji) is ordinary text.
    const emoji = await api.gql(CREATE_INPUT, { input: { inquiryId: inquiry.id, text: "Bra förslag \ud83d\udc4d" } }, { token: member });
    expect(emoji.errors).toBeUndefined();
    expect(emoji.data.createMemberInput.text).toBe("Bra förslag 👍");
  });
});
