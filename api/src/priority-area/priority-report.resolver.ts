import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from "type-graphql";
import { z } from "zod";
import { Goal, PriorityArea } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize, can } from "../auth/policy.js";
import { parseInput, v } from "../common/validation.js";
import { priorityReport, type PriorityAreaCounts } from "./priority-report.service.js";

@ObjectType({ description: "One priority area's year: what SmåKom followed, answered and heard, and how its goals went." })
class PriorityAreaReport {
  @Field(() => PriorityArea)
  area: PriorityArea;

  @Field(() => Int, { description: "Inquiries tagged with the area and active during the year." })
  inquiriesFollowed: number;

  @Field(() => Int, { description: "Responses submitted during the year that touch the area (tagged themselves, or their remiss or inquiry)." })
  responsesSent: number;

  @Field(() => Int, { description: "Member input submitted during the year on remisser and inquiries tagged with the area." })
  memberInputReceived: number;
}

@ObjectType({ description: "The yearly report of the priority areas (årsrapport för prioriterade frågor)." })
class PriorityReport {
  @Field(() => Int)
  year: number;

  @Field(() => [PriorityAreaReport], { description: "The year's priority areas, by name." })
  areas: PriorityAreaCounts[];
}

const args = z.object({ year: v.year });

@Resolver(() => PriorityAreaReport)
export class PriorityReportResolver {
  @Query(() => PriorityReport, { description: "Per priority area of the year: inquiries followed, responses sent, member input received, goals. Years run in Swedish time." })
  async priorityReport(@Arg("year", () => Int) year: number, @Ctx() ctx: Context): Promise<PriorityReport> {
    authorize(ctx.actor, "priorityReport", "read");
    const data = parseInput(args, { year });
    return { year: data.year, areas: await priorityReport(ctx.ds, data.year) };
  }

  @FieldResolver(() => [Goal], { description: "The area's goals for the year, in order, with status and comment." })
  goals(@Root() row: PriorityAreaCounts, @Ctx() ctx: Context) {
    if (!can(ctx.actor, "priorityGoal", "read")) return [];
    return ctx.loaders.goalsByPriorityArea.load(row.area.id);
  }
}
