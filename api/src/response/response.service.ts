import type { DataSource } from "typeorm";
import { Response } from "@remissbanken/schema";
import type { Actor } from "../auth/policy.js";
import { responseReadSql } from "../auth/visibility.js";
import { byId, byTimestamp, paginate, type PageArgs } from "../common/pagination.js";
import type { ResponseFilter } from "./response.inputs.js";

export function listResponses(ds: DataSource, actor: Actor | null, filter: ResponseFilter | null | undefined, page: PageArgs) {
  const visibility = responseReadSql(actor, "r");
  const q = ds.getRepository(Response).createQueryBuilder("r").where(visibility.sql, visibility.params);
  if (!filter?.includeArchived) q.andWhere("r.archived_at IS NULL");
  if (filter?.kind) q.andWhere("r.kind = :kind", { kind: filter.kind });
  if (filter?.statuses?.length) q.andWhere("r.status IN (:...statuses)", { statuses: filter.statuses });
  if (filter?.remissId) q.andWhere("r.remiss_id = :remissId", { remissId: filter.remissId });
  if (filter?.inquiryId) q.andWhere("r.inquiry_id = :inquiryId", { inquiryId: filter.inquiryId });
  if (filter?.year) q.andWhere("extract(year from coalesce(r.submitted_at, r.approved_at, r.created_at) AT TIME ZONE 'Europe/Stockholm') = :year", { year: filter.year });
  if (filter?.stance) {
    q.andWhere("EXISTS (SELECT 1 FROM jsonb_array_elements(r.sections) AS s WHERE s->>'stance' = :stance)", { stance: filter.stance });
  }
  if (filter?.priorityAreaId) {
    q.andWhere("EXISTS (SELECT 1 FROM response_priority_area rpa WHERE rpa.response_id = r.id AND rpa.priority_area_id = :pa)", {
      pa: filter.priorityAreaId,
    });
  }
  return paginate(q, [byTimestamp("r", "created_at", "createdAt"), byId("r")], page);
}
