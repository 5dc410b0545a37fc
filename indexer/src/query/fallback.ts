/**
 * Degraded search: PostgreSQL full-text search (Swedish configuration) over search_passage,
 * which triggers keep current in the same transaction as the data. Same visibility rules
 * (readableBy) as the index, same filters and facets, one hit per object. No decompounding
 * and no typo tolerance: callers are told with `degraded: true`.
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

/** The metadata of hit `h`, as the indexer puts it on its records (a LATERAL subquery: index lookups only). */
const META = `
  SELECT 'document'::text AS type, d.id AS entity_id, d.title, d.designation, d.kind::text AS kind, d.year,
         d.department, NULL::text AS status,
         array(SELECT priority_area_id::text FROM document_priority_area p WHERE p.document_id = d.id) AS areas
  FROM document d WHERE h.type = 'document' AND d.id = h.entity_id
  UNION ALL
  SELECT 'inquiry', i.id, i.name, i.committee_designation, NULL, extract(year FROM i.report_due_date)::int, i.department, i.status::text,
         array(SELECT priority_area_id::text FROM inquiry_priority_area p WHERE p.inquiry_id = i.id)
  FROM inquiry i WHERE h.type = 'inquiry' AND i.id = h.entity_id
  UNION ALL
  SELECT 'remiss', r.id, concat_ws(' ', 'Remiss:', rd.designation, rd.title), rd.designation, rd.kind::text,
         extract(year FROM r.deadline)::int, r.ministry, r.status::text, '{}'::text[]
  FROM remiss r JOIN document rd ON rd.id = r.document_id WHERE h.type = 'remiss' AND r.id = h.entity_id
  UNION ALL
  SELECT 'response', s.id, s.title, NULL, s.kind::text, extract(year FROM coalesce(s.submitted_at, s.approved_at, s.created_at))::int,
         -- As the indexer: the remiss's ministry, else the first linked document's department.
         coalesce((SELECT m.ministry FROM remiss m WHERE m.id = s.remiss_id),
                  (SELECT d.department FROM response_document rd JOIN document d ON d.id = rd.document_id
                     WHERE rd.response_id = s.id ORDER BY d.designation LIMIT 1)), s.status::text,
         array(SELECT priority_area_id::text FROM response_priority_area p WHERE p.response_id = s.id)
  FROM response s WHERE h.type = 'response' AND s.id = h.entity_id
  UNION ALL
  SELECT 'member_input', mi.id, 'Synpunkt från ' || mu.name, NULL, NULL, extract(year FROM mi.created_at)::int, NULL, mi.status::text, '{}'::text[]
  FROM member_input mi JOIN municipality mu ON mu.id = mi.municipality_id WHERE h.type = 'member_input' AND mi.id = h.entity_id`;

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

function visibilitySql(reader: Reader | null, params: Params): string {
  const { levels, municipalityId } = readableBy(reader);
  const byLevel = `sp.visibility = ANY(${params.add(levels)}::text[])`;
  return municipalityId ? `(${byLevel} OR sp.municipality_id = ${params.add(municipalityId)}::uuid)` : byLevel;
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
  const own = understood.ownView && !named ? `CASE WHEN sp.type = 'response' THEN 100 ELSE 0 END` : "0";
  const pinned = pinnedId ? `(sp.type = 'document' AND sp.entity_id = ${params.add(pinnedId)}::uuid AND sp.ordinal = 0)` : "FALSE";
  // Without words, every visible object matches by its header passage.
  const matches = text ? `sp.tsv @@ q.q` : `sp.ordinal = 0`;
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

  const visible = visibilitySql(reader, params);
  // One statement: the matches are ranked once for the page, the total and the facets. The
  // passages' bodies stay out of the sort (at 100,000 matches they made it spill to disk):
  // only the page's passages are read again, for their headlines.
  const limit = params.add(request.limit);
  const offset = params.add(request.offset);
  const [answer] = await db.query(
    `WITH q AS (SELECT ${tsquery} AS q),
    hits AS (
      SELECT DISTINCT ON (sp.type, sp.entity_id) sp.type, sp.entity_id, sp.ordinal,
             ts_rank_cd(sp.tsv, q.q) + ${own} + CASE WHEN ${pinned} THEN 1000 ELSE 0 END AS rank,
             ${pinned} AS pinned
      FROM search_passage sp, q
      WHERE (${matches} OR ${pinned}) AND ${visible}
      ORDER BY sp.type, sp.entity_id, rank DESC, sp.ordinal
    ),
    found AS MATERIALIZED (
      SELECT h.*, m.title, m.kind, m.year, m.department, m.status, m.areas
      FROM hits h CROSS JOIN LATERAL (${META}) m
      ${conditions.length ? `WHERE ${conditions.join(" AND ")}` : ""}
    ),
    page AS (SELECT * FROM found f ORDER BY f.rank DESC, f.type, f.entity_id LIMIT ${limit} OFFSET ${offset}),
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
           (SELECT coalesce(json_agg(hit ORDER BY hit.rank DESC, hit.type, hit.entity_id), '[]') FROM (
              SELECT p.type, p.entity_id, p.ordinal, sp.page, sp.section, p.title, p.rank, p.pinned,
                     ${text ? `ts_headline('swedish', sp.body, (SELECT q FROM q), '${HEADLINE}')` : "left(sp.body, 300)"} AS snippet
              FROM page p JOIN search_passage sp ON (sp.type, sp.entity_id, sp.ordinal) = (p.type, p.entity_id, p.ordinal)) hit) AS hits`,
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
