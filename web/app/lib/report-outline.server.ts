/** Loading the report's headings and section texts for a response's pages. */
import { graphql } from "~/graphql/graphql";
import { load } from "./auth.server";
import { answeredNumbers, type ReportHeading, type ReportSection } from "./report-outline";

/** How much of the report's text stands beside each of SmåKom's sections: the beginning, with a link to the rest. */
const EXCERPT_LENGTH = 900;

const HeadingsQuery = graphql(`
  query ReportHeadings($id: ID!) {
    response(id: $id) { remiss { document { headings { number title level } } } }
  }
`);

const SectionsQuery = graphql(`
  query ReportSections($id: ID!, $numbers: [String!]!, $maxLength: Int) {
    document(id: $id) { sections(numbers: $numbers, maxLength: $maxLength) { number title level page text } }
  }
`);

/** The headings of the report the response answers; none when it answers no remiss or the report has no full text. */
export async function reportHeadings(request: Request, responseId: string): Promise<ReportHeading[]> {
  const { response } = await load(request, HeadingsQuery, { id: responseId });
  return response?.remiss?.document.headings ?? [];
}

/** The report's sections the response answers by number, keyed by number. */
export async function reportSections(
  request: Request,
  documentId: string,
  sections: ReadonlyArray<{ number: string | null }>,
): Promise<Record<string, ReportSection>> {
  const numbers = answeredNumbers(sections);
  if (numbers.length === 0) return {};
  const { document } = await load(request, SectionsQuery, { id: documentId, numbers, maxLength: EXCERPT_LENGTH });
  return Object.fromEntries((document?.sections ?? []).map((s) => [s.number, s]));
}
