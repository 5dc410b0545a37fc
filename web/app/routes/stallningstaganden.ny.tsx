/**
 * Starting a ställningstagande that answers no remiss (/stallningstaganden/ny): staff give
 * it a title, the priority areas it serves and, if any, the inquiry and documents it is
 * about; the API creates a draft position and the editor takes over, as for a remissvar.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { load, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, formValues, parseForm, problems, type FormProblems } from "~/lib/forms.server";
import { NewPositionForm, pickedIds } from "~/lib/position-form";
import { FormError, SelectField, TextArea, TextField } from "~/components/form";
import { RouteErrorBoundary } from "~/components/route-error";
import remissStyles from "~/styles/remiss.css?url";
import styles from "~/styles/archive.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: remissStyles }, { rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "Nytt ställningstagande – Remissbanken" }];

const STAFF = ["STAFF", "ADMIN"] as const;

const ChoicesQuery = graphql(`
  query NewPositionChoices {
    priorityAreas(first: 100) { nodes { id name year } }
    inquiries(first: 100) { nodes { id name } }
  }
`);

const DocumentByDesignation = graphql(`
  query PositionDocument($designation: String!) {
    document(designation: $designation) { id designation archivedAt }
  }
`);

const CreatePosition = graphql(`
  mutation CreatePosition($input: CreateResponseInput!) {
    createResponse(input: $input) { id }
  }
`);

/** The API's field names as the form names them. */
const FIELD_NAMES = { title: "title", inquiryId: "inquiryId", documentIds: "designations", priorityAreaIds: "priorityAreaIds" };

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request, [...STAFF]);
  const data = await load(request, ChoicesQuery);
  return { areas: data.priorityAreas.nodes, inquiries: data.inquiries.nodes };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request, [...STAFF]);
  const form = await request.formData();
  const values = formValues(form);
  const areaIds = pickedIds(form.getAll("priorityAreaIds"));
  const fail = (p: FormProblems, status?: number) => problems({ ...p, values: { ...p.values, priorityAreaIds: areaIds.join(",") } }, status);
  const parsed = parseForm(form, NewPositionForm);
  if (!parsed.ok) return fail(parsed.problems);
  const { title, inquiryId, designations } = parsed.value;
  try {
    const found = await Promise.all(designations.map((designation) => callApi(request, DocumentByDesignation, { designation })));
    const missing = designations.find((_, i) => !found[i].data.document || found[i].data.document?.archivedAt);
    if (missing) {
      return fail({
        formError: "Några uppgifter behöver rättas.",
        fieldErrors: { designations: `Det finns inget dokument med beteckningen ${missing} i Remissbanken.` },
        values,
      });
    }
    const created = await callApi(request, CreatePosition, {
      input: {
        kind: "POSITION",
        title,
        inquiryId,
        priorityAreaIds: areaIds,
        documentIds: found.map((f) => f.data.document!.id),
        // The editor saves a version only with a section: the first one is ready to write in.
        sections: [{ heading: "Ställningstagande", body: "" }],
      },
    });
    return redirectWithFlash(`/remissvar/${created.data.createResponse.id}/redigera`, {
      kind: "success",
      message: "Ställningstagandet är påbörjat. Skriv det här och skicka det för beslut när det är klart.",
    });
  } catch (error) {
    const answer = apiProblems(error, values, FIELD_NAMES);
    return fail(answer.data.problems, answer.init?.status);
  }
}

export default function NewPosition() {
  const { areas, inquiries } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const p = answer?.problems;
  const ticked = new Set((p?.values.priorityAreaIds ?? "").split(",").filter(Boolean));
  const saving = useNavigation().state === "submitting";
  return (
    <>
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li><Link to="/stallningstaganden">Ställningstaganden</Link></li>
          <li aria-current="page">Nytt ställningstagande</li>
        </ol>
      </nav>
      <h1>Nytt ställningstagande</h1>
      <p className="muted">
        Ett ställningstagande är SmåKoms hållning i en fråga utan att en remiss ska besvaras. Det skrivs, beslutas av styrelsen och arkiveras som ett remissvar.
      </p>
      <Form method="post" className="card stack-form" noValidate aria-describedby={p?.formError ? "form-error" : undefined}>
        <FormError problems={p} />
        <TextField name="title" label="Titel" required problems={p} hint="Till exempel Ställningstagande: Strandskyddet ska differentieras." />
        <fieldset className="field checkbox-list">
          <legend>Prioriterade frågor</legend>
          {areas.length === 0 ? (
            <p className="muted">Det finns inga prioriterade frågor.</p>
          ) : (
            areas.map((area) => (
              <label key={area.id} className="checkbox">
                <input type="checkbox" name="priorityAreaIds" value={area.id} defaultChecked={ticked.has(area.id)} /> {area.name} ({area.year})
              </label>
            ))
          )}
        </fieldset>
        <SelectField
          name="inquiryId" label="Utredning" problems={p} hint="Om ställningstagandet gäller en utredning."
          options={[{ value: "", label: "Ingen utredning" }, ...inquiries.map((i) => ({ value: i.id, label: i.name }))]}
        />
        <TextArea
          name="designations" label="Dokument" rows={3} problems={p}
          hint="Beteckningar på dokument det gäller, en per rad, till exempel SOU 2020:8. De måste finnas i Remissbanken."
        />
        <div className="actions">
          <button type="submit" disabled={saving}>{saving ? "Skapar…" : "Börja skriva"}</button>
          <Link to="/stallningstaganden">Avbryt</Link>
        </div>
      </Form>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
