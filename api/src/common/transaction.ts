import type { EntityManager } from "typeorm";
import type { Context } from "../context.js";

/**
 * Runs a mutation's writes in one transaction: any error rolls back everything,
 * so a failed mutation leaves no half-written rows.
 */
export function inTransaction<T>(ctx: Context, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return ctx.ds.transaction(work);
}
