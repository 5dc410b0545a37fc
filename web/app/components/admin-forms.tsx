/** The fields of the administration's forms, shared by the create and edit pages. */
import type { Role } from "~/lib/auth.server";
import { EMPTY_GOAL_ROWS, type GoalRow } from "~/lib/admin-forms";
import { label, options } from "~/lib/labels";
import { SelectField, TextArea, TextField, type FormProblemsView } from "./form";

type Problems = FormProblemsView | null | undefined;

export function UserFields({
  problems, roles, municipalities, user,
}: {
  problems: Problems;
  roles: Role[];
  municipalities: { id: string; name: string }[];
  user?: { name: string; email: string; role: Role; municipality?: { id: string } | null };
}) {
  return (
    <>
      <TextField name="name" label="Namn" autoComplete="off" maxLength={200} required defaultValue={user?.name} problems={problems} />
      <TextField name="email" label="E-postadress" type="email" autoComplete="off" required defaultValue={user?.email} problems={problems} />
      <SelectField
        name="role"
        label="Roll"
        defaultValue={user?.role ?? "MEMBER"}
        options={roles.map((r) => ({ value: r, label: label("role", r) }))}
        problems={problems}
      />
      <SelectField
        name="municipalityId"
        label="Kommun"
        hint="Bara för medlemskommunernas användare."
        defaultValue={user?.municipality?.id ?? ""}
        options={[{ value: "", label: "Ingen kommun" }, ...municipalities.map((m) => ({ value: m.id, label: m.name }))]}
        problems={problems}
      />
    </>
  );
}

export function MunicipalityFields({
  problems, municipality,
}: { problems: Problems; municipality?: { name: string; county: string; memberSince?: string | null } }) {
  return (
    <>
      <TextField name="name" label="Kommunens namn" maxLength={200} required defaultValue={municipality?.name} problems={problems} />
      <TextField name="county" label="Län" hint="Till exempel Värmlands län." maxLength={60} required defaultValue={municipality?.county} problems={problems} />
      <TextField
        name="memberSince"
        label="Medlem sedan"
        type="date"
        hint="Frivilligt. ÅÅÅÅ-MM-DD."
        defaultValue={municipality?.memberSince ?? ""}
        problems={problems}
      />
    </>
  );
}

export function yearOptions(around: number, extra: number[] = []): { value: string; label: string }[] {
  const years = new Set<number>(extra);
  for (let y = around + 1; y >= around - 5; y--) years.add(y);
  return [...years].sort((a, b) => b - a).map((y) => ({ value: String(y), label: String(y) }));
}

/**
 * A priority area and its goals. Goals are rows of text and status; a few empty rows let
 * people add goals without JavaScript, and emptying a row's text removes that goal.
 */
export function PriorityAreaFields({
  problems, area, year, currentYear, withGoals = true,
}: {
  problems: Problems;
  area?: { name: string; year: number; description?: string | null; goals: GoalRow[] };
  year: number;
  currentYear: number;
  /** A new area takes its first goals here; an existing one edits them one by one (GoalsSection). */
  withGoals?: boolean;
}) {
  const goals: GoalRow[] = [...(area?.goals ?? [])];
  const rows = goals.length + EMPTY_GOAL_ROWS;
  return (
    <>
      <TextField name="name" label="Namn på frågan" maxLength={200} required defaultValue={area?.name} problems={problems} />
      <SelectField name="year" label="År" defaultValue={String(area?.year ?? year)} options={yearOptions(currentYear, [area?.year ?? year])} problems={problems} />
      <TextArea name="description" label="Beskrivning" hint="Frivilligt. Vad SmåKom vill uppnå med frågan." maxLength={20_000} defaultValue={area?.description ?? ""} problems={problems} />
      {withGoals && <fieldset className="stack">
        <legend>Mål</legend>
        <p className="hint">Tomma rader sparas inte. Töm ett måls text för att ta bort det.</p>
        {Array.from({ length: rows }, (_, i) => (
          <div className="goal-row" key={i}>
            <TextField
              name={`goal-${i}-text`}
              label={`Mål ${i + 1}`}
              maxLength={1000}
              defaultValue={goals[i]?.text ?? ""}
              problems={problems}
            />
            <SelectField
              name={`goal-${i}-status`}
              label={`Status för mål ${i + 1}`}
              defaultValue={goals[i]?.status ?? "NOT_STARTED"}
              options={options("goalStatus")}
              problems={problems}
            />
          </div>
        ))}
      </fieldset>}
    </>
  );
}

/** Inactive, invited (never signed in; only those who manage the account know) or active. */
export function accountState(user: { active: boolean; lastSignedInAt: string | null; abilities: { canManage: boolean } }): "inactive" | "invited" | "active" {
  if (!user.active) return "inactive";
  return user.abilities.canManage && !user.lastSignedInAt ? "invited" : "active";
}

const ACCOUNT_BADGES = {
  inactive: ["badge badge-muted", "Inaktiv"],
  invited: ["badge badge-soon", "Inbjuden, har inte loggat in"],
  active: ["badge badge-ok", "Aktiv"],
} as const;

export function AccountState({ user }: { user: Parameters<typeof accountState>[0] }) {
  const [className, text] = ACCOUNT_BADGES[accountState(user)];
  return <span className={className}>{text}</span>;
}
