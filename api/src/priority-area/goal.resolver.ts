import { Arg, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, Resolver, Root } from "type-graphql";
import { z } from "zod";
import type { EntityManager } from "typeorm";
import { Goal, GoalStatus, LIMITS, PriorityArea } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";
import { assignDefined, ensureNotArchived, loadForUpdate, touchVersion } from "../common/crud.js";
import { badInput } from "../common/errors.js";
import { inTransaction } from "../common/transaction.js";
import { parseInput, v } from "../common/validation.js";

/** Goals per area: what an autumn meeting decides fits on a page, and the form stays usable. */
export const MAX_GOALS_PER_AREA = 50;
const GOAL_TEXT_LENGTH = LIMITS.titleLength * 2;
const GOAL_COMMENT_LENGTH = LIMITS.workflowCommentLength;

@InputType()
class AddGoalInput {
  @Field(() => ID)
  priorityAreaId: string;

  @Field(() => String)
  text: string;

  @Field(() => GoalStatus, { nullable: true, description: "NOT_STARTED when left out." })
  status?: GoalStatus | null;

  @Field(() => String, { nullable: true })
  comment?: string | null;
}

@InputType()
class UpdateGoalInput {
  @Field(() => ID)
  id: string;

  @Field(() => Int, { nullable: true })
  expectedVersion?: number | null;

  @Field(() => String, { nullable: true })
  text?: string | null;

  @Field(() => GoalStatus, { nullable: true })
  status?: GoalStatus | null;

  @Field(() => String, { nullable: true, description: "An empty text clears the comment." })
  comment?: string | null;
}

const addSchema = z.object({
  priorityAreaId: v.uuid,
  text: v.text(GOAL_TEXT_LENGTH),
  status: z.nativeEnum(GoalStatus).nullish(),
  comment: v.optionalText(GOAL_COMMENT_LENGTH),
});
const updateSchema = z.object({
  id: v.uuid,
  expectedVersion: z.number().int().nullish(),
  text: v.text(GOAL_TEXT_LENGTH).nullish(),
  status: z.nativeEnum(GoalStatus).nullish(),
  comment: v.optionalText(GOAL_COMMENT_LENGTH),
});

/** Locks the goal's area, refuses an archived one, and counts the change as the area's new version. */
async function changeGoalsOf(m: EntityManager, areaId: string, change: () => Promise<void>): Promise<PriorityArea> {
  const area = await loadForUpdate(m, PriorityArea, "Priority area", areaId);
  ensureNotArchived(area, "The priority area");
  const versionBefore = area.version;
  await change();
  await touchVersion(m, PriorityArea, area, versionBefore);
  return area;
}

/** One goal at a time, so a goal keeps its id, status and comment while others change. */
@Resolver(() => Goal)
export class GoalResolver {
  @Mutation(() => Goal, { description: "Adds a goal last among its priority area's goals." })
  addGoal(@Arg("input", () => AddGoalInput) input: AddGoalInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "priorityGoal", "write");
    const data = parseInput(addSchema, input);
    return inTransaction(ctx, async (m) => {
      let goal: Goal | undefined;
      await changeGoalsOf(m, data.priorityAreaId, async () => {
        const { count, last } = await m
          .getRepository(Goal)
          .createQueryBuilder("g")
          .select("count(*)::int", "count")
          .addSelect("max(g.position)", "last")
          .where("g.priority_area_id = :id", { id: data.priorityAreaId })
          .getRawOne();
        if (count >= MAX_GOALS_PER_AREA) {
          throw badInput(`A priority area has at most ${MAX_GOALS_PER_AREA} goals.`, [{ field: "text", message: `at most ${MAX_GOALS_PER_AREA} goals per area` }]);
        }
        goal = await m.save(
          m.create(Goal, {
            priorityAreaId: data.priorityAreaId,
            text: data.text,
            status: data.status ?? GoalStatus.NOT_STARTED,
            comment: data.comment ?? null,
            position: last === null ? 0 : Number(last) + 1,
          }),
        );
      });
      return goal!;
    });
  }

  @Mutation(() => Goal)
  updateGoal(@Arg("input", () => UpdateGoalInput) input: UpdateGoalInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "priorityGoal", "write");
    const data = parseInput(updateSchema, input);
    return inTransaction(ctx, async (m) => {
      const goal = await loadForUpdate(m, Goal, "Goal", data.id, data.expectedVersion);
      await changeGoalsOf(m, goal.priorityAreaId, async () => {
        assignDefined(goal, { text: data.text ?? undefined, status: data.status ?? undefined, comment: data.comment });
        await m.save(goal);
      });
      return goal;
    });
  }

  @Mutation(() => PriorityArea, { description: "Removes a goal; returns its priority area." })
  removeGoal(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    authorize(ctx.actor, "priorityGoal", "write");
    const goalId = parseInput(z.object({ id: v.uuid }), { id }).id;
    return inTransaction(ctx, async (m) => {
      const goal = await loadForUpdate(m, Goal, "Goal", goalId);
      return changeGoalsOf(m, goal.priorityAreaId, async () => {
        await m.delete(Goal, { id: goal.id });
      });
    });
  }

  @FieldResolver(() => Int, { description: "The year the goal is for: its priority area's." })
  async year(@Root() goal: Goal, @Ctx() ctx: Context): Promise<number> {
    const area = await ctx.loaders.priorityArea.load(goal.priorityAreaId);
    return area!.year;
  }
}
