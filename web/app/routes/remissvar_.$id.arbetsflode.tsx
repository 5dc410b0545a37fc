/**
 * The workflow's buttons on /remissvar/:id post here: send for decision, decide (on the
 * exact version shown), return to draft, mark as sent. Answers with a redirect back to the
 * response and a message; the API decides who may do what.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { graphql } from "~/graphql/graphql";
import { ApiError, ApiUnavailableError, callApi } from "~/lib/api.server";
import { notFoundResponse, requireUser, toHttpError } from "~/lib/auth.server";
import { messageFor } from "~/lib/errors";
import { redirectWithFlash } from "~/lib/flash.server";
import { isId } from "~/lib/ids";

const RequestApproval = graphql(`mutation RequestResponseApproval($id: ID!) { requestResponseApproval(id: $id) { id } }`);
const Approve = graphql(`mutation ApproveResponse($id: ID!, $version: Int!) { approveResponse(id: $id, version: $version) { id } }`);
const ReturnToDraft = graphql(`mutation ReturnResponseToDraft($id: ID!) { returnResponseToDraft(id: $id) { id } }`);
const MarkSubmitted = graphql(`mutation MarkResponseSubmitted($id: ID!) { markResponseSubmitted(id: $id) { id } }`);

export async function loader() {
  throw notFoundResponse();
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request);
  if (!isId(params.id)) throw notFoundResponse();
  const id = params.id;
  const back = `/remissvar/${id}`;
  const form = await request.formData();
  const intent = form.get("intent");
  const version = Number(form.get("version"));
  try {
    switch (intent) {
      case "request-approval":
        await callApi(request, RequestApproval, { id });
        return redirectWithFlash(back, { kind: "success", message: "Svaret är skickat till styrelsen för beslut." });
      case "approve":
        if (!Number.isInteger(version) || version < 1) throw new Response("Felaktig förfrågan", { status: 400 });
        await callApi(request, Approve, { id, version });
        return redirectWithFlash(back, { kind: "success", message: `Version ${version} är beslutad.` });
      case "return-to-draft":
        await callApi(request, ReturnToDraft, { id });
        return redirectWithFlash(back, { kind: "success", message: "Svaret är återfört till utkast." });
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
