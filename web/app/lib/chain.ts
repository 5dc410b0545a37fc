/**
 * The legislative chain of an inquiry (DOMAIN.md): directives, the report deadline, reports
 * each followed by its remisser and SmåKom's responses to them, then the bill and the
 * Riksdag committee's report. Pure, so the order is tested without a browser.
 */
import { label } from "./labels";

export interface ChainDocument {
  id: string;
  kind: string;
  designation: string | null;
  title: string;
  subtitle: string | null;
  publishedAt: string | null;
  remisser: ChainRemiss[];
}

export interface ChainRemiss {
  id: string;
  diarienummer: string | null;
  deadline: string;
  responses: ChainResponse[];
}

export interface ChainResponse {
  id: string;
}

export type ChainStep<D extends ChainDocument> =
  | { type: "document"; document: D }
  | { type: "report-deadline"; date: string }
  | { type: "remiss"; remiss: D["remisser"][number]; document: D }
  | { type: "response"; response: D["remisser"][number]["responses"][number]; remiss: D["remisser"][number] };

/** Where each kind stands in the chain; reports of every series share a stage. */
const STAGE: Record<string, number> = {
  DIRECTIVE: 0,
  SUPPLEMENTARY_DIRECTIVE: 1,
  SOU: 2,
  DS: 2,
  OTHER: 2,
  PROPOSITION: 3,
  COMMITTEE_REPORT: 4,
};
const stage = (document: Pick<ChainDocument, "kind">) => STAGE[document.kind] ?? 2;

function byStageThenDate(a: Pick<ChainDocument, "kind" | "publishedAt" | "designation">, b: Pick<ChainDocument, "kind" | "publishedAt" | "designation">): number {
  return (
    stage(a) - stage(b) ||
    // Undated documents last within their stage.
    (a.publishedAt ?? "9999").localeCompare(b.publishedAt ?? "9999") ||
    (a.designation ?? "").localeCompare(b.designation ?? "", "sv", { numeric: true })
  );
}

/** Documents in legislative order: directives, reports, the bill, the committee's report; by date within each. */
export function inChainOrder<D extends Pick<ChainDocument, "kind" | "publishedAt" | "designation">>(documents: D[]): D[] {
  return [...documents].sort(byStageThenDate);
}

/** The inquiry's chain as steps in legislative order. */
export function chainSteps<D extends ChainDocument>(documents: D[], reportDueDate: string | null): ChainStep<D>[] {
  const steps: ChainStep<D>[] = [];
  const sorted = inChainOrder(documents);
  let deadlineShown = !reportDueDate;
  for (const document of sorted) {
    // The report deadline belongs to the remit: after the directives, before the reports.
    if (!deadlineShown && stage(document) >= 2) {
      steps.push({ type: "report-deadline", date: reportDueDate! });
      deadlineShown = true;
    }
    steps.push({ type: "document", document });
    const remisser = [...document.remisser].sort((a, b) => a.deadline.localeCompare(b.deadline));
    for (const remiss of remisser) {
      steps.push({ type: "remiss", remiss, document });
      for (const response of remiss.responses) steps.push({ type: "response", response, remiss });
    }
  }
  if (!deadlineShown) steps.push({ type: "report-deadline", date: reportDueDate! });
  return steps;
}

/**
 * "Delbetänkande" or "Slutbetänkande" when the report says so in its subtitle (as SOUs do:
 * "Slutbetänkande av Kommunutredningen"), else the kind's label.
 */
export function documentKindLabel(document: { kind: string; subtitle?: string | null }): string {
  const stated = /^(delbetänkande|slutbetänkande)\b/i.exec(document.subtitle?.trim() ?? "");
  if (stated && (document.kind === "SOU" || document.kind === "DS")) {
    const word = stated[1][0].toUpperCase() + stated[1].slice(1).toLowerCase();
    return `${word} (${document.kind === "SOU" ? "SOU" : "Ds"})`;
  }
  return label("documentKind", document.kind);
}

/** "SOU 2020:8 Starkare kommuner …", or the title alone for documents without designation. */
export function documentName(document: { designation: string | null; title: string }): string {
  return document.designation ? `${document.designation} ${document.title}` : document.title;
}
