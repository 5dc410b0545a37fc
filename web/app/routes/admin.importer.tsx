import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { graphql, type ResultOf } from "~/graphql/graphql";
import { requireAdminUser } from "~/lib/admin.server";
import { load } from "~/lib/auth.server";
import { formatDateTime } from "~/lib/format";
import { label } from "~/lib/labels";
import { describeOutcome, swedishItem, swedishReason } from "~/lib/import-runs";
import { RouteErrorBoundary } from "~/components/route-error";
import styles from "~/styles/imports.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "Importer – Administration – Remissbanken" }];

const RUNS_SHOWN = 50;

const ImportRunsQuery = graphql(`
  query ImportRuns($first: Int) {
    importRuns(first: $first) {
      id source trigger status startedAt finishedAt added updated unchanged skipped failed error options
      failures { item reason }
      startedBy { id name }
    }
  }
`);

type Run = ResultOf<typeof ImportRunsQuery>["importRuns"][number];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdminUser(request);
  const { importRuns } = await load(request, ImportRunsQuery, { first: RUNS_SHOWN });
  return { runs: importRuns };
}

/** Who or what started a run: the schedule, a command on the server, or a named staff member. */
function startedBy(run: Run): string {
  if (run.trigger === "WEB") return run.startedBy ? `${run.startedBy.name} (från länk)` : "Från länk";
  return run.trigger === "SCHEDULE" ? "Schemat" : "Kommando på servern";
}

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** What the run was asked, e.g. "dir, sou från 2026-11-30", saved files, or how many remiss pages. */
function asked(options: Record<string, unknown>): string {
  const types = list(options.types).join(", ");
  const period = typeof options.from === "string" ? ` från ${options.from}${typeof options.to === "string" ? ` till ${options.to}` : ""}` : "";
  const pages = list(options.addresses).length;
  return [
    types ? `${types}${period}` : null,
    ...list(options.files),
    ...list(options.statusFiles),
    pages ? (pages === 1 ? "1 remissida" : `${pages} remissidor`) : null,
  ].filter(Boolean).join("; ");
}

function Failures({ run }: { run: Run }) {
  if (!run.failures.length) return null;
  const more = run.failed - run.failures.length;
  return (
    <details className="import-failures">
      <summary>{run.failed === 1 ? "1 misslyckad post" : `${run.failed} misslyckade poster`}</summary>
      <ul>
        {run.failures.map((f, i) => <li key={i}><strong>{swedishItem(f.item)}</strong>: {swedishReason(f.reason)}</li>)}
      </ul>
      {more > 0 && <p className="muted">… och {more} till (se kommandots utskrift).</p>}
    </details>
  );
}

export default function ImportRuns() {
  const { runs } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Importer</h1>
      <p>
        Dokument från Riksdagens öppna data och remisser från regeringen.se. När den schemalagda importen är påslagen
        (inställningen IMPORT_SCHEDULE på servern; avstängd om inget annat sägs, utom i drift där den körs varje natt) hämtar den
        det Riksdagen publicerat sedan förra lyckade körningen. De senaste {RUNS_SHOWN} körningarna, nyast först.
      </p>
      {runs.length === 0 ? (
        <div className="card empty-state"><p>Ingen import har körts än.</p></div>
      ) : (
        <div className="table-wrap">
          <table className="import-runs">
            <caption className="visually-hidden">Importkörningar, nyast först</caption>
            <thead>
              <tr>
                <th scope="col">Startad</th>
                <th scope="col">Källa</th>
                <th scope="col">Startad av</th>
                <th scope="col">Resultat</th>
                <th scope="col">Antal</th>
                <th scope="col">Misslyckade</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id}>
                  <th scope="row">{formatDateTime(run.startedAt)}</th>
                  <td>
                    {label("importSource", run.source)}
                    {asked(run.options) && <div className="muted">{asked(run.options)}</div>}
                  </td>
                  <td>{startedBy(run)}</td>
                  <td>
                    <span className={`badge import-run-${run.status.toLowerCase()}`}>{label("importRunStatus", run.status)}</span>
                    {run.status === "FAILED" && run.error && <div>{swedishReason(run.error)}</div>}
                  </td>
                  <td>
                    {run.status === "SUCCEEDED" ? (
                      <>
                        {describeOutcome(run)}
                        <div className="muted">{run.unchanged} oförändrade, {run.skipped} överhoppade</div>
                      </>
                    ) : <span className="muted">–</span>}
                  </td>
                  <td>{run.failed ? <Failures run={run} /> : <span className="muted">{run.status === "SUCCEEDED" ? "Inga" : "–"}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
