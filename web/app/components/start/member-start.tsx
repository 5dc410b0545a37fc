import { Link } from "@remix-run/react";
import { formatDate } from "~/lib/format";
import { label } from "~/lib/labels";
import { Deadline } from "./deadline";
import { documentTitle } from "./document-title";
import type { StartView } from "./types";

export function MemberStart({ me, asking, inputs, today }: StartView<"member">) {
  const municipality = me.municipality?.name ?? "er kommun";
  return (
    <>
      <h1>Remisser som väntar på synpunkter</h1>
      <p className="lead">
        SmåKom vill gärna höra hur förslagen påverkar {municipality}. Skicka era synpunkter före sista dagen för
        synpunkter, så kan kansliet ta med dem i remissvaret.
      </p>
      <section aria-labelledby="asking-title">
        <h2 id="asking-title" className="visually-hidden">Remisser som tar emot synpunkter</h2>
        {asking.length === 0 ? (
          <p className="card empty">Just nu tar ingen remiss emot synpunkter. Kansliet hör av sig när en ny remiss kommer.</p>
        ) : (
          <ul className="item-list">
            {asking.map((r) => {
              const sent = r.memberInputs.some((i) => i.status === "SUBMITTED");
              const draft = !sent && r.memberInputs.some((i) => i.status === "DRAFT");
              return (
                <li key={r.id} className="card">
                  <Link to={`/remisser/${r.id}`} className="item-title">{documentTitle(r.document)}</Link>
                  <span className="row-meta">{r.ministry}</span>
                  <dl className="facts">
                    <dt>Synpunkter senast</dt>
                    <dd><Deadline date={r.memberInputDeadline ?? r.deadline} today={today} /></dd>
                    <dt>Sista svarsdag</dt>
                    <dd><Deadline date={r.deadline} today={today} /></dd>
                    <dt>Från {municipality}</dt>
                    <dd>
                      {sent ? <span className="badge badge-ok">Synpunkter inskickade</span> : draft ? "Utkast, inte inskickat" : "Inget skickat än"}
                    </dd>
                  </dl>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section aria-labelledby="sent-title">
        <h2 id="sent-title">Det här har {municipality} skrivit</h2>
        {inputs.nodes.length === 0 ? (
          <p className="card empty">{municipality} har inte skrivit några synpunkter ännu.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Gäller</th>
                  <th scope="col">Status</th>
                  <th scope="col">Datum</th>
                </tr>
              </thead>
              <tbody>
                {inputs.nodes.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      {i.remiss ? (
                        <Link to={`/remisser/${i.remiss.id}`}>{documentTitle(i.remiss.document)}</Link>
                      ) : i.inquiry ? (
                        <Link to={`/utredningar/${i.inquiry.id}`}>{i.inquiry.name}</Link>
                      ) : null}
                    </th>
                    <td>{label("memberInputStatus", i.status)}</td>
                    <td>{formatDate(i.submittedAt ?? i.updatedAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {inputs.totalCount > inputs.nodes.length && (
          <p className="muted">Visar de {inputs.nodes.length} senaste av {inputs.totalCount}.</p>
        )}
      </section>
    </>
  );
}
