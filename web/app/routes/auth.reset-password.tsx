import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { linkPageHeaders, linkPageLoader, passwordFromLinkAction } from "~/lib/one-time-links.server";
import { SetPasswordPage } from "~/components/account";
import { RouteErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Nytt lösenord – Remissbanken" }];
export const headers = linkPageHeaders;

const ResetPassword = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password) { id }
  }
`);

export const loader = linkPageLoader;

export async function action({ request }: ActionFunctionArgs) {
  return passwordFromLinkAction(
    request,
    (token, password) => callApi(request, ResetPassword, { token, password }, { session: null }),
    "Ditt nya lösenord är sparat och du är inloggad. Du har loggats ut från andra webbläsare.",
  );
}

export default function ResetPasswordPage() {
  const { tokenPresent } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <SetPasswordPage
      title="Välj ett nytt lösenord"
      intro="Välj ett nytt lösenord för ditt konto. Du loggas in här och ut från alla andra webbläsare, och dina API-nycklar slutar gälla."
      submitLabel="Spara nytt lösenord"
      answer={answer}
      submitting={navigation.state === "submitting"}
      tokenPresent={tokenPresent}
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
