import { defaultFieldResolver, type GraphQLSchema } from "graphql";
import type { EntityManager } from "typeorm";
import type { Context } from "../context.js";
import { currentAuditScope, runInAuditScope } from "./audit-scope.js";
import { writeFallbackRow } from "./audit.subscriber.js";

const instrumented = new WeakSet<GraphQLSchema>();

/**
 * Runs every mutation resolver inside an audit scope, so that the audit
 * subscriber knows who did what. A mutation that succeeded without a change the
 * subscriber could see (a sign-out, a bulk update) still gets one row: written in
 * its transaction (auditTransaction), or after it when it started none.
 */
export function auditMutations(schema: GraphQLSchema): GraphQLSchema {
  if (instrumented.has(schema)) return schema;
  instrumented.add(schema);
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, ctx: Context, info) =>
      runInAuditScope({ actorId: ctx.actor?.id ?? null, requestId: ctx.requestId, action: info.fieldName }, async (scope) => {
        const result = await resolve(source, args, ctx, info);
        // Only a mutation that committed no transaction gets here without a row; it changed nothing to be atomic with.
        if (scope.written === 0) await writeFallbackRow(ctx.ds.manager, result);
        return result;
      });
  }
  return schema;
}

/**
 * Runs a mutation's transaction so that its audit rows are part of it: the fallback
 * row is written before commit, and the rows of work that fails roll back and no
 * longer count. Outside mutations it just runs the work.
 */
export async function auditTransaction<T>(
  manager: EntityManager,
  work: () => Promise<T>,
  { onlyIfWritten = false }: { onlyIfWritten?: boolean } = {},
): Promise<T> {
  const scope = currentAuditScope();
  if (!scope) return work();
  const writtenBefore = scope.written;
  try {
    const result = await work();
    // An import's item that found nothing to change is no change to record. PostgreSQL assigns
    // a transaction id at its first write, so none means nothing was written.
    if (onlyIfWritten && (await manager.query(`SELECT txid_current_if_assigned() AS id`))[0].id === null) return result;
    await writeFallbackRow(manager, result);
    return result;
  } catch (err) {
    scope.written = writtenBefore;
    throw err;
  }
}
