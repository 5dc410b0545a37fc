/**
 * The forms of the Kalender section on /installningar post here: create or replace the
 * calendar feed address, or remove it. Each answer goes back to the section with a message;
 * the section shows the current address itself.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { graphql } from "~/graphql/graphql";
import { ApiError, ApiUnavailableError, callApi } from "~/lib/api.server";
import { requireUser, toHttpError } from "~/lib/auth.server";
import { messageFor } from "~/lib/errors";
import { redirectWithFlash } from "~/lib/flash.server";

const BACK = "/installningar#kalender";

const RegenerateCalendarFeed = graphql(`mutation RegenerateCalendarFeed { regenerateCalendarFeed { url } }`);
const RevokeCalendarFeed = graphql(`mutation RevokeCalendarFeed { revokeCalendarFeed }`);

/** Nothing to show here: the section lives on the settings page. */
export const loader = () => redirect(BACK);

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const intent = (await request.formData()).get("intent");
  try {
    if (intent === "create" || intent === "regenerate") {
      await callApi(request, RegenerateCalendarFeed);
      const message = intent === "create"
        ? "Din kalenderlänk är skapad. Kopiera den och lägg in den i din kalender."
        : "Du har fått en ny kalenderlänk och den gamla fungerar inte längre. Lägg in den nya i dina kalendrar.";
      return redirectWithFlash(BACK, { kind: "success", message });
    }
    if (intent === "revoke") {
      const { data } = await callApi(request, RevokeCalendarFeed);
      const message = data.revokeCalendarFeed
        ? "Kalenderlänken är borttagen. Kalendrar som prenumererar på den får inga fler uppdateringar."
        : "Du hade ingen kalenderlänk.";
      return redirectWithFlash(BACK, { kind: "info", message });
    }
    throw new Response("Felaktig förfrågan", { status: 400 });
  } catch (error) {
    if (error instanceof ApiUnavailableError) return redirectWithFlash(BACK, { kind: "error", message: messageFor("SERVICE_UNAVAILABLE") });
    if (error instanceof ApiError && error.code !== "UNAUTHENTICATED") return redirectWithFlash(BACK, { kind: "error", message: messageFor(error.code, error.reason) });
    throw toHttpError(request, error);
  }
}
