/** The people a remiss may be assigned to: SmåKom's staff (and admins, who are staff too). */
import { graphql, type ResultOf } from "~/graphql/graphql";

export const StaffOptionsQuery = graphql(`
  query StaffOptions {
    staff: users(role: STAFF, first: 100) { nodes { id name active } }
    admins: users(role: ADMIN, first: 100) { nodes { id name active } }
  }
`);

/** Active staff and admins by name, as select options. */
export function staffOptions(data: ResultOf<typeof StaffOptionsQuery>): { value: string; label: string }[] {
  return [...data.staff.nodes, ...data.admins.nodes]
    .filter((u) => u.active)
    .sort((a, b) => a.name.localeCompare(b.name, "sv"))
    .map((u) => ({ value: u.id, label: u.name }));
}
