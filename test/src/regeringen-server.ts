/**
 * A stand-in for regeringen.se on a local port, serving the saved remiss pages, so that
 * "add a remiss from its address" is tested end to end without the network.
 */
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fixturePath } from "./fixtures.js";
import { textPdf } from "./pdf.js";

export const REGERINGEN_PAGES = {
  /** SOU 2026:14, KN2026/00741, closed. */
  closed: "/remisser/2026/04/remiss-av-adelmetallutredningen-sou-202614/",
  /** Ds 2026:15, open, no diarienummer. */
  open: "/remisser/2026/07/remiss-av--ds-202615-galdenarens-avtal-i-konkurs/",
  /** A page of another kind (a directive in Rättsdatabaser). */
  notARemiss: "/remisser/2026/01/inte-en-remiss/",
  /** Redirects to another host. */
  elsewhere: "/remisser/2026/01/flyttad/",
  missing: "/remisser/2026/01/finns-inte/",
  /** 6 MB sent in chunks without a declared length: past the size cap. */
  huge: "/remisser/2026/01/enorm/",
} as const;

/** The list of remissinstanser the closed page links as a PDF, as a sändlista is laid out. */
export const REFERRAL_BODIES_PDF = "/contentassets/8cbfd0696c2641c9b4caa992a1f82a8c/remissinstanser-for-adelmetallutredningen--en-moderniserad-reglering-av-handel-med-adelmetallarbeten-sou-202614.pdf";
export const REFERRAL_BODIES = ["Kammarkollegiet", "Kommerskollegium", "Styrelsen för ackreditering och teknisk kontroll", "Forshaga kommun", "SmåKom", "Sveriges Kommuner och Regioner"];
const REFERRAL_BODIES_LINES = [
  "Remissinstanser", "KN2026/00741", "",
  ...REFERRAL_BODIES.map((body, i) => `${i + 1}. ${body}`),
  "", "Remissvaren ska ha kommit in till Klimat- och näringslivsdepartementet senast den 30 juni 2026.", "1 (1)",
];

const FILES: Record<string, string> = {
  [REGERINGEN_PAGES.closed]: "regeringen-remiss-sou-2026-14-closed-ferenda.html",
  [REGERINGEN_PAGES.open]: "regeringen-remiss-ds-2026-15-open-ferenda.html",
  [REGERINGEN_PAGES.notARemiss]: "rkrattsbaser-kommittedirektiv-dir-1994-103-ferenda.html",
};

export interface RegeringenServer {
  /** http://127.0.0.1:PORT, for REGERINGEN_BASE_URL. */
  base: string;
  /** Paths asked, in order. */
  requests: string[];
  stop(): Promise<void>;
}

export async function startRegeringenServer(): Promise<RegeringenServer> {
  const requests: string[] = [];
  const server = http.createServer(async (req, res) => {
    const path = new URL(req.url!, "http://localhost").pathname;
    requests.push(path);
    if (path === REGERINGEN_PAGES.elsewhere) return res.writeHead(302, { location: "https://evil.example/remisser/x" }).end();
    if (path === REGERINGEN_PAGES.huge) {
      res.writeHead(200, { "content-type": "text/html" });
      for (let i = 0; i < 6 && !res.destroyed; i++) res.write("<p>".padEnd(1024 * 1024, "x"));
      return res.end();
    }
    if (path === REFERRAL_BODIES_PDF) return res.writeHead(200, { "content-type": "application/pdf" }).end(textPdf(REFERRAL_BODIES_LINES));
    const file = FILES[path];
    if (!file) return res.writeHead(404, { "content-type": "text/html" }).end("<h1>Sidan finns inte</h1>");
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(await fs.readFile(fixturePath("regeringen", file)));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
