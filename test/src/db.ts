import type { DataSource } from "typeorm";

/** Every table of the schema, join tables and the outbox included. */
const TABLES = [
  "municipality", "app_user", "api_token", "priority_area", "goal", "inquiry", "inquiry_priority_area", "document",
  "document_text", "document_priority_area", "remiss", "response", "response_version", "response_priority_area",
  "response_document", "member_input", "change_event", "remiss_published_response", "synonym_group",
] as const;

export type RowCounts = Record<(typeof TABLES)[number], number>;

/** Row counts of every table, to show that a failed mutation wrote nothing. */
export async function rowCounts(ds: DataSource): Promise<RowCounts> {
  const [row] = await ds.query(`SELECT ${TABLES.map((t) => `(SELECT count(*)::int FROM "${t}") AS "${t}"`).join(", ")}`);
  return row as RowCounts;
}

/** One row as stored, every column, to show that a refused edit left it unchanged. */
export async function storedRow(ds: DataSource, table: (typeof TABLES)[number], id: string): Promise<Record<string, unknown>> {
  const [row] = await ds.query(`SELECT * FROM "${table}" WHERE id = $1`, [id]);
  return row;
}

/** An id that no row has. */
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
