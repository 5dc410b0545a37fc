import type { DataSource } from "typeorm";

/**
 * Tables that hold no data of the product: TypeORM's bookkeeping. Everything else in schema
 * `public` is counted, so a table added by a later migration is covered without a list to update.
 */
const NOT_DATA = new Set(["migrations", "typeorm_metadata"]);

export type RowCounts = Record<string, number>;

/** The tables of schema `public`, read from the catalog. */
async function tables(ds: DataSource): Promise<string[]> {
  const rows: { name: string }[] = await ds.query(
    `SELECT c.relname::text AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition ORDER BY c.relname`,
  );
  return rows.map((r) => r.name).filter((name) => !NOT_DATA.has(name));
}

/** Row counts of every table, join tables and the outbox included, to show that a failed mutation wrote nothing. */
export async function rowCounts(ds: DataSource): Promise<RowCounts> {
  const names = await tables(ds);
  const [row] = await ds.query(`SELECT ${names.map((t) => `(SELECT count(*)::int FROM "${t}") AS "${t}"`).join(", ")}`);
  return row as RowCounts;
}

/** One row as stored, every column, to show that a refused edit left it unchanged. */
export async function storedRow(ds: DataSource, table: string, id: string): Promise<Record<string, unknown>> {
  const [row] = await ds.query(`SELECT * FROM "${table}" WHERE id = $1`, [id]);
  return row;
}

/** An id that no row has. */
export const UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
