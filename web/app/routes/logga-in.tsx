import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useEffect } from "react";
import { z } from "zod";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { currentUser, safeRedirect } from "~/lib/auth.server";
import { apiProblems, formValues, parseForm, problems } from "~/lib/forms.server";
import { relayCookies } from "~/lib/session.server";
import { FormError, TextField } from "~/components/form";
import { RouteErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Logga in – Remissbanken" }];

const SignIn = graphql(`
  mutation SignIn($email: String!, $password: String!) {
    signIn(email: $email, password: $password) { id }
  }
`);

const SignInForm = z.object({
  email: z.string().trim().min(1, "Skriv din e-postadress.").email("Skriv en giltig e-postadress, till exempel namn@kommun.se."),
  password: z.string().min(1, "Skriv ditt lösenord."),
  redirectTo: z.string().optional(),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await currentUser(request).catch(() => null);
  if (user) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const parsed = parseForm(form, SignInForm);
  if (!parsed.ok) return problems({ ...parsed.problems, values: { email: parsed.problems.values.email ?? "" } });
  const { email, password, redirectTo } = parsed.value;
  try {
    const result = await callApi(request, SignIn, { email, password }, { session: null });
    return redirect(safeRedirect(redirectTo), { headers: relayCookies(result.setCookies) });
  } catch (error) {
    // The password is never sent back to the page.
    const values = formValues(form);
    return apiProblems(error, { email: values.email ?? "" });
  }
}

export default function SignInPage() {
  const answer = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const p = answer?.problems;
  useEffect(() => {
    // After a failed attempt the password is emptied (without JavaScript the page comes back without it).
    const password = document.getElementById("password") as HTMLInputElement | null;
    if (answer && password) {
      password.value = "";
      password.focus();
    }
  }, [answer]);
  return (
    <section className="narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Logga in</h1>
      <p className="muted">För kansliet, styrelsen och medlemskommunernas kontaktpersoner.</p>
      <Form method="post" className="stack card" aria-describedby={p?.formError ? "form-error" : undefined}>
        <FormError problems={p} />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? "/"} />
        <TextField name="email" label="E-postadress" type="email" autoComplete="username" required problems={p} />
        <TextField name="password" label="Lösenord" type="password" autoComplete="current-password" required problems={{ fieldErrors: p?.fieldErrors ?? {}, values: {} }} />
        <div className="actions">
          <button type="submit" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Loggar in…" : "Logga in"}
          </button>
          <Link to="/glomt-losenord">Glömt lösenordet?</Link>
          <Link to="/inloggningslank">Få en inloggningslänk via e-post</Link>
        </div>
      </Form>
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
