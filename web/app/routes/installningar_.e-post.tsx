import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { graphql } from "~/graphql/graphql";
import { ApiError, ApiUnavailableError, callApi } from "~/lib/api.server";
import { requireUser } from "~/lib/auth.server";
import { emailSettingsFromForm } from "~/lib/email-settings";
import { messageFor } from "~/lib/errors";
import { redirectWithFlash } from "~/lib/flash.server";
import { RouteErrorBoundary } from "~/components/route-error";

/** Where the section lives; both answers go back there. */
const SECTION = "/installningar#e-post";

const UpdateNotificationSettings = graphql(`
  mutation UpdateNotificationSettings($settings: [NotificationSettingInput!]!, $digestPriorityAreaIds: [ID!]) {
    updateNotificationSettings(settings: $settings, digestPriorityAreaIds: $digestPriorityAreaIds) { kind enabled }
  }
`);

/** Nothing to show here: the form lives on the settings page. */
export function loader() {
  return redirect(SECTION);
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const choices = emailSettingsFromForm(await request.formData());
  if (!choices) return redirectWithFlash(SECTION, { kind: "error", message: "Formuläret kunde inte läsas. Ladda om sidan och välj igen." });
  try {
    await callApi(request, UpdateNotificationSettings, choices);
  } catch (error) {
    if (error instanceof ApiUnavailableError) return redirectWithFlash(SECTION, { kind: "error", message: messageFor("SERVICE_UNAVAILABLE") });
    if (!(error instanceof ApiError)) throw error;
    return redirectWithFlash(SECTION, { kind: "error", message: `Dina val sparades inte. ${messageFor(error.code, error.reason)}` });
  }
  return redirectWithFlash(SECTION, { kind: "success", message: "Dina val för e-post är sparade." });
}

export const ErrorBoundary = RouteErrorBoundary;
