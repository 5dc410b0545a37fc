import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { load } from "~/lib/auth.server";
import { formatDate } from "~/lib/format";
import { label, options } from "~/lib/labels";
import { latestDocument, PAGE_SIZE, parseInquiryListParams } from "~/lib/inquiry-list";
import { RouteErrorBoundary } from "~/components/route-error";
import styles from "~/styles/start.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction = () => [{ title: "Utredningar – Remissbanken" }];

const InquiriesQuery = graphql(`
  query InquiryList($first: Int, $after: String, $filter: InquiryFilter) {
    inquiries(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id name committeeDesignation department status reportDueDate
        documents { id title designation kind publishedAt }
      }
    }
  }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  const params = parseInquiryListParams(new URL(request.url).searchParams);
  const data = await load(request, InquiriesQuery, {
    first: PAGE_SIZE,
    after: params.after,
    filter: params.status ? { status: params.status } : {},
  });
  const inquiries = data.inquiries.nodes.map(({ documents, ...inquiry }) => ({ ...inquiry, latest: latestDocument(documents) }));
  return { params, inquiries, total: data.inquiries.totalCount, pageInfo: data.inquiries.pageInfo };
}

function pageUrl(status: string | null, after: string | null) {
  const params = new URLSearchParams();
  if (status) params.set("status", status);
  if (after) params.set("efter", after);
  const query = params.toString();
  return query ? `/utredningar?${query}` : "/utredningar";
}

export default function Inquiries() {
  const { params, inquiries, total, pageInfo } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const busy = navigation.state === "loading" && navigation.location.pathname === "/utredningar";
  return (
    <>
      <h1>Utredningar</h1>
      <p className="lead">Statliga utredningar som SmåKom följer, med direktiv, betänkanden och andra dokument.</p>
      <Form method="get" className="board-filters" aria-label="Filtrera utredningar">
        <div className="field">
          <label htmlFor="inquiry-status">Status</label>
          <select id="inquiry-status" name="status" defaultValue={params.status ?? ""}>
            <option value="">Alla</option>
            {options("inquiryStatus").map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        </div>
        <button type="submit" className="button-secondary">Visa</button>
      </Form>
      <section aria-labelledby="list-title" aria-busy={busy}>
        <h2 id="list-title" className="visually-hidden">Lista över utredningar</h2>
        <p className="muted" aria-live="polite">
          {total === 0 ? "" : `${total} ${total === 1 ? "utredning" : "utredningar"}${params.status ? `, ${label("inquiryStatus", params.status).toLowerCase()}` : ""}.`}
        </p>
        {inquiries.length === 0 ? (
          <div className="card empty">
            <p>{params.after ? "Det finns inga fler utredningar." : "Inga utredningar matchar filtret."}</p>
            <p><Link to="/utredningar">Visa alla utredningar</Link></p>
          </div>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Utredning</th>
                  <th scope="col">Beteckning</th>
                  <th scope="col">Departement</th>
                  <th scope="col">Status</th>
                  <th scope="col">Senaste dokument</th>
                </tr>
              </thead>
              <tbody>
                {inquiries.map((i) => (
                  <tr key={i.id}>
                    <th scope="row"><Link to={`/utredningar/${i.id}`}>{i.name}</Link></th>
                    <td>{i.committeeDesignation ?? <span className="muted">–</span>}</td>
                    <td>{i.department ?? <span className="muted">–</span>}</td>
                    <td>{label("inquiryStatus", i.status)}</td>
                    <td>
                      {i.latest ? (
                        <>
                          <Link to={`/dokument/${i.latest.id}`}>{i.latest.designation ?? i.latest.title}</Link>
                          <span className="row-meta">
                            {label("documentKind", i.latest.kind)}
                            {i.latest.publishedAt && <>, {formatDate(i.latest.publishedAt)}</>}
                          </span>
                        </>
                      ) : (
                        <span className="muted">Inga dokument</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {(params.after || pageInfo.hasNextPage) && (
          <nav aria-label="Sidor" className="pager">
            {params.after && <Link to={pageUrl(params.status, null)}>Första sidan</Link>}
            {pageInfo.hasNextPage && pageInfo.endCursor && <Link to={pageUrl(params.status, pageInfo.endCursor)} rel="next">Nästa sida</Link>}
          </nav>
        )}
      </section>
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
