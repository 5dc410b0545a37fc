/**
 * The form where staff write an input request's questions: numbered rows `fraga.N` (the
 * text) and `fragaId.N` (an existing question's id, so its answers stay with it). Empty
 * rows are left out. No server imports: the page's component uses the names too.
 */
import { LIMITS } from "@remissbanken/schema/limits";

export const questionField = (row: number) => `fraga.${row}`;
export const questionIdField = (row: number) => `fragaId.${row}`;

/** Rows to show: the questions there are, plus room for two more (at least three, at most the limit). */
export function questionRows(count: number): number {
  return Math.min(LIMITS.inputQuestions, Math.max(count + 2, 3));
}

export interface QuestionsForm {
  intro: string | null;
  questions: { id: string | null; text: string }[];
}

/** The questions as typed, or Swedish problems by field name. */
export function readQuestionsForm(values: Record<string, string>):
  | { ok: true; value: QuestionsForm }
  | { ok: false; fieldErrors: Record<string, string>; formError: string } {
  const fieldErrors: Record<string, string> = {};
  const questions: QuestionsForm["questions"] = [];
  for (let row = 0; row < LIMITS.inputQuestions; row++) {
    const text = (values[questionField(row)] ?? "").trim();
    const id = values[questionIdField(row)] || null;
    if (!text) {
      // Emptying a saved question removes it; the API refuses that once someone has answered it.
      continue;
    }
    if (text.length > LIMITS.inputQuestionLength) fieldErrors[questionField(row)] = `En fråga får vara högst ${LIMITS.inputQuestionLength} tecken.`;
    questions.push({ id, text });
  }
  const intro = (values.intro ?? "").trim();
  if (intro.length > LIMITS.inputRequestIntroLength) {
    fieldErrors.intro = `Inledningen får vara högst ${LIMITS.inputRequestIntroLength.toLocaleString("sv-SE")} tecken.`;
  }
  if (questions.length === 0) {
    fieldErrors[questionField(0)] = "Skriv minst en fråga.";
    return { ok: false, fieldErrors, formError: "Skriv minst en fråga till medlemmarna." };
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, formError: "Några uppgifter behöver rättas." };
  return { ok: true, value: { intro: intro || null, questions } };
}
