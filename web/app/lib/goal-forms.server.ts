/** The goal forms of a priority area's admin page: one form per goal, and one to add a goal. */
import { z } from "zod";
import { graphql } from "~/graphql/graphql";
import { callApi } from "./api.server";
import { GOAL_STATUSES } from "./admin-forms";
import { redirectWithFlash } from "./flash.server";
import { apiProblems, formValues, problems } from "./forms.server";
import { goalPrefix, type GoalIntent } from "./goal-forms";

const AddGoal = graphql(`mutation AddGoal($input: AddGoalInput!) { addGoal(input: $input) { id } }`);
const UpdateGoal = graphql(`mutation UpdateGoal($input: UpdateGoalInput!) { updateGoal(input: $input) { id } }`);
const RemoveGoal = graphql(`mutation RemoveGoal($id: ID!) { removeGoal(id: $id) { id } }`);


const GoalForm = z.object({
  text: z.string().trim().min(1, "Skriv målet.").max(1000, "Ett mål får ha högst 1 000 tecken."),
  status: z.enum(GOAL_STATUSES, { message: "Välj en status." }),
  comment: z.string().trim().max(2000, "Kommentaren får ha högst 2 000 tecken."),
});

function parseGoal(values: Record<string, string>, prefix: string) {
  const result = GoalForm.safeParse({
    text: values[`${prefix}-text`] ?? "",
    status: values[`${prefix}-status`] ?? "NOT_STARTED",
    comment: values[`${prefix}-comment`] ?? "",
  });
  if (result.success) return { ok: true as const, value: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) fieldErrors[`${prefix}-${String(issue.path[0])}`] ??= issue.message;
  return { ok: false as const, problems: { formError: "Några uppgifter behöver rättas.", fieldErrors, values } };
}

/** Adds, saves or removes one goal of the area and comes back to the goals with a message. */
export async function goalAction(request: Request, form: FormData, intent: GoalIntent, areaId: string) {
  const values = formValues(form);
  const goalId = intent === "add-goal" ? null : (values.goalId ?? "");
  const prefix = goalPrefix(goalId);
  const back = `/admin/prioriterade-fragor/${areaId}#mal`;
  const fieldNames = { text: `${prefix}-text`, status: `${prefix}-status`, comment: `${prefix}-comment` };
  try {
    if (intent === "remove-goal") {
      await callApi(request, RemoveGoal, { id: goalId! });
      return redirectWithFlash(back, { kind: "success", message: "Målet är borttaget." });
    }
    const parsed = parseGoal(values, prefix);
    if (!parsed.ok) return problems(parsed.problems);
    const { text, status, comment } = parsed.value;
    if (intent === "add-goal") {
      await callApi(request, AddGoal, { input: { priorityAreaId: areaId, text, status, comment: comment || null } });
      return redirectWithFlash(back, { kind: "success", message: "Målet är tillagt." });
    }
    const expectedVersion = Number(values.expectedVersion);
    await callApi(request, UpdateGoal, {
      input: { id: goalId!, expectedVersion: Number.isInteger(expectedVersion) ? expectedVersion : null, text, status, comment },
    });
    return redirectWithFlash(back, { kind: "success", message: "Målet är sparat." });
  } catch (error) {
    return apiProblems(error, values, fieldNames);
  }
}
