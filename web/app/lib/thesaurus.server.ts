/** The actions of /admin/synonymer: one textarea of phrases, sent to the API, refusals in Swedish. */
import { ApiError } from "./api.server";
import { redirectWithFlash } from "./flash.server";
import { apiProblems, formValues, problems } from "./forms.server";
import { duplicateMessage, noWordMessage, parsePhrases, PHRASE_FIELDS, phraseProblems } from "./thesaurus-form";

/**
 * Parses the form's phrases and hands them to `send` (the API call, answering the group's
 * phrases as saved); answers with the form's problems, what was typed kept, or with a
 * redirect to the list saying the group is `done` ("tillagd", "sparad").
 */
export async function submitPhrases(form: FormData, done: string, send: (phrases: string[]) => Promise<string[]>) {
  const values = formValues(form);
  const parsed = parsePhrases(values.phrases ?? "");
  if (!parsed.ok) return problems(phraseProblems(parsed.message, values));
  try {
    const saved = await send(parsed.phrases);
    return redirectWithFlash("/admin/synonymer", {
      kind: "success",
      message: `Gruppen ”${saved.join(", ")}” är ${done}. Sökningen använder den inom några sekunder.`,
    });
  } catch (error) {
    if (error instanceof ApiError && error.reason === "DUPLICATE") {
      const message = duplicateMessage(parsed.phrases, error.fields.find((f) => f.field.startsWith("phrases.")), error.code !== "CONFLICT");
      return problems(phraseProblems(message, values), 409);
    }
    const noWord = error instanceof ApiError ? noWordMessage(parsed.phrases, error.fields) : undefined;
    if (noWord) return problems(phraseProblems(noWord, values));
    return apiProblems(error, values, PHRASE_FIELDS);
  }
}
