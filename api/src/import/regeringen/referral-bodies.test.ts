/**
 * Remissinstanser given only as a PDF: the text read with the full-text code, one body per
 * line, headings, page numbers and prose left out; then SmåKom and member municipalities
 * recognised as on a page that lists them.
 */
import { describe, expect, it } from "vitest";
import { REFERRAL_BODIES, REFERRAL_BODIES_PDF, startRegeringenServer } from "@remissbanken/test/regeringen-server";
import { createHttpClient } from "../http-client.js";
import { readReferralBodiesPdf, referralBodiesFromText } from "./referral-bodies.js";

describe("the remissinstanser of a PDF", () => {
  it("reads one body per line, without numbering, headings, page numbers, dates or prose", () => {
    const text = [
      "Sändlista", "Remissinstanser:", "Fi2026/01234", "1. Riksdagens ombudsmän (JO)", "2) Kammarkollegiet", "• Forshaga kommun",
      "Myndigheter:", "Sida 2 av 3", "30 juni 2026", "Remissvaren ska ha kommit in senast den 30 juni 2026.", "Kammarkollegiet",
    ].join("\n");
    expect(referralBodiesFromText(text)).toEqual(["Riksdagens ombudsmän (JO)", "Kammarkollegiet", "Forshaga kommun"]);
  });

  it("fetches and reads a real PDF, and says why when there is none", async () => {
    const server = await startRegeringenServer();
    try {
      const client = createHttpClient({ minIntervalMs: 0, retries: 0 });
      expect(await readReferralBodiesPdf(client, `${server.base}${REFERRAL_BODIES_PDF}`)).toEqual({ bodies: REFERRAL_BODIES });
      expect(await readReferralBodiesPdf(client, `${server.base}/contentassets/finns-inte.pdf`)).toEqual({ problem: "the PDF does not exist (404)" });
    } finally {
      await server.stop();
    }
  });
});
