/**
 * Staff's tracking of a remiss (status, responsible, member deadline, notes, the summary of
 * member input), saved one field group at a time with the version the person saw. When
 * someone else saved in between, the answer says so with their value and the typed one.
 */
import { data } from "@remix-run/node";
import { graphql } from "~/graphql/graphql";
import { ApiError, callApi } from "./api.server";
import { apiProblems, formValues, parseForm, type FormProblems } from "./forms.server";
import { formatDate } from "./format";
import { label } from "./labels";
import { TRACKING_FIELD, TrackingForms, type TrackingGroup } from "./remiss-form";
import { StaffOptionsQuery, staffOptions } from "./remiss-staff.server";

const UpdateTracking = graphql(`
  mutation UpdateRemissTracking($input: UpdateRemissInput!) {
    updateRemiss(input: $input) { id version }
  }
`);

const SaveSummary = graphql(`
  mutation SaveMemberInputSummary($remissId: ID!, $text: String!, $publish: Boolean!, $expectedVersion: Int) {
    saveMemberInputSummary(remissId: $remissId, text: $text, publish: $publish, expectedVersion: $expectedVersion) { id version }
  }
`);

const CurrentTracking = graphql(`
  query CurrentRemissTracking($id: ID!) {
    remiss(id: $id) {
      id version status memberInputDeadline notes
      owner { id name }
      memberInputSummary { text publishedAt }
    }
  }
`);

export type ConflictGroup = TrackingGroup | "summary";

/** What someone else saved, beside what this person typed, both as people read them. */
export interface Conflict {
  group: ConflictGroup;
  theirs: string;
  yours: string;
  /** The version now stored: saving again with it overwrites theirs. */
  version: number;
}

export type TrackingAnswer =
  | { saved: ConflictGroup; version: number }
  | { problems: FormProblems; conflict?: Conflict };

type Current = NonNullable<Awaited<ReturnType<typeof currentTracking>>>;

async function currentTracking(request: Request, id: string) {
  return (await callApi(request, CurrentTracking, { id })).data.remiss;
}

function describe(group: ConflictGroup, value: string | null | undefined, names: Map<string, string>): string {
  if (group === "status") return label("remissStatus", value) || "Ingen status";
  if (group === "owner") return value ? (names.get(value) ?? "En tidigare medarbetare") : "Ingen ansvarig";
  if (group === "memberDeadline") return value ? formatDate(value) : "Inget eget datum (departementets sista svarsdag gäller)";
  return value?.trim() ? value : "Tomt";
}

function theirValue(group: ConflictGroup, current: Current): string | null {
  switch (group) {
    case "status": return current.status;
    case "owner": return current.owner?.id ?? null;
    case "memberDeadline": return current.memberInputDeadline;
    case "notes": return current.notes;
    case "summary": return current.memberInputSummary?.text ?? null;
  }
}

/** The 409 answer after a stale save: the current value, the typed one, and the new version. */
export async function conflictAnswer(request: Request, remissId: string, group: ConflictGroup, values: Record<string, string>) {
  const current = await currentTracking(request, remissId);
  if (!current) throw new Response("Sidan finns inte", { status: 404 });
  const names = new Map<string, string>();
  if (group === "owner") {
    for (const o of staffOptions((await callApi(request, StaffOptionsQuery)).data)) names.set(o.value, o.label);
    if (current.owner) names.set(current.owner.id, current.owner.name);
  }
  const field = group === "summary" ? "summary" : TRACKING_FIELD[group];
  const conflict: Conflict = {
    group,
    theirs: describe(group, theirValue(group, current), names),
    yours: describe(group, values[field] || null, names),
    version: current.version,
  };
  const problems: FormProblems = {
    formError: "Någon annan har ändrat remissen medan du redigerade. Ditt värde är inte sparat.",
    fieldErrors: {},
    values,
  };
  return data({ problems, conflict } satisfies TrackingAnswer, { status: 409 });
}

const isStale = (error: unknown) => error instanceof ApiError && error.code === "CONFLICT" && error.reason === "STALE_VERSION";

/** Saves one field group of a remiss; `saved`, or problems (with a conflict when stale). */
export async function saveTracking(request: Request, remissId: string, group: TrackingGroup, form: FormData) {
  const values = formValues(form);
  const parsed = parseForm(form, TrackingForms[group]);
  if (!parsed.ok) return data({ problems: parsed.problems } satisfies TrackingAnswer, { status: 400 });
  // Each group's schema yields exactly the fields it edits, named as the API names them.
  const input = { id: remissId, ...(parsed.value as { expectedVersion: number }) };
  try {
    const result = await callApi(request, UpdateTracking, { input });
    return data({ saved: group, version: result.data.updateRemiss.version } satisfies TrackingAnswer);
  } catch (error) {
    if (isStale(error)) return conflictAnswer(request, remissId, group, values);
    return apiProblems(error, values, { memberInputDeadline: "memberInputDeadline", ownerId: "ownerId", status: "status", notes: "notes" });
  }
}

/** Saves staff's summary of the member input, as a draft or published to members. */
export async function saveSummary(request: Request, remissId: string, form: FormData) {
  const values = formValues(form);
  const expectedVersion = Number(values.expectedVersion);
  const text = (values.summary ?? "").trim();
  const publish = values.publish === "1";
  if (!Number.isInteger(expectedVersion) || expectedVersion < 1) {
    return data({ problems: { formError: "Sidan saknar version; ladda om den.", fieldErrors: {}, values } } satisfies TrackingAnswer, { status: 400 });
  }
  if (publish && !text) {
    return data({
      problems: { formError: "Skriv en sammanställning innan du publicerar den.", fieldErrors: { summary: "Skriv en sammanställning innan du publicerar den." }, values },
    } satisfies TrackingAnswer, { status: 400 });
  }
  try {
    const result = await callApi(request, SaveSummary, { remissId, text, publish, expectedVersion });
    return data({ saved: "summary", version: result.data.saveMemberInputSummary.version } satisfies TrackingAnswer);
  } catch (error) {
    if (isStale(error)) return conflictAnswer(request, remissId, "summary", values);
    return apiProblems(error, values, { text: "summary" });
  }
}
