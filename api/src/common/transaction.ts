import type { EntityManager } from "typeorm";
import type { Context } from "../context.js";
import { auditTransaction } from "../audit/audit.instrument.js";

/**
 * Runs a mutation's writes in one transaction: any error rolls back everything,
 * so a failed mutation leaves no half-written rows. Its audit row is part of the
 * transaction too.
 */
export function inTransaction<T>(ctx: Context, work: (manager: EntityManager) => Promise<T>): Promise<T> {
  return ctx.ds.transaction((manager) => auditTransaction(manager, () => work(manager)));
}
