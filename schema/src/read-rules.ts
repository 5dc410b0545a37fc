/**
 * Who may read which record: the one definition. The API's policy (`can(actor, "response",
 * "read", row)` …), the API's SQL for lists, the visibility the indexer writes on every
 * Meilisearch record and the PostgreSQL fallback's filter are all derived from it, so a
 * caller never learns from a page, a list, a hit, a snippet or a count what they may not read.
 *
 * The one copy that cannot import this file is the `search_passage` trigger (SQL in a
 * migration); api/src/auth/policy.test.ts fails when it writes other visibilities.
 */
import { MemberInputStatus, ResponseStatus, Role } from "./enums.js";

/** Who may read a record, as data on the record (filtered before ranking and faceting). */
export type Visibility =
  /** Documents and inquiries: public records (offentliga handlingar), anyone, signed in or not. Decision record 003. */
  | "public"
  /** Remisser and published (approved, submitted) responses: every signed-in user. */
  | "signed_in"
  /** Responses not yet decided; submitted or withdrawn member input: SmåKom's staff and board. */
  | "staff_board"
  /** Member-input drafts: only the members of its municipality. */
  | "own_municipality";

/** The caller as the read rules see them; the API's Actor is one. */
export interface Reader {
  role: Role;
  municipalityId: string | null;
}

/** What a kind of record is readable as, apart from its status. */
export const RECORD_VISIBILITY = {
  document: "public",
  inquiry: "public",
  remiss: "signed_in",
} as const satisfies Record<string, Visibility>;

/** A response is SmåKom's position once the board approved it: then every signed-in user reads it. */
const PUBLISHED_RESPONSE_STATUSES: ReadonlySet<string> = new Set([ResponseStatus.APPROVED, ResponseStatus.SUBMITTED]);

export function responseVisibility(status: ResponseStatus | string): Visibility {
  return PUBLISHED_RESPONSE_STATUSES.has(status) ? "signed_in" : "staff_board";
}

/**
 * A municipality's draft is its own until sent; sent (or withdrawn) input is for SmåKom.
 * Member input is always readable by its own municipality as well (`readableBy`'s
 * municipalityId), whatever its status.
 */
export function memberInputVisibility(status: MemberInputStatus | string): Visibility {
  return status === MemberInputStatus.DRAFT ? "own_municipality" : "staff_board";
}

export interface Readable {
  /** Records of these visibilities. */
  levels: Visibility[];
  /** And member input of this municipality (the caller's own), any status. */
  municipalityId: string | null;
}

/** What a caller may read. */
export function readableBy(reader: Reader | null): Readable {
  if (!reader) return { levels: ["public"], municipalityId: null };
  if (reader.role === Role.MEMBER) return { levels: ["public", "signed_in"], municipalityId: reader.municipalityId };
  // Staff, board and admin. Only members have a municipality, so own drafts never apply here.
  return { levels: ["public", "signed_in", "staff_board"], municipalityId: null };
}

/** Whether a caller may read a record of this visibility (and, for member input, of this municipality). */
export function mayRead(reader: Reader | null, record: { visibility: Visibility; municipalityId?: string | null }): boolean {
  const { levels, municipalityId } = readableBy(reader);
  return levels.includes(record.visibility) || (municipalityId !== null && record.municipalityId === municipalityId);
}

/** The response statuses a caller may read: what lists filter by in SQL. */
export function readableResponseStatuses(reader: Reader | null): ResponseStatus[] {
  const { levels } = readableBy(reader);
  return Object.values(ResponseStatus).filter((status) => levels.includes(responseVisibility(status)));
}

/** The member-input statuses a caller may read of other municipalities than their own. */
export function readableMemberInputStatuses(reader: Reader | null): MemberInputStatus[] {
  const { levels } = readableBy(reader);
  return Object.values(MemberInputStatus).filter((status) => levels.includes(memberInputVisibility(status)));
}
