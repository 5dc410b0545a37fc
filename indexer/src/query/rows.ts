/**
 * What the query side needs of PostgreSQL: run a statement, get its rows. The API passes its
 * TypeORM DataSource (whose `query` returns rows), the benchmark and tools a pg pool wrapped
 * by `poolRows`.
 */
import type pg from "pg";

export interface Rows {
  query(text: string, values?: unknown[]): Promise<any[]>;
}

export function poolRows(pool: pg.Pool): Rows {
  return { query: async (text, values) => (await pool.query(text, values)).rows };
}
