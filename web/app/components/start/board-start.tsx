import { Link } from "@remix-run/react";
import { formatDate } from "~/lib/format";
import { label } from "~/lib/labels";
import { Deadline } from "./deadline";
import type { StartView } from "./types";

export function BoardStart({ waiting, latest, today }: StartView<"board">) {
  return (
    <>
      <h1>Styrelsens översikt</h1>
      <section aria-labelledby="waiting-title">
        <h2 id="waiting-title">Väntar på ert beslut</h2>
        {waiting.nodes.length === 0 ? (
          <p className="card empty">Inga remissvar eller ställningstaganden väntar på beslut just nu.</p>
        ) : (
          <ul className="item-list">
            {waiting.nodes.map((r) => (
              <li key={r.id} className="card">
                <Link to={`/remissvar/${r.id}`} className="item-title">{r.title}</Link>
                <span className="row-meta">
                  {label("responseKind", r.kind)}
                  {r.remiss ? <> till {r.remiss.document.designation ?? r.remiss.document.title}</> : r.inquiry ? <> om {r.inquiry.name}</> : null}
                  {" · "}senast ändrat {formatDate(r.updatedAt)}
                </span>
                {r.remiss && (
                  <span className="row-meta">Sista svarsdag: <Deadline date={r.remiss.deadline} today={today} /></span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="latest-title">
        <h2 id="latest-title">Senaste ställningstaganden och remissvar</h2>
        {latest.nodes.length === 0 ? (
          <p className="card empty">Styrelsen har inte beslutat några remissvar eller ställningstaganden ännu.</p>
        ) : (
          <ul className="item-list">
            {latest.nodes.map((r) => {
              const when = r.submittedAt ?? r.approvedAt;
              return (
                <li key={r.id} className="card">
                  <Link to={`/remissvar/${r.id}`} className="item-title">{r.title}</Link>
                  <span className="row-meta">
                    {label("responseKind", r.kind)} · {label("responseStatus", r.status)}
                    {when && <> {formatDate(when)}</>}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        <p><Link to="/sok">Sök bland allt SmåKom har sagt</Link></p>
      </section>
    </>
  );
}
