import type { DataSource } from "typeorm";
import { InquiryStatus, MemberInputStatus, PriorityArea, ResponseStatus } from "@remissbanken/schema";
import { TIME_ZONE } from "../common/dates.js";

/** One priority area's figures for a year. */
export interface PriorityAreaCounts {
  area: PriorityArea;
  inquiriesFollowed: number;
  responsesSent: number;
  memberInputReceived: number;
}

/*
 * What counts for an area in year Y (a year runs in Swedish time):
 * - inquiries followed: tagged with the area, not archived, and active during Y: begun by the
 *   end of Y (its first document, or when it was registered if it has none) and, unless still
 *   ongoing, not done before Y (its last document, report due date or remiss deadline).
 * - responses sent: submitted in Y, not archived, and the response, its remiss (through the
 *   remiss's document) or its inquiry is tagged with the area.
 * - member input received: submitted in Y and not withdrawn, on a remiss or an inquiry tagged
 *   with the area.
 * All three in one statement for all areas of the year: a report of ten areas is not thirty queries.
 */
const COUNTS_SQL = `
  WITH bounds AS (
    SELECT make_date($2::int, 1, 1) AS first_day,
           make_date($2::int, 12, 31) AS last_day,
           make_date($2::int, 1, 1)::timestamp AT TIME ZONE $3::text AS starts,
           make_date($2::int + 1, 1, 1)::timestamp AT TIME ZONE $3::text AS ends
  ),
  remiss_area AS (
    SELECT r.id AS remiss_id, dpa.priority_area_id
    FROM remiss r JOIN document_priority_area dpa ON dpa.document_id = r.document_id
    WHERE r.archived_at IS NULL
  ),
  inquiry_span AS (
    SELECT i.id,
           least(min(d.published_at), (i.created_at AT TIME ZONE $3::text)::date) AS began,
           CASE WHEN i.status = $4 THEN 'infinity'::date
                ELSE coalesce(greatest(max(d.published_at), i.report_due_date, max(r.deadline)),
                              least(min(d.published_at), (i.created_at AT TIME ZONE $3::text)::date)) END AS done
    FROM inquiry i
    LEFT JOIN document d ON d.inquiry_id = i.id AND d.archived_at IS NULL
    LEFT JOIN remiss r ON r.document_id = d.id AND r.archived_at IS NULL
    WHERE i.archived_at IS NULL AND i.id IN (SELECT inquiry_id FROM inquiry_priority_area WHERE priority_area_id = ANY($1::uuid[]))
    GROUP BY i.id
  )
  SELECT p.id,
    (SELECT count(*)::int FROM inquiry_priority_area ipa JOIN inquiry_span s ON s.id = ipa.inquiry_id
      WHERE ipa.priority_area_id = p.id AND s.began <= b.last_day AND s.done >= b.first_day) AS inquiries_followed,
    (SELECT count(*)::int FROM response x
      WHERE x.archived_at IS NULL AND x.status = $5 AND x.submitted_at >= b.starts AND x.submitted_at < b.ends
        AND (EXISTS (SELECT 1 FROM response_priority_area rpa WHERE rpa.response_id = x.id AND rpa.priority_area_id = p.id)
          OR EXISTS (SELECT 1 FROM remiss_area ra WHERE ra.remiss_id = x.remiss_id AND ra.priority_area_id = p.id)
          OR EXISTS (SELECT 1 FROM inquiry_priority_area ipa WHERE ipa.inquiry_id = x.inquiry_id AND ipa.priority_area_id = p.id))
    ) AS responses_sent,
    (SELECT count(*)::int FROM member_input x
      WHERE x.status = $6 AND x.submitted_at >= b.starts AND x.submitted_at < b.ends
        AND (EXISTS (SELECT 1 FROM remiss_area ra WHERE ra.remiss_id = x.remiss_id AND ra.priority_area_id = p.id)
          OR EXISTS (SELECT 1 FROM inquiry_priority_area ipa WHERE ipa.inquiry_id = x.inquiry_id AND ipa.priority_area_id = p.id))
    ) AS member_input_received
  FROM priority_area p CROSS JOIN bounds b
  WHERE p.id = ANY($1::uuid[])`;

/** The year's priority areas (by name) with their figures: two statements whatever the number of areas. */
export async function priorityReport(ds: DataSource, year: number): Promise<PriorityAreaCounts[]> {
  const areas = await ds
    .getRepository(PriorityArea)
    .createQueryBuilder("p")
    .where("p.year = :year AND p.archived_at IS NULL", { year })
    .orderBy("p.name")
    .getMany();
  if (areas.length === 0) return [];
  const rows: { id: string; inquiries_followed: number; responses_sent: number; member_input_received: number }[] = await ds.query(
    COUNTS_SQL,
    [areas.map((a) => a.id), year, TIME_ZONE, InquiryStatus.ONGOING, ResponseStatus.SUBMITTED, MemberInputStatus.SUBMITTED],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return areas.map((area) => {
    const row = byId.get(area.id);
    return {
      area,
      inquiriesFollowed: row?.inquiries_followed ?? 0,
      responsesSent: row?.responses_sent ?? 0,
      memberInputReceived: row?.member_input_received ?? 0,
    };
  });
}
