/**
 * Staff and board read the answers to an input request: which municipalities have answered,
 * and per question every answer side by side. Drafts never show: the API leaves them out.
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { load, notFoundResponse, requireUser } from "~/lib/auth.server";
import { formatDate, formatDateTime, todayInStockholm } from "~/lib/format";
import { isId } from "~/lib/ids";
import { label } from "~/lib/labels";
import { RouteErrorBoundary } from "~/components/route-error";
import { Deadline } from "~/components/start/deadline";
import { documentTitle } from "~/components/start/document-title";
import styles from "~/styles/input-request.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Svar per fråga – ${documentTitle(data.remiss.document)} – Remissbanken` : "Svar per fråga – Remissbanken" },
];

const AnswersPage = graphql(`
  query InputRequestAnswers($id: ID!) {
    remiss(id: $id) {
      id
      document { designation title }
      abilities { canEdit }
      responses { id title status abilities { canEdit } }
      inputRequest {
        id publishedAt deadline intro
        municipalities { municipality { id name } state submittedAt }
        answersByQuestion {
          number
          question { id text }
          answers { text memberInput { id submittedAt municipality { id name } } }
        }
      }
    }
  }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, ["STAFF", "ADMIN", "BOARD"]);
  if (!isId(params.id)) throw notFoundResponse();
  const { remiss } = await load(request, AnswersPage, { id: params.id });
  if (!remiss?.inputRequest?.publishedAt) throw notFoundResponse();
  return { remiss, inputRequest: remiss.inputRequest, today: todayInStockholm() };
}

export default function AnswersRoute() {
  const { remiss, inputRequest, today } = useLoaderData<typeof loader>();
  const answered = inputRequest.municipalities.filter((m) => m.state === "ANSWERED");
  // Quotes are inserted in the editor's panel, which lists these answers one by one.
  const editable = remiss.responses.find((r) => r.abilities.canEdit);
  return (
    <>
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li><Link to="/remisser">Remisser</Link></li>
          <li><Link to={`/remisser/${remiss.id}`}>{remiss.document.designation ?? "Remiss"}</Link></li>
          <li aria-current="page">Svar per fråga</li>
        </ol>
      </nav>
      <h1>Svar per fråga: {documentTitle(remiss.document)}</h1>
      <p>
        Frågorna ställdes {formatDate(inputRequest.publishedAt)}. Sista dag att svara: <Deadline date={inputRequest.deadline} today={today} />.{" "}
        {remiss.abilities.canEdit && <Link to={`/remisser/${remiss.id}/fragor`}>Ändra frågorna</Link>}
      </p>
      {editable ? (
        <p>
          Citera ett svar i remissvaret: öppna <Link to={`/remissvar/${editable.id}/redigera`}>{editable.title}</Link> och välj
          {" "}<em>Infoga som citat</em> vid svaret under ”Synpunkter från medlemmarna”.
        </p>
      ) : (
        remiss.abilities.canEdit && <p className="muted">När remissvaret är påbörjat kan svaren infogas som citat i det.</p>
      )}

      <section aria-labelledby="vem-title" className="card">
        <h2 id="vem-title">Vilka har svarat</h2>
        <p aria-live="polite">
          {answered.length} av {inputRequest.municipalities.length} medlemskommuner har svarat.
        </p>
        <div className="table-wrap">
          <table className="answer-states">
            <caption className="visually-hidden">Medlemskommunernas svar</caption>
            <thead>
              <tr>
                <th scope="col">Kommun</th>
                <th scope="col">Svar</th>
                <th scope="col">Skickat</th>
              </tr>
            </thead>
            <tbody>
              {inputRequest.municipalities.map((m) => (
                <tr key={m.municipality.id}>
                  <th scope="row">{m.municipality.name}</th>
                  <td>
                    <span className={m.state === "ANSWERED" ? "badge badge-ok" : "badge"}>{label("inputAnswerState", m.state)}</span>
                  </td>
                  <td>{m.submittedAt ? formatDateTime(m.submittedAt) : <span className="muted">–</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {inputRequest.answersByQuestion.map((q) => (
        <section key={q.question.id} aria-labelledby={`fraga-${q.number}`} className="card">
          <h2 id={`fraga-${q.number}`}>Fråga {q.number}: {q.question.text}</h2>
          {q.answers.length === 0 ? (
            <p className="muted">Ingen kommun har svarat på frågan ännu.</p>
          ) : (
            <ul className="answers-side-by-side">
              {q.answers.map((a) => (
                <li key={a.memberInput.id} className="answer">
                  <h3>{a.memberInput.municipality.name}</h3>
                  <p className="muted">Skickat {formatDateTime(a.memberInput.submittedAt)}</p>
                  <p className="input-text">{a.text}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
