/**
 * The report's own numbered headings in a response: starting sections from them in the
 * editor, and showing the report's text beside SmåKom's answer on the read page.
 */
import { LIMITS } from "@remissbanken/schema/limits";
import { emptySection, type SectionDraft } from "./response-editor";

export interface ReportHeading {
  number: string;
  title: string;
  level: number;
}

export interface ReportSection extends ReportHeading {
  page: number;
  text: string;
}

/** The headings a new section can still start from: those whose number the draft does not answer yet. */
export function openHeadings(headings: readonly ReportHeading[], sections: readonly Pick<SectionDraft, "number">[]): ReportHeading[] {
  const present = new Set(sections.map((s) => s.number.trim()).filter(Boolean));
  return headings.filter((h) => !present.has(h.number));
}

/**
 * The draft with a new section for each picked heading, in the report's order, number and
 * heading filled in; numbers already answered, and picks the report does not have, are skipped.
 */
export function withReportSections(sections: SectionDraft[], headings: readonly ReportHeading[], picked: readonly FormDataEntryValue[]): SectionDraft[] {
  const wanted = new Set(picked.filter((p): p is string => typeof p === "string"));
  const added = openHeadings(headings, sections)
    .filter((h) => wanted.has(h.number))
    .map((h) => ({ ...emptySection(), number: h.number, heading: h.title }));
  return [...sections, ...added].slice(0, Math.max(sections.length, LIMITS.sectionsPerResponse));
}

/** The numbers a response answers, each once, for asking the report's text of those sections. */
export function answeredNumbers(sections: ReadonlyArray<{ number: string | null }>): string[] {
  return [...new Set(sections.map((s) => s.number?.trim() ?? "").filter(Boolean))];
}
