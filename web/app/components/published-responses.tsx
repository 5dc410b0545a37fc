/** "Publicerade remissvar": what other organisations answered, as regeringen.se publishes it. */
export interface PublishedResponse {
  id: string;
  organisation: string;
  url: string;
}

export function PublishedResponses({ responses, imported }: { responses: PublishedResponse[]; imported: boolean }) {
  // A remiss typed in by hand has no page the responses could come from: nothing to say.
  if (!responses.length && !imported) return null;
  return (
    <section aria-labelledby="publicerade-title" className="card">
      <h2 id="publicerade-title">Publicerade remissvar</h2>
      {responses.length === 0 ? (
        <p className="muted">Regeringen har inte publicerat några remissvar ännu.</p>
      ) : (
        <>
          <p className="muted">
            {responses.length === 1 ? "1 remissvar" : `${responses.length} remissvar`} från andra remissinstanser, publicerade hos regeringen (PDF).
          </p>
          <ul className="published-responses">
            {responses.map((r) => (
              <li key={r.id}><a href={r.url} rel="noreferrer">{r.organisation}</a></li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
