/** Reading a document's full text page by page. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "@remissbanken/schema";
import { errorCode, startTestApi, type TestApi } from "@remissbanken/test/harness";
import { buildDocument, buildUserWithToken } from "@remissbanken/test/factories";
import { MAX_TEXT_PAGES } from "./document-text.resolver.js";

let api: TestApi;
let staff: string;

beforeAll(async () => {
  api = await startTestApi();
  staff = (await buildUserWithToken(api.ds.manager, { role: Role.STAFF })).token;
});
afterAll(() => api?.stop());

const ATTACH = `mutation($id: ID!, $content: String!, $format: FullTextFormat! = TEXT) { attachDocumentText(documentId: $id, format: $format, content: $content) { id } }`;
const PAGES = `query($id: ID!, $from: Int, $count: Int) { document(id: $id) { fullText { pageCount } textPages(from: $from, count: $count) { number section text } } }`;

async function documentWithText(content: string, format = "TEXT"): Promise<string> {
  const document = await buildDocument(api.ds.manager);
  const result = await api.gql(ATTACH, { id: document.id, content, format }, { token: staff });
  expect(result.errors).toBeUndefined();
  return document.id;
}

describe("Document.textPages", () => {
  it("reads a range of pages anonymously, each with the section it begins in", async () => {
    const id = await documentWithText(
      "Förord.\f1 Inledning\n\nUtredningen föreslår ett differentierat strandskydd.\f" +
        "Mer om förslaget.\n\n2.1 Strandskydd\n\nStrandskyddet gäller vid hav, sjöar och vattendrag.\fBilaga.",
    );
    const all = await api.gql(PAGES, { id });
    expect(all.errors).toBeUndefined();
    expect(all.data.document.fullText.pageCount).toBe(4);
    expect(all.data.document.textPages.map((p: { number: number; section: string | null }) => [p.number, p.section])).toEqual([
      [1, null], [2, "1 Inledning"], [3, "1 Inledning"], [4, "2.1 Strandskydd"],
    ]);

    const some = await api.gql(PAGES, { id, from: 3, count: 2 });
    expect(some.data.document.textPages).toEqual([
      { number: 3, section: "1 Inledning", text: "Mer om förslaget.\n\n2.1 Strandskydd\n\nStrandskyddet gäller vid hav, sjöar och vattendrag." },
      { number: 4, section: "2.1 Strandskydd", text: "Bilaga." },
    ]);
  });

  it("answers fewer pages at the end, none past it, and none for a document without text", async () => {
    const id = await documentWithText("Ett.\fTvå.\fTre.");
    expect((await api.gql(PAGES, { id, from: 2, count: 20 })).data.document.textPages.map((p: { number: number }) => p.number)).toEqual([2, 3]);
    expect((await api.gql(PAGES, { id, from: 4 })).data.document.textPages).toEqual([]);
    const bare = await buildDocument(api.ds.manager);
    const result = await api.gql(PAGES, { id: bare.id });
    expect(result.data.document).toEqual({ fullText: null, textPages: [] });
  });

  it("answers a text without page breaks as one page", async () => {
    const id = await documentWithText("<h2>3 Förslag</h2><p>Kommunerna ska samverka.</p>", "HTML");
    const result = await api.gql(PAGES, { id });
    expect(result.data.document.textPages).toEqual([{ number: 1, section: "3 Förslag", text: "3 Förslag\n\nKommunerna ska samverka." }]);
  });

  it("refuses a page before the first, a count out of range, and reading it for a list of documents", async () => {
    const id = await documentWithText("Ett.\fTvå.");
    expect(errorCode(await api.gql(PAGES, { id, from: 0 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(PAGES, { id, count: 0 }))).toBe("BAD_USER_INPUT");
    expect(errorCode(await api.gql(PAGES, { id, count: MAX_TEXT_PAGES + 1 }))).toBe("BAD_USER_INPUT");
    const listed = await api.gql(`{ documents(first: 5) { nodes { id textPages(count: 1) { number } } } }`);
    expect(errorCode(listed)).toBe("BAD_USER_INPUT");
  });
});
