/**
 * Who may see an indexed record, as data on the record, so that Meilisearch (and the
 * PostgreSQL fallback, whose triggers write the same values) filter before ranking and
 * faceting: a caller never learns from a hit, a snippet or a count that a record exists.
 * Mirrors the read rules in api/src/auth/policy.ts.
 */
import { MemberInputStatus, ResponseStatus, Role } from "@remissbanken/schema";

export type Visibility =
  /** Documents and inquiries: public records, anyone, signed in or not. */
  | "public"
  /** Remisser and published (approved, submitted) responses: every signed-in user. */
  | "signed_in"
  /** Draft responses; submitted or withdrawn member input (also its own municipality, by municipalityId). */
  | "staff_board"
  /** Member-input drafts: only the members of its municipality (by municipalityId). */
  | "own_municipality";

export interface Reader {
  role: Role;
  municipalityId: string | null;
}

const PUBLISHED = new Set<string>([ResponseStatus.APPROVED, ResponseStatus.SUBMITTED]);

export function responseVisibility(status: string): Visibility {
  return PUBLISHED.has(status) ? "signed_in" : "staff_board";
}

export function memberInputVisibility(status: string): Visibility {
  return status === MemberInputStatus.DRAFT ? "own_municipality" : "staff_board";
}

/**
 * What a caller may read: records whose visibility is one of `levels`, and records of
 * `municipalityId` (member input of the caller's own municipality, drafts included).
 */
export function readableBy(reader: Reader | null): { levels: Visibility[]; municipalityId: string | null } {
  if (!reader) return { levels: ["public"], municipalityId: null };
  if (reader.role === Role.MEMBER) return { levels: ["public", "signed_in"], municipalityId: reader.municipalityId };
  // Staff, board and admin. Only members have a municipality, so own drafts never apply here.
  return { levels: ["public", "signed_in", "staff_board"], municipalityId: null };
}
