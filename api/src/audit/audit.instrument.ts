import { defaultFieldResolver, type GraphQLSchema } from "graphql";
import { AuditLog } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { runInAuditScope } from "./audit-scope.js";

const instrumented = new WeakSet<GraphQLSchema>();

/**
 * Runs every mutation resolver inside an audit scope, so that the audit
 * subscriber knows who did what. A mutation that succeeded without a change the
 * subscriber could see (a sign-out, a bulk update) still gets one row.
 */
export function auditMutations(schema: GraphQLSchema): GraphQLSchema {
  if (instrumented.has(schema)) return schema;
  instrumented.add(schema);
  for (const field of Object.values(schema.getMutationType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, ctx: Context, info) =>
      runInAuditScope({ actorId: ctx.actor?.id ?? null, requestId: ctx.requestId, action: info.fieldName }, async (scope) => {
        const result = await resolve(source, args, ctx, info);
        if (scope.written === 0) {
          await ctx.ds.getRepository(AuditLog).insert({
            actorId: scope.actorId,
            action: scope.action,
            requestId: scope.requestId,
            entityType: null,
            entityId: null,
            before: null,
            after: null,
          });
        }
        return result;
      });
  }
  return schema;
}
