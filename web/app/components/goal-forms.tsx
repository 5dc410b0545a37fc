/** The goals of one priority area on its admin page: each goal its own form, and one to add a goal. */
import { Form } from "@remix-run/react";
import { options } from "~/lib/labels";
import { goalPrefix } from "~/lib/goal-forms";
import { FormError, SelectField, TextArea, TextField, type FormProblemsView } from "./form";

interface Goal {
  id: string;
  text: string;
  status: string;
  comment: string | null;
  version: number;
}

/** The problems of the form that was sent, and only on that form. */
function problemsFor(problems: FormProblemsView | null | undefined, intent: string, goalId: string | null) {
  if (!problems || problems.values.intent !== intent) return undefined;
  return goalId === null || problems.values.goalId === goalId ? problems : undefined;
}

/** `what` names the goal in its labels: "mål 2", "nytt mål". */
function GoalFields({ prefix, goal, what, problems }: { prefix: string; goal?: Goal; what: string; problems?: FormProblemsView }) {
  return (
    <div className="goal-edit">
      <TextField name={`${prefix}-text`} label={what[0].toUpperCase() + what.slice(1)} maxLength={1000} required defaultValue={goal?.text ?? ""} problems={problems} />
      <SelectField name={`${prefix}-status`} label={`Status för ${what}`} defaultValue={goal?.status ?? "NOT_STARTED"} options={options("goalStatus")} problems={problems} />
      <TextArea name={`${prefix}-comment`} label={`Kommentar till ${what}`} hint="Frivilligt. Hur det gick, syns i årsrapporten." rows={2} maxLength={2000} defaultValue={goal?.comment ?? ""} problems={problems} />
    </div>
  );
}

export function GoalsSection({ year, goals, problems, busy }: { year: number; goals: Goal[]; problems?: FormProblemsView | null; busy: boolean }) {
  const adding = problemsFor(problems, "add-goal", null);
  return (
    <section className="card stack" aria-labelledby="mal">
      <h2 id="mal">Mål för {year}</h2>
      <p className="muted">Målen som höstmötet beslutade för frågan. Sätt status och skriv en kommentar när året följs upp; de syns i årsrapporten.</p>
      {goals.length === 0 && <p>Inga mål än. Lägg till det första nedan.</p>}
      {goals.map((goal, i) => {
        const p = problemsFor(problems, "update-goal", goal.id) ?? problemsFor(problems, "remove-goal", goal.id);
        return (
          <div className="goal-item stack" key={goal.id}>
            <Form method="post" className="stack" aria-label={`Ändra mål ${i + 1}`}>
              <input type="hidden" name="intent" value="update-goal" />
              <input type="hidden" name="goalId" value={goal.id} />
              <input type="hidden" name="expectedVersion" value={goal.version} />
              <FormError problems={p} />
              <GoalFields prefix={goalPrefix(goal.id)} goal={goal} what={`mål ${i + 1}`} problems={p} />
              <div className="actions">
                <button type="submit" className="button-secondary" disabled={busy}>Spara mål {i + 1}</button>
              </div>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value="remove-goal" />
              <input type="hidden" name="goalId" value={goal.id} />
              <button type="submit" className="button-link" disabled={busy}>Ta bort mål {i + 1}</button>
            </Form>
          </div>
        );
      })}
      {/* Keyed by the number of goals: a goal just added leaves an empty form, with or without JavaScript. */}
      <Form method="post" className="stack goal-item" aria-labelledby="new-goal-title" key={goals.length}>
        <h3 id="new-goal-title">Lägg till ett mål</h3>
        <input type="hidden" name="intent" value="add-goal" />
        <FormError problems={adding} />
        <GoalFields prefix={goalPrefix(null)} what="nytt mål" problems={adding} />
        <div className="actions">
          <button type="submit" disabled={busy}>Lägg till mål</button>
        </div>
      </Form>
    </section>
  );
}
