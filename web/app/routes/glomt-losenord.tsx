import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { requestLinkAction } from "~/lib/one-time-links.server";
import { RequestLinkPage } from "~/components/account";
import { RouteErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Glömt lösenordet – Remissbanken" }];

const RequestPasswordReset = graphql(`
  mutation RequestPasswordReset($email: String!) { requestPasswordReset(email: $email) }
`);

export async function action({ request }: ActionFunctionArgs) {
  return requestLinkAction(request, (email) => callApi(request, RequestPasswordReset, { email }, { session: null }));
}

export default function ForgotPasswordPage() {
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <RequestLinkPage
      title="Glömt lösenordet?"
      intro="Skriv e-postadressen till ditt konto, så skickar vi en länk där du väljer ett nytt lösenord. Länken gäller i en timme."
      sentText="har ett konto i Remissbanken har vi skickat ett mejl med en länk för att välja ett nytt lösenord. Länken gäller i en timme och kan bara användas en gång."
      answer={answer}
      submitting={navigation.state === "submitting"}
    />
  );
}

export const ErrorBoundary = RouteErrorBoundary;
