/** A document's headings and section texts through the API, read from its stored full text. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@remissbanken/schema";
import { errorCode, startTestApi, type TestApi } from "@remissbanken/test/harness";
import { buildDocument, buildUserWithToken } from "@remissbanken/test/factories";

let api: TestApi;
let staff: string;

beforeAll(async () => {
  api = await startTestApi();
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
});
afterAll(() => api?.stop());

const ATTACH = `mutation($id: ID!, $content: String!) { attachDocumentText(documentId: $id, format: TEXT, content: $content) { id } }`;
const OUTLINE = `query($id: ID!, $number: String!, $max: Int) {
  document(id: $id) { headings { number title page level } sectionText(number: $number, maxLength: $max) }
}`;

const TEXT = [
  "Innehåll\n\n1 Inledning ....... 2\n5 Vatten och avlopp ....... 2\n5.3 Kommunala VA-bolag ....... 2",
  "1 Inledning\n\nUtredningen har sett över vattentjänstlagen.\n\n5 Vatten och avlopp\n\nKommunerna ansvarar för vattentjänsterna.\n\n" +
    "5.3 Kommunala VA-bolag\n\nUtredningen föreslår att kommunala VA-bolag får ta ut avgifter för dagvatten.",
].join("\f");

async function documentWithText(content: string): Promise<string> {
  const document = await buildDocument(api.ds.manager);
  const attached = await api.gql(ATTACH, { id: document.id, content }, { token: staff });
  expect(attached.errors).toBeUndefined();
  return document.id;
}

describe("Document.headings and sectionText", () => {
  it("answers anyone the headings of the text, not of its table of contents, and the text under one", async () => {
    const id = await documentWithText(TEXT);
    const result = await api.gql(OUTLINE, { id, number: "5" });
    expect(result.errors).toBeUndefined();
    expect(result.data.document.headings).toEqual([
      { number: "1", title: "Inledning", page: 2, level: 1 },
      { number: "5", title: "Vatten och avlopp", page: 2, level: 1 },
      { number: "5.3", title: "Kommunala VA-bolag", page: 2, level: 2 },
    ]);
    expect(result.data.document.sectionText).toBe(
      "Kommunerna ansvarar för vattentjänsterna.\n\n5.3 Kommunala VA-bolag\n\nUtredningen föreslår att kommunala VA-bolag får ta ut avgifter för dagvatten.",
    );
    const short = await api.gql(OUTLINE, { id, number: "5.3", max: 40 });
    expect(short.data.document.sectionText).toBe("Utredningen föreslår att kommunala …");
  });

  it("answers several sections at once, in the text's order, leaving out numbers it lacks", async () => {
    const id = await documentWithText(TEXT);
    const result = await api.gql(
      `query($id: ID!) { document(id: $id) { sections(numbers: ["5.3", "4", "1"], maxLength: 30) { number title page text } } }`,
      { id },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.document.sections).toEqual([
      { number: "1", title: "Inledning", page: 2, text: "Utredningen har sett över …" },
      { number: "5.3", title: "Kommunala VA-bolag", page: 2, text: "Utredningen föreslår att …" },
    ]);
  });

  it("follows a new text at once and answers empty or null without text or heading", async () => {
    const id = await documentWithText(TEXT);
    await api.gql(ATTACH, { id, content: "2 Ny rubrik\n\nNy text." }, { token: staff });
    const replaced = await api.gql(OUTLINE, { id, number: "5" });
    expect(replaced.data.document).toEqual({ headings: [{ number: "2", title: "Ny rubrik", page: 1, level: 1 }], sectionText: null });
    const bare = await buildDocument(api.ds.manager);
    expect((await api.gql(OUTLINE, { id: bare.id, number: "1" })).data.document).toEqual({ headings: [], sectionText: null });
  });

  it("refuses a list's worth of outlines and an unreasonable length", async () => {
    const id = await documentWithText(TEXT);
    const list = await api.gql(`{ documents(first: 5) { nodes { headings { number } } } }`, {}, { token: staff });
    expect(errorCode(list)).toBe("BAD_USER_INPUT");
    const long = await api.gql(OUTLINE, { id, number: "5", max: 1_000_000 });
    expect(errorCode(long)).toBe("BAD_USER_INPUT");
  });
});
