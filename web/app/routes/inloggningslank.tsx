import type { ActionFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { requestLinkAction } from "~/lib/one-time-links.server";
import { RequestLinkPage } from "~/components/account";
import { RouteErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Inloggningslänk – Remissbanken" }];

const RequestSignInLink = graphql(`
  mutation RequestSignInLink($email: String!) { requestSignInLink(email: $email) }
`);

export async function action({ request }: ActionFunctionArgs) {
  return requestLinkAction(request, (email) => callApi(request, RequestSignInLink, { email }, { session: null }));
}

export default function SignInLinkRequestPage() {
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  return (
    <RequestLinkPage
      title="Logga in med en länk"
      intro="För medlemskommunernas kontaktpersoner: skriv din e-postadress, så skickar vi en länk som loggar in dig utan lösenord. Länken gäller i 15 minuter."
      sentText="hör till en medlemskommuns konto i Remissbanken har vi skickat ett mejl med en inloggningslänk. Länken gäller i 15 minuter och kan bara användas en gång."
      answer={answer}
      submitting={navigation.state === "submitting"}
    >
      <p className="muted">
        Arbetar du på kansliet eller i styrelsen? Logga in med ditt lösenord, eller <Link to="/glomt-losenord">välj ett nytt lösenord</Link>.
      </p>
    </RequestLinkPage>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
