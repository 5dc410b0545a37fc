/**
 * Exporting a remissvar as Word and PDF over HTTP, as the ministry receives them: the
 * files are read back (the .docx unzipped, the PDF's text extracted) and checked for
 * what "Svara på remiss" asks, on the demo answer to SOU 2011:59 and on a draft.
 */
import { execFile } from "node:child_process";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import JSZip from "jszip";
import { getDocumentProxy, getMeta } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoUser, SCREENSHOTS, startStack, type DemoRole, type Stack } from "./harness";
import { docxParts, docxText, expectInOrder, pdfPages } from "./exported-files";

let stack: Stack;
const cookies: Partial<Record<DemoRole, string>> = {};
let submittedId: string;
let draftId: string;

const TITLE = "Remissvar: Spara i goda tider – för en stabil kommunal verksamhet (SOU 2011:59)";

/** Signs in through the web app's form, as a browser without JavaScript would, and keeps the session cookie. */
async function signInWithFetch(role: DemoRole): Promise<string> {
  const res = await fetch(`${stack.webUrl}/logga-in`, {
    method: "POST",
    redirect: "manual",
    headers: { origin: stack.webUrl, "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(demoUser(role)),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("rb_session="));
  if (!session) throw new Error(`signing in as ${role} set no session (status ${res.status})`);
  return session.split(";")[0];
}

function download(id: string, format: "docx" | "pdf", role?: DemoRole) {
  return fetch(`${stack.webUrl}/remissvar/${id}/export.${format}`, {
    redirect: "manual",
    headers: role ? { cookie: cookies[role]! } : {},
  });
}

/** The ministry, diarienummer and date stand at the top, before the title (side by side, so in either order). */
function expectLetterhead(raw: string) {
  const text = raw.replace(/\s+/g, " ");
  const title = text.indexOf(TITLE);
  expect(title).toBeGreaterThan(0);
  for (const part of ["Finansdepartementet", "Diarienummer Fi2011/4105", "Datum 2012-01-12"]) {
    const at = text.indexOf(part);
    expect(at, part).toBeGreaterThanOrEqual(0);
    expect(at, part).toBeLessThan(title);
  }
}

/** Everything the answer to SOU 2011:59 must say after the letterhead, top to bottom. */
const SUBMITTED_ANSWER = [
  TITLE,
  "Sammanfattning",
  "SmåKom tillstyrker att kommunerna får bygga upp resultatutjämningsreserver",
  "7 Resultatutjämningsreserver",
  "Ställningstagande: Tillstyrker med ändringar",
  "8 Kommunstabiliseringsfond",
  "Ställningstagande: Avstyrker",
  "SmåKom säger nej till den föreslagna kommunstabiliseringsfonden.",
  "9 Ikraftträdande",
  "Ställningstagande: Inga synpunkter",
  "Beslut i detta ärende har fattats av Styrelsen för SmåKom genom Anna Andersson, ordförande.",
  "Föredragande har varit Kansliet, Erik Eriksson.",
  "SmåKom – De små kommunernas samverkan",
];

beforeAll(async () => {
  stack = await startStack();
  for (const role of ["staff", "member"] as const) cookies[role] = await signInWithFetch(role);

  const [answer] = await stack.api.ds.query(
    `SELECT r.id FROM response r JOIN remiss m ON m.id = r.remiss_id WHERE m.diarienummer = 'Fi2011/4105'`,
  );
  submittedId = answer.id;
  const [exercise] = await stack.api.ds.query(
    `SELECT m.id FROM remiss m JOIN document d ON d.id = m.document_id WHERE d.title LIKE 'Övningsremiss%'`,
  );
  const [quoted] = await stack.api.ds.query(`SELECT id FROM member_input WHERE remiss_id = $1`, [exercise.id]);
  // Long enough for several pages, so that "Utkast" can be checked on each of them.
  const long = Array.from({ length: 12 }, (_, i) => `Stycke ${i + 1}: ${"Små kommuner samverkar redan i dag om räddningstjänst, överförmyndare och löner. ".repeat(8)}`).join("\n\n");
  const created = await stack.api.gql(
    `mutation($input: CreateResponseInput!) { createResponse(input: $input) { id status } }`,
    {
      input: {
        remissId: exercise.id,
        title: "Remissvar: Starkare kommuner – uppföljning",
        summary: "SmåKom tillstyrker stöd till frivillig samverkan men avstyrker tvingande sammanläggningar.",
        signatory: "Anna Andersson, ordförande",
        presenter: "Kansliet",
        sections: [
          {
            number: "4.2",
            heading: "Stöd till samverkan",
            stance: "SUPPORTS",
            body: long,
            quotes: [{ sourceType: "MEMBER_INPUT", sourceId: quoted.id, label: "Forshaga kommun", text: "Forshaga ser positivt på stöd till samverkan." }],
          },
          { number: "5", heading: "Sammanläggningar", stance: "OPPOSES", body: long },
        ],
      },
    },
    { cookie: cookies.staff },
  );
  expect(created.errors).toBeUndefined();
  expect(created.data.createResponse.status).toBe("DRAFT");
  draftId = created.data.createResponse.id;
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe("the Word export", () => {
  it("is the submitted answer to SOU 2011:59 in the order Svara på remiss asks, named for the registry", async () => {
    const res = await download(submittedId, "docx", "staff");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Fi2011-4105_SmaKom.docx"; filename*=UTF-8''Fi2011-4105_SmaKom.docx`,
    );
    expect(res.headers.get("cache-control")).toBe("private, no-store");
    const body = await res.arrayBuffer();
    const text = await docxText(body);
    expectLetterhead(text);
    expectInOrder(text, SUBMITTED_ANSWER);
    // The summary comes before every position, and is not repeated as a section.
    expect(text.indexOf("Sammanfattning")).toBeLessThan(text.indexOf("7 Resultatutjämningsreserver"));
    expect(text.match(/Sammanfattning/g)).toHaveLength(1);
    expect(text).toContain("Styrelsen för SmåKom genom Anna Andersson, ordförande");
    expect(text).not.toMatch(/Utkast/i);

    const zip = await JSZip.loadAsync(body);
    expect(await zip.file("word/styles.xml")!.async("string")).toContain('<w:lang w:val="sv-SE"/>');
    expect(await zip.file("docProps/core.xml")!.async("string")).toContain(`<dc:title>${TITLE}</dc:title>`);
    for (const header of await docxParts(body, "word/header")) {
      expect(await docxText(body, header)).not.toMatch(/Utkast/i);
    }
  });

  it("marks a draft as Utkast in the header of every page and keeps quotes with their source", async () => {
    const res = await download(draftId, "docx", "staff");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`filename="Remissvar_SmaKom.docx"`);
    const body = await res.arrayBuffer();
    const headers = await docxParts(body, "word/header");
    expect(headers.length).toBeGreaterThan(0);
    const zip = await JSZip.loadAsync(body);
    const documentXml = await zip.file("word/document.xml")!.async("string");
    // The default header is the one every page of the only section shows.
    expect(documentXml).toMatch(/<w:headerReference w:type="default"/);
    for (const header of headers) expect(await docxText(body, header)).toContain("Utkast – inte beslutat av styrelsen");
    expectInOrder(await docxText(body), [
      "Sammanfattning",
      "4.2 Stöd till samverkan",
      "Ställningstagande: Tillstyrker",
      "”Forshaga ser positivt på stöd till samverkan.”",
      "Källa: Forshaga kommun",
      "5 Sammanläggningar",
      "Ställningstagande: Avstyrker",
    ]);
  });
});

describe("the PDF export", () => {
  it("is text in Swedish with a title, saying the same as the Word file", async () => {
    const res = await download(submittedId, "pdf", "staff");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="Fi2011-4105_SmaKom.pdf"; filename*=UTF-8''Fi2011-4105_SmaKom.pdf`);
    const body = await res.arrayBuffer();
    const pages = await pdfPages(body);
    const text = pages.join("\n");
    expectLetterhead(text);
    expectInOrder(text, SUBMITTED_ANSWER);
    expect(text).toContain("Resultatutjämningsreserver");
    expect(text).not.toMatch(/Utkast/i);

    const raw = Buffer.from(body).toString("latin1");
    expect(raw).toContain("/Lang (sv-SE)");
    const meta = await getMeta(await getDocumentProxy(new Uint8Array(body.slice(0))));
    expect(meta.info.Title).toBe(TITLE);
    expect(meta.info.Author).toBe("SmåKom – De små kommunernas samverkan");

    await savePagePng(body, "export-pdf");
  });

  it("marks every page of a draft Utkast", async () => {
    const res = await download(draftId, "pdf", "staff");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`filename="Remissvar_SmaKom.pdf"`);
    const pages = await pdfPages(await res.arrayBuffer());
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((page, i) => expect(page, `page ${i + 1}`).toContain("Utkast – inte beslutat av styrelsen"));
    expectInOrder(pages.join("\n"), ["Sammanfattning", "4.2 Stöd till samverkan", "Källa: Forshaga kommun", "5 Sammanläggningar"]);
  });
});

describe("who may export", () => {
  it.each(["docx", "pdf"] as const)("lets a member export a submitted answer but not a draft (%s)", async (format) => {
    expect((await download(submittedId, format, "member")).status).toBe(200);
    const draft = await download(draftId, format, "member");
    expect([403, 404]).toContain(draft.status);
    expect(draft.headers.get("content-disposition")).toBeNull();
  });

  it.each(["docx", "pdf"] as const)("sends an anonymous visitor to sign in and back (%s)", async (format) => {
    const res = await download(submittedId, format);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`/logga-in?redirectTo=${encodeURIComponent(`/remissvar/${submittedId}/export.${format}`)}`);
  });

  it("answers 404 for a response that does not exist", async () => {
    expect((await download("00000000-0000-4000-8000-000000000000", "pdf", "staff")).status).toBe(404);
  });
});

/** The first page as a PNG for the README, when poppler's pdftoppm is installed. */
async function savePagePng(pdf: ArrayBuffer, name: string) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "rb-export-"));
  try {
    const file = path.join(dir, "export.pdf");
    await fs.writeFile(file, Buffer.from(pdf));
    try {
      await promisify(execFile)("pdftoppm", ["-png", "-r", "80", "-singlefile", "-f", "1", "-l", "1", file, path.join(dir, "page")]);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
      throw error;
    }
    await fs.mkdir(SCREENSHOTS, { recursive: true });
    await fs.copyFile(path.join(dir, "page.png"), path.join(SCREENSHOTS, `${name}.png`));
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}
