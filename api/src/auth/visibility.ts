import { MemberInputStatus, ResponseStatus, Role } from "@remissbanken/schema";
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

/** Every listed attribute must have one of its values; attributes are the entity's property names. */
export type VisibilityCondition = Readonly<Record<string, readonly string[]>>;

/**
 * What a caller may see of one indexed type, as data for the search index:
 * nothing, everything, or the rows matching any one of the conditions.
 * `hiddenAttributes` must not be searched, highlighted or returned for this caller.
 */
export type Visibility =
  | { kind: "none" }
  | { kind: "all"; hiddenAttributes: readonly string[] }
  | { kind: "some"; anyOf: readonly VisibilityCondition[]; hiddenAttributes: readonly string[] };

export type IndexedType = "document" | "inquiry" | "remiss" | "response" | "memberInput" | "priorityArea";

const NONE: Visibility = { kind: "none" };
const ALL: Visibility = { kind: "all", hiddenAttributes: [] };

/**
 * The read rules of policy.ts for every indexed type, so that search (results,
 * facet counts, snippets) shows exactly what `can(actor, …, "read", row)` allows.
 * Archived rows are the index's own concern; they are hidden from everyone alike.
 */
export function searchVisibility(actor: Actor | null): Record<IndexedType, Visibility> {
  const publicRecords = { document: ALL, inquiry: ALL };
  if (!actor) return { ...publicRecords, remiss: NONE, response: NONE, memberInput: NONE, priorityArea: NONE };
  const insider = isStaffOrBoard(actor);
  const ownMunicipality: VisibilityCondition[] =
    actor.role === Role.MEMBER && actor.municipalityId ? [{ municipalityId: [actor.municipalityId] }] : [];
  return {
    ...publicRecords,
    priorityArea: ALL,
    remiss: insider ? ALL : { kind: "all", hiddenAttributes: ["notes"] },
    response: insider ? ALL : { kind: "some", anyOf: [{ status: [ResponseStatus.APPROVED, ResponseStatus.SUBMITTED] }], hiddenAttributes: [] },
    memberInput: {
      kind: "some",
      anyOf: [...(insider ? [{ status: [MemberInputStatus.SUBMITTED, MemberInputStatus.WITHDRAWN] }] : []), ...ownMunicipality],
      hiddenAttributes: [],
    },
  };
}

/** The reference meaning of a Visibility, for tests and for filtering rows in memory. */
export function isVisible(visibility: Visibility, row: Record<string, unknown>): boolean {
  if (visibility.kind === "none") return false;
  if (visibility.kind === "all") return true;
  return visibility.anyOf.some((condition) =>
    Object.entries(condition).every(([attribute, values]) => values.includes(String(row[attribute]))),
  );
}
