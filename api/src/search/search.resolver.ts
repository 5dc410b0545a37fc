import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import {
  InquiryStatus, LIMITS, MemberInputStatus, RemissStatus, ResponseStatus, SEARCH_FACET_LABELS,
} from "@remissbanken/schema";
import type { Context } from "../context.js";
import { can } from "../auth/policy.js";
import { badInput } from "../common/errors.js";
import { pageSize } from "../common/pagination.js";
import { searchFor } from "./search.service.js";
import type { FacetCounts, RawHit } from "@remissbanken/indexer";
import {
  PassageSearchResult, SearchFilter, SearchHit, SearchHitType, SearchResult, type FacetCount,
} from "./search.types.js";

const MAX_QUERY_LENGTH = 500;
const MAX_OFFSET = 10_000;
/** Every status a search filter may name; saved searches check theirs against it too. */
export const STATUSES = new Set<string>([
  ...Object.values(InquiryStatus), ...Object.values(RemissStatus), ...Object.values(ResponseStatus), ...Object.values(MemberInputStatus),
]);
const TYPE_LABELS = SEARCH_FACET_LABELS.types;
export const KIND_LABELS = SEARCH_FACET_LABELS.kinds;
const STATUS_LABELS = SEARCH_FACET_LABELS.statuses;

function encodeOffset(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString("base64url");
}

function decodeOffset(after: string | null | undefined): number {
  if (!after) return 0;
  try {
    const { o } = JSON.parse(Buffer.from(after, "base64url").toString("utf8"));
    if (Number.isInteger(o) && o >= 0 && o <= MAX_OFFSET) return o;
  } catch {
    // fall through
  }
  throw badInput("The cursor is not valid for this search.", [{ field: "after", message: "invalid cursor" }]);
}

/**
 * Where a page starts: after a cursor, or at a page number (for web pages that put
 * "page 3" in their address and link to any page, not only the next one).
 */
function paging(first: number | null | undefined, after: string | null | undefined, page?: number | null) {
  const limit = pageSize(first);
  if (page != null) {
    if (after) throw badInput("Give either `after` or `page`, not both.", [{ field: "page", message: "with after" }]);
    if (!Number.isInteger(page) || page < 1 || (page - 1) * limit > MAX_OFFSET) {
      throw badInput(`page must be between 1 and ${Math.floor(MAX_OFFSET / limit) + 1}.`, [{ field: "page", message: "out of range" }]);
    }
    return { limit, offset: (page - 1) * limit };
  }
  const offset = decodeOffset(after);
  if (offset % limit !== 0) throw badInput("Keep `first` the same while paging a search.", [{ field: "first", message: "changed while paging" }]);
  return { limit, offset };
}

/**
 * A lone UTF-16 surrogate cannot be encoded as JSON for Meilisearch, which then refuses
 * the whole request, and PostgreSQL (the fallback) cannot take a NUL: words typed around
 * them are still worth searching for. Control characters separate words like a space.
 */
const wellFormed = (text: string) => text.replace(/\p{Cs}/gu, "\uFFFD").replace(/\p{Cc}/gu, " ");

function checkQuery(query: string): string {
  if (query.length > MAX_QUERY_LENGTH) {
    throw badInput(`A search is at most ${MAX_QUERY_LENGTH} characters.`, [{ field: "query", message: "too long" }]);
  }
  return wellFormed(query).trim();
}

/** The filter with every text value well-formed, for the same reason as the query. */
function cleanFilter(filter: SearchFilter | null | undefined): SearchFilter {
  if (!filter) return {};
  const clean = (values: string[] | null | undefined) => values?.map(wellFormed);
  return { ...filter, kinds: clean(filter.kinds), departments: clean(filter.departments), statuses: clean(filter.statuses) };
}

/**
 * Loads each hit's object through the caller's DataLoaders and drops any the caller may not
 * open. Saved searches' planner hydrates with the owner's loaders the same way.
 */
export async function hydrate(ctx: Pick<Context, "actor" | "loaders">, hits: RawHit[]): Promise<SearchHit[]> {
  const nodes = await Promise.all(
    hits.map((hit) => {
      switch (hit.type) {
        case "document":
          return ctx.loaders.document.load(hit.entityId);
        case "inquiry":
          return ctx.loaders.inquiry.load(hit.entityId);
        case "remiss":
          return can(ctx.actor, "catalog", "read") ? ctx.loaders.remiss.load(hit.entityId) : null;
        case "response":
          return ctx.loaders.response.load(hit.entityId).then((r) => (r && can(ctx.actor, "response", "read", r) ? r : null));
        case "member_input":
          return ctx.loaders.memberInput.load(hit.entityId).then((m) => (m && can(ctx.actor, "memberInput", "read", m) ? m : null));
      }
    }),
  );
  // The index may trail the database by a moment: the rules on the row itself have the last word.
  return hits.flatMap((hit, i) => {
    const node = nodes[i];
    if (!node) return [];
    return [{
      type: hit.type as SearchHitType,
      id: hit.entityId,
      title: hit.title || ("title" in node ? String(node.title) : "name" in node ? String(node.name) : ""),
      snippet: hit.snippet,
      passage: { ordinal: hit.ordinal, page: hit.page, section: hit.section },
      score: hit.score,
      pinned: hit.pinned,
      node,
    }];
  });
}

async function facetsWithLabels(ctx: Context, facets: FacetCounts) {
  const label = (labels: Record<string, string>) => (list: Array<{ value: string; count: number }>): FacetCount[] =>
    list.map(({ value, count }) => ({ value, count, label: labels[value] ?? value }));
  // Priority areas are for signed-in users only (decision 003): anonymous callers get no such facet.
  const areaFacets = ctx.actor ? facets.priorityAreaIds : [];
  const areas = await ctx.loaders.priorityArea.loadMany(areaFacets.map((f) => f.value));
  const areaLabels: Record<string, string> = {};
  for (const area of areas) if (area && !(area instanceof Error)) areaLabels[area.id] = `${area.name} (${area.year})`;
  return {
    types: label(TYPE_LABELS)(facets.type),
    kinds: label(KIND_LABELS)(facets.kind),
    years: label({})(facets.year),
    departments: label({})(facets.department),
    priorityAreas: label(areaLabels)(areaFacets),
    statuses: label(STATUS_LABELS)(facets.status),
  };
}

@Resolver()
export class SearchResolver {
  // Anyone may search: the caller's visibility decides what is found, counted and shown.
  @Query(() => SearchResult, {
    description:
      "Full-text search in Swedish over documents (passage by passage), inquiries, remisser, responses and member input. " +
      'One hit per object; a designation typed any accepted way ("sou 2020 8") ranks that document first.',
  })
  async search(
    @Arg("query", () => String) query: string,
    @Ctx() ctx: Context,
    @Arg("filter", () => SearchFilter, { nullable: true }) filter?: SearchFilter | null,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
    @Arg("page", () => Int, { nullable: true, description: "Page number from 1, instead of `after`: pages hold `first` hits." }) page?: number | null,
  ): Promise<SearchResult> {
    const text = checkQuery(query);
    const { limit, offset } = paging(first, after, page);
    const unknown = (filter?.statuses ?? []).filter((s) => !STATUSES.has(s));
    if (unknown.length) throw badInput(`Unknown status: ${unknown.join(", ")}.`, [{ field: "filter.statuses", message: "unknown status" }]);
    for (const list of [filter?.kinds, filter?.departments, filter?.statuses, filter?.priorityAreaIds]) {
      if ((list?.length ?? 0) > 100 || list?.some((v) => v.length > LIMITS.shortTextLength)) {
        throw badInput("A filter has too many or too long values.", [{ field: "filter", message: "too large" }]);
      }
    }
    const answer = await (ctx.search ?? searchFor(ctx.ds)).search(ctx.actor, { query: text, filter: cleanFilter(filter), offset, limit });
    const hits = await hydrate(ctx, answer.hits);
    // The pinned document counts as the first hit of the list; every page holds `limit` hits.
    const seen = offset + answer.hits.length;
    return {
      hits,
      totalHits: answer.totalHits,
      facets: await facetsWithLabels(ctx, answer.facets),
      degraded: answer.degraded,
      designation: answer.designation,
      pageInfo: { hasNextPage: seen < answer.totalHits && answer.hits.length > 0, endCursor: answer.hits.length ? encodeOffset(offset + limit) : null },
    };
  }

  @Query(() => PassageSearchResult, { description: "Every passage of one object that matches the query, best first." })
  async searchPassages(
    @Arg("id", () => ID) id: string,
    @Arg("query", () => String) query: string,
    @Ctx() ctx: Context,
    @Arg("type", () => SearchHitType, { defaultValue: SearchHitType.DOCUMENT }) type: SearchHitType,
    @Arg("first", () => Int, { nullable: true }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
    @Arg("page", () => Int, { nullable: true, description: "Page number from 1, instead of `after`." }) page?: number | null,
  ): Promise<PassageSearchResult> {
    const text = checkQuery(query);
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw badInput("id must be an id.", [{ field: "id", message: "must be an id" }]);
    const { limit, offset } = paging(first, after, page);
    const answer = await (ctx.search ?? searchFor(ctx.ds)).passages(ctx.actor, { type, entityId: id, query: text, offset, limit });
    const hits = await hydrate(ctx, answer.hits);
    return {
      hits,
      totalHits: answer.totalHits,
      degraded: answer.degraded,
      pageInfo: { hasNextPage: offset + answer.hits.length < answer.totalHits, endCursor: answer.hits.length ? encodeOffset(offset + limit) : null },
    };
  }
}
