/**
 * The workflow's forms on /remissvar/:id post here: send for decision, decide (on the
 * exact version shown), return to draft with a comment to the secretariat, mark as sent.
 * Success redirects back to the response with a message; a comment that needs fixing
 * comes back on this route's own page with what was typed, so it works without
 * JavaScript. The API decides who may do what.
 */
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { LIMITS } from "@remissbanken/schema/limits";
import { graphql } from "~/graphql/graphql";
import { ApiError, ApiUnavailableError, callApi } from "~/lib/api.server";
import { load, notFoundResponse, requireUser, toHttpError } from "~/lib/auth.server";
import { messageFor } from "~/lib/errors";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, formValues, parseForm, problems } from "~/lib/forms.server";
import { isId } from "~/lib/ids";
import { FormError } from "~/components/form";
import { ReturnToDraftForm } from "~/components/response-workflow";
import { RouteErrorBoundary } from "~/components/route-error";
import styles from "~/styles/versions.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const RequestApproval = graphql(`mutation RequestResponseApproval($id: ID!) { requestResponseApproval(id: $id) { id } }`);
const Approve = graphql(`mutation ApproveResponse($id: ID!, $version: Int!) { approveResponse(id: $id, version: $version) { id } }`);
const ReturnToDraft = graphql(`mutation ReturnResponseToDraft($id: ID!, $comment: String) { returnResponseToDraft(id: $id, comment: $comment) { id } }`);
const MarkSubmitted = graphql(`mutation MarkResponseSubmitted($id: ID!) { markResponseSubmitted(id: $id) { id } }`);

const WorkflowQuery = graphql(`
  query ResponseWorkflowPage($id: ID!) {
    response(id: $id) { id title status currentVersion abilities { canReturnToDraft } }
  }
`);

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Återförvisa ${data.response.title} – Remissbanken` : "Återförvisa – Remissbanken" },
];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

/** The return form on a page of its own: where a comment that needs fixing comes back. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  if (!isId(params.id)) throw notFoundResponse();
  const { response } = await load(request, WorkflowQuery, { id: params.id });
  if (!response) throw notFoundResponse();
  return { response };
}

const tooLong = `Kommentaren är för lång: högst ${LIMITS.workflowCommentLength.toLocaleString("sv-SE")} tecken.`;
const returnSchema = z.object({
  comment: z
    .string()
    .trim()
    .max(LIMITS.workflowCommentLength, tooLong)
    .optional()
    .transform((c) => c || null),
});

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request);
  if (!isId(params.id)) throw notFoundResponse();
  const id = params.id;
  const back = `/remissvar/${id}`;
  const form = await request.formData();
  const intent = form.get("intent");
  const version = Number(form.get("version"));
  if (intent === "return-to-draft") return returnToDraft(request, id, form);
  try {
    switch (intent) {
      case "request-approval":
        await callApi(request, RequestApproval, { id });
        return redirectWithFlash(back, { kind: "success", message: "Svaret är skickat till styrelsen för beslut." });
      case "approve":
        if (!Number.isInteger(version) || version < 1) throw new Response("Felaktig förfrågan", { status: 400 });
        await callApi(request, Approve, { id, version });
        return redirectWithFlash(back, { kind: "success", message: `Version ${version} är beslutad.` });
      case "mark-submitted":
        await callApi(request, MarkSubmitted, { id });
        return redirectWithFlash(back, { kind: "success", message: "Svaret är markerat som inskickat." });
      default:
        throw new Response("Felaktig förfrågan", { status: 400 });
    }
  } catch (error) {
    // A refusal the person can act on (a newer version, a wrong state) is shown on the page.
    if (error instanceof ApiError && ["CONFLICT", "BAD_USER_INPUT"].includes(error.code)) {
      const message = error.reason === "STALE_VERSION"
        ? "Svaret har ändrats sedan du läste det. Läs den senaste versionen innan du beslutar."
        : messageFor(error.code, error.reason);
      return redirectWithFlash(back, { kind: "error", message });
    }
    if (error instanceof ApiUnavailableError) return redirectWithFlash(back, { kind: "error", message: messageFor("SERVICE_UNAVAILABLE") });
    throw toHttpError(request, error);
  }
}

async function returnToDraft(request: Request, id: string, form: FormData) {
  const parsed = parseForm(form, returnSchema);
  if (!parsed.ok) return problems(parsed.problems);
  try {
    await callApi(request, ReturnToDraft, { id, comment: parsed.value.comment });
    return redirectWithFlash(`/remissvar/${id}`, { kind: "success", message: "Svaret är återförvisat till kansliet som utkast." });
  } catch (error) {
    if (error instanceof ApiError && error.code === "CONFLICT") {
      return redirectWithFlash(`/remissvar/${id}`, { kind: "error", message: messageFor(error.code, error.reason) });
    }
    if (error instanceof ApiError && error.code !== "BAD_USER_INPUT") throw toHttpError(request, error);
    return apiProblems(error, formValues(form));
  }
}

export default function ReturnToDraftPage() {
  const { response } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const p = answer && "problems" in answer ? answer.problems : undefined;
  return (
    <article className="narrow stack" aria-labelledby="return-title">
      <nav className="breadcrumbs" aria-label="Du är här">
        <ol>
          <li><Link to="/">Start</Link></li>
          <li><Link to={`/remissvar/${response.id}`}>{response.title}</Link></li>
          <li aria-current="page">Återförvisa</li>
        </ol>
      </nav>
      <h1 id="return-title">Återförvisa till utkast</h1>
      {response.abilities.canReturnToDraft ? (
        <>
          <p>Version {response.currentVersion} av ”{response.title}” går tillbaka till kansliet som utkast.</p>
          <FormError problems={p} />
          <ReturnToDraftForm response={response} problems={p} />
        </>
      ) : (
        <p>Svaret kan inte återförvisas nu. <Link to={`/remissvar/${response.id}`}>Tillbaka till svaret</Link></p>
      )}
    </article>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
