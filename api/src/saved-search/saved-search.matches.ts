/**
 * What a saved search finds for its owner: the API's own search, run with the owner's
 * access (their visibility in the index, then the policy on each row), never a broader one.
 */
import type { DataSource } from "typeorm";
import { LIMITS, type SavedSearchFilterValues, type SeenMatches } from "@remissbanken/schema";
import type { RecordType } from "@remissbanken/indexer";
import type { Actor } from "../auth/policy.js";
import { createLoaders } from "../loaders.js";
import { hydrate } from "../search/search.resolver.js";
import { searchFor } from "../search/search.service.js";
import type { RawHit } from "@remissbanken/indexer";
import type { SearchHit } from "../search/search.types.js";

/** A saved search tells of its best matches only; beyond these, a search is too broad to be news. */
const MAX_MATCHES = 300;

export interface Match {
  /** "<type>:<id>", the key of `SeenMatches`. */
  key: string;
  type: string;
  id: string;
  title: string;
  /** The row's updatedAt: a later one means the match changed. */
  fingerprint: string;
  hit: SearchHit;
}

/** The current matches of a query and filters for `actor`, best first. */
export async function currentMatches(ds: DataSource, actor: Actor, query: string, filters: SavedSearchFilterValues): Promise<Match[]> {
  const search = searchFor(ds);
  const loaders = createLoaders(ds, actor);
  const filter = { ...filters, types: filters.types as RecordType[] | null | undefined };
  const matches: Match[] = [];
  for (let offset = 0; offset < MAX_MATCHES; offset += LIMITS.maxPageSize) {
    const answer = await search.search(actor, { query, filter, offset, limit: LIMITS.maxPageSize });
    const hits = await hydrate({ actor, loaders }, answer.hits);
    for (const hit of hits) {
      matches.push({
        key: `${hit.type}:${hit.id}`,
        type: hit.type,
        id: hit.id,
        title: hit.title,
        fingerprint: hit.node.updatedAt.toISOString(),
        hit,
      });
    }
    if (answer.hits.length < LIMITS.maxPageSize || offset + answer.hits.length >= answer.totalHits) break;
  }
  return matches;
}

/** Whether `actor` may still open every one of these objects (rights may change between planning and sending). */
export async function stillReadable(ds: DataSource, actor: Actor, objects: Array<{ type: string; id: string }>): Promise<boolean> {
  const hits: RawHit[] = objects.map((o) => ({
    type: o.type as RecordType, entityId: o.id, ordinal: 0, page: null, section: null, title: "", snippet: "", score: null, pinned: false,
  }));
  return (await hydrate({ actor, loaders: createLoaders(ds, actor) }, hits)).length === objects.length;
}

/** The matches as remembered: key → fingerprint. */
export function asSeen(matches: Match[]): SeenMatches {
  return Object.fromEntries(matches.map((m) => [m.key, m.fingerprint]));
}

/** The matches that are new, or changed since `seen` recorded them. */
export function news(matches: Match[], seen: SeenMatches): Match[] {
  return matches.filter((m) => seen[m.key] !== m.fingerprint);
}
