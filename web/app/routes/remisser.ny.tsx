import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { ApiError, callApi } from "~/lib/api.server";
import { load, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, formValues, parseForm, problems } from "~/lib/forms.server";
import { options } from "~/lib/labels";
import { isSmakom, NewRemissForm, REMISS_FIELD_NAMES } from "~/lib/remiss-form";
import { FormError, SelectField, TextArea, TextField } from "~/components/form";
import { RouteErrorBoundary } from "~/components/route-error";
import { StaffOptionsQuery, staffOptions } from "~/lib/remiss-staff.server";
import styles from "~/styles/remiss.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "Ny remiss – Remissbanken" }];

const DocumentByDesignation = graphql(`
  query DocumentByDesignation($designation: String!) {
    document(designation: $designation) { id designation title archivedAt }
  }
`);

const CreateRemiss = graphql(`
  mutation CreateRemiss($input: CreateRemissInput!) {
    createRemiss(input: $input) { id }
  }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, ["STAFF", "ADMIN"]);
  return { staff: staffOptions(await load(request, StaffOptionsQuery)), me: user.id };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request, ["STAFF", "ADMIN"]);
  const form = await request.formData();
  const values = formValues(form);
  const parsed = parseForm(form, NewRemissForm);
  if (!parsed.ok) return problems(parsed.problems);
  const input = parsed.value;
  try {
    const { data } = await callApi(request, DocumentByDesignation, { designation: input.designation });
    const document = data.document;
    if (!document || document.archivedAt) {
      const message = document
        ? `${input.designation} är arkiverat. Återställ dokumentet innan du lägger upp en remiss på det.`
        : `Det finns inget dokument med beteckningen ${input.designation} i Remissbanken. Lägg in betänkandet först och försök sedan igen.`;
      return problems({ formError: "Några uppgifter behöver rättas.", fieldErrors: { designation: message }, values });
    }
    const created = await callApi(request, CreateRemiss, {
      input: {
        documentId: document.id,
        diarienummer: input.diarienummer,
        ministry: input.ministry,
        deadline: input.deadline,
        memberInputDeadline: input.memberInputDeadline,
        status: input.status,
        ownerId: input.ownerId,
        referralBodies: input.referralBodies,
        smakomIsReferralBody: input.referralBodies.some(isSmakom),
        notes: input.notes,
      },
    });
    return redirectWithFlash(`/remisser/${created.data.createRemiss.id}`, {
      kind: "success",
      message: `Remissen på ${document.designation ?? document.title} är upplagd.`,
    });
  } catch (error) {
    // The diarienummer is the only unique field a person types here.
    if (error instanceof ApiError && error.reason === "DUPLICATE") {
      return problems({
        formError: "Några uppgifter behöver rättas.",
        fieldErrors: { diarienummer: `Det finns redan en remiss med diarienumret ${input.diarienummer}.` },
        values,
      }, 409);
    }
    return apiProblems(error, values, REMISS_FIELD_NAMES);
  }
}

export default function NewRemiss() {
  const { staff, me } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const p = answer?.problems;
  const navigation = useNavigation();
  const saving = navigation.state === "submitting";
  return (
    <>
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li><Link to="/remisser">Remisser</Link></li>
          <li aria-current="page">Ny remiss</li>
        </ol>
      </nav>
      <h1>Ny remiss</h1>
      <Form method="post" className="card stack-form" noValidate aria-describedby={p?.formError ? "form-error" : undefined}>
        <FormError problems={p} />
        <TextField
          name="designation" label="Betänkandets beteckning" required problems={p}
          hint="Dokumentet som remitteras, till exempel SOU 2020:8 eller Ds 2021:12. Det måste redan finnas i Remissbanken."
        />
        <TextField name="diarienummer" label="Diarienummer" problems={p} hint="Departementets diarienummer, till exempel Fi2011/4105." />
        <TextField name="ministry" label="Departement" required problems={p} hint="Till exempel Finansdepartementet." />
        <TextField name="deadline" label="Sista svarsdag" type="date" required problems={p} />
        <TextField
          name="memberInputDeadline" label="Sista dag för medlemmarnas synpunkter" type="date" problems={p}
          hint="Före sista svarsdag. Utan datum gäller departementets sista svarsdag."
        />
        <SelectField name="status" label="Status" options={options("remissStatus")} defaultValue="MONITORING" problems={p} />
        <SelectField
          name="ownerId" label="Ansvarig på kansliet" defaultValue={me} problems={p}
          options={[{ value: "", label: "Ingen ansvarig ännu" }, ...staff]}
        />
        <TextArea
          name="referralBodies" label="Remissinstanser" rows={6} problems={p}
          hint="En per rad, som i remissmissivet. Står SmåKom med markeras det automatiskt."
        />
        <TextArea name="notes" label="Anteckningar" rows={4} problems={p} hint="Interna anteckningar. Visas bara för kansliet och styrelsen." />
        <div className="actions">
          <button type="submit" disabled={saving}>{saving ? "Sparar…" : "Lägg upp remissen"}</button>
          <Link to="/remisser">Avbryt</Link>
        </div>
      </Form>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
