/**
 * Turns rows of PostgreSQL into the records of the search index: one per passage. Every
 * object has a header record (ordinal 0: title line and summary) and, when it has a long
 * text, one record per passage (ordinal 1…), each carrying the object's metadata so that
 * filters, facets and visibility apply to passages directly.
 */
import type { Queryable } from "./db.js";
import { pagesFromText, type Page } from "../text/extract.js";
import { splitIntoPassages } from "../text/passages.js";
import { analyzeForIndex } from "../text/swedish.js";
import { groupId, recordId, type RecordType } from "./settings.js";
import { memberInputVisibility, RECORD_VISIBILITY, responseVisibility, type Visibility } from "@remissbanken/schema";

export interface SearchRecord {
  id: string;
  type: RecordType;
  entityId: string;
  groupId: string;
  ordinal: number;
  page: number | null;
  section: string | null;
  /** The object's title, for display. */
  title: string;
  /** Header record only: the title line people search by (designation, title, subtitle). */
  heading: string | null;
  headingTerms: string | null;
  text: string;
  terms: string;
  designation: string | null;
  kind: string | null;
  year: number | null;
  department: string | null;
  priorityAreaIds: string[];
  status: string | null;
  visibility: Visibility;
  municipalityId: string | null;
  version: number;
}

/** The current state of one object: its records, or null when it is gone or archived and must leave the index. */
export interface IndexedObject {
  type: RecordType;
  entityId: string;
  version: number;
  records: SearchRecord[];
}

export interface ObjectRef {
  type: RecordType;
  id: string;
}

type Meta = Omit<SearchRecord, "id" | "ordinal" | "page" | "section" | "heading" | "headingTerms" | "text" | "terms">;

function build(meta: Meta, heading: string, summary: string | null, passages: Array<{ page: number | null; section: string | null; text: string }>): SearchRecord[] {
  const header: SearchRecord = {
    ...meta,
    id: recordId(meta.type, meta.entityId, 0),
    ordinal: 0,
    page: null,
    section: null,
    heading,
    headingTerms: analyzeForIndex(heading),
    text: summary ?? "",
    terms: summary ? analyzeForIndex(summary) : "",
  };
  return [
    header,
    ...passages.map((passage, index) => ({
      ...meta,
      id: recordId(meta.type, meta.entityId, index + 1),
      ordinal: index + 1,
      page: passage.page,
      section: passage.section,
      heading: null,
      headingTerms: null,
      text: passage.text,
      terms: analyzeForIndex(passage.text),
    })),
  ];
}

const yearOf = (value: Date | string | null | undefined): number | null => (value ? new Date(value).getUTCFullYear() : null);
const line = (...parts: Array<string | null | undefined>) => parts.filter((part) => part && part.trim()).join(" ");

/**
 * How much one batch may build: objects are loaded until the records built so far reach either
 * limit (the first object always fits, however large). What is left over is `deferred`.
 */
export interface LoadLimits {
  maxRecords: number;
  maxBytes: number;
}

/** Roughly what a record weighs in a request to Meilisearch. */
export function recordBytes(record: SearchRecord): number {
  return 2 * (record.text.length + record.terms.length) + 1_000;
}

class Budget {
  records = 0;
  bytes = 0;
  readonly deferred: ObjectRef[] = [];
  constructor(private readonly limits: LoadLimits) {}

  /** True (and the object is set aside for a later batch) when the budget is spent. */
  defer(type: RecordType, id: string): boolean {
    if (this.records < this.limits.maxRecords && this.bytes < this.limits.maxBytes) return false;
    this.deferred.push({ type, id });
    return true;
  }

  take(object: IndexedObject): IndexedObject {
    this.records += object.records.length;
    for (const record of object.records) this.bytes += recordBytes(record);
    return object;
  }
}

const UNLIMITED: LoadLimits = { maxRecords: Infinity, maxBytes: Infinity };

/** Loads the objects by id, in as few statements as there are types; objects gone or archived come back with no records. */
export async function loadObjects(db: Queryable, refs: ObjectRef[]): Promise<IndexedObject[]> {
  return (await loadObjectsWithin(db, refs, UNLIMITED)).objects;
}

/**
 * Like loadObjects, but stops building records once `limits` are reached: the objects not
 * loaded come back as `deferred`, in order, for the next batch.
 */
export async function loadObjectsWithin(
  db: Queryable,
  refs: ObjectRef[],
  limits: LoadLimits,
): Promise<{ objects: IndexedObject[]; deferred: ObjectRef[] }> {
  const byType = new Map<RecordType, string[]>();
  for (const { type, id } of refs) byType.set(type, [...(byType.get(type) ?? []), id]);
  const budget = new Budget(limits);
  const objects: IndexedObject[] = [];
  for (const [type, ids] of byType) {
    const found = await LOADERS[type](db, ids, budget);
    const seen = new Set([...found.map((object) => object.entityId), ...budget.deferred.filter((ref) => ref.type === type).map((ref) => ref.id)]);
    objects.push(...found, ...ids.filter((id) => !seen.has(id)).map((entityId) => ({ type, entityId, version: 0, records: [] })));
  }
  return { objects, deferred: budget.deferred };
}

const LOADERS: Record<RecordType, (db: Queryable, ids: string[], budget: Budget) => Promise<IndexedObject[]>> = {
  async document(db, ids, budget) {
    const { rows } = await db.query(
      `SELECT d.id, d.version, d.kind, d.designation, d.year, d.title, d.subtitle, d.department, d.summary, d.archived_at,
              array(SELECT priority_area_id::text FROM document_priority_area p WHERE p.document_id = d.id ORDER BY 1) AS areas
       FROM document d WHERE d.id = ANY($1::uuid[])`,
      [ids],
    );
    const out: IndexedObject[] = [];
    for (const row of rows) {
      if (row.archived_at) {
        out.push({ type: "document", entityId: row.id, version: row.version, records: [] });
        continue;
      }
      if (budget.defer("document", row.id)) continue;
      // One full text at a time: an 800-page report is megabytes.
      const text = await db.query(`SELECT content, source_format FROM document_text WHERE document_id = $1`, [row.id]);
      const pages: Page[] = text.rows[0] ? pagesFromText(text.rows[0].content, { paged: text.rows[0].source_format === "pdf" }) : [];
      const meta: Meta = {
        type: "document",
        entityId: row.id,
        groupId: groupId("document", row.id),
        title: row.title,
        designation: row.designation,
        kind: row.kind,
        year: row.year,
        department: row.department,
        priorityAreaIds: row.areas,
        status: null,
        visibility: RECORD_VISIBILITY.document,
        municipalityId: null,
        version: row.version,
      };
      out.push(
        budget.take({
          type: "document",
          entityId: row.id,
          version: row.version,
          records: build(meta, line(row.designation, row.title, row.subtitle), row.summary, splitIntoPassages(pages)),
        }),
      );
    }
    return out;
  },

  async inquiry(db, ids, budget) {
    const { rows } = await db.query(
      `SELECT i.id, i.version, i.name, i.committee_designation, i.department, i.status, i.report_due_date::text AS due, i.summary, i.archived_at,
              array(SELECT priority_area_id::text FROM inquiry_priority_area p WHERE p.inquiry_id = i.id ORDER BY 1) AS areas
       FROM inquiry i WHERE i.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.flatMap((row) => (budget.defer("inquiry", row.id) ? [] : [budget.take({
      type: "inquiry" as const,
      entityId: row.id,
      version: row.version,
      records: row.archived_at
        ? []
        : build(
            {
              type: "inquiry",
              entityId: row.id,
              groupId: groupId("inquiry", row.id),
              title: row.name,
              designation: row.committee_designation,
              kind: null,
              year: yearOf(row.due),
              department: row.department,
              priorityAreaIds: row.areas,
              status: row.status,
              visibility: RECORD_VISIBILITY.inquiry,
              municipalityId: null,
              version: row.version,
            },
            line(row.committee_designation, row.name),
            null,
            row.summary ? splitIntoPassages([{ page: null, text: row.summary }]) : [],
          ),
    })]));
  },

  async remiss(db, ids, budget) {
    const { rows } = await db.query(
      `SELECT r.id, r.version, r.diarienummer, r.ministry, r.status, r.deadline::text AS deadline, r.archived_at,
              d.designation, d.title, d.kind
       FROM remiss r JOIN document d ON d.id = r.document_id WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.flatMap((row) => (budget.defer("remiss", row.id) ? [] : [budget.take({
      type: "remiss" as const,
      entityId: row.id,
      version: row.version,
      records: row.archived_at
        ? []
        : build(
            {
              type: "remiss",
              entityId: row.id,
              groupId: groupId("remiss", row.id),
              title: line("Remiss:", row.designation, row.title),
              designation: row.designation,
              kind: row.kind,
              year: yearOf(row.deadline),
              department: row.ministry,
              priorityAreaIds: [],
              status: row.status,
              visibility: RECORD_VISIBILITY.remiss,
              municipalityId: null,
              version: row.version,
            },
            line("Remiss", row.diarienummer, row.ministry, row.designation, row.title),
            null,
            [],
          ),
    })]));
  },

  async response(db, ids, budget) {
    const { rows } = await db.query(
      `SELECT r.id, r.version, r.kind, r.title, r.summary, r.sections, r.status, r.archived_at,
              coalesce(r.submitted_at, r.approved_at, r.created_at) AS dated,
              array(SELECT priority_area_id::text FROM response_priority_area p WHERE p.response_id = r.id ORDER BY 1) AS areas,
              (SELECT d.department FROM response_document rd JOIN document d ON d.id = rd.document_id
                 WHERE rd.response_id = r.id ORDER BY d.designation LIMIT 1) AS department,
              (SELECT m.ministry FROM remiss m WHERE m.id = r.remiss_id) AS ministry
       FROM response r WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.flatMap((row) => {
      if (budget.defer("response", row.id)) return [];
      // The summary reads first, like in the answer; each section is found under its number and heading.
      const sections = (row.sections ?? []) as Array<{ number?: string | null; heading: string; body: string; quotes?: Array<{ text: string }> }>;
      const parts = [
        { section: "Sammanfattning", text: (row.summary as string | null) ?? "" },
        ...sections.map(({ number, heading, body, quotes }) => ({
          section: number ? `${number} ${heading}` : heading,
          text: [body, ...(quotes ?? []).map((quote) => quote.text)].join("\n\n"),
        })),
      ];
      const passages = parts.flatMap(({ section, text }) =>
        splitIntoPassages([{ page: null, text }]).map((passage) => ({ page: null, section, text: passage.text })),
      );
      return [budget.take({
        type: "response" as const,
        entityId: row.id,
        version: row.version,
        records: row.archived_at
          ? []
          : build(
              {
                type: "response",
                entityId: row.id,
                groupId: groupId("response", row.id),
                title: row.title,
                designation: null,
                kind: row.kind,
                year: yearOf(row.dated),
                department: row.ministry ?? row.department,
                priorityAreaIds: row.areas,
                status: row.status,
                visibility: responseVisibility(row.status),
                municipalityId: null,
                version: row.version,
              },
              row.title,
              null,
              passages,
            ),
      })];
    });
  },

  async member_input(db, ids, budget) {
    const { rows } = await db.query(
      `SELECT mi.id, mi.version, mi.text, mi.status, mi.municipality_id, mi.created_at, m.name AS municipality
       FROM member_input mi JOIN municipality m ON m.id = mi.municipality_id WHERE mi.id = ANY($1::uuid[])`,
      [ids],
    );
    return rows.flatMap((row) => {
      if (budget.defer("member_input", row.id)) return [];
      const title = `Synpunkt från ${row.municipality}`;
      return [budget.take({
        type: "member_input" as const,
        entityId: row.id,
        version: row.version,
        records: build(
          {
            type: "member_input",
            entityId: row.id,
            groupId: groupId("member_input", row.id),
            title,
            designation: null,
            kind: null,
            year: yearOf(row.created_at),
            department: null,
            priorityAreaIds: [],
            status: row.status,
            visibility: memberInputVisibility(row.status),
            municipalityId: row.municipality_id,
            version: row.version,
          },
          title,
          null,
          splitIntoPassages([{ page: null, text: row.text }]),
        ),
      })];
    });
  },
};
