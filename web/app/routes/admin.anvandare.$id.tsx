import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { ApiError, callApi } from "~/lib/api.server";
import { allMunicipalities, assignableRoles, formInt, requireAdminUser } from "~/lib/admin.server";
import { toUserInput, userFormSchema } from "~/lib/admin-forms";
import { formatDateTime } from "~/lib/format";
import { forbiddenResponse, load, notFoundResponse } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, formValues, parseForm, problems } from "~/lib/forms.server";
import { label } from "~/lib/labels";
import { AccountState, UserFields } from "~/components/admin-forms";
import { FormError } from "~/components/form";
import { RouteErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.user.name ?? "Användare"} – Administration – Remissbanken` }];

const UserQuery = graphql(`
  query AdminUser($id: ID!) {
    user(id: $id) {
      id name email role active version lastSignedInAt
      municipality { id name }
      abilities { canManage canInvite }
    }
  }
`);
const UpdateUser = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) { updateUser(input: $input) { id name } }
`);
const SendInvitation = graphql(`
  mutation SendInvitation($userId: ID!) { sendInvitation(userId: $userId) }
`);
const ArchiveUser = graphql(`
  mutation ArchiveUser($id: ID!) { archiveUser(id: $id) { id name } }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const me = await requireAdminUser(request);
  const [{ user }, municipalities] = await Promise.all([load(request, UserQuery, { id: params.id! }), allMunicipalities(request)]);
  if (!user) throw notFoundResponse();
  if (!user.abilities.canManage) throw forbiddenResponse();
  return { user, municipalities, roles: assignableRoles(me) };
}

const MESSAGES: Record<string, string> = {
  INVALID_TRANSITION: "Användaren har redan valt ett lösenord. Hen kan själv välja ett nytt via ”Glömt lösenordet?” på inloggningssidan.",
  DUPLICATE: "Det finns redan en användare med den e-postadressen.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const me = await requireAdminUser(request);
  const id = params.id!;
  const form = await request.formData();
  const intent = form.get("intent");
  const values = formValues(form);
  const refused = (error: unknown) => {
    if (error instanceof ApiError && error.reason && MESSAGES[error.reason]) {
      const message = MESSAGES[error.reason]!;
      return problems({ formError: message, fieldErrors: error.reason === "DUPLICATE" ? { email: message } : {}, values }, 409);
    }
    return apiProblems(error, values);
  };

  if (intent === "update") {
    const parsed = parseForm(form, userFormSchema(assignableRoles(me)));
    if (!parsed.ok) return problems(parsed.problems);
    try {
      const { data } = await callApi(request, UpdateUser, { input: { id, expectedVersion: formInt(form.get("expectedVersion")), ...toUserInput(parsed.value) } });
      return redirectWithFlash("/admin/anvandare", { kind: "success", message: `Ändringarna av ${data.updateUser.name} är sparade.` });
    } catch (error) {
      return refused(error);
    }
  }
  if (intent === "invite") {
    try {
      await callApi(request, SendInvitation, { userId: id });
      return redirectWithFlash(`/admin/anvandare/${id}`, { kind: "success", message: "En ny inbjudan är skickad. Tidigare inbjudningslänkar slutar gälla." });
    } catch (error) {
      return refused(error);
    }
  }
  if (intent === "archive") {
    try {
      const { data } = await callApi(request, ArchiveUser, { id });
      return redirectWithFlash("/admin/anvandare", { kind: "success", message: `${data.archiveUser.name} är inaktiverad och kan inte längre logga in.` });
    } catch (error) {
      return refused(error);
    }
  }
  return problems({ formError: "Okänd åtgärd.", fieldErrors: {}, values });
}

export default function AdminUser() {
  const { user, municipalities, roles } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const p = answer?.problems;
  const busy = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const problemsOf = (intent: string) => (p?.values.intent === intent ? p : undefined);

  return (
    <div className="stack">
      <nav className="breadcrumbs" aria-label="Du är här">
        <ol>
          <li><Link to="/admin">Administration</Link></li>
          <li><Link to="/admin/anvandare">Användare</Link></li>
          <li aria-current="page">{user.name}</li>
        </ol>
      </nav>
      <h1>{user.name}</h1>
      <p className="muted">
        {label("role", user.role)}
        {user.municipality ? `, ${user.municipality.name}` : ""} · <AccountState user={user} />
        {user.lastSignedInAt && <> · Senast inloggad {formatDateTime(user.lastSignedInAt)}</>}
      </p>

      <section className="card stack" aria-labelledby="edit-title">
        <h2 id="edit-title">Uppgifter och roll</h2>
        <Form method="post" className="stack narrow">
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="expectedVersion" value={user.version} />
          <FormError problems={problemsOf("update")} />
          <UserFields problems={problemsOf("update")} roles={roles} municipalities={municipalities} user={user} />
          <div className="actions">
            <button type="submit" disabled={busy === "update"}>{busy === "update" ? "Sparar…" : "Spara ändringar"}</button>
            <Link to="/admin/anvandare">Avbryt</Link>
          </div>
        </Form>
      </section>

      {user.abilities.canInvite && (
        <section className="card stack" aria-labelledby="invite-title">
          <h2 id="invite-title">Inbjudan</h2>
          <p className="muted">
            Har användaren inte valt lösenord än, eller har inbjudan gått ut? Skicka en ny inbjudan till {user.email}. Den gäller i 7 dagar.
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="invite" />
            <FormError problems={problemsOf("invite")} />
            <button type="submit" className="button-secondary" disabled={busy === "invite"}>
              {busy === "invite" ? "Skickar…" : "Skicka ny inbjudan"}
            </button>
          </Form>
        </section>
      )}

      <section className="card stack danger-zone" aria-labelledby="archive-title">
        <h2 id="archive-title">Inaktivera</h2>
        <p className="muted">
          Användaren loggas ut överallt, kan inte längre logga in och hens API-nycklar slutar gälla. Det hen har skrivit finns kvar.
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="archive" />
          <FormError problems={problemsOf("archive")} />
          <button type="submit" className="button-danger" disabled={busy === "archive"}>Inaktivera {user.name}</button>
        </Form>
      </section>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
