import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { ApiError, callApi } from "~/lib/api.server";
import { requireAdminUser } from "~/lib/admin.server";
import { DUPLICATE_MUNICIPALITY, MunicipalityForm } from "~/lib/admin-forms";
import { load } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, formValues, parseForm, problems } from "~/lib/forms.server";
import { formatDate } from "~/lib/format";
import { MunicipalityFields } from "~/components/admin-forms";
import { FormError } from "~/components/form";
import { RouteErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Medlemskommuner – Administration – Remissbanken" }];

const Municipalities = graphql(`
  query AdminMunicipalities($after: String) {
    municipalities(first: 100, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id name county active memberSince abilities { canEdit } }
    }
  }
`);
const CreateMunicipality = graphql(`
  mutation CreateMunicipality($input: MunicipalityInput!) { createMunicipality(input: $input) { id name } }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdminUser(request);
  return load(request, Municipalities, { after: new URL(request.url).searchParams.get("efter") });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdminUser(request);
  const form = await request.formData();
  const parsed = parseForm(form, MunicipalityForm);
  if (!parsed.ok) return problems(parsed.problems);
  try {
    const { data } = await callApi(request, CreateMunicipality, { input: parsed.value });
    return redirectWithFlash("/admin/kommuner", { kind: "success", message: `${data.createMunicipality.name} är tillagd som medlemskommun.` });
  } catch (error) {
    if (error instanceof ApiError && error.reason === "DUPLICATE") {
      return problems({ formError: DUPLICATE_MUNICIPALITY, fieldErrors: { name: DUPLICATE_MUNICIPALITY }, values: formValues(form) }, 409);
    }
    return apiProblems(error, formValues(form));
  }
}

export default function AdminMunicipalities() {
  const { municipalities } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const p = answer?.problems;
  return (
    <div className="stack">
      <h1>Medlemskommuner</h1>
      <section className="stack" aria-labelledby="list-title">
        <h2 id="list-title">Kommuner <span className="muted">({municipalities.totalCount})</span></h2>
        {municipalities.nodes.length === 0 ? (
          <p>Inga medlemskommuner är inlagda än.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Medlemskommuner</caption>
              <thead>
                <tr>
                  <th scope="col">Kommun</th>
                  <th scope="col">Län</th>
                  <th scope="col">Medlem sedan</th>
                  <th scope="col">Status</th>
                  <th scope="col"><span className="visually-hidden">Åtgärd</span></th>
                </tr>
              </thead>
              <tbody>
                {municipalities.nodes.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.name}</th>
                    <td>{m.county}</td>
                    <td>{m.memberSince ? formatDate(m.memberSince) : <span className="muted">–</span>}</td>
                    <td>{m.active ? <span className="badge badge-ok">Aktiv</span> : <span className="badge badge-muted">Vilande</span>}</td>
                    <td>{m.abilities.canEdit && <Link to={`/admin/kommuner/${m.id}`}>Ändra<span className="visually-hidden"> {m.name}</span></Link>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {municipalities.pageInfo.hasNextPage && municipalities.pageInfo.endCursor && (
          <p><Link to={`?efter=${encodeURIComponent(municipalities.pageInfo.endCursor)}`}>Visa fler kommuner</Link></p>
        )}
      </section>

      <section className="card stack" aria-labelledby="create-title">
        <h2 id="create-title">Lägg till en medlemskommun</h2>
        <Form method="post" className="stack narrow" aria-describedby={p?.formError ? "form-error" : undefined}>
          <FormError problems={p} />
          <MunicipalityFields problems={p} />
          <div className="actions">
            <button type="submit" disabled={navigation.state === "submitting"}>Lägg till kommun</button>
          </div>
        </Form>
      </section>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
