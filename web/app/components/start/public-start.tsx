import { Form, Link } from "@remix-run/react";
import { formatDate } from "~/lib/format";
import { label } from "~/lib/labels";
import type { StartView } from "./types";

export function PublicStart({ documents, inquiries }: StartView<"public">) {
  return (
    <>
      <h1>Remissbanken</h1>
      <p className="lead">
        SmåKoms kunskapsbank om statliga utredningar, remisser och vad de små kommunerna har svarat.
        Utredningar och dokument är offentliga handlingar och öppna för alla.
      </p>
      <div className="start-search">
        <Form method="get" action="/sok" role="search" aria-label="Sök i Remissbanken">
          <label htmlFor="start-q">Sök bland utredningar och dokument</label>
          <div className="search-row">
            <input id="start-q" name="q" type="search" placeholder="Till exempel strandskydd eller SOU 2020:8" />
            <button type="submit">Sök</button>
          </div>
        </Form>
      </div>
      <div className="start-columns">
        <section aria-labelledby="documents-title">
          <h2 id="documents-title">Senaste dokumenten</h2>
          {documents.nodes.length === 0 ? (
            <p className="muted">Inga dokument ännu.</p>
          ) : (
            <ul className="plain-list">
              {documents.nodes.map((d) => (
                <li key={d.id}>
                  <Link to={`/dokument/${d.id}`}>{d.designation ? `${d.designation}: ${d.title}` : d.title}</Link>
                  <span className="row-meta">
                    {label("documentKind", d.kind)}
                    {d.publishedAt && <> · {formatDate(d.publishedAt)}</>}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="inquiries-title">
          <h2 id="inquiries-title">Pågående utredningar</h2>
          {inquiries.nodes.length === 0 ? (
            <p className="muted">Inga pågående utredningar just nu.</p>
          ) : (
            <ul className="plain-list">
              {inquiries.nodes.map((i) => (
                <li key={i.id}>
                  <Link to={`/utredningar/${i.id}`}>{i.name}</Link>
                  <span className="row-meta">{[i.committeeDesignation, i.department].filter(Boolean).join(" · ")}</span>
                </li>
              ))}
            </ul>
          )}
          <p><Link to="/utredningar?status=ONGOING">Alla pågående utredningar</Link></p>
        </section>
      </div>
      <section className="card sign-in-cta" aria-labelledby="cta-title">
        <h2 id="cta-title">Arbetar du på SmåKom eller i en medlemskommun?</h2>
        <p>Logga in för att följa remisser och sista svarsdagar, läsa SmåKoms remissvar och skicka synpunkter från din kommun.</p>
        <Link className="button" to="/logga-in">Logga in</Link>
      </section>
    </>
  );
}
