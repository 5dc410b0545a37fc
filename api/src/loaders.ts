import DataLoader from "dataloader";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import {
  Document, DocumentText, Goal, InputRequest, Inquiry, MemberInput, Municipality, PriorityArea, Remiss, RemissPublishedResponse, Response, ResponseEvent, ResponseVersion, User,
} from "@remissbanken/schema";
import { can, type Actor } from "./auth/policy.js";
import { memberInputReadSql, responseReadSql, type SqlFilter } from "./auth/visibility.js";
import { documentTextInfo as documentTextInfoRows } from "./document/document-text.service.js";
import { submittedInputMunicipalityCounter } from "./remiss/remiss.service.js";

const ALL: SqlFilter = { sql: "TRUE", params: {} };

/** Loads rows by id in one statement per batch; missing ids resolve to null. */
function byId<T extends ObjectLiteral & { id: string }>(ds: DataSource, entity: EntityTarget<T>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const rows = await ds.getRepository(entity).createQueryBuilder("x").where("x.id IN (:...ids)", { ids }).getMany();
    const map = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/**
 * Documents by id, each with what `textInfo` would load for it, primed: a page that shows
 * documents and their full-text facts (search hits, lists) asks PostgreSQL once, not twice.
 */
function documentsPrimingTextInfo(ds: DataSource, textInfo: DataLoader<string, DocumentText | null>) {
  return new DataLoader<string, Document | null>(async (ids) => {
    const { entities, raw } = await ds
      .getRepository(Document)
      .createQueryBuilder("x")
      .leftJoin(DocumentText, "t", "t.document_id = x.id")
      .addSelect("t.source_format", "text_format")
      .addSelect("t.page_count", "text_pages")
      .addSelect("t.char_count", "text_chars")
      .addSelect("t.updated_at", "text_updated_at")
      .where("x.id IN (:...ids)", { ids })
      .getRawAndEntities();
    for (const row of raw) {
      const info = row.text_format == null ? null : Object.assign(new DocumentText(), {
        documentId: row.x_id, sourceFormat: row.text_format, pageCount: row.text_pages, charCount: row.text_chars, updatedAt: row.text_updated_at,
      });
      textInfo.prime(row.x_id, info);
    }
    const map = new Map(entities.map((r) => [r.id, r]));
    return ids.map((id) => map.get(id) ?? null);
  });
}

/** Loads the rows whose `column` is one of the keys, grouped per key, in one statement per batch. */
function manyBy<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  column: string,
  property: keyof T & string,
  orderBy: string,
  filter: SqlFilter = ALL,
) {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await ds
      .getRepository(entity)
      .createQueryBuilder("x")
      .where(`x.${column} IN (:...keys)`, { keys })
      .andWhere(filter.sql, filter.params)
      .orderBy(orderBy)
      .getMany();
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    for (const row of rows) groups.get(row[property])?.push(row);
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** Loads a many-to-many relation through its join table, in one statement per batch. */
function manyThrough<T extends ObjectLiteral>(
  ds: DataSource,
  entity: EntityTarget<T>,
  joinTable: string,
  ownerColumn: string,
  targetColumn: string,
  orderBy: string,
) {
  return new DataLoader<string, T[]>(async (keys) => {
    const rows = await ds
      .getRepository(entity)
      .createQueryBuilder("x")
      .innerJoin(joinTable, "j", `j.${targetColumn} = x.id`)
      .addSelect(`j.${ownerColumn}`, "owner_id")
      .where(`j.${ownerColumn} IN (:...keys)`, { keys })
      .orderBy(orderBy)
      .getRawAndEntities();
    const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
    const byEntityId = new Map(rows.entities.map((e) => [e.id, e]));
    for (const raw of rows.raw) {
      const entityRow = byEntityId.get(raw.x_id);
      if (entityRow) groups.get(raw.owner_id)?.push(entityRow);
    }
    return keys.map((k) => groups.get(k) ?? []);
  });
}

/** Users the actor may see (policy `user.read`); the others load as null. */
function visibleUsers(users: DataLoader<string, User | null>, actor: Actor | null) {
  return new DataLoader<string, User | null>(async (ids) => {
    const rows = await users.loadMany(ids);
    return rows.map((row) => (row instanceof Error || !row || !can(actor, "user", "read", row) ? null : row));
  });
}

export function createLoaders(ds: DataSource, actor: Actor | null) {
  const user = byId(ds, User);
  const documentTextInfo = new DataLoader((ids: readonly string[]) => documentTextInfoRows(ds.manager, ids));
  return {
    municipality: byId(ds, Municipality),
    /** Every user, unfiltered: for the caller's own record and for checks. Fields use `visibleUser`. */
    user,
    visibleUser: visibleUsers(user, actor),
    priorityArea: byId(ds, PriorityArea),
    inquiry: byId(ds, Inquiry),
    document: documentsPrimingTextInfo(ds, documentTextInfo),
    remiss: byId(ds, Remiss),
    response: byId(ds, Response),
    /** Unfiltered: callers check `can(actor, "memberInput", "read", row)` (search hits do). */
    memberInput: byId(ds, MemberInput),
    /** About each document's full text (not the text itself); null without one. Primed by `document`. */
    documentTextInfo,
    goalsByPriorityArea: manyBy(ds, Goal, "priority_area_id", "priorityAreaId", "x.position"),
    documentsByInquiry: manyBy(ds, Document, "inquiry_id", "inquiryId", "x.published_at", { sql: "x.archived_at IS NULL", params: {} }),
    remisserByDocument: manyBy(ds, Remiss, "document_id", "documentId", "x.deadline", { sql: "x.archived_at IS NULL", params: {} }),
    publishedResponsesByRemiss: manyBy(ds, RemissPublishedResponse, "remiss_id", "remissId", "x.organisation"),
    responsesByRemiss: manyBy(ds, Response, "remiss_id", "remissId", "x.created_at", visibleResponses(actor)),
    responsesByInquiry: manyBy(ds, Response, "inquiry_id", "inquiryId", "x.created_at", visibleResponses(actor)),
    memberInputsByRemiss: manyBy(ds, MemberInput, "remiss_id", "remissId", "x.created_at", memberInputReadSql(actor, "x")),
    submittedInputMunicipalitiesByRemiss: submittedInputMunicipalityCounter(ds, actor),
    /** At most one per remiss (unique remiss_id); callers check `inputRequest.read`. */
    inputRequestsByRemiss: manyBy(ds, InputRequest, "remiss_id", "remissId", "x.created_at"),
    memberInputsByInquiry: manyBy(ds, MemberInput, "inquiry_id", "inquiryId", "x.created_at", memberInputReadSql(actor, "x")),
    versionsByResponse: manyBy(ds, ResponseVersion, "response_id", "responseId", "x.number"),
    eventsByResponse: manyBy(ds, ResponseEvent, "response_id", "responseId", "x.createdAt"),
    priorityAreasByDocument: manyThrough(ds, PriorityArea, "document_priority_area", "document_id", "priority_area_id", "x.name"),
    priorityAreasByInquiry: manyThrough(ds, PriorityArea, "inquiry_priority_area", "inquiry_id", "priority_area_id", "x.name"),
    priorityAreasByResponse: manyThrough(ds, PriorityArea, "response_priority_area", "response_id", "priority_area_id", "x.name"),
    documentsByResponse: manyThrough(ds, Document, "response_document", "response_id", "document_id", "x.designation"),
  };
}

function visibleResponses(actor: Actor | null): SqlFilter {
  const visibility = responseReadSql(actor, "x");
  return { sql: `x.archived_at IS NULL AND ${visibility.sql}`, params: visibility.params };
}

export type Loaders = ReturnType<typeof createLoaders>;
