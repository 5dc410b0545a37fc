/** The actions of /admin/synonymer: one textarea of phrases, sent to the API, refusals in Swedish. */
import { ApiError } from "./api.server";
import { apiProblems, formValues, problems } from "./forms.server";
import { DUPLICATE_MESSAGE, parsePhrases, PHRASE_FIELDS, phraseProblems } from "./thesaurus-form";

/**
 * Parses the form's phrases and hands them to `send` (the API call); answers with the form's
 * problems, what was typed kept, or with `send`'s answer.
 */
export async function submitPhrases<T>(form: FormData, send: (phrases: string[]) => Promise<T>) {
  const values = formValues(form);
  const parsed = parsePhrases(values.phrases ?? "");
  if (!parsed.ok) return problems(phraseProblems(parsed.message, values));
  try {
    return await send(parsed.phrases);
  } catch (error) {
    if (error instanceof ApiError && error.reason === "DUPLICATE") return problems(phraseProblems(DUPLICATE_MESSAGE, values), 409);
    return apiProblems(error, values, PHRASE_FIELDS);
  }
}
