/** One area as the choice shows it. */
export interface AreaOption {
  id: string;
  name: string;
  year: number;
}

/**
 * The ticked boxes: what the person sent when the form came back with a problem (the action
 * returns them joined by commas as `values.priorityAreaIds`), else what is stored.
 */
export function tickedAreas(values: Record<string, string> | undefined, stored: readonly string[]): Set<string> {
  return new Set(values ? (values.priorityAreaIds ?? "").split(",").filter(Boolean) : stored);
}

/**
 * Checkboxes named `priorityAreaIds`, one fieldset per year in the order the areas come in,
 * for a plain form post (tagging an inquiry, a remiss's report or a response).
 */
export function PriorityAreaChoice({ areas, ticked }: { areas: readonly AreaOption[]; ticked: ReadonlySet<string> }) {
  const years = [...new Set(areas.map((a) => a.year))];
  return (
    <>
      {years.map((year) => (
        <fieldset className="stack" key={year}>
          <legend>{year}</legend>
          {areas.filter((a) => a.year === year).map((area) => (
            <label key={area.id} className="checkbox">
              <input type="checkbox" name="priorityAreaIds" value={area.id} defaultChecked={ticked.has(area.id)} /> {area.name} ({area.year})
            </label>
          ))}
        </fieldset>
      ))}
    </>
  );
}
