import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { parsePriorityArea, requireAdminUser } from "~/lib/admin.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, formValues, problems } from "~/lib/forms.server";
import { currentYear, yearFromUrl } from "~/lib/priority-report";
import { PriorityAreaFields } from "~/components/admin-forms";
import { FormError } from "~/components/form";
import { RouteErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Ny prioriterad fråga – Administration – Remissbanken" }];

const CreatePriorityArea = graphql(`
  mutation CreatePriorityArea($input: PriorityAreaInput!) { createPriorityArea(input: $input) { id name year } }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdminUser(request);
  return { currentYear: currentYear(), year: yearFromUrl(request.url) };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdminUser(request);
  const form = await request.formData();
  const parsed = parsePriorityArea(form);
  if (!parsed.ok) return problems(parsed.problems);
  try {
    const { data } = await callApi(request, CreatePriorityArea, { input: parsed.input });
    const area = data.createPriorityArea;
    return redirectWithFlash(`/admin/prioriterade-fragor?ar=${area.year}`, { kind: "success", message: `”${area.name}” är tillagd för ${area.year}.` });
  } catch (error) {
    return apiProblems(error, formValues(form));
  }
}

export default function NewPriorityArea() {
  const { year, currentYear } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const p = answer?.problems;
  return (
    <div className="stack">
      <nav className="breadcrumbs" aria-label="Du är här">
        <ol>
          <li><Link to="/admin">Administration</Link></li>
          <li><Link to={`/admin/prioriterade-fragor?ar=${year}`}>Prioriterade frågor</Link></li>
          <li aria-current="page">Ny fråga</li>
        </ol>
      </nav>
      <h1>Ny prioriterad fråga</h1>
      <Form method="post" className="stack card" aria-describedby={p?.formError ? "form-error" : undefined}>
        <FormError problems={p} />
        <PriorityAreaFields problems={p} year={year} currentYear={currentYear} />
        <div className="actions">
          <button type="submit" disabled={navigation.state === "submitting"}>Spara fråga</button>
          <Link to={`/admin/prioriterade-fragor?ar=${year}`}>Avbryt</Link>
        </div>
      </Form>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
