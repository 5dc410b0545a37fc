/**
 * Degraded search: PostgreSQL full-text search (Swedish configuration) over search_object
 * (one row per object: finding, counting, facets; decision 014) and search_passage (the
 * page's snippets), which triggers keep current in the same transaction as the data. Same
 * visibility rules (readableBy) as the index, same filters and facets, one hit per object.
 * No decompounding and no typo tolerance: callers are told with `degraded: true`.
 */
import type { RecordType } from "../search/settings.js";
import { readableBy, type Reader } from "@remissbanken/schema";
import { escapeHtml } from "../text/highlight.js";
import { understandQuery } from "../text/question.js";
import { readThesaurus, thesaurusMatches } from "../search/thesaurus.js";
import type { Rows } from "./rows.js";
import {
  EMPTY_FACETS, findDesignation, type FacetCounts, type FacetName, type PassageAnswer, type PassageRequest, type RawHit,
  type SearchAnswer, type SearchRequest,
} from "./request.js";

const PRE = "\u0001";
const POST = "\u0002";
const HEADLINE = `StartSel=${PRE}, StopSel=${POST}, MaxWords=35, MinWords=15, MaxFragments=1`;

/** The metadata of object `o`, as the indexer puts it on its records (a LATERAL subquery: index lookups only). */
const META = `
  SELECT 'document'::text AS type, d.id AS entity_id, d.title, d.designation, d.kind::text AS kind, d.year,
         d.department, NULL::text AS status,
         array(SELECT priority_area_id::text FROM document_priority_area p WHERE p.document_id = d.id) AS areas
  FROM document d WHERE o.type = 'document' AND d.id = o.entity_id
  UNION ALL
  SELECT 'inquiry', i.id, i.name, i.committee_designation, NULL, extract(year FROM i.report_due_date)::int, i.department, i.status::text,
         array(SELECT priority_area_id::text FROM inquiry_priority_area p WHERE p.inquiry_id = i.id)
  FROM inquiry i WHERE o.type = 'inquiry' AND i.id = o.entity_id
  UNION ALL
  SELECT 'remiss', r.id, concat_ws(' ', 'Remiss:', rd.designation, rd.title), rd.designation, rd.kind::text,
         extract(year FROM r.deadline)::int, r.ministry, r.status::text, '{}'::text[]
  FROM remiss r JOIN document rd ON rd.id = r.document_id WHERE o.type = 'remiss' AND r.id = o.entity_id
  UNION ALL
  SELECT 'response', s.id, s.title, NULL, s.kind::text, extract(year FROM coalesce(s.submitted_at, s.approved_at, s.created_at))::int,
         -- As the indexer: the remiss's ministry, else the first linked document's department.
         coalesce((SELECT m.ministry FROM remiss m WHERE m.id = s.remiss_id),
                  (SELECT d.department FROM response_document rd JOIN document d ON d.id = rd.document_id
                     WHERE rd.response_id = s.id ORDER BY d.designation LIMIT 1)), s.status::text,
         array(SELECT priority_area_id::text FROM response_priority_area p WHERE p.response_id = s.id)
  FROM response s WHERE o.type = 'response' AND s.id = o.entity_id
  UNION ALL
  SELECT 'member_input', mi.id, 'Synpunkt från ' || mu.name, NULL, NULL, extract(year FROM mi.created_at)::int, NULL, mi.status::text, '{}'::text[]
  FROM member_input mi JOIN municipality mu ON mu.id = mi.municipality_id WHERE o.type = 'member_input' AND mi.id = o.entity_id`;

/**
 * The query as prefixes of its stems: PostgreSQL's Swedish stemmer makes "strandskyd" of
 * "strandskydd" but leaves "strandskyddet" and "strandskyddsutredningen" whole, so
 * 'strandskyd':* is what finds them. Operators of websearch syntax are kept. A phrase of the
 * thesaurus becomes its group's phrases as alternatives: "SCB" finds "Statistiska centralbyrån".
 */
async function textQuery(db: Rows, text: string, params: Params): Promise<string> {
  const matches = thesaurusMatches(text, text ? await readThesaurus(db) : []);
  let rest = "";
  let cursor = 0;
  for (const match of matches) {
    rest += text.slice(cursor, match.start) + " ";
    cursor = match.end;
  }
  rest += text.slice(cursor);
  const parts = [
    `websearch_to_tsquery('swedish', ${params.add(rest.trim())})`,
    ...matches.map((match) => `(${match.alternatives.map((phrase) => `phraseto_tsquery('swedish', ${params.add(phrase)})`).join(" || ")})`),
  ];
  return `regexp_replace((${parts.join(" && ")})::text, '''([^'']+)''', '''\\1'':*', 'g')::tsquery`;
}

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

function visibilitySql(reader: Reader | null, params: Params, alias = "sp"): string {
  const { levels, municipalityId } = readableBy(reader);
  const byLevel = `${alias}.visibility = ANY(${params.add(levels)}::text[])`;
  return municipalityId ? `(${byLevel} OR ${alias}.municipality_id = ${params.add(municipalityId)}::uuid)` : byLevel;
}

export async function fallbackSearch(db: Rows, reader: Reader | null, request: SearchRequest): Promise<SearchAnswer> {
  const params = new Params();
  const understood = understandQuery(request.query);
  const named = findDesignation(understood.text);
  // As with Meilisearch: a query that is only a designation also finds texts citing it, not everything.
  const text = named ? named.rest || named.designation.normalized : understood.text.trim();
  const pinnedId = named
    ? ((await db.query(`SELECT id FROM document WHERE designation = $1`, [named.designation.normalized]))[0]?.id as string | undefined)
    : undefined;

  const tsquery = await textQuery(db, text, params);
  // "Vad har vi sagt om …": SmåKom's own responses and positions before everything else found.
  const own = understood.ownView && !named ? `CASE WHEN f.type = 'response' THEN 100 ELSE 0 END` : "0";
  const pinned = pinnedId ? `(o.type = 'document' AND o.entity_id = ${params.add(pinnedId)}::uuid)` : "FALSE";
  // Without words, every visible object matches.
  // Object terms have no positions: a phrase (of the thesaurus) matches there as all its words.
  const matches = text ? `o.terms @@ q.loose` : "TRUE";
  const { filter } = request;
  const conditions = [
    filter.types?.length && `m.type = ANY(${params.add(filter.types)}::text[])`,
    filter.kinds?.length && `m.kind = ANY(${params.add(filter.kinds)}::text[])`,
    filter.years?.length && `m.year = ANY(${params.add(filter.years)}::int[])`,
    filter.yearFrom != null && `m.year >= ${params.add(filter.yearFrom)}::int`,
    filter.yearTo != null && `m.year <= ${params.add(filter.yearTo)}::int`,
    filter.departments?.length && `m.department = ANY(${params.add(filter.departments)}::text[])`,
    filter.priorityAreaIds?.length && `m.areas && ${params.add(filter.priorityAreaIds)}::text[]`,
    filter.statuses?.length && `m.status = ANY(${params.add(filter.statuses)}::text[])`,
  ].filter(Boolean);

  const visible = visibilitySql(reader, params, "o");
  const limit = params.add(request.limit);
  const offset = params.add(request.offset);
  // Objects are found, counted and faceted in search_object (one row each, all its terms), so a
  // word on most pages costs one row per object, not one per passage. They rank by their header
  // (title, designation, summary: ordinal 0), then the newest first; only the page's objects
  // look for their best passage, among their first matching ones, for the snippet.
  const [answer] = await db.query(
    `WITH q AS (SELECT t.q, regexp_replace(t.q::text, '<(\\d+|-)>', '&', 'g')::tsquery AS loose FROM (SELECT ${tsquery} AS q) t),
    found AS MATERIALIZED (
      SELECT o.type, o.entity_id, o.head, ${pinned} AS pinned, m.title, m.kind, m.year, m.department, m.status, m.areas
      FROM search_object o CROSS JOIN q CROSS JOIN LATERAL (${META}) m
      WHERE (${matches} OR ${pinned}) AND ${visible}
      ${conditions.length ? `AND ${conditions.join(" AND ")}` : ""}
    ),
    ranked AS (
      SELECT f.*, ${text ? "ts_rank_cd(f.head, q.q)" : "0"} + ${own} + CASE WHEN f.pinned THEN 1000 ELSE 0 END AS rank
      FROM found f CROSS JOIN q
    ),
    page AS (
      SELECT * FROM ranked r ORDER BY r.rank DESC, r.year DESC NULLS LAST, r.type, r.entity_id LIMIT ${limit} OFFSET ${offset}
    ),
    counts AS (
      SELECT 'type' AS facet, type AS value, count(*)::int AS count FROM found GROUP BY type
      UNION ALL SELECT 'kind', kind, count(*)::int FROM found WHERE kind IS NOT NULL GROUP BY kind
      UNION ALL SELECT 'year', year::text, count(*)::int FROM found WHERE year IS NOT NULL GROUP BY year
      UNION ALL SELECT 'department', department, count(*)::int FROM found WHERE department IS NOT NULL GROUP BY department
      UNION ALL SELECT 'status', status, count(*)::int FROM found WHERE status IS NOT NULL GROUP BY status
      UNION ALL SELECT 'priorityAreaIds', a, count(*)::int FROM found, unnest(areas) a GROUP BY a
    )
    SELECT (SELECT count(*)::int FROM found) AS total,
           (SELECT coalesce(json_agg(c), '[]') FROM counts c) AS facets,
           (SELECT coalesce(json_agg(hit ORDER BY hit.rank DESC, hit.year DESC NULLS LAST, hit.type, hit.entity_id), '[]') FROM (
              SELECT p.type, p.entity_id, p.year, sp.ordinal, sp.page, sp.section, p.title, p.rank, p.pinned,
                     ${text ? `ts_headline('swedish', sp.body, q.q, '${HEADLINE}')` : "left(sp.body, 300)"} AS snippet
              FROM page p CROSS JOIN q
              CROSS JOIN LATERAL (${bestPassage(text ? "q.q" : null)}) sp) hit) AS hits`,
    params.values,
  );

  const facets: FacetCounts = EMPTY_FACETS();
  for (const row of answer.facets as Array<{ facet: FacetName; value: string; count: number }>) facets[row.facet].push({ value: row.value, count: row.count });
  for (const list of Object.values(facets)) list.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, "sv"));
  const rows = answer.hits as Parameters<typeof toHit>[0][];
  const totalHits = answer.total as number;
  return {
    hits: rows.map(toHit),
    totalHits,
    facets,
    degraded: true,
    designation: named?.designation.normalized ?? null,
  };
}

/** How many of an object's matching passages, in order, are ranked for its snippet. */
const SNIPPET_CANDIDATES = 50;

/**
 * The passage a page's object `p` shows: for a pinned document or a search without words its
 * header; else the best of its first matching passages, or the header when its words are
 * spread over several passages. The candidates are read in ordinal order through the primary
 * key, never through the word index (a common word matches most of the table: `IS TRUE` keeps
 * the planner from using it).
 */
function bestPassage(q: string | null): string {
  const header = `SELECT 1 AS choice, head.ordinal, head.page, head.section, head.body FROM search_passage head
    WHERE (head.type, head.entity_id, head.ordinal) = (p.type, p.entity_id, 0)`;
  if (!q) return header;
  return `SELECT * FROM (
      (SELECT 0 AS choice, c.ordinal, c.page, c.section, c.body FROM (
        SELECT sp.ordinal, sp.page, sp.section, sp.body, sp.tsv FROM search_passage sp
        WHERE sp.type = p.type AND sp.entity_id = p.entity_id AND NOT p.pinned AND (sp.tsv @@ ${q}) IS TRUE
        ORDER BY sp.type, sp.entity_id, sp.ordinal LIMIT ${SNIPPET_CANDIDATES}
      ) c ORDER BY ts_rank_cd(c.tsv, ${q}) DESC, c.ordinal LIMIT 1)
      UNION ALL (${header})
    ) candidates ORDER BY choice LIMIT 1`;
}

export async function fallbackPassages(db: Rows, reader: Reader | null, request: PassageRequest): Promise<PassageAnswer> {
  const params = new Params();
  const tsquery = await textQuery(db, understandQuery(request.query).text.trim(), params);
  const type = params.add(request.type);
  const id = params.add(request.entityId);
  const visible = visibilitySql(reader, params);
  const rows = await db.query(
    `WITH q AS (SELECT ${tsquery} AS q)
     SELECT sp.type, sp.entity_id, sp.ordinal, sp.page, sp.section, '' AS title, false AS pinned,
            ts_rank_cd(sp.tsv, q.q) AS rank,
            ts_headline('swedish', sp.body, q.q, '${HEADLINE}') AS snippet,
            count(*) OVER () AS total
     FROM search_passage sp, q
     WHERE sp.type = ${type} AND sp.entity_id = ${id}::uuid AND sp.tsv @@ q.q AND ${visible}
     ORDER BY rank DESC, sp.ordinal LIMIT ${params.add(request.limit)} OFFSET ${params.add(request.offset)}`,
    params.values,
  );
  return { hits: rows.map(toHit), totalHits: Number(rows[0]?.total ?? 0), degraded: true };
}

function toHit(row: {
  type: RecordType; entity_id: string; ordinal: number; page: number | null; section: string | null; title: string;
  snippet: string; rank: number; pinned: boolean;
}): RawHit {
  return {
    type: row.type,
    entityId: row.entity_id,
    ordinal: row.ordinal,
    page: row.page,
    section: row.section,
    title: row.title,
    snippet: escapeHtml(row.snippet ?? "").replaceAll(PRE, "<mark>").replaceAll(POST, "</mark>").replace(/\s+/g, " ").trim(),
    score: Number(row.rank),
    pinned: row.pinned,
  };
}
