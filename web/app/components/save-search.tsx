/**
 * "Spara sökning" on the search page: a name and how often to be emailed. Without
 * JavaScript a plain POST to /sok/spara?… (problems come back on that page with what was
 * typed); with it, a fetcher saves and the flash message confirms.
 */
import { useFetcher } from "@remix-run/react";
import { options } from "~/lib/labels";
import type { SearchState } from "~/lib/search";
import { saveSearchAction } from "~/lib/watch";
import { FormError, SelectField, TextField, type FormProblemsView } from "./form";

export function SaveSearchForm({ state, problems: pageProblems }: { state: SearchState; problems?: FormProblemsView | null }) {
  const fetcher = useFetcher<{ problems: FormProblemsView }>({ key: "save-search" });
  const problems = fetcher.data?.problems ?? pageProblems ?? null;
  const saving = fetcher.state !== "idle";
  return (
    <fetcher.Form method="post" action={saveSearchAction(state)} className="save-search stack" aria-labelledby="save-search-title">
      <h2 id="save-search-title" className="save-search-title">Spara sökningen</h2>
      <p className="muted">Få e-post när sökningen hittar något nytt som du får läsa. Du ändrar eller tar bort den under Inställningar › Bevakningar.</p>
      <FormError problems={problems} />
      <div className="save-search-fields">
        <TextField name="name" label="Namn på sökningen" defaultValue={state.q} maxLength={200} required problems={problems} />
        <SelectField name="frequency" label="E-post om nya träffar" options={options("savedSearchFrequency")} defaultValue="WEEKLY" problems={problems} />
      </div>
      <div className="actions">
        <button type="submit" disabled={saving}>{saving ? "Sparar…" : "Spara sökning"}</button>
      </div>
    </fetcher.Form>
  );
}
