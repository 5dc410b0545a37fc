import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { requireAdminUser } from "~/lib/admin.server";
import { load } from "~/lib/auth.server";
import { currentYear, yearFromUrl } from "~/lib/priority-report";
import { label } from "~/lib/labels";
import { yearOptions } from "~/components/admin-forms";
import { SelectField } from "~/components/form";
import { RouteErrorBoundary } from "~/components/route-error";
import { GOAL_STATUS_BADGE } from "~/components/goal-status";

export const meta: MetaFunction = () => [{ title: "Prioriterade frågor – Administration – Remissbanken" }];

const Areas = graphql(`
  query AdminPriorityAreas($year: Int!) {
    priorityAreas(first: 100, year: $year) {
      totalCount
      nodes { id name description abilities { canEdit } goals { id text status } }
    }
  }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdminUser(request);
  const year = yearFromUrl(request.url);
  const { priorityAreas } = await load(request, Areas, { year });
  return { year, currentYear: currentYear(), priorityAreas };
}

export default function AdminPriorityAreas() {
  const { year, currentYear, priorityAreas } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="section-head">
        <h1>Prioriterade frågor {year}</h1>
        <Link className="button" to={`/admin/prioriterade-fragor/ny?ar=${year}`}>Ny prioriterad fråga</Link>
      </div>
      <p><Link to={`/prioriterade-fragor/rapport?ar=${year}`}>Årsrapport för prioriterade frågor {year}</Link>: följda utredningar, skickade remissvar, inkomna synpunkter och målens status, med diagram och CSV.</p>
      <Form method="get" className="inline-form" aria-label="Välj år">
        <SelectField name="ar" label="År" defaultValue={String(year)} options={yearOptions(currentYear, [year])} />
        <button type="submit" className="button-secondary">Visa</button>
      </Form>
      <section className="stack" aria-labelledby="list-title" aria-live="polite">
        <h2 id="list-title" className="visually-hidden">Frågor för {year}</h2>
        {priorityAreas.nodes.length === 0 ? (
          <p>Inga prioriterade frågor för {year} än. <Link to={`/admin/prioriterade-fragor/ny?ar=${year}`}>Lägg upp den första.</Link></p>
        ) : (
          <div className="cards">
            {priorityAreas.nodes.map((area) => (
              <article className="card stack" key={area.id} aria-labelledby={`area-${area.id}`}>
                <h3 id={`area-${area.id}`}>{area.name}</h3>
                {area.description && <p>{area.description}</p>}
                {area.goals.length === 0 ? (
                  <p className="muted">Inga mål än.</p>
                ) : (
                  <ul className="goal-list" aria-label={`Mål för ${area.name}`}>
                    {area.goals.map((g) => (
                      <li key={g.id}>
                        <span className={GOAL_STATUS_BADGE[g.status] ?? "badge"}>{label("goalStatus", g.status)}</span> {g.text}
                      </li>
                    ))}
                  </ul>
                )}
                {area.abilities.canEdit && (
                  <p><Link to={`/admin/prioriterade-fragor/${area.id}`}>Ändra<span className="visually-hidden"> {area.name}</span></Link></p>
                )}
              </article>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
