/** The "Prioriterade frågor" row of a facts list; nothing when there are none (or the reader may not see them). */
export function PriorityAreaFacts({ areas }: { areas: { id: string; name: string; year: number }[] }) {
  if (!areas.length) return null;
  return (
    <>
      <dt>Prioriterade frågor</dt>
      <dd>
        <ul className="tags">
          {areas.map((area) => <li key={area.id} className="badge">{area.name} {area.year}</li>)}
        </ul>
      </dd>
    </>
  );
}
