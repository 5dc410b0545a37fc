/**
 * The board's archive of past positions: every decided (approved or submitted) remissvar
 * and ställningstagande, filtered by priority area, year and stance, and searchable among
 * themselves only. What a row shows is what the API lets the caller read; the filters are
 * a plain GET form in the address, so a filtered archive can be shared and works without
 * JavaScript.
 */
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { load } from "~/lib/auth.server";
import {
  ARCHIVE_PAGE_SIZE, archiveDate, archiveHref, archiveYears, isFiltered, readArchiveFilter, stanceSummary, takesStance,
} from "~/lib/archive";
import { formatDate, todayInStockholm } from "~/lib/format";
import { label, options } from "~/lib/labels";
import { RouteErrorBoundary } from "~/components/route-error";
import { Snippet } from "~/components/snippet";
import remissStyles from "~/styles/remiss.css?url";
import styles from "~/styles/archive.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: remissStyles }, { rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "Ställningstaganden – Remissbanken" }];

// What is listed depends on who asks: never kept by a shared cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

/** Only what the board has decided belongs in the archive. */
const DECIDED = ["APPROVED", "SUBMITTED"] as const;

const ArchiveQuery = graphql(`
  query Archive($first: Int, $after: String, $filter: ResponseFilter) {
    me { role }
    priorityAreas(first: 100) { nodes { id name year } }
    responses(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id title kind submittedAt approvedAt letterDate
        sections { stance }
        remiss { document { designation } }
        documents { designation }
      }
    }
  }
`);

const ArchiveSearchQuery = graphql(`
  query ArchiveSearch($query: String!, $filter: SearchFilter, $first: Int, $after: String) {
    me { role }
    priorityAreas(first: 100) { nodes { id name year } }
    search(query: $query, filter: $filter, first: $first, after: $after) {
      totalHits
      pageInfo { hasNextPage endCursor }
      hits {
        id snippet
        node {
          __typename
          ... on Response {
            id title kind submittedAt approvedAt letterDate
            sections { stance }
            remiss { document { designation } }
            documents { designation }
          }
        }
      }
    }
  }
`);

interface Row {
  id: string;
  title: string;
  kind: string;
  designation: string | null;
  date: string | null;
  stances: string;
  snippet: string | null;
}

type Loaded = { id: string; title: string; kind: string; submittedAt: string | null; approvedAt: string | null; letterDate: string | null;
  remiss: { document: { designation: string | null } } | null; documents: { designation: string | null }[]; sections: { stance: string | null }[] };

function row(response: Loaded, snippet: string | null = null): Row {
  return {
    id: response.id,
    title: response.title,
    kind: response.kind,
    designation: response.remiss?.document.designation ?? response.documents.find((d) => d.designation)?.designation ?? null,
    date: archiveDate(response),
    stances: stanceSummary(response.sections),
    snippet,
  };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const thisYear = Number(todayInStockholm().slice(0, 4));
  const filter = readArchiveFilter(new URL(request.url).searchParams, thisYear);
  const common = { first: ARCHIVE_PAGE_SIZE, after: filter.after ?? undefined };
  let rows: Row[];
  let total: number;
  let pageInfo: { hasNextPage: boolean; endCursor: string | null };
  let role: string | undefined;
  let areas: { id: string; name: string; year: number }[];
  if (filter.query) {
    // Search restricted to decided responses and positions; search has no stance, so each page is narrowed here.
    const data = await load(request, ArchiveSearchQuery, {
      ...common,
      query: filter.query,
      filter: {
        types: ["RESPONSE"],
        statuses: DECIDED.map((s) => s.toLowerCase()),
        priorityAreaIds: filter.areaId ? [filter.areaId] : undefined,
        years: filter.year ? [filter.year] : undefined,
      },
    });
    rows = data.search.hits.flatMap((hit) =>
      hit.node.__typename === "Response" && takesStance(hit.node.sections, filter.stance) ? [row(hit.node, hit.snippet)] : [],
    );
    total = filter.stance ? rows.length : data.search.totalHits;
    pageInfo = data.search.pageInfo;
    role = data.me?.role;
    areas = data.priorityAreas.nodes;
  } else {
    const data = await load(request, ArchiveQuery, {
      ...common,
      filter: {
        statuses: [...DECIDED],
        priorityAreaId: filter.areaId ?? undefined,
        year: filter.year ?? undefined,
        stance: filter.stance ?? undefined,
      },
    });
    rows = data.responses.nodes.map((r) => row(r));
    total = data.responses.totalCount;
    pageInfo = data.responses.pageInfo;
    role = data.me?.role;
    areas = data.priorityAreas.nodes;
  }
  return {
    rows,
    total,
    pageInfo,
    filter,
    years: archiveYears(thisYear),
    areas,
    canCreate: role === "STAFF" || role === "ADMIN",
  };
}

export default function Archive() {
  const { rows, total, pageInfo, filter, years, areas, canCreate } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location?.pathname === "/stallningstaganden";
  const filtered = isFiltered(filter);
  const searchingWithStance = Boolean(filter.query && filter.stance);
  return (
    <>
      <div className="page-head">
        <h1>Ställningstaganden</h1>
        {canCreate && <Link className="button" to="/stallningstaganden/ny">Nytt ställningstagande</Link>}
      </div>
      <p className="muted archive-intro">
        SmåKoms beslutade remissvar och ställningstaganden. Varje svar visar avsnitt för avsnitt vad betänkandet föreslog och vad SmåKom tyckte.
      </p>

      <section aria-labelledby="archive-filter-title" className="card remiss-filter">
        <h2 id="archive-filter-title" className="visually-hidden">Sök och filtrera</h2>
        <Form method="get" className="filter-form" aria-describedby={filter.errors.length ? "archive-filter-errors" : undefined}>
          {filter.errors.length > 0 && (
            <div className="form-error" role="alert" id="archive-filter-errors">
              {filter.errors.map((message) => <p key={message} className="form-error-title">{message}</p>)}
            </div>
          )}
          <div className="field archive-query">
            <label htmlFor="q">Sök bland ställningstagandena</label>
            <input id="q" name="q" type="search" defaultValue={filter.params.q} maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="omrade">Prioriterad fråga</label>
            <select id="omrade" name="omrade" defaultValue={filter.areaId ?? ""}>
              <option value="">Alla</option>
              {areas.map((a) => <option key={a.id} value={a.id}>{a.name} ({a.year})</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="ar">År</label>
            <select id="ar" name="ar" defaultValue={filter.year ? String(filter.year) : ""}>
              <option value="">Alla år</option>
              {years.map((y) => <option key={y} value={y}>{y}</option>)}
            </select>
          </div>
          <div className="field">
            <label htmlFor="stallning">Ställningstagande</label>
            <select id="stallning" name="stallning" defaultValue={filter.stance ?? ""}>
              <option value="">Alla</option>
              {options("responseStance").map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          </div>
          <div className="actions">
            <button type="submit">Visa</button>
            {filtered && <Link to="/stallningstaganden">Rensa</Link>}
          </div>
        </Form>
      </section>

      <section aria-labelledby="archive-list-title" aria-busy={loading || undefined}>
        <h2 id="archive-list-title" className="visually-hidden">Beslutade svar</h2>
        <p aria-live="polite" className="muted">
          {total === 0 ? "" : summaryLine(total, filter.query, searchingWithStance, filtered)}
        </p>
        {rows.length === 0 ? (
          <div className="card empty-state">
            {filtered ? (
              <p>Inga beslutade svar matchar. <Link to="/stallningstaganden">Visa alla</Link>.</p>
            ) : (
              <p>Det finns inga beslutade remissvar eller ställningstaganden ännu.</p>
            )}
          </div>
        ) : (
          <div className="table-wrap">
            <table className="archive-table">
              <caption className="visually-hidden">Beslutade remissvar och ställningstaganden</caption>
              <thead>
                <tr>
                  <th scope="col">Titel</th>
                  <th scope="col">Slag</th>
                  <th scope="col">Betänkande</th>
                  <th scope="col">Datum</th>
                  <th scope="col">Ställningstaganden</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`/remissvar/${r.id}`}>{r.title}</Link>
                      {r.snippet && <p className="archive-snippet"><Snippet html={r.snippet} /></p>}
                    </th>
                    <td>{label("responseKind", r.kind)}</td>
                    <td>{r.designation ?? <span className="muted">–</span>}</td>
                    <td>{r.date ? formatDate(r.date) : <span className="muted">–</span>}</td>
                    <td>{r.stances || <span className="muted">Inga angivna</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {(pageInfo.hasNextPage || filter.after) && (
          <nav aria-label="Sidor" className="pager">
            {filter.after && <Link to={archiveHref(filter)}>Första sidan</Link>}
            {pageInfo.hasNextPage && pageInfo.endCursor && <Link to={archiveHref(filter, pageInfo.endCursor)}>Nästa sida</Link>}
          </nav>
        )}
      </section>
    </>
  );
}

function summaryLine(total: number, query: string, narrowedPage: boolean, filtered: boolean): string {
  const noun = total === 1 ? "beslutat svar" : "beslutade svar";
  if (narrowedPage) return `${total} ${noun} på den här sidan av sökträffarna för ”${query}” har det valda ställningstagandet.`;
  if (query) return `${total} ${noun} matchar ”${query}”, bästa träff först.`;
  return `${total} ${noun}${filtered ? " matchar filtret" : ""}, senast skrivna först.`;
}

export const ErrorBoundary = RouteErrorBoundary;
