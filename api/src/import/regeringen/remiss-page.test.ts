/** regeringen.se remiss pages, read from real saved pages and one written for the wordings they lack. */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { fixturePath } from "@remissbanken/test/fixtures";
import { ImportInputError } from "../riksdagen/dokumentlista.js";
import { deadlineFrom, parseRemissPage, swedishDate } from "./remiss-page.js";
import { parseRemissListing } from "./remiss-listing.js";

const shared = (name: string) => fs.readFileSync(fixturePath("regeringen", name), "utf8");
const CLOSED = "regeringen-remiss-sou-2026-14-closed-ferenda.html";
const OPEN = "regeringen-remiss-ds-2026-15-open-ferenda.html";

describe("parseRemissPage", () => {
  it("reads a closed remiss with diarienummer, the report's shortcut and 17 published responses", () => {
    const page = parseRemissPage(shared(CLOSED));
    const assets = "https://www.regeringen.se/contentassets/8cbfd0696c2641c9b4caa992a1f82a8c";
    expect(page).toMatchObject({
      url: "https://www.regeringen.se/remisser/2026/04/remiss-av-adelmetallutredningen--en-moderniserad-reglering-av-handel-med-adelmetallarbeten-sou-202614/",
      title: "Remiss av Ädelmetallutredningen – en moderniserad reglering av handel med ädelmetallarbeten (SOU 2026:14)",
      designation: { normalized: "SOU 2026:14" },
      reportTitle: "Ädelmetallutredningen – en moderniserad reglering av handel med ädelmetallarbeten",
      diarienummer: "KN2026/00741",
      ministry: "Klimat- och näringslivsdepartementet",
      publishedAt: "2026-04-09",
      deadline: "2026-06-30",
      referralBodies: [],
      referralBodiesUrl: `${assets}/remissinstanser-for-adelmetallutredningen--en-moderniserad-reglering-av-handel-med-adelmetallarbeten-sou-202614.pdf`,
      documents: [{
        title: "SOU 2026:14 Ädelmetallutredningen – en moderniserad reglering av handel med ädelmetallarbeten",
        url: "https://www.regeringen.se/rattsliga-dokument/statens-offentliga-utredningar/2026/03/sou-202614/",
      }],
    });
    expect(page.responses).toHaveLength(17);
    expect(page.responses[1]).toEqual({ organisation: "Kammarkollegiet", url: `${assets}/kammarkollegiet.pdf` });
    expect(page.responses.map((r) => r.organisation)).toContain("Styrelsen för ackreditering och teknisk kontroll");
  });

  it("reads an open remiss without diarienummer, with the deadline as 'ska ha kommit in … senast den'", () => {
    const page = parseRemissPage(shared(OPEN));
    expect(page).toMatchObject({
      title: "Remiss av Ds 2026:15 Gäldenärens avtal i konkurs",
      designation: { normalized: "Ds 2026:15" },
      reportTitle: "Gäldenärens avtal i konkurs",
      diarienummer: null,
      // "Regeringen" is listed too; the ministry is the department.
      ministry: "Justitiedepartementet",
      publishedAt: "2026-07-02",
      deadline: "2026-10-30",
      documents: [{ title: "Ds 2026:15 Gäldenärens avtal i konkurs.pdf", url: "https://www.regeringen.se/rattsliga-dokument/departementsserien-och-promemorior/2026/07/ds-202615/" }],
      responses: [],
    });
  });

  it("reads 'den den', referral bodies written out, and the heading 'Dokumentet som remitteras'", () => {
    const page = parseRemissPage(fs.readFileSync(path.join(import.meta.dirname, "fixtures", "remiss-s-2026-00412-den-den.html"), "utf8"));
    expect(page).toMatchObject({
      title: "Remiss av SOU 2026:31 Kommunala vårdcentraler & nära vård",
      designation: { normalized: "SOU 2026:31" },
      reportTitle: "Kommunala vårdcentraler & nära vård",
      diarienummer: "S2026/00412",
      ministry: "Socialdepartementet",
      publishedAt: "2026-05-12",
      deadline: "2026-08-10",
      referralBodies: ["Socialstyrelsen", "Forshaga kommun", "Sveriges Kommuner och Regioner", "SmåKom"],
      referralBodiesUrl: null,
    });
    expect(page.documents.map((d) => d.title)).toEqual(["SOU 2026:31 Kommunala vårdcentraler & nära vård", "Remissmissiv (pdf 120 kB)"]);
  });

  it("says that a page which is not a remiss is not one", () => {
    expect(() => parseRemissPage(shared("regeringen-remisser-listing-ferenda.html"), "listing.html")).toThrow(
      new ImportInputError('listing.html is not a remiss page from regeringen.se (it has no "Remiss från …" heading; its heading is "Remisser").'),
    );
    expect(() => parseRemissPage(shared("rkrattsbaser-kommittedirektiv-dir-1994-103-ferenda.html"), "dir.html")).toThrow(/^dir\.html is not a remiss page/);
    expect(() => parseRemissPage("", "empty.html")).toThrow(/^empty\.html is not a remiss page/);
  });
});

describe("Swedish dates and deadline wordings", () => {
  it("reads the wordings seen on the pages", () => {
    expect(swedishDate("09 april 2026")).toBe("2026-04-09");
    expect(swedishDate("1 december 2026")).toBe("2026-12-01");
    expect(deadlineFrom("Sista dag att svara på remissen är den 10 augusti 2026.")).toBe("2026-08-10");
    expect(deadlineFrom("Sista dag att svara på remissen är den den 10 augusti 2026.")).toBe("2026-08-10");
    expect(deadlineFrom("Remissvaren ska ha kommit in till Justitiedepartementet senast den 30 oktober 2026.")).toBe("2026-10-30");
    expect(deadlineFrom("Svaren ska ha kommit in senast 3 mars 2027.")).toBe("2027-03-03");
    expect(deadlineFrom("Publicerad 09 april 2026")).toBeNull();
  });
});

describe("parseRemissListing", () => {
  it("reads the 20 listed remisser with the diarienummer split off the title", () => {
    const listed = parseRemissListing(shared("regeringen-remisser-listing-ferenda.html"));
    expect(listed).toHaveLength(20);
    expect(listed[1]).toEqual({
      title: "Remiss av betänkandet Rättssäker samhällsvård för barn och unga (SOU 2026:8)",
      url: "https://www.regeringen.se/remisser/2026/03/remiss-av-sou-20268-rattssaker-samhallsvard-for-barn-och-unga/",
      diarienummer: "S2026/00236",
      designation: "SOU 2026:8",
      publishedAt: "2026-03-19",
      ministry: "Socialdepartementet",
    });
    expect(listed[3]).toMatchObject({ title: "Remiss av Ds 2026:15 Gäldenärens avtal i konkurs", diarienummer: null, ministry: "Justitiedepartementet" });
  });

  it("says that a remiss page is not the listing", () => {
    expect(() => parseRemissListing(shared(OPEN), "remiss.html")).toThrow('remiss.html is not the listing of remisser on regeringen.se (its heading is not "Remisser").');
  });
});
