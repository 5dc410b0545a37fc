import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { load, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, formValues, parseForm, problems } from "~/lib/forms.server";
import { REMISS_ADDRESS_EXAMPLE, REMISS_FROM_URL_FIELDS, RemissFromUrlForm } from "~/lib/remiss-import-form";
import { FormError, TextField } from "~/components/form";
import { options } from "~/lib/labels";
import { RouteErrorBoundary } from "~/components/route-error";
import { RemissStatusBadge } from "~/components/remiss";
import { LatestImport } from "~/components/latest-import";
import { Deadline, SAME_AS_DEADLINE } from "~/components/start/deadline";
import { documentTitle } from "~/components/start/document-title";
import { isClosed } from "~/lib/deadline-board";
import { todayInStockholm } from "~/lib/format";
import { readRemissFilter, type RemissListFilter } from "~/lib/remiss-filter";
import styles from "~/styles/remiss.css?url";
import importStyles from "~/styles/imports.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }, { rel: "stylesheet", href: importStyles }];
export const meta: MetaFunction = () => [{ title: "Remisser – Remissbanken" }];

const PAGE_SIZE = 25;

const RemisserQuery = graphql(`
  query RemissList($first: Int, $after: String, $filter: RemissFilter) {
    me { id role }
    remisser(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id diarienummer ministry deadline memberInputDeadline status
        document { id designation title }
      }
    }
  }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filter = readRemissFilter(url.searchParams);
  const after = url.searchParams.get("efter") || undefined;
  const data = await load(request, RemisserQuery, {
    first: PAGE_SIZE,
    after,
    filter: {
      statuses: filter.status ? [filter.status] : undefined,
      ministry: filter.ministry || undefined,
      deadlineFrom: filter.from || undefined,
      deadlineTo: filter.to || undefined,
    },
  });
  const role = data.me?.role;
  const canCreate = role === "STAFF" || role === "ADMIN";
  // The import runs are the secretariat's: nobody else is asked for them.
  const latestImport = canCreate ? (await load(request, LatestImportQuery)).importRuns[0] ?? null : null;
  return {
    remisser: data.remisser,
    filter,
    paged: Boolean(after),
    today: todayInStockholm(),
    canCreate,
    latestImport,
  };
}

const LatestImportQuery = graphql(`
  query LatestRiksdagenImport {
    importRuns(first: 1, source: RIKSDAGEN) { id status startedAt added updated failed error }
  }
`);

const ImportRemissFromUrl = graphql(`
  mutation ImportRemissFromUrl($url: String!) {
    importRemissFromUrl(url: $url) { created remiss { id } }
  }
`);

/** "Lägg till remiss från länk": the API fetches the page from regeringen.se and imports it. */
export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request, ["STAFF", "ADMIN"]);
  const form = await request.formData();
  const parsed = parseForm(form, RemissFromUrlForm);
  if (!parsed.ok) return problems(parsed.problems);
  try {
    const { data } = await callApi(request, ImportRemissFromUrl, { url: parsed.value.adress });
    const { created, remiss } = data.importRemissFromUrl;
    return redirectWithFlash(`/remisser/${remiss.id}`, {
      kind: "success",
      message: created ? "Remissen är tillagd." : "Remissen fanns redan och är uppdaterad.",
    });
  } catch (error) {
    return apiProblems(error, formValues(form), REMISS_FROM_URL_FIELDS);
  }
}

function AddFromLink() {
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const adding = navigation.state !== "idle" && navigation.formMethod?.toUpperCase() === "POST";
  const p = answer?.problems;
  return (
    <section aria-labelledby="add-from-link-title" className="card remiss-add-from-link">
      <h2 id="add-from-link-title">Lägg till remiss från länk</h2>
      <Form method="post" className="stack" aria-describedby={p?.formError ? "form-error" : undefined}>
        <FormError problems={p} />
        <TextField
          name="adress" label="Adress till remissen på regeringen.se" type="url" inputMode="url" autoComplete="off" required problems={p}
          hint={`Remissbanken hämtar sidan och lägger in remissen med betänkandet, sista svarsdag och remissinstanser. Till exempel ${REMISS_ADDRESS_EXAMPLE}`}
        />
        <div className="actions">
          <button type="submit" disabled={adding}>{adding ? "Hämtar från regeringen.se …" : "Lägg till remissen"}</button>
        </div>
      </Form>
    </section>
  );
}

function nextPageUrl(filter: RemissListFilter, cursor: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter.params)) if (value) params.set(key, value);
  params.set("efter", cursor);
  return `?${params.toString()}`;
}

function firstPageUrl(filter: RemissListFilter): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter.params)) if (value) params.set(key, value);
  const query = params.toString();
  return query ? `?${query}` : ".";
}

export default function RemissList() {
  const { remisser, filter, paged, canCreate, today, latestImport } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location?.pathname === "/remisser";
  const filtered = Boolean(filter.status || filter.ministry || filter.from || filter.to);
  return (
    <>
      <div className="page-head">
        <h1>Remisser</h1>
        {canCreate && <Link className="button" to="/remisser/ny">Ny remiss</Link>}
      </div>

      {canCreate && <LatestImport run={latestImport} />}
      {canCreate && <AddFromLink />}

      <section aria-labelledby="filter-title" className="card remiss-filter">
        <h2 id="filter-title" className="visually-hidden">Filtrera remisser</h2>
        <Form method="get" className="filter-form" aria-describedby={filter.errors.length ? "filter-errors" : undefined}>
          {filter.errors.length > 0 && (
            <div className="form-error" role="alert" id="filter-errors">
              {filter.errors.map((message) => <p key={message} className="form-error-title">{message}</p>)}
            </div>
          )}
          <div className="field">
            <label htmlFor="status">Status</label>
            <select id="status" name="status" defaultValue={filter.params.status}>
              <option value="">Alla</option>
              {options("remissStatus").map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="departement">Departement</label>
            <input id="departement" name="departement" type="text" defaultValue={filter.params.departement} />
          </div>
          <div className="field">
            <label htmlFor="fran">Sista svarsdag från</label>
            <input id="fran" name="fran" type="date" defaultValue={filter.params.fran} aria-invalid={filter.invalid.fran || undefined} />
          </div>
          <div className="field">
            <label htmlFor="till">Sista svarsdag till</label>
            <input id="till" name="till" type="date" defaultValue={filter.params.till} aria-invalid={filter.invalid.till || undefined} />
          </div>
          <div className="actions">
            <button type="submit">Filtrera</button>
            {filtered && <Link to="/remisser">Rensa filter</Link>}
          </div>
        </Form>
      </section>

      <section aria-labelledby="list-title" aria-busy={searching || undefined}>
        <h2 id="list-title" className="visually-hidden">Remisser</h2>
        <p aria-live="polite" className="muted">
          {remisser.totalCount === 0 ? "" : `${remisser.totalCount} ${remisser.totalCount === 1 ? "remiss" : "remisser"}${filtered ? " matchar filtret" : ""}, tidigaste sista svarsdag först.`}
        </p>
        {remisser.nodes.length === 0 ? (
          <div className="card empty-state">
            {filtered ? (
              <p>Inga remisser matchar filtret. <Link to="/remisser">Visa alla remisser</Link>.</p>
            ) : (
              <p>Det finns inga remisser ännu.{canCreate && <> <Link to="/remisser/ny">Lägg in den första</Link>.</>}</p>
            )}
          </div>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Remisser med sista svarsdag och status</caption>
              <thead>
                <tr>
                  <th scope="col">Betänkande</th>
                  <th scope="col">Diarienummer</th>
                  <th scope="col">Departement</th>
                  <th scope="col">Sista svarsdag</th>
                  <th scope="col">Medlemmarnas sista dag</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {remisser.nodes.map((r) => (
                  <tr key={r.id}>
                    <th scope="row"><Link to={`/remisser/${r.id}`}>{documentTitle(r.document)}</Link></th>
                    <td>{r.diarienummer ?? <span className="muted">–</span>}</td>
                    <td>{r.ministry}</td>
                    <td><Deadline date={r.deadline} today={today} closed={isClosed(r.status)} /></td>
                    <td><Deadline date={r.memberInputDeadline} today={today} missing={SAME_AS_DEADLINE} closed={isClosed(r.status)} /></td>
                    <td><RemissStatusBadge status={r.status} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {(remisser.pageInfo.hasNextPage || paged) && (
          <nav aria-label="Sidor" className="pager">
            {paged && <Link to={firstPageUrl(filter)}>Första sidan</Link>}
            {remisser.pageInfo.hasNextPage && remisser.pageInfo.endCursor && (
              <Link to={nextPageUrl(filter, remisser.pageInfo.endCursor)}>Nästa sida</Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
