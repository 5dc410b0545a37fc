import type { DataSource, EntityManager } from "typeorm";
import { LIMITS, PriorityArea, SavedSearch, type SavedSearchFilterValues } from "@remissbanken/schema";
import { can, type Actor } from "../auth/policy.js";
import { assignDefined, loadForUpdate } from "../common/crud.js";
import { badInput, conflict, notFound } from "../common/errors.js";
import { KIND_LABELS, STATUSES } from "../search/search.resolver.js";
import { SearchHitType } from "../search/search.types.js";
import type { z } from "zod";
import { asSeen, currentMatches } from "./saved-search.matches.js";
import type { filtersSchema, saveSearchSchema, updateSavedSearchSchema } from "./saved-search.inputs.js";

type Filters = z.output<typeof filtersSchema>;
const TYPES = new Set<string>(Object.values(SearchHitType));

/** Filters without empty lists and unset values, as stored and as `search` takes them. */
function compact(filters: Filters | null | undefined): SavedSearchFilterValues {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters ?? {})) {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    out[key] = Array.isArray(value) ? [...new Set<unknown>(value)] : value;
  }
  return out as SavedSearchFilterValues;
}

/** Refuses a filter value the search does not know, so a saved search never silently finds nothing. */
async function checkFilters(m: EntityManager, filters: SavedSearchFilterValues): Promise<void> {
  const unknown = [
    ...(filters.types ?? []).filter((t) => !TYPES.has(t)).map((t) => ({ field: "filters.types", value: t })),
    ...(filters.kinds ?? []).filter((k) => !(k in KIND_LABELS)).map((k) => ({ field: "filters.kinds", value: k })),
    ...(filters.statuses ?? []).filter((s) => !STATUSES.has(s)).map((s) => ({ field: "filters.statuses", value: s })),
  ];
  const areaIds = filters.priorityAreaIds ?? [];
  if (areaIds.length) {
    const found = new Set((await m.getRepository(PriorityArea).createQueryBuilder("a").select("a.id").where("a.id IN (:...areaIds)", { areaIds }).getMany()).map((a) => a.id));
    unknown.push(...areaIds.filter((id) => !found.has(id)).map((id) => ({ field: "filters.priorityAreaIds", value: id })));
  }
  if (unknown.length) {
    throw badInput(
      `Unknown filter value: ${unknown.map((u) => `${u.field} ${u.value}`).join(", ")}.`,
      unknown.map((u) => ({ field: u.field, message: `unknown value ${u.value}` })),
      "UNKNOWN_FILTER",
    );
  }
  if (filters.yearFrom != null && filters.yearTo != null && filters.yearFrom > filters.yearTo) {
    throw badInput("yearFrom is after yearTo.", [{ field: "filters.yearFrom", message: "after yearTo" }]);
  }
}

function requireSomethingToSearch(query: string, filters: SavedSearchFilterValues): void {
  if (query === "" && Object.keys(filters).length === 0) {
    throw badInput("A saved search needs words or at least one filter.", [{ field: "query", message: "must not be empty without filters" }]);
  }
}

/** Saves a search for its owner; what it finds today is the baseline, so only later news is emailed. */
export async function saveSearch(ds: DataSource, m: EntityManager, actor: Actor, input: z.output<typeof saveSearchSchema>): Promise<SavedSearch> {
  const filters = compact(input.filters);
  requireSomethingToSearch(input.query, filters);
  await checkFilters(m, filters);
  // One at a time per person, so two saves at once cannot both pass the count.
  await m.query(`SELECT 1 FROM app_user WHERE id = $1 FOR UPDATE`, [actor.id]);
  const count = await m.getRepository(SavedSearch).countBy({ userId: actor.id });
  if (count >= LIMITS.savedSearchesPerUser) {
    throw badInput(
      `You have ${count} saved searches, the most there may be; delete one first.`,
      [{ field: "name", message: `at most ${LIMITS.savedSearchesPerUser} saved searches` }],
      "TOO_MANY_SAVED_SEARCHES",
    );
  }
  const seen = asSeen(await currentMatches(ds, actor, input.query, filters));
  const repo = m.getRepository(SavedSearch);
  return repo.save(repo.create({ userId: actor.id, name: input.name, query: input.query, filters, frequency: input.frequency, seen }));
}

/** The owner's saved search, locked for change; another person's is as missing as one that never was. */
async function ownSavedSearch(m: EntityManager, actor: Actor, id: string, expectedVersion?: number | null): Promise<SavedSearch> {
  const row = await loadForUpdate(m, SavedSearch, "Saved search", id);
  if (!can(actor, "watch", "own", row)) throw notFound("Saved search", id);
  // Checked after ownership: a stale version of someone else's search must not reveal that it exists.
  if (expectedVersion != null && row.version !== expectedVersion) {
    throw conflict("STALE_VERSION", `The saved search was changed elsewhere (version ${row.version}, you had ${expectedVersion}). Reload and try again.`);
  }
  return row;
}

export async function updateSavedSearch(
  ds: DataSource,
  m: EntityManager,
  actor: Actor,
  input: z.output<typeof updateSavedSearchSchema>,
): Promise<SavedSearch> {
  const row = await ownSavedSearch(m, actor, input.id, input.expectedVersion);
  const query = input.query ?? row.query;
  const filters = input.filters === undefined || input.filters === null ? row.filters : compact(input.filters);
  requireSomethingToSearch(query, filters);
  await checkFilters(m, filters);
  const searchChanged = query !== row.query || JSON.stringify(filters) !== JSON.stringify(row.filters);
  assignDefined(row, { name: input.name ?? undefined, frequency: input.frequency ?? undefined, query, filters });
  if (searchChanged) {
    // Another search: what it finds now is its new baseline, and nothing planned for the old one is still due.
    Object.assign(row, { seen: asSeen(await currentMatches(ds, actor, query, filters)), pendingPeriod: null, pending: null });
  }
  return m.getRepository(SavedSearch).save(row);
}

export async function deleteSavedSearch(m: EntityManager, actor: Actor, id: string): Promise<boolean> {
  const row = await ownSavedSearch(m, actor, id);
  await m.getRepository(SavedSearch).delete(row.id);
  return true;
}

export function mySavedSearches(ds: DataSource, actor: Actor): Promise<SavedSearch[]> {
  return ds.getRepository(SavedSearch).createQueryBuilder("s").where("s.user_id = :userId", { userId: actor.id }).orderBy("lower(s.name)").addOrderBy("s.created_at").getMany();
}
