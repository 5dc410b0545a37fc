import type pg from "pg";

/** A pg client or pool: anything that runs a query. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<pg.QueryResult>;
}
