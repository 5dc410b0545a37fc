/**
 * Staff's in-place editing of a remiss: one small form per field group. Without
 * JavaScript each is a plain POST answered by a redirect; with it, a fetcher saves and
 * the page stays. A save over someone else's shows both values and keeps the typed one.
 */
import { useFetcher } from "@remix-run/react";
import { useEffect, useState, type ReactNode } from "react";
import { options } from "~/lib/labels";
import type { FormProblemsView } from "./form";
import { FormError, SelectField, TextArea, TextField } from "./form";

/** What the remiss page's action answers when it does not redirect. */
export type AnswerData =
  | { saved: string; version: number }
  | { problems: FormProblemsView; conflict?: { group: string; theirs: string; yours: string; version: number } };

interface TrackedRemiss {
  id: string;
  version: number;
  status: string;
  memberInputDeadline: string | null;
  deadline: string;
  notes: string | null;
  owner: { id: string; name: string } | null;
  memberInputSummary: { text: string; publishedAt: string | null } | null;
}

/** True once React runs in the browser: forms rendered then may stay on the page. */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

function ConflictNotice({ conflict }: { conflict: { theirs: string; yours: string } }) {
  return (
    <div className="conflict" role="alert">
      <p><strong>Någon annan har ändrat remissen medan du redigerade.</strong></p>
      <p>Sparat nu: {conflict.theirs}</p>
      <p>Ditt värde (inte sparat): {conflict.yours}</p>
      <p>Spara igen för att skriva över, eller ladda om sidan för att behålla det sparade.</p>
    </div>
  );
}

/**
 * One field group's form. `pageAnswer` is the action's answer after a POST without
 * JavaScript; with JavaScript the fetcher's own answer is used.
 */
function TrackingForm({
  group, title, remiss, pageAnswer, children,
}: {
  group: string;
  title: string;
  remiss: TrackedRemiss;
  pageAnswer?: AnswerData;
  children: (problems: FormProblemsView | null) => ReactNode;
}) {
  const fetcher = useFetcher<AnswerData>({ key: `remiss-${remiss.id}-${group}` });
  const hydrated = useHydrated();
  const fromPage = pageAnswer && "problems" in pageAnswer && pageAnswer.problems.values.intent === group ? pageAnswer : undefined;
  const answer = (fetcher.data ?? fromPage) as AnswerData | undefined;
  const problems = answer && "problems" in answer ? answer.problems : null;
  const conflict = answer && "problems" in answer ? answer.conflict : undefined;
  const saving = fetcher.state !== "idle";
  const saved = fetcher.state === "idle" && answer && "saved" in answer;
  // After a conflict, saving again means overwriting the version now stored.
  const version = conflict?.version ?? remiss.version;
  const headingId = `bevakning-${group}`;
  return (
    <fetcher.Form method="post" className="tracking-form card" aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <input type="hidden" name="intent" value={group} />
      <input type="hidden" name="expectedVersion" value={version} />
      {hydrated && <input type="hidden" name="_inPlace" value="1" />}
      {conflict ? <ConflictNotice conflict={conflict} /> : <FormError problems={problems} />}
      {/* Remounted when the stored version changes, so fields show what is saved unless the save failed. */}
      <div key={conflict ? "conflict" : remiss.version} className="stack">{children(problems)}</div>
      <div className="actions">
        <button type="submit" className="button-small" disabled={saving}>{saving ? "Sparar…" : "Spara"}</button>
        <span role="status" className="save-state">{saved ? "Sparat" : ""}</span>
      </div>
    </fetcher.Form>
  );
}

export function TrackingForms({
  remiss, staff, answer,
}: {
  remiss: TrackedRemiss;
  staff: { value: string; label: string }[];
  answer?: AnswerData;
}) {
  const owners = [{ value: "", label: "Ingen ansvarig" }, ...staff];
  if (remiss.owner && !staff.some((s) => s.value === remiss.owner!.id)) owners.push({ value: remiss.owner.id, label: remiss.owner.name });
  return (
    <section aria-labelledby="bevakning-title" id="bevakning">
      <h2 id="bevakning-title">Bevakning</h2>
      <div className="tracking-grid">
        <TrackingForm group="status" title="Status" remiss={remiss} pageAnswer={answer}>
          {(p) => <SelectField name="status" label="Status" options={options("remissStatus")} defaultValue={remiss.status} problems={p} />}
        </TrackingForm>
        <TrackingForm group="owner" title="Ansvarig" remiss={remiss} pageAnswer={answer}>
          {(p) => <SelectField name="ownerId" label="Ansvarig på kansliet" options={owners} defaultValue={remiss.owner?.id ?? ""} problems={p} />}
        </TrackingForm>
        <TrackingForm group="memberDeadline" title="Medlemmarnas sista dag" remiss={remiss} pageAnswer={answer}>
          {(p) => (
            <TextField
              name="memberInputDeadline" label="Sista dag för synpunkter" type="date" max={remiss.deadline}
              defaultValue={remiss.memberInputDeadline ?? ""} problems={p} hint="Tomt: departementets sista svarsdag gäller."
            />
          )}
        </TrackingForm>
        <TrackingForm group="notes" title="Anteckningar" remiss={remiss} pageAnswer={answer}>
          {(p) => <TextArea name="notes" label="Interna anteckningar" rows={4} defaultValue={remiss.notes ?? ""} problems={p} />}
        </TrackingForm>
      </div>
    </section>
  );
}

/** Staff write the summary of the member input and publish it to the members. */
export function SummaryForm({ remiss, answer: pageAnswer }: { remiss: TrackedRemiss; answer?: AnswerData }) {
  const fetcher = useFetcher<AnswerData>({ key: `remiss-${remiss.id}-summary` });
  const hydrated = useHydrated();
  const fromPage = pageAnswer && "problems" in pageAnswer && pageAnswer.problems.values.intent === "summary" ? pageAnswer : undefined;
  const answer = (fetcher.data ?? fromPage) as AnswerData | undefined;
  const problems = answer && "problems" in answer ? answer.problems : null;
  const conflict = answer && "problems" in answer ? answer.conflict : undefined;
  const saving = fetcher.state !== "idle";
  const saved = fetcher.state === "idle" && answer && "saved" in answer;
  const summary = remiss.memberInputSummary;
  return (
    <fetcher.Form method="post" className="stack" aria-labelledby="summary-title">
      <h3 id="summary-title">Kansliets sammanställning</h3>
      <p className="muted">
        {summary?.publishedAt ? "Publicerad: medlemmarna ser den. " : summary ? "Utkast: medlemmarna ser den inte ännu. " : ""}
        Medlemmarna ser aldrig andra kommuners synpunkter, bara den publicerade sammanställningen.
      </p>
      <input type="hidden" name="intent" value="summary" />
      <input type="hidden" name="expectedVersion" value={conflict?.version ?? remiss.version} />
      {hydrated && <input type="hidden" name="_inPlace" value="1" />}
      {conflict ? <ConflictNotice conflict={conflict} /> : <FormError problems={problems} />}
      <div key={conflict ? "conflict" : remiss.version}>
        <TextArea name="summary" label="Sammanställning av synpunkterna" rows={6} defaultValue={summary?.text ?? ""} problems={problems} />
      </div>
      <div className="actions">
        <button type="submit" name="publish" value="0" className="button-secondary" disabled={saving}>Spara utkast</button>
        <button type="submit" name="publish" value="1" disabled={saving}>{summary?.publishedAt ? "Spara och publicera" : "Publicera för medlemmarna"}</button>
        <span role="status" className="save-state">{saving ? "Sparar…" : saved ? "Sparat" : ""}</span>
      </div>
    </fetcher.Form>
  );
}
