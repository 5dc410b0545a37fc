import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { ApiError, callApi } from "~/lib/api.server";
import { formInt, requireAdminUser } from "~/lib/admin.server";
import { DUPLICATE_MUNICIPALITY, MunicipalityForm } from "~/lib/admin-forms";
import { forbiddenResponse, load, notFoundResponse } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, formValues, parseForm, problems } from "~/lib/forms.server";
import { MunicipalityFields } from "~/components/admin-forms";
import { FormError } from "~/components/form";
import { RouteErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.municipality.name ?? "Kommun"} – Administration – Remissbanken` }];

const MunicipalityQuery = graphql(`
  query AdminMunicipality($id: ID!) {
    municipality(id: $id) { id name county memberSince active archivedAt version abilities { canEdit canArchive } }
  }
`);
const UpdateMunicipality = graphql(`
  mutation UpdateMunicipality($input: MunicipalityInput!) { updateMunicipality(input: $input) { id name } }
`);
const ArchiveMunicipality = graphql(`
  mutation ArchiveMunicipality($id: ID!) { archiveMunicipality(id: $id) { id name } }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdminUser(request);
  const { municipality } = await load(request, MunicipalityQuery, { id: params.id! });
  if (!municipality || municipality.archivedAt) throw notFoundResponse();
  if (!municipality.abilities.canEdit) throw forbiddenResponse();
  return { municipality };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAdminUser(request);
  const id = params.id!;
  const form = await request.formData();
  const values = formValues(form);
  if (form.get("intent") === "archive") {
    try {
      const { data } = await callApi(request, ArchiveMunicipality, { id });
      return redirectWithFlash("/admin/kommuner", { kind: "success", message: `${data.archiveMunicipality.name} är arkiverad. Kommunens synpunkter finns kvar.` });
    } catch (error) {
      return apiProblems(error, values);
    }
  }
  const parsed = parseForm(form, MunicipalityForm);
  if (!parsed.ok) return problems(parsed.problems);
  try {
    const { data } = await callApi(request, UpdateMunicipality, {
      input: { id, expectedVersion: formInt(form.get("expectedVersion")), ...parsed.value, active: form.get("active") === "on" },
    });
    return redirectWithFlash("/admin/kommuner", { kind: "success", message: `Ändringarna av ${data.updateMunicipality.name} är sparade.` });
  } catch (error) {
    if (error instanceof ApiError && error.reason === "DUPLICATE") {
      return problems({ formError: DUPLICATE_MUNICIPALITY, fieldErrors: { name: DUPLICATE_MUNICIPALITY }, values }, 409);
    }
    return apiProblems(error, values);
  }
}

export default function AdminMunicipality() {
  const { municipality } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const p = answer?.problems;
  const archiving = p?.values.intent === "archive";
  const active = p && !archiving ? p.values.active === "on" : municipality.active;
  return (
    <div className="stack">
      <nav className="breadcrumbs" aria-label="Du är här">
        <ol>
          <li><Link to="/admin">Administration</Link></li>
          <li><Link to="/admin/kommuner">Medlemskommuner</Link></li>
          <li aria-current="page">{municipality.name}</li>
        </ol>
      </nav>
      <h1>{municipality.name}</h1>
      <section className="card stack" aria-labelledby="edit-title">
        <h2 id="edit-title">Uppgifter</h2>
        <Form method="post" className="stack narrow">
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="expectedVersion" value={municipality.version} />
          <FormError problems={archiving ? undefined : p} />
          <MunicipalityFields problems={archiving ? undefined : p} municipality={municipality} />
          <div className="field">
            <span>
              <input type="checkbox" id="active" name="active" defaultChecked={active} />{" "}
              <label htmlFor="active">Aktiv medlem</label>
            </span>
          </div>
          <div className="actions">
            <button type="submit" disabled={navigation.state === "submitting"}>Spara ändringar</button>
            <Link to="/admin/kommuner">Avbryt</Link>
          </div>
        </Form>
      </section>
      {municipality.abilities.canArchive && (
        <section className="card stack danger-zone" aria-labelledby="archive-title">
          <h2 id="archive-title">Arkivera</h2>
          <p className="muted">För en kommun som har lämnat SmåKom. Kommunen försvinner ur listorna; det den har skickat in finns kvar.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="archive" />
            <FormError problems={archiving ? p : undefined} />
            <button type="submit" className="button-danger">Arkivera {municipality.name}</button>
          </Form>
        </section>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
