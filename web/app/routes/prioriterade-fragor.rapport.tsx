import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { ADMIN_ROLES } from "~/lib/admin.server";
import { label } from "~/lib/labels";
import { loadPriorityReport, renderPriorityChart } from "~/lib/priority-report.server";
import { currentYear, GOAL_STATUS_ORDER, goalTally, SERIES } from "~/lib/priority-report";
import { yearOptions } from "~/components/admin-forms";
import { SelectField } from "~/components/form";
import { RouteErrorBoundary } from "~/components/route-error";
import { GOAL_STATUS_BADGE } from "~/components/goal-status";
import adminStyles from "~/styles/admin.css?url";
import styles from "~/styles/priorities.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: adminStyles }, { rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Årsrapport för prioriterade frågor${data ? ` ${data.report.year}` : ""} – Remissbanken` },
];

const CHART_CAPTION = "chart-caption";

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, report } = await loadPriorityReport(request);
  return data(
    {
      report,
      chart: renderPriorityChart(report, CHART_CAPTION),
      thisYear: currentYear(),
      // The admin pages are where goals are recorded (ADMIN_ROLES); a link for those who may open them.
      canEditGoals: ADMIN_ROLES.includes(user.role),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function PriorityReportPage() {
  const { report, chart, thisYear, canEditGoals } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { year, areas } = report;
  const totals = SERIES.map((s) => areas.reduce((sum, row) => sum + row[s.key], 0));
  return (
    <div className="stack priority-report">
      <div className="section-head">
        <h1>Årsrapport för prioriterade frågor {year}</h1>
        {areas.length > 0 && (
          <a className="button button-secondary" href={`/prioriterade-fragor/rapport.csv?ar=${year}`} download>
            Ladda ner som CSV
          </a>
        )}
      </div>
      <p className="muted">
        Per prioriterad fråga som höstmötet beslutade för {year}: utredningar som följts under året, remissvar som skickats under
        året, synpunkter från medlemskommunerna som kommit in under året och hur det har gått med målen.
      </p>
      <Form method="get" className="inline-form" aria-label="Välj år">
        <SelectField name="ar" label="År" defaultValue={String(year)} options={yearOptions(thisYear, [year])} />
        <button type="submit" className="button-secondary" disabled={navigation.state === "loading"}>Visa</button>
      </Form>

      <div className="stack" aria-live="polite">
        {areas.length === 0 ? (
          <section className="card stack" aria-labelledby="empty-title">
            <h2 id="empty-title">Inga prioriterade frågor för {year}</h2>
            <p>
              Det finns inga prioriterade frågor registrerade för {year}, så det finns inget att rapportera.
              {canEditGoals && (
                <> <Link to={`/admin/prioriterade-fragor?ar=${year}`}>Lägg upp årets frågor och mål.</Link></>
              )}
            </p>
          </section>
        ) : (
          <>
            <section className="stack" aria-labelledby="figures-title">
              <h2 id="figures-title">Aktivitet per fråga</h2>
              <div className="priority-figures">
                <figure className="priority-chart card">
                  <figcaption id={CHART_CAPTION}>
                    Stapeldiagram: aktiva utredningar, skickade remissvar och inkomna synpunkter per prioriterad fråga {year}.
                    Samma siffror finns i tabellen.
                  </figcaption>
                  {/* Markup from renderPriorityChart: an SVG drawn on the server from escaped text, with no script. */}
                  {chart && <div className="priority-chart-svg" dangerouslySetInnerHTML={{ __html: chart }} />}
                  <ul className="chart-legend" aria-hidden="true">
                    {SERIES.map((s) => (
                      <li key={s.key}><span className={`swatch swatch-${s.key}`} />{s.label}</li>
                    ))}
                  </ul>
                </figure>
                <div className="table-wrap">
                  <table>
                    <caption>Siffror per prioriterad fråga {year}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Prioriterad fråga</th>
                        {SERIES.map((s) => <th scope="col" key={s.key} className="num">{s.label}</th>)}
                        <th scope="col" className="num">Uppnådda mål</th>
                      </tr>
                    </thead>
                    <tbody>
                      {areas.map((row) => (
                        <tr key={row.area.id}>
                          <th scope="row">{row.area.name}</th>
                          {SERIES.map((s) => <td key={s.key} className="num">{row[s.key]}</td>)}
                          <td className="num">{goalTally(row.goals).ACHIEVED} av {row.goals.length}</td>
                        </tr>
                      ))}
                    </tbody>
                    <tfoot>
                      <tr>
                        <th scope="row">Totalt</th>
                        {totals.map((total, i) => <td key={SERIES[i].key} className="num">{total}</td>)}
                        <td className="num">
                          {areas.reduce((sum, row) => sum + goalTally(row.goals).ACHIEVED, 0)} av {areas.reduce((sum, row) => sum + row.goals.length, 0)}
                        </td>
                      </tr>
                    </tfoot>
                  </table>
                </div>
              </div>
            </section>

            <section className="stack" aria-labelledby="goals-title">
              <h2 id="goals-title">Målen för {year}</h2>
              <div className="cards">
                {areas.map((row) => (
                  <article className="card stack" key={row.area.id} aria-labelledby={`goals-${row.area.id}`}>
                    <h3 id={`goals-${row.area.id}`}>{row.area.name}</h3>
                    {row.goals.length === 0 ? (
                      <p className="muted">Inga mål är registrerade för frågan.</p>
                    ) : (
                      <>
                        <p className="muted">
                          {GOAL_STATUS_ORDER.map((status) => [status, goalTally(row.goals)[status]] as const)
                            .filter(([, n]) => n > 0)
                            .map(([status, n]) => `${label("goalStatus", status)}: ${n}`)
                            .join(" · ")}
                        </p>
                        <ul className="goal-list" aria-label={`Mål för ${row.area.name}`}>
                          {row.goals.map((goal) => (
                            <li key={goal.id}>
                              <span className={GOAL_STATUS_BADGE[goal.status] ?? "badge"}>{label("goalStatus", goal.status)}</span> {goal.text}
                              {goal.comment && <p className="goal-comment">{goal.comment}</p>}
                            </li>
                          ))}
                        </ul>
                      </>
                    )}
                    {canEditGoals && (
                      <p><Link to={`/admin/prioriterade-fragor/${row.area.id}#mal`}>Ändra målen<span className="visually-hidden"> för {row.area.name}</span></Link></p>
                    )}
                  </article>
                ))}
              </div>
            </section>
          </>
        )}
      </div>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
