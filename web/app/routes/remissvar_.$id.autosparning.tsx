/**
 * The editor's autosave (POST /remissvar/:id/autosparning): the whole editor form in,
 * JSON out, never a redirect. A resource route, fetched by the page's script outside
 * Remix's router: a failed request must not replace the editor with an error page, and
 * an autosave must not make the router reload the page's data (which fails offline too).
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { AUTOSAVE_COMMENT, describeProblems, type AutosaveAnswer } from "~/lib/autosave";
import { notFoundResponse, requireUser } from "~/lib/auth.server";
import { isId } from "~/lib/ids";
import { readDraft } from "~/lib/response-editor";
import { attemptSave, type Conflict } from "~/lib/response-save.server";

const reply = (body: AutosaveAnswer<Conflict>, status = 200) =>
  Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request);
  if (!isId(params.id)) throw notFoundResponse();
  const form = await request.formData();
  const baseVersion = Number(form.get("baseVersion"));
  if (!Number.isInteger(baseVersion) || baseVersion < 1) throw new Response("Felaktig förfrågan", { status: 400 });
  const draft = readDraft(form);
  const attempt = await attemptSave(request, params.id, { ...draft, comment: draft.comment.trim() || AUTOSAVE_COMMENT }, baseVersion);
  if (attempt.kind === "saved") return reply({ outcome: "saved", version: attempt.version });
  if (attempt.conflict) return reply({ outcome: "conflict", conflict: attempt.conflict }, attempt.status);
  if (attempt.status === 503) return reply({ outcome: "unavailable" }, 503);
  const message = describeProblems(attempt.fieldErrors ?? {}, attempt.formError ?? "Några uppgifter behöver rättas.");
  return reply({ outcome: "invalid", message, fieldErrors: attempt.fieldErrors ?? {} }, attempt.status);
}
