/** What the administration pages share on the server. */
import { graphql, type ResultOf } from "~/graphql/graphql";
import { parseGoals, PriorityAreaForm, type GoalRow } from "./admin-forms";
import { load, requireUser, type CurrentUser, type Role } from "./auth.server";
import { formValues, parseForm, type FormProblems } from "./forms.server";

/** Roles that reach /admin; every admin route checks it, since Remix runs child loaders beside the layout's. */
export const ADMIN_ROLES: Role[] = ["STAFF", "ADMIN"];

export function requireAdminUser(request: Request): Promise<CurrentUser> {
  return requireUser(request, ADMIN_ROLES);
}

/**
 * The roles this person may give: the API's policy lets admins manage everyone and staff
 * manage board and member users (api/src/auth/policy.ts, user.manage).
 */
export function assignableRoles(user: CurrentUser): Role[] {
  return user.role === "ADMIN" ? ["MEMBER", "BOARD", "STAFF", "ADMIN"] : ["MEMBER", "BOARD"];
}

const MunicipalityOptions = graphql(`
  query MunicipalityOptions($after: String) {
    municipalities(first: 100, after: $after) {
      nodes { id name }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

export type MunicipalityOption = ResultOf<typeof MunicipalityOptions>["municipalities"]["nodes"][number];

/** Every current municipality, for the select of a member user's municipality. */
export async function allMunicipalities(request: Request): Promise<MunicipalityOption[]> {
  const all: MunicipalityOption[] = [];
  let after: string | null = null;
  for (let page = 0; page < 20; page++) {
    const { municipalities }: ResultOf<typeof MunicipalityOptions> = await load(request, MunicipalityOptions, { after });
    all.push(...municipalities.nodes);
    if (!municipalities.pageInfo.hasNextPage) break;
    after = municipalities.pageInfo.endCursor ?? null;
  }
  return all;
}

/** A number from a form field, or undefined. */
export function formInt(value: FormDataEntryValue | null): number | undefined {
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
}

/** A priority area form as the API's input, or its problems (field by field, goal rows too). */
export function parsePriorityArea(form: FormData):
  | { ok: true; input: { name: string; year: number; description: string; goals: GoalRow[] } }
  | { ok: false; problems: FormProblems } {
  const parsed = parseForm(form, PriorityAreaForm);
  const goals = parseGoals(formValues(form));
  if (parsed.ok && Object.keys(goals.fieldErrors).length === 0) return { ok: true, input: { ...parsed.value, goals: goals.goals } };
  const base = parsed.ok ? { formError: "Några uppgifter behöver rättas.", fieldErrors: {}, values: formValues(form) } : parsed.problems;
  return { ok: false, problems: { ...base, fieldErrors: { ...base.fieldErrors, ...goals.fieldErrors } } };
}
