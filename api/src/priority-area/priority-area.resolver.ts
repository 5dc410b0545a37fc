import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { z } from "zod";
import { Goal, GoalStatus, LIMITS, PriorityArea } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize, can } from "../auth/policy.js";
import { assignDefined, ensureNotArchived, loadForUpdate, touchVersion } from "../common/crud.js";
import { byColumn, byId, ConnectionType, paginate, PageArgs } from "../common/pagination.js";
import { inTransaction } from "../common/transaction.js";
import { parseInput, v } from "../common/validation.js";

export const PriorityAreaConnection = ConnectionType(PriorityArea);

@InputType()
class GoalInput {
  @Field(() => String)
  text: string;

  @Field(() => GoalStatus, { nullable: true })
  status?: GoalStatus | null;
}

@InputType()
class PriorityAreaInput {
  @Field(() => ID, { nullable: true, description: "Set to update an existing priority area." })
  id?: string | null;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => Int, { nullable: true })
  year?: number | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [GoalInput], { nullable: true, description: "Replaces the goals, in order, comments and all; addGoal, updateGoal and removeGoal change one." })
  goals?: GoalInput[] | null;
}

@ArgsType()
class PriorityAreasArgs extends PageArgs {
  @Field(() => Int, { nullable: true })
  year?: number | null;
}

const goals = z.array(z.object({ text: v.text(LIMITS.titleLength * 2), status: z.nativeEnum(GoalStatus).nullish() })).max(50);
const createSchema = z.object({ name: v.name, year: v.year, description: v.optionalText(LIMITS.summaryLength), goals: goals.nullish() });
const updateSchema = z.object({
  id: v.uuid,
  expectedVersion: z.number().int().nullish(),
  name: v.name.nullish(),
  year: v.year.nullish(),
  description: v.optionalText(LIMITS.summaryLength),
  goals: goals.nullish(),
});

async function replaceGoals(m: import("typeorm").EntityManager, priorityAreaId: string, list: z.output<typeof goals>) {
  await m.delete(Goal, { priorityAreaId });
  if (list.length) {
    await m.insert(
      Goal,
      list.map((g, position) => ({ priorityAreaId, text: g.text, status: g.status ?? GoalStatus.NOT_STARTED, comment: null, position, version: 1 })),
    );
  }
}

@Resolver(() => PriorityArea)
export class PriorityAreaResolver {
  @Query(() => PriorityAreaConnection, { description: "Priority areas (prioriterade frågor), newest year first." })
  priorityAreas(@Args(() => PriorityAreasArgs) args: PriorityAreasArgs, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "read");
    const q = ctx.ds.getRepository(PriorityArea).createQueryBuilder("p").where("p.archived_at IS NULL");
    if (args.year) q.andWhere("p.year = :year", { year: args.year });
    return paginate(q, [byColumn("p", "year", "year", "DESC"), byColumn("p", "name", "name"), byId("p")], args);
  }

  @Query(() => PriorityArea, { nullable: true })
  priorityArea(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "read");
    return ctx.loaders.priorityArea.load(id);
  }

  @Mutation(() => PriorityArea)
  createPriorityArea(@Arg("input", () => PriorityAreaInput) input: PriorityAreaInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "write");
    const data = parseInput(createSchema, input);
    return inTransaction(ctx, async (m) => {
      const area = await m.save(m.create(PriorityArea, { name: data.name, year: data.year, description: data.description ?? null, archivedAt: null }));
      await replaceGoals(m, area.id, data.goals ?? []);
      return area;
    });
  }

  @Mutation(() => PriorityArea)
  updatePriorityArea(@Arg("input", () => PriorityAreaInput) input: PriorityAreaInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "write");
    const data = parseInput(updateSchema, input);
    return inTransaction(ctx, async (m) => {
      const area = await loadForUpdate(m, PriorityArea, "Priority area", data.id, data.expectedVersion);
      ensureNotArchived(area, "The priority area");
      assignDefined(area, { name: data.name ?? undefined, year: data.year ?? undefined, description: data.description });
      const versionBefore = area.version;
      await m.save(area);
      if (data.goals) {
        await replaceGoals(m, area.id, data.goals);
        // The version must reflect the new goals too.
        await touchVersion(m, PriorityArea, area, versionBefore);
      }
      return area;
    });
  }

  @Mutation(() => PriorityArea)
  archivePriorityArea(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "write");
    return inTransaction(ctx, async (m) => {
      const area = await loadForUpdate(m, PriorityArea, "Priority area", id);
      area.archivedAt ??= new Date();
      return m.save(area);
    });
  }

  @FieldResolver(() => [Goal])
  goals(@Root() area: PriorityArea, @Ctx() ctx: Context) {
    if (!can(ctx.actor, "priorityGoal", "read")) return [];
    return ctx.loaders.goalsByPriorityArea.load(area.id);
  }
}
