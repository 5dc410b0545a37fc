/**
 * Member input shared by the form (component) and its action: answers per question are
 * sent as one field per question, `svar.<questionId>`. No server imports.
 */
export const ANSWER_FIELD = "svar.";

/** The field that holds the answer to one question. */
export const answerField = (questionId: string) => `${ANSWER_FIELD}${questionId}`;

/** A municipality's answers in the questions' order, numbered as members saw them; unanswered questions left out. */
export function questionAnswers(
  questions: { id: string; text: string }[],
  answers: { questionId: string; text: string }[],
): { number: number; question: string; text: string }[] {
  const given = new Map(answers.map((a) => [a.questionId, a.text]));
  return questions
    .map((q, i) => ({ number: i + 1, question: q.text, text: given.get(q.id) ?? "" }))
    .filter((a) => a.text !== "");
}
