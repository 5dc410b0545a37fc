/**
 * The Bevakningar section of /installningar posts here: change how often a saved search
 * mails, delete it, stop following an inquiry. Every answer is a redirect back to the
 * section with a message, so it works the same with and without JavaScript.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { graphql } from "~/graphql/graphql";
import { ApiError, ApiUnavailableError, callApi } from "~/lib/api.server";
import { requireUser } from "~/lib/auth.server";
import { messageFor } from "~/lib/errors";
import { redirectWithFlash } from "~/lib/flash.server";
import { label } from "~/lib/labels";

const BACK = "/installningar#bevakningar";

const UpdateFrequency = graphql(`
  mutation UpdateSavedSearchFrequency($id: ID!, $frequency: SavedSearchFrequency!) {
    updateSavedSearch(input: { id: $id, frequency: $frequency }) { id name frequency }
  }
`);
const DeleteSavedSearch = graphql(`mutation DeleteSavedSearch($id: ID!) { deleteSavedSearch(id: $id) }`);
const Unfollow = graphql(`mutation StopFollowing($id: ID!) { unfollowInquiry(inquiryId: $id) }`);

const Intent = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("frequency"), id: z.string().uuid(), frequency: z.enum(["DAILY", "WEEKLY", "NEVER"]) }),
  z.object({ intent: z.literal("delete-search"), id: z.string().uuid() }),
  z.object({ intent: z.literal("unfollow"), inquiryId: z.string().uuid() }),
]);

export async function loader() {
  return redirect(BACK);
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const parsed = Intent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) return redirectWithFlash(BACK, { kind: "error", message: "Det gick inte att tolka ändringen. Ladda om sidan och försök igen." });
  const form = parsed.data;
  try {
    switch (form.intent) {
      case "frequency": {
        const { data } = await callApi(request, UpdateFrequency, { id: form.id, frequency: form.frequency });
        const saved = data.updateSavedSearch;
        return redirectWithFlash(BACK, { kind: "success", message: `”${saved.name}”: ${label("savedSearchFrequency", saved.frequency).toLowerCase()}.` });
      }
      case "delete-search":
        await callApi(request, DeleteSavedSearch, { id: form.id });
        return redirectWithFlash(BACK, { kind: "success", message: "Den sparade sökningen är borttagen." });
      case "unfollow":
        await callApi(request, Unfollow, { id: form.inquiryId });
        return redirectWithFlash(BACK, { kind: "success", message: "Du följer inte längre utredningen." });
    }
  } catch (error) {
    if (error instanceof ApiError) return redirectWithFlash(BACK, { kind: "error", message: messageFor(error.code, error.reason) });
    if (error instanceof ApiUnavailableError) return redirectWithFlash(BACK, { kind: "error", message: messageFor("SERVICE_UNAVAILABLE") });
    throw error;
  }
}
