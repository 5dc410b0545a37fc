import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { graphql } from "~/graphql/graphql";
import { ApiError, callApi } from "~/lib/api.server";
import { allMunicipalities, assignableRoles, requireAdminUser } from "~/lib/admin.server";
import { load, type Role } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, formValues, parseForm, problems } from "~/lib/forms.server";
import { label, options } from "~/lib/labels";
import { FormError, SelectField } from "~/components/form";
import { RouteErrorBoundary } from "~/components/route-error";
import { AccountState, UserFields } from "~/components/admin-forms";
import { userFormSchema, toUserInput } from "~/lib/admin-forms";

export const meta: MetaFunction = () => [{ title: "Användare – Administration – Remissbanken" }];

const Users = graphql(`
  query AdminUsers($after: String, $role: Role) {
    users(first: 50, after: $after, role: $role) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id name email role active lastSignedInAt municipality { id name } abilities { canManage } }
    }
  }
`);

const InviteUser = graphql(`
  mutation InviteUser($input: CreateUserInput!) {
    inviteUser(input: $input) { id name email }
  }
`);

const ROLES = ["MEMBER", "BOARD", "STAFF", "ADMIN"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const me = await requireAdminUser(request);
  const params = new URL(request.url).searchParams;
  const roleParam = params.get("roll");
  const role = (ROLES as readonly string[]).includes(roleParam ?? "") ? (roleParam as Role) : null;
  const [{ users }, municipalities] = await Promise.all([
    load(request, Users, { after: params.get("efter"), role }),
    allMunicipalities(request),
  ]);
  return { users, municipalities, roles: assignableRoles(me), role };
}

export async function action({ request }: ActionFunctionArgs) {
  const me = await requireAdminUser(request);
  const form = await request.formData();
  const parsed = parseForm(form, userFormSchema(assignableRoles(me)));
  if (!parsed.ok) return problems(parsed.problems);
  try {
    const { data } = await callApi(request, InviteUser, { input: toUserInput(parsed.value) });
    return redirectWithFlash("/admin/anvandare", {
      kind: "success",
      message: `${data.inviteUser.name} är inbjuden. En länk för att välja lösenord har skickats till ${data.inviteUser.email}.`,
    });
  } catch (error) {
    if (error instanceof ApiError && error.reason === "DUPLICATE") {
      const message = "Det finns redan en användare med den e-postadressen.";
      return problems({ formError: message, fieldErrors: { email: message }, values: formValues(form) }, 409);
    }
    return apiProblems(error, formValues(form));
  }
}

export default function AdminUsers() {
  const { users, municipalities, roles, role } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const p = answer?.problems;
  const next = new URLSearchParams(params);
  if (users.pageInfo.endCursor) next.set("efter", users.pageInfo.endCursor);

  return (
    <div className="stack">
      <h1>Användare</h1>

      <section className="stack" aria-labelledby="list-title">
        <div className="section-head">
          <h2 id="list-title">Aktiva användare <span className="muted">({users.totalCount})</span></h2>
          <Form method="get" className="inline-form">
            <SelectField
              name="roll"
              label="Visa roll"
              defaultValue={role ?? ""}
              options={[{ value: "", label: "Alla roller" }, ...options("role")]}
            />
            <button type="submit" className="button-secondary">Visa</button>
          </Form>
        </div>
        {users.nodes.length === 0 ? (
          <p>Inga användare{role ? ` med rollen ${label("role", role).toLowerCase()}` : ""}.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Användare</caption>
              <thead>
                <tr>
                  <th scope="col">Namn</th>
                  <th scope="col">E-postadress</th>
                  <th scope="col">Roll</th>
                  <th scope="col">Kommun</th>
                  <th scope="col">Status</th>
                  <th scope="col"><span className="visually-hidden">Åtgärd</span></th>
                </tr>
              </thead>
              <tbody>
                {users.nodes.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{u.name}</th>
                    <td>{u.email}</td>
                    <td>{label("role", u.role)}</td>
                    <td>{u.municipality?.name ?? <span className="muted">–</span>}</td>
                    <td><AccountState user={u} /></td>
                    <td>
                      {u.abilities.canManage && (
                        <Link to={`/admin/anvandare/${u.id}`}>Ändra<span className="visually-hidden"> {u.name}</span></Link>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {users.pageInfo.hasNextPage && (
          <p><Link to={`?${next.toString()}`}>Visa fler användare</Link></p>
        )}
      </section>

      <section className="card stack" aria-labelledby="invite-title">
        <h2 id="invite-title">Bjud in en användare</h2>
        <p className="muted">Den inbjudna får ett mejl med en länk för att välja lösenord. Länken gäller i 7 dagar.</p>
        <Form method="post" className="stack narrow" aria-describedby={p?.formError ? "form-error" : undefined}>
          <FormError problems={p} />
          <UserFields problems={p} roles={roles} municipalities={municipalities} />
          <div className="actions">
            <button type="submit" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? "Skickar inbjudan…" : "Skicka inbjudan"}
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
