import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { linkPageHeaders, linkPageLoader, passwordFromLinkAction } from "~/lib/one-time-links.server";
import { SetPasswordPage } from "~/components/account";
import { RouteErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Välj lösenord – Remissbanken" }];
export const headers = linkPageHeaders;

const AcceptInvitation = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password) { id }
  }
`);

export const loader = linkPageLoader;

export async function action({ request }: ActionFunctionArgs) {
  return passwordFromLinkAction(
    request,
    (token, password) => callApi(request, AcceptInvitation, { token, password }, { session: null }),
    "Välkommen till Remissbanken! Ditt lösenord är sparat och du är inloggad.",
  );
}

export default function InvitationPage() {
  const { tokenPresent } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <SetPasswordPage
      title="Välkommen till Remissbanken"
      intro="Du har fått en inbjudan till Remissbanken. Välj ett lösenord för ditt konto; sedan är du inloggad."
      submitLabel="Spara lösenord och logga in"
      answer={answer}
      submitting={navigation.state === "submitting"}
      tokenPresent={tokenPresent}
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
