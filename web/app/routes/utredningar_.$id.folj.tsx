/**
 * The follow button on /utredningar/:id posts here: follow or stop following, then back
 * to the inquiry with a message (also after a refusal, which the message explains).
 */
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { graphql } from "~/graphql/graphql";
import { ApiError, ApiUnavailableError, callApi } from "~/lib/api.server";
import { notFoundResponse, requireUser } from "~/lib/auth.server";
import { messageFor } from "~/lib/errors";
import { redirectWithFlash } from "~/lib/flash.server";
import { isId } from "~/lib/ids";

const Follow = graphql(`mutation FollowInquiry($id: ID!) { followInquiry(inquiryId: $id) { id inquiry { id name } } }`);
const Unfollow = graphql(`mutation UnfollowInquiry($id: ID!) { unfollowInquiry(inquiryId: $id) }`);

/** Nothing to show here: the inquiry's page has the button. */
export async function loader({ params }: LoaderFunctionArgs) {
  if (!isId(params.id)) throw notFoundResponse();
  return redirect(`/utredningar/${params.id}`);
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request);
  if (!isId(params.id)) throw notFoundResponse();
  const id = params.id;
  const back = `/utredningar/${id}`;
  const intent = (await request.formData()).get("intent");
  try {
    if (intent === "follow") {
      const { data } = await callApi(request, Follow, { id });
      return redirectWithFlash(back, { kind: "success", message: `Du följer nu ${data.followInquiry.inquiry.name}. Du får e-post när något nytt händer.` });
    }
    if (intent === "unfollow") {
      await callApi(request, Unfollow, { id });
      return redirectWithFlash(back, { kind: "info", message: "Du följer inte längre utredningen." });
    }
    throw new Response("Felaktig förfrågan", { status: 400 });
  } catch (error) {
    if (error instanceof ApiError) return redirectWithFlash(back, { kind: "error", message: messageFor(error.code, error.reason) });
    if (error instanceof ApiUnavailableError) return redirectWithFlash(back, { kind: "error", message: messageFor("SERVICE_UNAVAILABLE") });
    throw error;
  }
}
