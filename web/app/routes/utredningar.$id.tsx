import type { HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { graphql, type ResultOf } from "~/graphql/graphql";
import { load, notFoundResponse } from "~/lib/auth.server";
import { isId } from "~/lib/ids";
import { chainSteps, documentKindLabel, inChainOrder, type ChainStep } from "~/lib/chain";
import { daysUntil, describeDaysLeft, formatDate } from "~/lib/format";
import { label } from "~/lib/labels";
import { PriorityAreaFacts } from "~/components/priority-area-facts";
import { RouteErrorBoundary } from "~/components/route-error";
import { FollowButton } from "~/components/follow-button";
import { useOptionalUser } from "~/root";
import styles from "~/styles/chain.css?url";
import watchStyles from "~/styles/watch.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }, { rel: "stylesheet", href: watchStyles }];

const InquiryQuery = graphql(`
  query InquiryPage($id: ID!) {
    inquiry(id: $id) {
      id name committeeDesignation department status reportDueDate summary archivedAt followedByMe
      priorityAreas { id name year }
      abilities { canEdit }
      documents {
        id kind designation title subtitle publishedAt
        remisser {
          id diarienummer ministry deadline memberInputDeadline status
          responses { id title kind status approvedAt submittedAt createdAt }
          memberInputs { id status submittedAt text municipality { id name } }
        }
      }
      responses { id title kind status approvedAt submittedAt createdAt remissId }
      memberInputs { id status submittedAt text municipality { id name } }
    }
  }
`);


export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = params.id;
  if (!isId(id)) throw notFoundResponse();
  const { inquiry } = await load(request, InquiryQuery, { id });
  if (!inquiry) throw notFoundResponse();
  // What a signed-in reader sees (remisser, responses, input) must not be kept for the next one.
  return data({ inquiry }, { headers: { "Cache-Control": "private, no-store" } });
}

export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.inquiry.name} – Remissbanken` : "Utredning – Remissbanken" },
];

type InquiryData = NonNullable<ResultOf<typeof InquiryQuery>["inquiry"]>;
type DocumentData = InquiryData["documents"][number];
type RemissData = DocumentData["remisser"][number];
type ResponseData = RemissData["responses"][number];
type MemberInputData = RemissData["memberInputs"][number];

export default function InquiryPage() {
  const { inquiry } = useLoaderData<typeof loader>();
  const user = useOptionalUser();
  const steps = chainSteps(inquiry.documents, inquiry.reportDueDate);
  const remisser = inquiry.documents.flatMap((document) => document.remisser);
  const inChain = new Set(remisser.flatMap((remiss) => remiss.responses.map((response) => response.id)));
  // Positions and responses tied to the inquiry itself, not already shown under a remiss.
  const ownResponses = inquiry.responses.filter((response) => !inChain.has(response.id));
  const memberInputs = [
    ...inquiry.memberInputs.map((input) => ({ input, remiss: null as RemissData | null })),
    ...remisser.flatMap((remiss) => remiss.memberInputs.map((input) => ({ input, remiss }))),
  ];

  return (
    <article aria-labelledby="inquiry-title" className="inquiry-page">
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li><Link to="/">Start</Link></li>
          <li><Link to="/utredningar">Utredningar</Link></li>
          <li aria-current="page">{inquiry.name}</li>
        </ol>
      </nav>
      <p className="chain-kind">Utredning</p>
      <h1 id="inquiry-title">{inquiry.name}</h1>
      {inquiry.archivedAt && <p className="badge">Arkiverad {formatDate(inquiry.archivedAt)}</p>}
      {user && (!inquiry.archivedAt || inquiry.followedByMe) && <FollowButton inquiryId={inquiry.id} followed={inquiry.followedByMe} />}
      {!user && !inquiry.archivedAt && (
        <p className="follow muted">
          <Link to={`/logga-in?redirectTo=${encodeURIComponent(`/utredningar/${inquiry.id}`)}`}>Logga in</Link> för att följa
          utredningen och få e-post när något nytt händer.
        </p>
      )}

      <div className="layout-two">
        <div>
          <dl className="facts">
            <dt>Status</dt>
            <dd><span className={`badge ${inquiry.status === "ONGOING" ? "badge-ok" : ""}`}>{label("inquiryStatus", inquiry.status)}</span></dd>
            {inquiry.committeeDesignation && (<><dt>Kommittébeteckning</dt><dd>{inquiry.committeeDesignation}</dd></>)}
            {inquiry.department && (<><dt>Departement</dt><dd>{inquiry.department}</dd></>)}
            {inquiry.reportDueDate && (
              <>
                <dt>Redovisas senast</dt>
                <dd>{formatDate(inquiry.reportDueDate)}{inquiry.status === "ONGOING" && <span className="muted"> ({describeDaysLeft(daysUntil(inquiry.reportDueDate))})</span>}</dd>
              </>
            )}
            <PriorityAreaFacts areas={inquiry.priorityAreas} editHref={inquiry.abilities.canEdit ? `/prioriterade-fragor/taggar?utredning=${inquiry.id}` : undefined} />
          </dl>
          {inquiry.summary && <p className="prose">{inquiry.summary}</p>}

          <section aria-labelledby="chain-heading">
            <h2 id="chain-heading">Från direktiv till beslut</h2>
            {steps.length === 0 ? (
              <p className="muted">Inga dokument är registrerade för utredningen ännu.</p>
            ) : (
              <ol className="chain" aria-labelledby="chain-heading">
                {steps.map((step) => <Step key={stepKey(step)} step={step} />)}
              </ol>
            )}
          </section>

          {ownResponses.length > 0 && (
            <section aria-labelledby="positions-heading">
              <h2 id="positions-heading">SmåKoms ställningstaganden</h2>
              <ul className="plain-list">
                {ownResponses.map((response) => (
                  <li key={response.id}>
                    <Link to={`/remissvar/${response.id}`}>{response.title}</Link>
                    <div className="muted">{label("responseKind", response.kind)} · <ResponseState response={response} /></div>
                  </li>
                ))}
              </ul>
            </section>
          )}

          {memberInputs.length > 0 && (
            <section aria-labelledby="input-heading">
              <h2 id="input-heading">Synpunkter från medlemskommuner</h2>
              <ul className="plain-list member-inputs">
                {memberInputs.map(({ input, remiss }) => <MemberInputItem key={input.id} input={input} remiss={remiss} />)}
              </ul>
            </section>
          )}
        </div>
        <DocumentList documents={inquiry.documents} />
      </div>
    </article>
  );
}

function stepKey(step: ChainStep<DocumentData>): string {
  switch (step.type) {
    case "document": return `d-${step.document.id}`;
    case "remiss": return `r-${step.remiss.id}`;
    case "response": return `s-${step.response.id}`;
    case "report-deadline": return "deadline";
  }
}

function Step({ step }: { step: ChainStep<DocumentData> }) {
  switch (step.type) {
    case "document": {
      const { document } = step;
      return (
        <li className={`chain-step chain-step-${document.kind === "DIRECTIVE" || document.kind === "SUPPLEMENTARY_DIRECTIVE" ? "directive" : "document"}`}>
          <p className="chain-kind">{documentKindLabel(document)}</p>
          <h3>
            <Link to={`/dokument/${document.id}`}>
              {document.designation && <span className="designation">{document.designation} </span>}
              {document.title}
            </Link>
          </h3>
          <p className="chain-date">{document.publishedAt ? <>Publicerad <time dateTime={document.publishedAt}>{formatDate(document.publishedAt)}</time></> : "Datum saknas"}</p>
        </li>
      );
    }
    case "report-deadline":
      return (
        <li className="chain-step chain-step-deadline">
          <p className="chain-kind">Redovisas senast</p>
          <h3><time dateTime={step.date}>{formatDate(step.date)}</time></h3>
          <p className="chain-date">Enligt direktiven ska utredningen redovisa sitt uppdrag senast detta datum.</p>
        </li>
      );
    case "remiss": {
      const { remiss, document } = step;
      return (
        <li className="chain-step chain-step-remiss">
          <p className="chain-kind">Remiss</p>
          <h3>
            <Link to={`/remisser/${remiss.id}`}>
              {remiss.diarienummer ? `Remiss ${remiss.diarienummer}` : "Remiss utan diarienummer"}
              <span className="visually-hidden"> av {document.designation ?? document.title}</span>
            </Link>
          </h3>
          <p className="chain-date">
            {remiss.ministry} · Sista svarsdag <time dateTime={remiss.deadline}>{formatDate(remiss.deadline)}</time>
            {" "}<span className="badge">{label("remissStatus", remiss.status)}</span>
          </p>
        </li>
      );
    }
    case "response":
      return (
        <li className="chain-step chain-step-response">
          <p className="chain-kind">SmåKoms {label("responseKind", step.response.kind).toLowerCase()}</p>
          <h3><Link to={`/remissvar/${step.response.id}`}>{step.response.title}</Link></h3>
          <p className="chain-date"><ResponseState response={step.response} /></p>
        </li>
      );
  }
}

/** "Inskickat 12 januari 2012", "Beslutad 10 januari 2012", or the status of a draft. */
function ResponseState({ response }: { response: Pick<ResponseData, "status" | "approvedAt" | "submittedAt"> }) {
  if (response.submittedAt) return <>Inskickat <time dateTime={response.submittedAt}>{formatDate(response.submittedAt)}</time></>;
  if (response.approvedAt) return <>Beslutat av styrelsen <time dateTime={response.approvedAt}>{formatDate(response.approvedAt)}</time></>;
  return <>{label("responseStatus", response.status)}</>;
}

function DocumentList({ documents }: { documents: DocumentData[] }) {
  return (
    <aside aria-labelledby="documents-heading" className="card">
      <h2 id="documents-heading">Dokument</h2>
      {documents.length === 0 ? (
        <p className="muted">Inga dokument ännu.</p>
      ) : (
        <ul className="plain-list">
          {inChainOrder(documents).map((document) => (
            <li key={document.id}>
              <Link to={`/dokument/${document.id}`}>{document.designation ?? document.title}</Link>
              <div className="muted">{documentKindLabel(document)}{document.publishedAt ? `, ${formatDate(document.publishedAt)}` : ""}</div>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}

const EXCERPT_LENGTH = 280;

function MemberInputItem({ input, remiss }: { input: MemberInputData; remiss: RemissData | null }) {
  const excerpt = input.text.length > EXCERPT_LENGTH ? `${input.text.slice(0, EXCERPT_LENGTH).trimEnd()} …` : input.text;
  return (
    <li id={`synpunkt-${input.id}`}>
      <p className="member-input-meta">
        <strong>{input.municipality.name}</strong>
        {" "}<span className="badge">{label("memberInputStatus", input.status)}</span>
        {input.submittedAt && <span className="muted"> {formatDate(input.submittedAt)}</span>}
        {remiss && (
          <>
            {" · "}
            <Link to={`/remisser/${remiss.id}`}>{remiss.diarienummer ? `Remiss ${remiss.diarienummer}` : "Remissen"}</Link>
          </>
        )}
      </p>
      <blockquote className="member-input-text">{excerpt}</blockquote>
    </li>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
