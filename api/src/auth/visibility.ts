import { readableBy, readableMemberInputStatuses, readableResponseStatuses, ResponseStatus } from "@remissbanken/schema";
import type { Actor } from "./policy.js";

/**
 * SQL forms of the read rules (schema/src/read-rules.ts, which policy.ts's rules apply to
 * one row), for lists and loaders, so that a query never returns a row that
 * `can(actor, ..., "read", row)` would refuse.
 */
export interface SqlFilter {
  sql: string;
  params: Record<string, unknown>;
}

const ALL: SqlFilter = { sql: "TRUE", params: {} };
const NONE: SqlFilter = { sql: "FALSE", params: {} };

/** The responses the caller may read, as a condition on `alias` (a response row). */
export function responseReadSql(actor: Actor | null, alias: string): SqlFilter {
  const statuses = readableResponseStatuses(actor);
  if (statuses.length === Object.values(ResponseStatus).length) return ALL;
  if (statuses.length === 0) return NONE;
  return { sql: `${alias}.status IN (:...readableResponseStatuses)`, params: { readableResponseStatuses: statuses } };
}

/** The member input the caller may read, as a condition on `alias` (a member_input row). */
export function memberInputReadSql(actor: Actor | null, alias: string): SqlFilter {
  const statuses = readableMemberInputStatuses(actor);
  const { municipalityId } = readableBy(actor);
  const conditions: string[] = [];
  const params: Record<string, unknown> = {};
  if (statuses.length > 0) {
    conditions.push(`${alias}.status IN (:...readableMemberInputStatuses)`);
    params.readableMemberInputStatuses = statuses;
  }
  if (municipalityId) {
    conditions.push(`${alias}.municipality_id = :actorMunicipalityId`);
    params.actorMunicipalityId = municipalityId;
  }
  return conditions.length ? { sql: `(${conditions.join(" OR ")})`, params } : NONE;
}
