import { MemberInputStatus, ResponseStatus } from "@remissbanken/schema";
import { isStaffOrBoard, type Actor } from "./policy.js";

/**
 * SQL forms of the read rules in policy.ts, for lists and loaders, so that a
 * query never returns a row that `can(actor, ..., "read", row)` would refuse.
 */
export interface SqlFilter {
  sql: string;
  params: Record<string, unknown>;
}

export function responseVisibility(actor: Actor | null, alias: string): SqlFilter {
  if (actor && isStaffOrBoard(actor)) return { sql: "TRUE", params: {} };
  if (!actor) return { sql: "FALSE", params: {} };
  return {
    sql: `${alias}.status IN (:...publishedResponseStatuses)`,
    params: { publishedResponseStatuses: [ResponseStatus.APPROVED, ResponseStatus.SUBMITTED] },
  };
}

export function memberInputVisibility(actor: Actor | null, alias: string): SqlFilter {
  if (!actor) return { sql: "FALSE", params: {} };
  const own = actor.municipalityId ? `${alias}.municipality_id = :actorMunicipalityId` : "FALSE";
  const params: Record<string, unknown> = { actorMunicipalityId: actor.municipalityId, draftStatus: MemberInputStatus.DRAFT };
  if (isStaffOrBoard(actor)) return { sql: `(${alias}.status <> :draftStatus OR ${own})`, params };
  return { sql: own, params };
}
