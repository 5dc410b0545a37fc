import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { formInt, parsePriorityArea, requireAdminUser } from "~/lib/admin.server";
import { forbiddenResponse, load, notFoundResponse } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, formValues, problems } from "~/lib/forms.server";
import { todayInStockholm } from "~/lib/format";
import { PriorityAreaFields } from "~/components/admin-forms";
import { FormError } from "~/components/form";
import { GoalsSection } from "~/components/goal-forms";
import { goalAction } from "~/lib/goal-forms.server";
import { isGoalIntent } from "~/lib/goal-forms";
import { RouteErrorBoundary } from "~/components/route-error";
import styles from "~/styles/priorities.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.area.name ?? "Prioriterad fråga"} – Administration – Remissbanken` }];

const AreaQuery = graphql(`
  query AdminPriorityArea($id: ID!) {
    priorityArea(id: $id) {
      id name year description version archivedAt
      abilities { canEdit canArchive }
      goals { id text status comment version }
    }
  }
`);
const UpdatePriorityArea = graphql(`
  mutation UpdatePriorityArea($input: PriorityAreaInput!) { updatePriorityArea(input: $input) { id name year } }
`);
const ArchivePriorityArea = graphql(`
  mutation ArchivePriorityArea($id: ID!) { archivePriorityArea(id: $id) { id name year } }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdminUser(request);
  const { priorityArea: area } = await load(request, AreaQuery, { id: params.id! });
  if (!area || area.archivedAt) throw notFoundResponse();
  if (!area.abilities.canEdit) throw forbiddenResponse();
  return { area, currentYear: Number(todayInStockholm().slice(0, 4)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAdminUser(request);
  const id = params.id!;
  const form = await request.formData();
  const values = formValues(form);
  const intent = form.get("intent");
  if (isGoalIntent(intent)) return goalAction(request, form, intent, id);
  if (intent === "archive") {
    try {
      const { data } = await callApi(request, ArchivePriorityArea, { id });
      const area = data.archivePriorityArea;
      return redirectWithFlash(`/admin/prioriterade-fragor?ar=${area.year}`, { kind: "success", message: `”${area.name}” är arkiverad.` });
    } catch (error) {
      return apiProblems(error, values);
    }
  }
  const parsed = parsePriorityArea(form);
  if (!parsed.ok) return problems(parsed.problems);
  // The goals have forms of their own below the area's; this form leaves them as they are.
  const { goals: _goals, ...changes } = parsed.input;
  try {
    const { data } = await callApi(request, UpdatePriorityArea, {
      input: { id, expectedVersion: formInt(form.get("expectedVersion")), ...changes },
    });
    const area = data.updatePriorityArea;
    return redirectWithFlash(`/admin/prioriterade-fragor?ar=${area.year}`, { kind: "success", message: `Ändringarna av ”${area.name}” är sparade.` });
  } catch (error) {
    return apiProblems(error, values);
  }
}

export default function EditPriorityArea() {
  const { area, currentYear } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const p = answer?.problems;
  const archiving = p?.values.intent === "archive";
  const onGoals = isGoalIntent(p?.values.intent);
  const areaProblems = archiving || onGoals ? undefined : p;
  return (
    <div className="stack">
      <nav className="breadcrumbs" aria-label="Du är här">
        <ol>
          <li><Link to="/admin">Administration</Link></li>
          <li><Link to={`/admin/prioriterade-fragor?ar=${area.year}`}>Prioriterade frågor {area.year}</Link></li>
          <li aria-current="page">{area.name}</li>
        </ol>
      </nav>
      <h1>{area.name}</h1>
      <p><Link to={`/prioriterade-fragor/rapport?ar=${area.year}`}>Årsrapport för prioriterade frågor {area.year}</Link></p>
      <Form method="post" className="stack card" aria-describedby={areaProblems?.formError ? "form-error" : undefined}>
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="expectedVersion" value={area.version} />
        <FormError problems={areaProblems} />
        <PriorityAreaFields problems={areaProblems} area={area} year={area.year} currentYear={currentYear} withGoals={false} />
        <div className="actions">
          <button type="submit" disabled={navigation.state === "submitting"}>Spara ändringar</button>
          <Link to={`/admin/prioriterade-fragor?ar=${area.year}`}>Avbryt</Link>
        </div>
      </Form>
      <GoalsSection year={area.year} goals={area.goals} problems={onGoals ? p : undefined} busy={navigation.state === "submitting"} />
      {area.abilities.canArchive && (
        <section className="card stack danger-zone" aria-labelledby="archive-title">
          <h2 id="archive-title">Arkivera</h2>
          <p className="muted">Frågan och dess mål försvinner ur listorna över prioriterade frågor.</p>
          <Form method="post">
            <input type="hidden" name="intent" value="archive" />
            <FormError problems={archiving ? p : undefined} />
            <button type="submit" className="button-danger">Arkivera frågan</button>
          </Form>
        </section>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
