import { Arg, Ctx, Field, Int, ObjectType, Query, Resolver, registerEnumType } from "type-graphql";
import { LIMITS, LocalDate, Remiss, RemissStatus } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";
import { badInput } from "../common/errors.js";
import { addDays, daysBetween, stockholmDate } from "../common/dates.js";

export enum DeadlineKind {
  /** Sista svarsdag to the ministry. */
  REMISS = "remiss",
  /** SmåKom's internal deadline for member input. */
  MEMBER_INPUT = "member_input",
}
registerEnumType(DeadlineKind, { name: "DeadlineKind" });

@ObjectType()
class Deadline {
  @Field(() => DeadlineKind) kind: DeadlineKind;
  @Field(() => LocalDate) date: string;
  @Field(() => Int, { description: "Days from today (Stockholm time); 0 is today." }) daysLeft: number;
  @Field(() => Remiss) remiss: Remiss;
}

const CLOSED = [RemissStatus.DECLINED, RemissStatus.SUBMITTED];

@Resolver()
export class DeadlineResolver {
  @Query(() => [Deadline], { description: "Remiss and member-input deadlines from today on, earliest first." })
  async upcomingDeadlines(@Arg("days", () => Int, { defaultValue: 30 }) days: number, @Ctx() ctx: Context): Promise<Deadline[]> {
    authorize(ctx.actor, "catalog", "read");
    if (!Number.isInteger(days) || days < 0 || days > LIMITS.upcomingDeadlineMaxDays) {
      throw badInput(`days must be between 0 and ${LIMITS.upcomingDeadlineMaxDays}.`, [{ field: "days", message: "out of range" }]);
    }
    const today = stockholmDate();
    const until = addDays(today, days);
    const remisser = await ctx.ds
      .getRepository(Remiss)
      .createQueryBuilder("r")
      .where("r.archived_at IS NULL AND r.status NOT IN (:...closed)", { closed: CLOSED })
      .andWhere(
        "((r.deadline BETWEEN :today AND :until) OR (r.member_input_deadline BETWEEN :today AND :until))",
        { today, until },
      )
      .getMany();
    const deadlines: Deadline[] = [];
    for (const remiss of remisser) {
      if (remiss.deadline >= today && remiss.deadline <= until) {
        deadlines.push({ kind: DeadlineKind.REMISS, date: remiss.deadline, daysLeft: daysBetween(today, remiss.deadline), remiss });
      }
      const member = remiss.memberInputDeadline;
      if (member && member >= today && member <= until) {
        deadlines.push({ kind: DeadlineKind.MEMBER_INPUT, date: member, daysLeft: daysBetween(today, member), remiss });
      }
    }
    return deadlines.sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind));
  }
}
