/**
 * Search: one box for words or a designation, facets as links, snippets with the matches
 * marked, and every matching passage of one document. The whole search is in the address,
 * so it can be shared and works as a plain GET form; with JavaScript the results follow
 * the typing.
 */
import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useNavigationType, useSubmit } from "@remix-run/react";
import { useEffect, useId, useRef, type ChangeEvent } from "react";
import { graphql, type ResultOf } from "~/graphql/graphql";
import { ApiError, callApi } from "~/lib/api.server";
import { toHttpError, notFoundResponse } from "~/lib/auth.server";
import { formatDate } from "~/lib/format";
import { SEARCH_FACET_LABELS } from "@remissbanken/schema/labels";
import { label } from "~/lib/labels";
import {
  emptyFilters, FACETS, hasFilters, hitHref, isSearch, MAX_PAGE, MAX_QUERY_LENGTH, PAGE_SIZE, searchArguments, searchHref,
  searchStateFromUrl, separateWords, toggleFacetHref, TYPE_LABELS, withoutFiltersHref, type FacetKey, type SearchState,
} from "~/lib/search";
import { RouteErrorBoundary } from "~/components/route-error";
import { Snippet } from "~/components/snippet";
import { SaveSearchForm } from "~/components/save-search";
import { useOptionalUser } from "~/root";
import styles from "~/styles/search.css?url";
import watchStyles from "~/styles/watch.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }, { rel: "stylesheet", href: watchStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data?.state.q ? `”${data.state.q}” – Sök – Remissbanken` : "Sök – Remissbanken" },
];

// Results depend on who asks: never kept by a shared cache.
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const SearchQuery = graphql(`
  query Search($query: String!, $filter: SearchFilter, $first: Int, $page: Int) {
    search(query: $query, filter: $filter, first: $first, page: $page) {
      totalHits
      degraded
      designation
      facets {
        types { value label count }
        kinds { value label count }
        years { value label count }
        departments { value label count }
        priorityAreas { value label count }
        statuses { value label count }
      }
      hits {
        type
        id
        title
        snippet
        pinned
        passage { page section }
        node {
          __typename
          ... on Document { documentKind: kind designation year publishedAt department fullText { pageCount } }
          ... on Inquiry { committeeDesignation department inquiryStatus: status }
          ... on Remiss { diarienummer ministry deadline remissStatus: status }
          ... on Response { responseKind: kind responseStatus: status approvedAt submittedAt }
          ... on MemberInput { remissId inquiryId memberInputStatus: status submittedAt municipality { name } }
        }
      }
    }
  }
`);

const PassagesQuery = graphql(`
  query SearchDocument($id: ID!, $query: String!, $first: Int, $page: Int) {
    document(id: $id) { id title designation }
    searchPassages(id: $id, query: $query, type: DOCUMENT, first: $first, page: $page) {
      totalHits
      degraded
      hits { snippet passage { ordinal page section } }
    }
  }
`);

type SearchData = ResultOf<typeof SearchQuery>["search"];
type Hit = SearchData["hits"][number];
type PassagesData = ResultOf<typeof PassagesQuery>;

type Answer =
  | { kind: "start" }
  | { kind: "problem"; message: string }
  | { kind: "hits"; search: SearchData }
  | { kind: "passages"; document: NonNullable<PassagesData["document"]>; passages: PassagesData["searchPassages"] };

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const state = searchStateFromUrl(url);
  // Passages need words to match; without them the plain search is the place.
  if (state.document && !state.q) throw redirect(searchHref(state, { document: null }));
  const answer = await search(request, state);
  return { state, answer };
}

async function search(request: Request, state: SearchState): Promise<Answer> {
  if (!isSearch(state)) return { kind: "start" };
  try {
    if (state.document) {
      const { data } = await callApi(request, PassagesQuery, { id: state.document, query: state.q, first: PAGE_SIZE, page: state.page });
      if (!data.document) throw notFoundResponse();
      return { kind: "passages", document: data.document, passages: data.searchPassages };
    }
    const { data } = await callApi(request, SearchQuery, searchArguments(state));
    return { kind: "hits", search: data.search };
  } catch (error) {
    // A search the API cannot make is explained on the page, with the words kept in the box.
    if (error instanceof ApiError && error.code === "BAD_USER_INPUT") {
      return { kind: "problem", message: "Sökningen gick inte att göra. Ändra sökorden eller ta bort filtren och försök igen." };
    }
    throw toHttpError(request, error);
  }
}

export default function SearchPage() {
  const { state, answer } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const searching = navigation.state === "loading" && navigation.location.pathname === "/sok";
  const user = useOptionalUser();
  return (
    <div className="search-page">
      <h1>Sök</h1>
      <SearchForm state={state} />
      <p className="search-count" role="status" aria-live="polite" aria-atomic="true">
        {countText(state, answer)}
      </p>
      {answer.kind === "problem" && <p className="form-error">{answer.message}</p>}
      {(answer.kind === "hits" ? answer.search.degraded : answer.kind === "passages" && answer.passages.degraded) && (
        <p className="flash flash-info">
          Sökningen körs just nu i ett enklare läge: sammansatta ord delas inte upp och stavfel rättas inte. Försök gärna igen
          om en stund.
        </p>
      )}
      {user && answer.kind === "hits" && (
        <details className="save-search-panel">
          <summary>Spara sökningen och få e-post om nya träffar</summary>
          <SaveSearchForm state={state} />
        </details>
      )}
      <div aria-busy={searching} className={searching ? "search-results is-searching" : "search-results"}>
        {answer.kind === "start" && <StartHelp />}
        {answer.kind === "hits" && <Hits state={state} search={answer.search} />}
        {answer.kind === "passages" && <Passages state={state} document={answer.document} passages={answer.passages} />}
      </div>
    </div>
  );
}

function countText(state: SearchState, answer: Answer): string {
  const words = state.q ? ` för ”${state.q}”` : "";
  if (answer.kind === "hits") {
    const n = answer.search.totalHits;
    return n === 0 ? `Inga träffar${words}.` : `${n} ${n === 1 ? "träff" : "träffar"}${words}.`;
  }
  if (answer.kind === "passages") {
    const n = answer.passages.totalHits;
    const name = answer.document.designation ?? answer.document.title;
    return `${n} ${n === 1 ? "ställe" : "ställen"} i ${name} matchar ”${state.q}”.`;
  }
  return "";
}

const DEBOUNCE_MS = 300;

function SearchForm({ state }: { state: SearchState }) {
  const submit = useSubmit();
  const input = useRef<HTMLInputElement>(null);
  const timer = useRef<number>();
  const navigationType = useNavigationType();
  // A facet link or the back button changes the words: show them. Only the search that follows
  // the typing (it replaces the history entry) leaves the box alone while the person types on.
  useEffect(() => {
    if (!input.current) return;
    if (navigationType === "REPLACE" && document.activeElement === input.current) return;
    input.current.value = state.q;
  }, [state.q, navigationType]);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  function follow(event: ChangeEvent<HTMLInputElement>) {
    const form = event.currentTarget.form;
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => submit(form, { replace: true, preventScrollReset: true }), DEBOUNCE_MS);
  }

  return (
    <Form
      method="get"
      action="/sok"
      role="search"
      className="search-form"
      aria-label="Sök i Remissbanken"
      // Sent now: the search that would have followed the typing is not sent again after it.
      onSubmit={() => window.clearTimeout(timer.current)}
    >
      <label htmlFor="q">
        {state.document ? "Sök i dokumentet" : "Sök bland betänkanden, direktiv, remisser och remissvar"}
      </label>
      <div className="search-box">
        <input
          ref={input}
          id="q"
          type="search"
          name="q"
          defaultValue={state.q}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
          aria-describedby="q-hint"
          onChange={follow}
        />
        <button type="submit">Sök</button>
      </div>
      <p id="q-hint" className="hint">
        Skriv ord eller en beteckning, till exempel <i>strandskydd</i> eller <i>SOU 2020:8</i>.
      </p>
      {FACETS.flatMap((facet) =>
        state.filters[facet.key].map((value) => <input key={`${facet.param}-${value}`} type="hidden" name={facet.param} value={value} />),
      )}
      {state.document && <input type="hidden" name="dokument" value={state.document} />}
    </Form>
  );
}

const EXAMPLES = ["strandskydd", "SOU 2020:8", "stabiliseringsfond", "dir 2019 41"];

function StartHelp() {
  return (
    <section className="card search-help" aria-labelledby="help-title">
      <h2 id="help-title">Så söker du</h2>
      <p>
        Sök på ord i betänkanden, direktiv, remisser, SmåKoms remissvar och ställningstaganden, eller på en beteckning. Beteckningar
        hittas hur du än skriver dem: <i>sou 2020 8</i> hittar SOU 2020:8.
      </p>
      <p>Prova till exempel:</p>
      <ul className="search-examples">
        {EXAMPLES.map((example) => (
          <li key={example}>
            <Link to={searchHref({ q: example, filters: emptyFilters(), page: 1, document: null })}>{example}</Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Hits({ state, search }: { state: SearchState; search: SearchData }) {
  const pages = Math.min(Math.ceil(search.totalHits / PAGE_SIZE), MAX_PAGE);
  return (
    <div className="search-layout">
      <Facets state={state} search={search} />
      <section aria-labelledby="hits-title" className="search-hits">
        <h2 id="hits-title" className="visually-hidden">Träffar</h2>
        {search.designation && search.hits[0]?.pinned && (
          <p className="muted">Du sökte på beteckningen {search.designation}; den visas först.</p>
        )}
        {search.hits.length === 0 && search.totalHits > 0 && state.page > 1 ? (
          <div className="card no-hits">
            <h3>Sidan {state.page} finns inte</h3>
            <p>
              Sökningen har {search.totalHits} {search.totalHits === 1 ? "träff" : "träffar"}, {pages} {pages === 1 ? "sida" : "sidor"}.{" "}
              <Link to={searchHref(state, { page: 1 })}>Till första sidan</Link>
            </p>
          </div>
        ) : search.hits.length === 0 ? (
          <NoHits state={state} />
        ) : (
          <ol className="hits" start={(state.page - 1) * PAGE_SIZE + 1}>
            {search.hits.map((hit) => <HitItem key={`${hit.type}-${hit.id}`} hit={hit} state={state} />)}
          </ol>
        )}
        <Paging state={state} pages={pages} />
      </section>
    </div>
  );
}


/** The facts shown above a hit's title: kind, designation, department, date, status. */
function hitFacts(hit: Hit): string[] {
  const node = hit.node;
  switch (node.__typename) {
    case "Document":
      return [label("documentKind", node.documentKind), node.designation ?? "", node.department ?? "", node.publishedAt ? formatDate(node.publishedAt) : String(node.year ?? "")];
    case "Inquiry":
      return [TYPE_LABELS.INQUIRY, node.committeeDesignation ?? "", node.department ?? "", label("inquiryStatus", node.inquiryStatus)];
    case "Remiss":
      return [TYPE_LABELS.REMISS, node.diarienummer ?? "", node.ministry, `sista svarsdag ${formatDate(node.deadline)}`, label("remissStatus", node.remissStatus)];
    case "Response":
      return [
        label("responseKind", node.responseKind),
        label("responseStatus", node.responseStatus),
        node.submittedAt ? `inskickat ${formatDate(node.submittedAt)}` : node.approvedAt ? `beslutat ${formatDate(node.approvedAt)}` : "",
      ];
    case "MemberInput":
      return [TYPE_LABELS.MEMBER_INPUT, node.municipality.name, label("memberInputStatus", node.memberInputStatus), node.submittedAt ? formatDate(node.submittedAt) : ""];
    default:
      return [TYPE_LABELS[hit.type] ?? ""];
  }
}

function HitItem({ hit, state }: { hit: Hit; state: SearchState }) {
  const titleId = useId();
  const node = hit.node;
  const href = hitHref({
    type: hit.type,
    id: hit.id,
    page: hit.passage.page,
    remissId: node.__typename === "MemberInput" ? node.remissId : null,
    inquiryId: node.__typename === "MemberInput" ? node.inquiryId : null,
  });
  const searchable = node.__typename === "Document" && (node.fullText?.pageCount ?? 0) > 0 && state.q;
  return (
    <li className="hit">
      <p className="hit-facts">
        {hitFacts(hit).filter(Boolean).join(" · ")}
        {hit.pinned && <span className="badge">Beteckningen du sökte på</span>}
      </p>
      <h3 id={titleId} className="hit-title">{href ? <Link to={href}>{hit.title}</Link> : hit.title}</h3>
      <PassageLocation page={hit.passage.page} section={hit.passage.section} />
      <p className="snippet"><Snippet html={hit.snippet} /></p>
      {searchable && (
        <p className="hit-actions">
          <Link to={searchHref(state, { document: hit.id })} aria-describedby={titleId}>Sök i dokumentet</Link>
        </p>
      )}
    </li>
  );
}

function PassageLocation({ page, section }: { page?: number | null; section?: string | null }) {
  if (!page && !section) return null;
  return (
    <p className="passage-location">
      {[page ? `Sida ${page}` : "", section ? `avsnitt ${section}` : ""].filter(Boolean).join(", ")}
    </p>
  );
}

/** A chosen facet value without hits: named as the API names counted ones (a priority area's name comes only with its count). */
function chosenLabel(facet: FacetKey, value: string): string {
  if (facet === "priorityAreas") return "Vald prioriterad fråga";
  const labels = facet === "types" || facet === "kinds" || facet === "statuses" ? SEARCH_FACET_LABELS[facet] : {};
  return labels[value] ?? value;
}

function Facets({ state, search }: { state: SearchState; search: SearchData }) {
  const groups = FACETS.map((facet) => {
    const counts = search.facets[facet.key];
    const chosen = state.filters[facet.key];
    // A chosen value stays listed (to be removed) even when the API counts none of it.
    const missing = chosen
      .filter((value) => !counts.some((c) => c.value === value))
      .map((value) => ({ value, label: chosenLabel(facet.key, value), count: 0 }));
    const entries = [...counts, ...missing];
    if (facet.key === "years") entries.sort((a, b) => b.value.localeCompare(a.value));
    return { ...facet, entries, chosen };
  }).filter((group) => group.entries.length > 0);
  if (groups.length === 0) return <div />;
  return (
    <aside className="facets" aria-labelledby="facets-title">
      <h2 id="facets-title">Avgränsa</h2>
      {hasFilters(state) && (
        <p><Link to={withoutFiltersHref(state)}>Ta bort alla filter</Link></p>
      )}
      {groups.map((group) => (
        <section key={group.key} className="facet" aria-labelledby={`facet-${group.key}`}>
          <h3 id={`facet-${group.key}`}>{group.heading}</h3>
          <ul>
            {group.entries.map((entry) => (
              <FacetLink key={entry.value} state={state} facet={group.key} entry={entry} chosen={group.chosen.includes(entry.value)} />
            ))}
          </ul>
        </section>
      ))}
    </aside>
  );
}

function FacetLink({ state, facet, entry, chosen }: {
  state: SearchState; facet: FacetKey; entry: { value: string; label: string; count: number }; chosen: boolean;
}) {
  return (
    <li>
      <Link
        to={toggleFacetHref(state, facet, entry.value)}
        className={chosen ? "facet-link is-chosen" : "facet-link"}
        aria-current={chosen ? "true" : undefined}
        preventScrollReset
      >
        <span className="facet-check" aria-hidden="true">{chosen ? "✓" : ""}</span>
        <span className="facet-label">{entry.label}</span>
        <span className="facet-count">
          {entry.count}
          <span className="visually-hidden"> {entry.count === 1 ? "träff" : "träffar"}{chosen ? ", valt – välj för att ta bort" : ""}</span>
        </span>
      </Link>
    </li>
  );
}

function NoHits({ state }: { state: SearchState }) {
  const words = separateWords(state.q);
  return (
    <div className="card no-hits">
      <h3>Inga träffar</h3>
      <p>Det här kan hjälpa:</p>
      <ul>
        {words.length > 0 && (
          <li>
            Sök på färre ord, till exempel{" "}
            {words.map((word, i) => (
              <span key={word}>
                {i > 0 && (i === words.length - 1 ? " eller " : ", ")}
                <Link to={searchHref(state, { q: word })}>{word}</Link>
              </span>
            ))}
            .
          </li>
        )}
        <li>Kontrollera stavningen, eller sök på en kortare form av ordet (<i>strandskydd</i> i stället för <i>strandskyddsreglerna</i>).</li>
        {hasFilters(state) && (
          <li>
            <Link to={withoutFiltersHref(state)}>Ta bort filtren</Link> och sök på samma ord bland allt.
          </li>
        )}
        <li>Sök på en beteckning, till exempel <Link to={searchHref(state, { q: "SOU 2020:8", filters: emptyFilters(), document: null })}>SOU 2020:8</Link>.</li>
      </ul>
    </div>
  );
}

function Paging({ state, pages }: { state: SearchState; pages: number }) {
  if (pages <= 1) return null;
  const current = Math.min(state.page, pages);
  const shown = [...new Set([1, current - 2, current - 1, current, current + 1, current + 2, pages])]
    .filter((p) => p >= 1 && p <= pages)
    .sort((a, b) => a - b);
  return (
    <nav className="paging" aria-label="Sidor med träffar">
      <ul>
        {current > 1 && (
          <li><Link to={searchHref(state, { page: current - 1 })} rel="prev">Föregående<span className="visually-hidden"> sida</span></Link></li>
        )}
        {shown.map((p, i) => (
          <li key={p}>
            {i > 0 && p - shown[i - 1] > 1 && <span className="paging-gap" aria-hidden="true">…</span>}
            <Link to={searchHref(state, { page: p })} aria-current={p === current ? "page" : undefined} aria-label={`Sida ${p}`}>
              {p}
            </Link>
          </li>
        ))}
        {current < pages && (
          <li><Link to={searchHref(state, { page: current + 1 })} rel="next">Nästa<span className="visually-hidden"> sida</span></Link></li>
        )}
      </ul>
    </nav>
  );
}

function Passages({ state, document, passages }: {
  state: SearchState; document: NonNullable<PassagesData["document"]>; passages: PassagesData["searchPassages"];
}) {
  const pages = Math.min(Math.ceil(passages.totalHits / PAGE_SIZE), MAX_PAGE);
  const name = document.designation ? `${document.title} (${document.designation})` : document.title;
  return (
    <section aria-labelledby="passages-title" className="search-passages">
      <p className="breadcrumbs">
        <Link to={searchHref(state, { document: null })}>← Alla träffar för ”{state.q}”</Link>
      </p>
      <h2 id="passages-title">
        Träffar i <Link to={`/dokument/${document.id}`}>{name}</Link>
      </h2>
      {passages.hits.length === 0 ? (
        <p className="card">
          Inget ställe i dokumentet matchar ”{state.q}”. <Link to={searchHref(state, { document: null })}>Sök i hela Remissbanken</Link>.
        </p>
      ) : (
        <ol className="hits" start={(state.page - 1) * PAGE_SIZE + 1}>
          {passages.hits.map((hit) => (
            <li key={hit.passage.ordinal} className="hit">
              <h3 className="hit-title">
                <Link to={hitHref({ type: "DOCUMENT", id: document.id, page: hit.passage.page }) ?? `/dokument/${document.id}`}>
                  {hit.passage.page ? `Sida ${hit.passage.page}` : hit.passage.ordinal === 0 ? "Titel och sammanfattning" : `Avsnitt ${hit.passage.ordinal}`}
                </Link>
              </h3>
              {hit.passage.section && <p className="passage-location">Avsnitt {hit.passage.section}</p>}
              <p className="snippet"><Snippet html={hit.snippet} /></p>
            </li>
          ))}
        </ol>
      )}
      <Paging state={state} pages={pages} />
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
