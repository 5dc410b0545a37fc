/**
 * A member's input on a remiss: written, saved as a draft, sent, edited and withdrawn
 * until the deadline. Each step answers with a redirect and a message, or with the
 * problems and everything typed kept.
 */
import { z } from "zod";
import { graphql } from "~/graphql/graphql";
import { callApi } from "./api.server";
import { redirectWithFlash } from "./flash.server";
import { apiProblems, formValues, parseForm, problems } from "./forms.server";
import { LIMITS } from "@remissbanken/schema/limits";
import { ANSWER_FIELD, answerField } from "./member-input";

const CreateInput = graphql(`
  mutation CreateMemberInput($input: CreateMemberInputInput!) {
    createMemberInput(input: $input) { id status version }
  }
`);
const UpdateInput = graphql(`
  mutation UpdateMemberInput($input: UpdateMemberInputInput!) {
    updateMemberInput(input: $input) { id status version }
  }
`);
const SubmitInput = graphql(`
  mutation SubmitMemberInput($id: ID!) {
    submitMemberInput(id: $id) { id status version }
  }
`);
const WithdrawInput = graphql(`
  mutation WithdrawMemberInput($id: ID!) {
    withdrawMemberInput(id: $id) { id status version }
  }
`);

const text = z
  .string({ error: "Skriv dina synpunkter." })
  .trim()
  .min(1, "Skriv dina synpunkter.")
  .max(LIMITS.memberInputLength, `Synpunkterna får vara högst ${LIMITS.memberInputLength.toLocaleString("sv-SE")} tecken.`);

export const MemberInputForm = z.object({
  text,
  /** Which button was pressed: save a draft, or send to SmåKom. */
  send: z.enum(["0", "1"]).optional().transform((v) => v === "1"),
});

const NOTHING_ANSWERED = "Svara på minst en av frågorna.";
const TOO_LONG = `Svaret får vara högst ${LIMITS.inputAnswerLength.toLocaleString("sv-SE")} tecken.`;

/**
 * The answers a form sent, or its problems: each answer may be empty (a municipality need
 * not answer every question), not too long, and at least one must say something.
 */
export function readAnswers(form: FormData): { ok: true; answers: { questionId: string; text: string }[] } | { ok: false; fieldErrors: Record<string, string>; formError: string } {
  const answers: { questionId: string; text: string }[] = [];
  const fieldErrors: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (!name.startsWith(ANSWER_FIELD) || typeof value !== "string") continue;
    const text = value.trim();
    if (text.length > LIMITS.inputAnswerLength) fieldErrors[name] = TOO_LONG;
    answers.push({ questionId: name.slice(ANSWER_FIELD.length), text });
  }
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors, formError: "Några uppgifter behöver rättas." };
  if (!answers.some((a) => a.text !== "")) {
    const first = answers[0] ? answerField(answers[0].questionId) : "form";
    return { ok: false, fieldErrors: { [first]: NOTHING_ANSWERED }, formError: NOTHING_ANSWERED };
  }
  return { ok: true, answers };
}

/** Text or answers per question, whichever the form holds, or its problems with everything typed kept. */
function contentOf(form: FormData) {
  const values = formValues(form);
  const send = form.get("send") === "1";
  if (form.get("mode") !== "answers") {
    const parsed = parseForm(form, MemberInputForm);
    return parsed.ok ? { ok: true as const, send, content: { text: parsed.value.text } } : { ok: false as const, problems: parsed.problems };
  }
  const read = readAnswers(form);
  if (!read.ok) return { ok: false as const, problems: { formError: read.formError, fieldErrors: read.fieldErrors, values } };
  return { ok: true as const, send, content: { answers: read.answers } };
}

const EditIds = z.object({
  inputId: z.string({ error: "Sidan saknar synpunkternas id; ladda om den." }).uuid("Sidan saknar synpunkternas id; ladda om den."),
  expectedVersion: z.coerce.number().int().positive().optional(),
});

const SENT = "Dina synpunkter är skickade till SmåKom. Ett kvitto har skickats till din e-postadress.";

// Redirects go to the page itself, never to a #fragment of it: the router treats a
// redirect to the same address with the same fragment as a scroll, and loads nothing.

/** Writes new input: a draft, or sent at once. */
export async function createMemberInput(request: Request, remissId: string, form: FormData) {
  const parsed = contentOf(form);
  if (!parsed.ok) return problems(parsed.problems);
  try {
    await callApi(request, CreateInput, { input: { remissId, ...parsed.content, submit: parsed.send } });
  } catch (error) {
    return apiProblems(error, formValues(form), { text: "text", answers: "form" });
  }
  return redirectWithFlash(`/remisser/${remissId}`, {
    kind: "success",
    message: parsed.send ? SENT : "Utkastet är sparat. Det syns inte för SmåKom förrän du skickar det.",
  });
}

/** Saves changed text; a draft may be sent in the same step. */
export async function editMemberInput(request: Request, remissId: string, form: FormData) {
  const ids = parseForm(form, EditIds);
  if (!ids.ok) return problems(ids.problems);
  const parsed = contentOf(form);
  if (!parsed.ok) return problems(parsed.problems);
  const { inputId, expectedVersion } = ids.value;
  const send = parsed.send;
  let status: string;
  try {
    status = (await callApi(request, UpdateInput, { input: { id: inputId, expectedVersion, ...parsed.content } })).data.updateMemberInput.status;
    if (send && status === "DRAFT") status = (await callApi(request, SubmitInput, { id: inputId })).data.submitMemberInput.status;
  } catch (error) {
    return apiProblems(error, formValues(form), { text: "text", answers: "form" });
  }
  const message =
    send ? SENT
    : status === "SUBMITTED" ? "Ändringarna är skickade till SmåKom. Ett nytt kvitto har skickats till din e-postadress."
    : "Utkastet är sparat. Det syns inte för SmåKom förrän du skickar det.";
  return redirectWithFlash(`/remisser/${remissId}`, { kind: "success", message });
}

/** Takes back input SmåKom has received. */
export async function withdrawMemberInput(request: Request, remissId: string, form: FormData) {
  const values = formValues(form);
  try {
    await callApi(request, WithdrawInput, { id: values.inputId ?? "" });
  } catch (error) {
    return apiProblems(error, values);
  }
  return redirectWithFlash(`/remisser/${remissId}`, {
    kind: "info",
    message: "Dina synpunkter är återkallade. SmåKom ser dem inte längre som inskickade.",
  });
}
