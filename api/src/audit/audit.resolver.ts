import { Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Resolver, Root, Query } from "type-graphql";
import { AuditLog, DateTime, User } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";
import { byId, ConnectionType, paginate, PageArgs } from "../common/pagination.js";

export const AuditLogConnection = ConnectionType(AuditLog, "AuditLog");

@InputType()
class AuditLogFilter {
  @Field(() => ID, { nullable: true }) actorId?: string | null;
  @Field(() => String, { nullable: true, description: "The mutation, e.g. approveResponse." }) action?: string | null;
  @Field(() => String, { nullable: true, description: "E.g. Response, MemberInput, User." }) entityType?: string | null;
  @Field(() => String, { nullable: true }) entityId?: string | null;
  @Field(() => DateTime, { nullable: true }) from?: Date | null;
  @Field(() => DateTime, { nullable: true }) to?: Date | null;
}

@ArgsType()
class AuditLogArgs extends PageArgs {
  @Field(() => AuditLogFilter, { nullable: true }) filter?: AuditLogFilter | null;
}

@Resolver(() => AuditLog)
export class AuditLogResolver {
  @Query(() => AuditLogConnection, { description: "Every change made through the API, newest first; staff and admin only." })
  auditLog(@Args(() => AuditLogArgs) args: AuditLogArgs, @Ctx() ctx: Context) {
    authorize(ctx.actor, "auditLog", "read");
    const f = args.filter ?? {};
    const q = ctx.ds.getRepository(AuditLog).createQueryBuilder("a");
    if (f.actorId) q.andWhere("a.actor_id = :actorId", { actorId: f.actorId });
    if (f.action) q.andWhere("a.action = :action", { action: f.action });
    if (f.entityType) q.andWhere("a.entity_type = :entityType", { entityType: f.entityType });
    if (f.entityId) q.andWhere("a.entity_id = :entityId", { entityId: f.entityId });
    if (f.from) q.andWhere("a.at >= :from", { from: f.from });
    if (f.to) q.andWhere("a.at < :to", { to: f.to });
    // The id grows with time and is unique, so it alone orders the log.
    return paginate(q, [{ ...byId("a"), direction: "DESC", read: (r) => Number(r.id) }], args);
  }

  @FieldResolver(() => User, { nullable: true })
  actor(@Root() row: AuditLog, @Ctx() ctx: Context) {
    return row.actorId ? ctx.loaders.visibleUser.load(row.actorId) : null;
  }
}
