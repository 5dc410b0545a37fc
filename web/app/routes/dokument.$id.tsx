import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql, type ResultOf } from "~/graphql/graphql";
import { load, notFoundResponse } from "~/lib/auth.server";
import { isId } from "~/lib/ids";
import { boundedQuery, MAX_QUERY_LENGTH } from "~/lib/search";
import { documentKindLabel, documentName } from "~/lib/chain";
import { formatDate } from "~/lib/format";
import { label } from "~/lib/labels";
import { inView, neighbours, pageView, rangeParam, type PageView } from "~/lib/text-pages";
import { PriorityAreaFacts } from "~/components/priority-area-facts";
import { RouteErrorBoundary } from "~/components/route-error";
import { Snippet } from "~/components/snippet";
import styles from "~/styles/chain.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

const DocumentQuery = graphql(`
  query DocumentPage($id: ID!, $from: Int!, $count: Int!) {
    document(id: $id) {
      id kind designation title subtitle department publishedAt sourceUrl summary archivedAt
      inquiry { id name committeeDesignation }
      priorityAreas { id name year }
      fullText { pageCount updatedAt }
      textPages(from: $from, count: $count) { number section text }
      remisser {
        id diarienummer ministry deadline status
        responses { id title kind status approvedAt submittedAt }
      }
    }
  }
`);

const PassagesQuery = graphql(`
  query DocumentPassages($id: ID!, $query: String!, $after: String) {
    searchPassages(id: $id, query: $query, type: DOCUMENT, first: 20, after: $after) {
      totalHits degraded
      pageInfo { hasNextPage endCursor }
      hits { snippet passage { ordinal page section } }
    }
  }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id;
  if (!isId(id)) throw notFoundResponse();
  const url = new URL(request.url);
  const view = pageView(url.searchParams);
  const q = boundedQuery(url.searchParams.get("q"));
  const after = url.searchParams.get("efter") || null;
  const [{ document }, passages] = await Promise.all([
    load(request, DocumentQuery, { id, from: view.from, count: view.count }),
    q ? load(request, PassagesQuery, { id, query: q, after }) : null,
  ]);
  if (!document) throw notFoundResponse();
  // What a signed-in reader sees (remisser, responses) must not be kept for the next one.
  return data({ document, view, q, after, passages: passages?.searchPassages ?? null }, { headers: { "Cache-Control": "private, no-store" } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${documentName(data.document)} – Remissbanken` : "Dokument – Remissbanken" },
];

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>;
type DocumentData = NonNullable<ResultOf<typeof DocumentQuery>["document"]>;

/** A link to another view of the text, keeping the search. */
function viewHref(view: PageView, q: string, page?: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  params.set("sidor", rangeParam(view));
  return `?${params.toString()}${page ? `#sida-${page}` : "#fulltext"}`;
}

/** Where a hit on page N lives: this view's anchor, or the view that holds it. */
function pageHref(view: PageView, q: string, page: number): string {
  if (inView(view, page)) return `#sida-${page}`;
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  params.set("sida", String(page));
  return `?${params.toString()}#sida-${page}`;
}

export default function DocumentPage() {
  const { document, view, q, after, passages } = useLoaderData<typeof loader>();
  return (
    <article className="document-page" aria-labelledby="document-title">
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li><Link to="/">Start</Link></li>
          {document.inquiry ? <li><Link to={`/utredningar/${document.inquiry.id}`}>{document.inquiry.name}</Link></li> : <li><Link to="/sok">Sök</Link></li>}
          <li aria-current="page">{document.designation ?? document.title}</li>
        </ol>
      </nav>
      <p className="chain-kind">{documentKindLabel(document)}</p>
      <h1 id="document-title">
        {document.designation && <span className="designation">{document.designation} </span>}
        {document.title}
      </h1>
      {document.subtitle && <p className="lead">{document.subtitle}</p>}
      {document.archivedAt && <p className="badge">Arkiverad {formatDate(document.archivedAt)}</p>}

      <div className="layout-two">
        <div>
          <Facts document={document} />
          {document.summary && (
            <section aria-labelledby="summary-heading">
              <h2 id="summary-heading">Sammanfattning</h2>
              <p className="prose">{document.summary}</p>
            </section>
          )}
        </div>
        <Remisser remisser={document.remisser} />
      </div>

      <DocumentSearch document={document} view={view} q={q} after={after} passages={passages} />
      <FullText document={document} view={view} q={q} />
    </article>
  );
}

function Facts({ document }: { document: DocumentData }) {
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading" className="visually-hidden">Uppgifter</h2>
      <dl className="facts">
        <dt>Typ</dt>
        <dd>{documentKindLabel(document)}</dd>
        {document.designation && (<><dt>Beteckning</dt><dd>{document.designation}</dd></>)}
        {document.publishedAt && (<><dt>Publicerad</dt><dd>{formatDate(document.publishedAt)}</dd></>)}
        {document.department && (<><dt>Departement</dt><dd>{document.department}</dd></>)}
        {document.inquiry && (
          <>
            <dt>Utredning</dt>
            <dd>
              <Link to={`/utredningar/${document.inquiry.id}`}>{document.inquiry.name}</Link>
              {document.inquiry.committeeDesignation && <span className="muted"> ({document.inquiry.committeeDesignation})</span>}
            </dd>
          </>
        )}
        <PriorityAreaFacts areas={document.priorityAreas} />
        <dt>Källa</dt>
        <dd>
          {document.sourceUrl ? (
            <a href={document.sourceUrl} rel="noopener noreferrer">Dokumentet hos utgivaren<span className="visually-hidden"> (extern webbplats)</span></a>
          ) : (
            <span className="muted">Ingen länk angiven</span>
          )}
        </dd>
        <dt>Fulltext</dt>
        <dd>
          {document.fullText ? `${document.fullText.pageCount} ${document.fullText.pageCount === 1 ? "sida" : "sidor"}` : <span className="muted">Finns inte i Remissbanken</span>}
        </dd>
      </dl>
    </section>
  );
}

function Remisser({ remisser }: { remisser: DocumentData["remisser"] }) {
  // Anonymous visitors get no remisser from the API: SmåKom's tracking is for signed-in users.
  if (!remisser.length) return null;
  return (
    <aside aria-labelledby="remisser-heading" className="card">
      <h2 id="remisser-heading">{remisser.length === 1 ? "Remiss" : "Remisser"}</h2>
      <ul className="plain-list">
        {remisser.map((remiss) => (
          <li key={remiss.id}>
            <Link to={`/remisser/${remiss.id}`}>{remiss.diarienummer ? `Remiss ${remiss.diarienummer}` : "Remiss utan diarienummer"}</Link>
            <div className="muted">{remiss.ministry}</div>
            <div>Sista svarsdag {formatDate(remiss.deadline)}</div>
            <div><span className="badge">{label("remissStatus", remiss.status)}</span></div>
            {remiss.responses.length > 0 && (
              <ul className="plain-list nested">
                {remiss.responses.map((response) => (
                  <li key={response.id}>
                    <Link to={`/remissvar/${response.id}`}>{response.title}</Link>
                    <div className="muted">
                      {label("responseStatus", response.status)}
                      {response.submittedAt ? ` ${formatDate(response.submittedAt)}` : response.approvedAt ? ` ${formatDate(response.approvedAt)}` : ""}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </aside>
  );
}

function DocumentSearch({ document, view, q, after, passages }: { document: DocumentData; view: PageView; q: string; after: string | null; passages: Loaded["passages"] }) {
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location?.search.includes("q=");
  if (!document.fullText) return null;
  return (
    <section aria-labelledby="search-heading" className="document-search">
      <h2 id="search-heading">Sök i dokumentet</h2>
      <Form method="get" role="search" aria-label="I dokumentet" className="search-row">
        <div className="field">
          <label htmlFor="q">Sökord</label>
          <input type="search" id="q" name="q" defaultValue={q} maxLength={MAX_QUERY_LENGTH} key={q} />
        </div>
        <input type="hidden" name="sidor" value={rangeParam(view)} />
        <button type="submit">{searching ? "Söker…" : "Sök"}</button>
      </Form>
      <div aria-live="polite" className="passages">
        {passages && <Passages passages={passages} view={view} q={q} after={after} />}
      </div>
    </section>
  );
}

function Passages({ passages, view, q, after }: { passages: NonNullable<Loaded["passages"]>; view: PageView; q: string; after: string | null }) {
  if (!passages.hits.length) {
    return <p>Inga träffar på <strong>{q}</strong> i dokumentet.</p>;
  }
  const more = new URLSearchParams({ q, sidor: rangeParam(view) });
  if (passages.pageInfo.endCursor) more.set("efter", passages.pageInfo.endCursor);
  return (
    <>
      <p>
        {passages.totalHits === 1 ? "1 ställe" : `${passages.totalHits} ställen`} i dokumentet matchar <strong>{q}</strong>
        {after ? " (fler träffar)" : ""}.
        {passages.degraded && <span className="muted"> Sökningen är förenklad just nu.</span>}
      </p>
      <ol className="passage-list">
        {passages.hits.map((hit) => (
          <li key={hit.passage.ordinal}>
            <p className="passage-where">
              {hit.passage.page ? <a href={pageHref(view, q, hit.passage.page)}>Sida {hit.passage.page}</a> : <a href={pageHref(view, q, 1)}>I texten</a>}
              {hit.passage.section && <span className="muted"> · {hit.passage.section}</span>}
            </p>
            <p className="snippet"><Snippet html={hit.snippet} /></p>
          </li>
        ))}
      </ol>
      <p className="actions">
        {after && <Link to={`?${new URLSearchParams({ q, sidor: rangeParam(view) }).toString()}`}>Första träffarna</Link>}
        {passages.pageInfo.hasNextPage && <Link to={`?${more.toString()}`}>Fler träffar</Link>}
        <Link to={`?${new URLSearchParams({ sidor: rangeParam(view) }).toString()}`}>Rensa sökningen</Link>
      </p>
    </>
  );
}

function FullText({ document, view, q }: { document: DocumentData; view: PageView; q: string }) {
  const pageCount = document.fullText?.pageCount ?? 0;
  if (!document.fullText) {
    return (
      <section aria-labelledby="fulltext" className="fulltext">
        <h2 id="fulltext">Fulltext</h2>
        <p className="muted">Dokumentets text finns inte i Remissbanken.{document.sourceUrl ? " Läs det hos utgivaren via länken ovan." : ""}</p>
      </section>
    );
  }
  const { previous, next } = neighbours(view, pageCount);
  const last = Math.min(view.from + view.count - 1, pageCount);
  const pager = (where: string) => (
    <nav aria-label={`Bläddra i texten (${where})`} className="pager">
      {previous ? <Link to={viewHref(previous, q)}>‹ Sidorna {rangeParam(previous).replace("-", "–")}</Link> : <span />}
      <span className="muted">{document.textPages.length ? `Sidorna ${view.from}–${last} av ${pageCount}` : `Texten har ${pageCount} sidor`}</span>
      {next ? <Link to={viewHref(next, q)}>Sidorna {rangeParam(next).replace("-", "–")} ›</Link> : <span />}
    </nav>
  );
  return (
    <section aria-labelledby="fulltext" className="fulltext">
      <h2 id="fulltext">Fulltext</h2>
      {pageCount > view.count && (
        <Form method="get" className="goto-page">
          {q && <input type="hidden" name="q" value={q} />}
          <label htmlFor="sida">Gå till sida</label>
          <input type="number" id="sida" name="sida" min={1} max={pageCount} inputMode="numeric" />
          <button type="submit" className="button-secondary button-small">Visa</button>
        </Form>
      )}
      {pager("överst")}
      {document.textPages.length === 0 ? (
        <p>Sidan finns inte. Texten har {pageCount} {pageCount === 1 ? "sida" : "sidor"}. <Link to={viewHref({ from: 1, count: 20 }, q)}>Till början av texten</Link></p>
      ) : (
        document.textPages.map((page) => (
          <section key={page.number} id={`sida-${page.number}`} className="text-page" aria-labelledby={`sida-${page.number}-rubrik`}>
            <h3 id={`sida-${page.number}-rubrik`} className="text-page-heading">
              Sida {page.number}
              {page.section && <span className="muted"> · {page.section}</span>}
            </h3>
            {page.text.split(/\n{2,}/).map((paragraph, index) => (paragraph.trim() ? <p key={index}>{paragraph}</p> : null))}
          </section>
        ))
      )}
      {document.textPages.length > 0 && pager("nederst")}
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
