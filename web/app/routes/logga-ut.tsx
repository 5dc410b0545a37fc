import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { relayCookies, SESSION_COOKIE } from "~/lib/session.server";

const SignOut = graphql(`
  mutation SignOut { signOut }
`);

/** Signing out is a POST (a link or prefetch must not sign anyone out); GET goes home. */
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const headers = new Headers();
  try {
    relayCookies((await callApi(request, SignOut)).setCookies, headers);
  } catch {
    // The cookie goes anyway: the person asked to be signed out of this browser.
  }
  if (!headers.has("Set-Cookie")) headers.append("Set-Cookie", `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
  return redirectWithFlash("/", { kind: "info", message: "Du är utloggad." }, headers);
}
