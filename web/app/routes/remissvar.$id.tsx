/**
 * A response (remissvar) or position (ställningstagande), read only: the heading names
 * the report, the ministry and diarienummer stand at the top as in the letter itself,
 * then the current version's text section by section. A draft is not shown to those who
 * may not read it: the API answers null and the page is a 404. Staff change the priority
 * areas the response touches here (the form posts to this route's action), in any status.
 */
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql, type ResultOf } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { load, notFoundResponse, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, formValues } from "~/lib/forms.server";
import { formatDate, formatDateTime, todayInStockholm } from "~/lib/format";
import { pickedIds } from "~/lib/position-form";
import { isId } from "~/lib/ids";
import { label } from "~/lib/labels";
import { quoteHref } from "~/lib/quotes";
import { diffVersions, latestReturn } from "~/lib/response-versions";
import { VersionsQuery } from "~/lib/response-versions.server";
import { RouteErrorBoundary } from "~/components/route-error";
import { FormError } from "~/components/form";
import { PriorityAreaChoice, tickedAreas, type AreaOption } from "~/components/priority-area-choice";
import { ResponseWorkflow } from "~/components/response-workflow";
import { VersionDiff } from "~/components/version-diff";
import { ReportExcerpt } from "~/components/report-outline";
import { reportSections } from "~/lib/report-outline.server";
import styles from "~/styles/response.css?url";
import editorStyles from "~/styles/editor.css?url";
import versionStyles from "~/styles/versions.css?url";
import archiveStyles from "~/styles/archive.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles }, { rel: "stylesheet", href: editorStyles }, { rel: "stylesheet", href: versionStyles },
  { rel: "stylesheet", href: archiveStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.response.title} – Remissbanken` : "Remissvar – Remissbanken" },
];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const ResponseQuery = graphql(`
  query ResponseView($id: ID!) {
    response(id: $id) {
      id
      version
      title
      kind
      status
      approvedAt
      submittedAt
      currentVersion
      boardReviewedVersion
      abilities { canEdit canTag canApprove canRequestApproval canReturnToDraft canMarkSubmitted canReadVersions }
      events { kind version comment createdAt actor { name } }
      approvedBy { name }
      summary signatory presenter letterDate
      sections { number heading body stance quotes { sourceType sourceId label text } }
      priorityAreas { id name year }
      remiss { id diarienummer ministry deadline document { id designation title } }
      inquiry { id name department }
      documents { id designation title }
    }
  }
`);

type ResponseView = NonNullable<ResultOf<typeof ResponseQuery>["response"]>;

const AreasOfYear = graphql(`
  query ResponseAreaChoice($year: Int!) { priorityAreas(year: $year, first: 100) { nodes { id name year } } }
`);
const TagResponse = graphql(`
  mutation TagResponse($input: SetResponsePriorityAreasInput!) { setResponsePriorityAreas(input: $input) { id } }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  if (!isId(params.id)) throw notFoundResponse();
  const { response } = await load(request, ResponseQuery, { id: params.id });
  if (!response) throw notFoundResponse();
  // What the report said under each section SmåKom answers, when its full text has the heading.
  const report = response.remiss?.document;
  const [sinceBoard, sections, areaChoice] = await Promise.all([
    changesSinceBoard(request, response),
    report ? reportSections(request, report.id, response.sections) : ({} as Awaited<ReturnType<typeof reportSections>>),
    areasToChoose(request, response),
  ]);
  return { response, sinceBoard, reportSections: sections, areaChoice };
}

/**
 * For staff: this year's areas and the ones the response already has (an old response keeps
 * its own year's areas), newest year first; null for those who may not change them.
 */
async function areasToChoose(request: Request, response: ResponseView): Promise<AreaOption[] | null> {
  if (!response.abilities.canTag) return null;
  const year = Number(todayInStockholm().slice(0, 4));
  const { priorityAreas } = await load(request, AreasOfYear, { year });
  const byId = new Map([...priorityAreas.nodes, ...response.priorityAreas].map((area) => [area.id, area]));
  return [...byId.values()].sort((a, b) => b.year - a.year || a.name.localeCompare(b.name, "sv"));
}

/** The priority areas form (staff): replaces the response's areas, checked against the version shown. */
export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request);
  if (!isId(params.id)) throw notFoundResponse();
  const form = await request.formData();
  const expectedVersion = Number(form.get("expectedVersion"));
  if (form.get("intent") !== "priority-areas" || !Number.isInteger(expectedVersion)) throw new Response("Felaktig förfrågan", { status: 400 });
  const priorityAreaIds = pickedIds(form.getAll("priorityAreaIds"));
  try {
    await callApi(request, TagResponse, { input: { id: params.id, expectedVersion, priorityAreaIds } });
    return redirectWithFlash(`/remissvar/${params.id}`, { kind: "success", message: "De prioriterade frågorna är sparade." });
  } catch (error) {
    return apiProblems(error, { ...formValues(form), priorityAreaIds: priorityAreaIds.join(",") });
  }
}

/** What changed since the version the board last decided on; only staff and board see a board's review. */
async function changesSinceBoard(request: Request, response: ResponseView) {
  const reviewed = response.boardReviewedVersion;
  if (!response.abilities.canReadVersions || !reviewed || reviewed >= response.currentVersion) return null;
  const { response: history } = await load(request, VersionsQuery, { id: response.id });
  const from = history?.versions.find((v) => v.number === reviewed);
  const to = history?.versions.find((v) => v.number === history.currentVersion);
  if (!history || !from || !to) return null;
  return { from: reviewed, to: to.number, diffs: diffVersions(from, to) };
}

export default function ResponsePage() {
  const { response, sinceBoard, reportSections, areaChoice } = useLoaderData<typeof loader>();
  const report = response.remiss?.document ?? null;
  const ministry = response.remiss?.ministry ?? response.inquiry?.department ?? null;
  return (
    <article className="response" aria-labelledby="response-title">
      <nav className="breadcrumbs" aria-label="Du är här">
        <ol>
          <li><Link to="/">Start</Link></li>
          {response.remiss ? (
            <>
              <li><Link to="/remisser">Remisser</Link></li>
              <li><Link to={`/remisser/${response.remiss.id}`}>{response.remiss.diarienummer ?? reportName(report) ?? "Remissen"}</Link></li>
            </>
          ) : response.inquiry ? (
            <>
              <li><Link to="/utredningar">Utredningar</Link></li>
              <li><Link to={`/utredningar/${response.inquiry.id}`}>{response.inquiry.name}</Link></li>
            </>
          ) : response.kind === "POSITION" ? (
            <li><Link to="/stallningstaganden">Ställningstaganden</Link></li>
          ) : null}
          <li aria-current="page">{label("responseKind", response.kind)}</li>
        </ol>
      </nav>

      <header className="response-header">
        <p className="response-kind">
          {label("responseKind", response.kind)} <span className={`badge ${statusBadge(response.status)}`}>{label("responseStatus", response.status)}</span>
        </p>
        <h1 id="response-title">{response.title}</h1>
        {report && (
          <p className="response-report">
            Svar på <Link to={`/dokument/${report.id}`}>{reportName(report)}</Link>
          </p>
        )}
        <dl className="facts">
          {ministry && (<><dt>Departement</dt><dd>{ministry}</dd></>)}
          {response.remiss?.diarienummer && (<><dt>Diarienummer</dt><dd>{response.remiss.diarienummer}</dd></>)}
          <dt>Status</dt>
          <dd>{label("responseStatus", response.status)}</dd>
          {response.approvedAt && (
            <><dt>Beslutat</dt><dd>{formatDate(response.approvedAt)}{response.approvedBy ? ` av ${response.approvedBy.name}` : ""}</dd></>
          )}
          {response.submittedAt && (<><dt>Inskickat</dt><dd>{formatDate(response.submittedAt)}</dd></>)}
          {response.remiss && (<><dt>Sista svarsdag</dt><dd>{formatDate(response.remiss.deadline)}</dd></>)}
          <dt>Version</dt>
          <dd>{response.currentVersion}</dd>
        </dl>
        {response.abilities.canReadVersions && (
          <p><Link to={`/remissvar/${response.id}/versioner`}>Versionshistorik och jämförelse mellan versioner</Link></p>
        )}
        <ResponseWorkflow response={response} />
      </header>

      {response.abilities.canReadVersions && <BoardReview response={response} sinceBoard={sinceBoard} />}

      <div className="layout-two">
        <section className="response-text card" aria-labelledby="text-title">
          <h2 id="text-title" className="visually-hidden">Text</h2>
          {response.summary.trim() && (
            <section className="response-section" aria-labelledby="summary-title">
              <h3 id="summary-title">Sammanfattning</h3>
              {paragraphs(response.summary).map((text, j) => <p key={j}>{text}</p>)}
            </section>
          )}
          {response.sections.length === 0 && !response.summary.trim() ? (
            <p className="muted">Texten är inte skriven än.</p>
          ) : (
            response.sections.map((section, i) => (
              <section key={i} className="response-section" aria-labelledby={`section-${i}`}>
                <h3 id={`section-${i}`}>{section.number ? `${section.number} ${section.heading}` : section.heading}</h3>
                <ReportExcerpt section={section.number ? reportSections[section.number] : undefined} documentId={report?.id} />
                {section.stance && <p className="response-stance"><strong>Ställningstagande: {label("responseStance", section.stance)}</strong></p>}
                {paragraphs(section.body).map((text, j) => <p key={j}>{text}</p>)}
                {section.quotes.map((quote, j) => (
                  <blockquote key={`q${j}`} className="response-quote">
                    <p>{quote.text}</p>
                    <footer>Källa: <Link to={quoteHref(quote)}>{quote.label}</Link></footer>
                  </blockquote>
                ))}
              </section>
            ))
          )}
          {(response.signatory || response.presenter) && (
            <section className="response-section" aria-label="Beslut">
              {response.signatory && <p>Beslut i detta ärende har fattats av {response.signatory}.</p>}
              {response.presenter && <p>Föredragande har varit {response.presenter}.</p>}
              {response.letterDate && <p className="muted">Daterat {formatDate(response.letterDate)}.</p>}
            </section>
          )}
        </section>
        <Related response={response} areaChoice={areaChoice} />
      </div>
    </article>
  );
}

/**
 * For staff and board: the board's last comment while the draft is back with the
 * secretariat, and what changed since the version the board last decided on.
 */
function BoardReview({ response, sinceBoard }: { response: ResponseView; sinceBoard: ReturnType<typeof useLoaderData<typeof loader>>["sinceBoard"] }) {
  const returned = response.status === "DRAFT" ? latestReturn(response.events) : null;
  return (
    <>
      {returned && (
        <section className="board-returned" aria-labelledby="returned-title">
          <h2 id="returned-title">Återförvisad av {returned.actor?.name ?? "okänd"}, {formatDateTime(returned.createdAt)}</h2>
          {returned.comment ? <blockquote>{returned.comment}</blockquote> : <p>Ingen kommentar lämnades.</p>}
        </section>
      )}
      {response.status === "FOR_APPROVAL" && !response.boardReviewedVersion && (
        <p className="board-review card">Styrelsen har inte beslutat om svaret tidigare: det här är första granskningen.</p>
      )}
      {sinceBoard && (
        <section className="board-review card stack" aria-labelledby="since-board-title">
          <h2 id="since-board-title">Ändrat sedan styrelsen senast tittade (version {sinceBoard.from})</h2>
          <p className="muted">
            Ändringar från version {sinceBoard.from} till version {sinceBoard.to}. Tillagd text är understruken, borttagen text är överstruken.{" "}
            <Link to={`/remissvar/${response.id}/versioner?fran=${sinceBoard.from}&till=${sinceBoard.to}`}>Jämför andra versioner</Link>
          </p>
          <VersionDiff diffs={sinceBoard.diffs} />
        </section>
      )}
    </>
  );
}

function Related({ response, areaChoice }: { response: ResponseView; areaChoice: AreaOption[] | null }) {
  const report = response.remiss?.document;
  const documents = response.documents.filter((d) => d.id !== report?.id);
  return (
    <aside className="response-related" aria-labelledby="related-title">
      <h2 id="related-title">Hör till</h2>
      <ul className="related-list">
        {response.remiss && (
          <li>Remiss: <Link to={`/remisser/${response.remiss.id}`}>{response.remiss.diarienummer ?? reportName(report ?? null)}</Link></li>
        )}
        {report && <li>Betänkande: <Link to={`/dokument/${report.id}`}>{reportName(report)}</Link></li>}
        {response.inquiry && <li>Utredning: <Link to={`/utredningar/${response.inquiry.id}`}>{response.inquiry.name}</Link></li>}
        {documents.map((d) => <li key={d.id}>Dokument: <Link to={`/dokument/${d.id}`}>{reportName(d)}</Link></li>)}
        {!response.remiss && !response.inquiry && documents.length === 0 && <li className="muted">Inga remisser eller dokument.</li>}
      </ul>
      <h2 id="areas-title">Prioriterade frågor</h2>
      {areaChoice ? (
        <PriorityAreasForm response={response} areas={areaChoice} />
      ) : response.priorityAreas.length === 0 ? (
        <p className="muted">Inga prioriterade frågor.</p>
      ) : (
        <ul className="related-list" aria-labelledby="areas-title">
          {response.priorityAreas.map((area) => <li key={area.id}>{area.name} ({area.year})</li>)}
        </ul>
      )}
    </aside>
  );
}

/** Staff tick the areas the response touches; also after the board decided and the answer was sent. */
function PriorityAreasForm({ response, areas }: { response: ResponseView; areas: AreaOption[] }) {
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const p = answer?.problems;
  const saving = navigation.state === "submitting" && navigation.formData?.get("intent") === "priority-areas";
  return (
    <Form method="post" className="stack" aria-labelledby="areas-title" aria-describedby={p?.formError ? "form-error" : undefined}>
      <input type="hidden" name="intent" value="priority-areas" />
      <input type="hidden" name="expectedVersion" value={response.version} />
      <FormError problems={p} />
      {areas.length === 0 ? (
        <p className="muted">Det finns inga prioriterade frågor för i år. <Link to="/admin/prioriterade-fragor">Lägg upp årets frågor.</Link></p>
      ) : (
        <>
          <PriorityAreaChoice areas={areas} ticked={tickedAreas(p?.values, response.priorityAreas.map((a) => a.id))} />
          <div className="actions">
            <button type="submit" className="button-secondary" disabled={saving}>{saving ? "Sparar…" : "Spara prioriterade frågor"}</button>
          </div>
        </>
      )}
    </Form>
  );
}

function reportName(document: { title: string; designation: string | null } | null): string | null {
  if (!document) return null;
  return document.designation ? `${document.title} (${document.designation})` : document.title;
}

/** Blank lines separate paragraphs; single line breaks stay inside one (CSS keeps them). */
function paragraphs(body: string): string[] {
  return body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
}

function statusBadge(status: ResponseView["status"]): string {
  switch (status) {
    case "SUBMITTED":
    case "APPROVED":
      return "badge-ok";
    case "FOR_APPROVAL":
      return "badge-soon";
    default:
      return "";
  }
}

export const ErrorBoundary = RouteErrorBoundary;
