/** What the administration pages share on the server. */
import { graphql, type ResultOf } from "~/graphql/graphql";
import { load, requireUser, type CurrentUser, type Role } from "./auth.server";

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
