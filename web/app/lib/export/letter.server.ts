/**
 * The remissvar as a document, independent of file format: what "Svara på remiss"
 * (SB PM 2021:1) asks an answer to contain, in its order. The Word and PDF builders
 * both render this model, so the two files the ministry receives say the same thing.
 */
import { graphql, type ResultOf } from "~/graphql/graphql";
import { load, notFoundResponse } from "~/lib/auth.server";
import { todayInStockholm } from "~/lib/format";
import { label } from "~/lib/labels";

export const ORGANISATION = "SmåKom – De små kommunernas samverkan";
export const DRAFT_MARK = "Utkast";

export const ResponseLetterQuery = graphql(`
  query ResponseLetter($id: ID!) {
    response(id: $id) {
      id kind title status summary signatory presenter letterDate submittedAt
      sections { number heading stance body quotes { label text } }
      remiss { ministry diarienummer document { title designation } }
      inquiry { name department }
    }
  }
`);

type LetterResponse = NonNullable<ResultOf<typeof ResponseLetterQuery>["response"]>;

export interface LetterQuote {
  text: string;
  source: string;
}

export interface LetterSection {
  /** "8 Kommunstabiliseringsfond". */
  heading: string;
  /** "Ställningstagande: Avstyrker", or null when the section takes no position. */
  stance: string | null;
  paragraphs: string[];
  quotes: LetterQuote[];
}

export interface Letter {
  /** "Remissvar: Spara i goda tider – … (SOU 2011:59)". */
  title: string;
  /** Lines at the top: the ministry, the diarienummer and the date. */
  addressee: string | null;
  diarienummer: string | null;
  date: string;
  /** Not yet approved by the board: every page says so. */
  draft: boolean;
  summary: string[];
  sections: LetterSection[];
  organisation: string;
  signatory: string | null;
  presenter: string | null;
  /** Without extension, e.g. "Fi2011-4105_SmaKom". */
  fileName: string;
}

/** Paragraphs as the author separated them with blank lines; single line breaks stay inside. */
function paragraphsOf(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
}

/** The name the ministry's registry files it under: diarienummer (or designation) and the organisation. */
export function letterFileName(diarienummer: string | null, designation: string | null): string {
  const reference = (diarienummer ?? designation ?? "Remissvar")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `${reference || "Remissvar"}_SmaKom`;
}

export function toLetter(response: LetterResponse, today = todayInStockholm()): Letter {
  const report = response.remiss?.document;
  const title = report ? `Remissvar: ${report.title}${report.designation ? ` (${report.designation})` : ""}` : response.title;
  const submittedDay = response.submittedAt ? todayInStockholm(new Date(response.submittedAt)) : null;
  return {
    title,
    addressee: response.remiss?.ministry ?? response.inquiry?.department ?? null,
    diarienummer: response.remiss?.diarienummer ?? null,
    date: response.letterDate ?? submittedDay ?? today,
    draft: response.status !== "APPROVED" && response.status !== "SUBMITTED",
    summary: paragraphsOf(response.summary),
    sections: response.sections.map((section) => ({
      heading: [section.number, section.heading].filter(Boolean).join(" "),
      stance: section.stance ? `Ställningstagande: ${label("responseStance", section.stance)}` : null,
      paragraphs: paragraphsOf(section.body),
      quotes: section.quotes.map((quote) => ({ text: quote.text, source: quote.label })),
    })),
    organisation: ORGANISATION,
    signatory: response.signatory,
    presenter: response.presenter,
    fileName: letterFileName(response.remiss?.diarienummer ?? null, report?.designation ?? null),
  };
}

/** Loads the response as the signed-in user; the API decides who may read it. */
export async function loadLetter(request: Request, id: string): Promise<Letter> {
  const { response } = await load(request, ResponseLetterQuery, { id });
  if (!response) throw notFoundResponse();
  return toLetter(response);
}

/** The closing lines before the organisation's name: who decided and who presented the matter. */
export function closingLines(letter: Letter): string[] {
  return [
    letter.signatory ? `Beslut i detta ärende har fattats av ${letter.signatory}.` : null,
    letter.presenter ? `Föredragande har varit ${letter.presenter}.` : null,
  ].filter((line): line is string => line !== null);
}

/** The file as a download, named for the registry; never cached, since it may be a draft. */
export function attachment(body: Uint8Array<ArrayBuffer>, fileName: string, contentType: string): Response {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Content-Length": String(body.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}
