import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems } from "~/lib/forms.server";
import { invalidLinkAnswer, isInvalidLink, linkPageHeaders, linkPageLoader, linkToken } from "~/lib/one-time-links.server";
import { relayCookies } from "~/lib/session.server";
import { InvalidLink } from "~/components/account";
import { FormError } from "~/components/form";
import { RouteErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Logga in med länk – Remissbanken" }];
export const headers = linkPageHeaders;

const SignInWithLink = graphql(`
  mutation SignInWithLink($token: String!) {
    signInWithLink(token: $token) { id }
  }
`);

/**
 * Mail scanners and link previews open links: the page only offers a button, and the
 * link is spent by pressing it (a POST), never by opening the page.
 */
export const loader = linkPageLoader;

export async function action({ request }: ActionFunctionArgs) {
  const token = linkToken(request);
  if (!token) return invalidLinkAnswer();
  try {
    const result = await callApi(request, SignInWithLink, { token }, { session: null });
    return redirectWithFlash("/", { kind: "success", message: "Du är inloggad." }, relayCookies(result.setCookies));
  } catch (error) {
    if (isInvalidLink(error)) return invalidLinkAnswer();
    return apiProblems(error, {});
  }
}

export default function SignInLinkPage() {
  const { tokenPresent } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const invalid = !tokenPresent || (answer && "invalidLink" in answer);
  const p = answer && "problems" in answer ? answer.problems : undefined;
  return (
    <section className="narrow stack" aria-labelledby="page-title">
      <h1 id="page-title">Logga in i Remissbanken</h1>
      {invalid ? (
        <InvalidLink retry="/inloggningslank" retryLabel="Be om en ny inloggningslänk" />
      ) : (
        <Form method="post" className="stack card" aria-describedby={p?.formError ? "form-error" : undefined}>
          <FormError problems={p} />
          <p>Tryck på knappen för att logga in. Länken kan bara användas en gång och gäller i 15 minuter från att den skickades.</p>
          <div className="actions">
            <button type="submit" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? "Loggar in…" : "Logga in"}
            </button>
          </div>
        </Form>
      )}
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
