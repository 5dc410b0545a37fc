/**
 * The report's numbered headings in a response's pages: what the report said under a
 * section, shown beside SmåKom's answer, and the editor's list for starting sections from
 * the report's headings (checkboxes and a submit button, so it works without JavaScript).
 */
import { Link } from "@remix-run/react";
import { openHeadings, type ReportHeading, type ReportSection } from "~/lib/report-outline";

/** The beginning of the report's text under the section SmåKom answers, with a link to its page. */
export function ReportExcerpt({ section, documentId }: { section: ReportSection | undefined; documentId: string | undefined }) {
  if (!section || !documentId) return null;
  const paragraphs = section.text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <div className="report-excerpt">
      <h4>Betänkandet, avsnitt {section.number} {section.title}</h4>
      {paragraphs.length === 0 ? <p className="muted">Betänkandet har ingen text direkt under rubriken.</p> : paragraphs.map((text, i) => <p key={i}>{text}</p>)}
      <p className="report-excerpt-link">
        <Link to={`/dokument/${documentId}?sida=${section.page}#sida-${section.page}`}>Läs avsnittet i betänkandet (sida {section.page})</Link>
      </p>
    </div>
  );
}

/** Inside the editor's form: pick the report's headings to start sections from; numbers already answered are not offered. */
export function SectionsFromReport({ headings, sections }: { headings: readonly ReportHeading[]; sections: ReadonlyArray<{ number: string }> }) {
  if (headings.length === 0) return null;
  const open = openHeadings(headings, sections);
  return (
    <details className="report-headings card">
      <summary>Hämta avsnitt från betänkandet</summary>
      {open.length === 0 ? (
        <p className="muted">Svaret har redan ett avsnitt för varje rubrik i betänkandet.</p>
      ) : (
        <fieldset className="report-headings-list">
          <legend>Rubriker i betänkandet</legend>
          <p className="muted">Kryssa i de avsnitt ni vill svara på. De läggs till sist med nummer och rubrik ifyllda; det du har skrivit behålls.</p>
          {open.map((h) => (
            <label key={h.number} className={`report-heading-level-${Math.min(h.level, 3)}`}>
              <input type="checkbox" name="reportSection" value={h.number} /> {h.number} {h.title}
            </label>
          ))}
          <div className="actions">
            <button type="submit" name="intent" value="sections-from-report" className="button button-secondary">Lägg till valda avsnitt</button>
          </div>
        </fieldset>
      )}
    </details>
  );
}
