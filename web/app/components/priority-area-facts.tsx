import { Link } from "@remix-run/react";

/**
 * The "Prioriterade frågor" row of a facts list; nothing when there are none (or the reader may
 * not see them), unless the reader may change them (`editHref`): then the row offers that.
 */
export function PriorityAreaFacts({ areas, editHref }: { areas: { id: string; name: string; year: number }[]; editHref?: string }) {
  if (!areas.length && !editHref) return null;
  return (
    <>
      <dt>Prioriterade frågor</dt>
      <dd>
        {areas.length > 0 ? (
          <ul className="tags">
            {areas.map((area) => <li key={area.id} className="badge">{area.name} {area.year}</li>)}
          </ul>
        ) : (
          <span className="muted">Inga valda. </span>
        )}
        {editHref && <Link to={editHref}>Ändra prioriterade frågor</Link>}
      </dd>
    </>
  );
}
