import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { PriorityArea, User } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";
import { inTransaction } from "../common/transaction.js";
import { digestPriorityAreasOf, digestPriorityAreasUpdater, notificationSettingsOf, notificationSettingsUpdater } from "./notification-settings.js";

@ObjectType({ description: "A person's choice for one kind of email." })
class NotificationSettingType {
  @Field(() => String, {
    description: "deadlineReminder, weeklyDigest, inputArrived (staff); inputReminder, inputRequested (members); savedSearch, follow (everyone).",
  })
  kind: string;

  @Field(() => Boolean) enabled: boolean;
}

@InputType()
class NotificationSettingInput {
  @Field(() => String) kind: string;
  @Field(() => Boolean) enabled: boolean;
}

@Resolver(() => User)
export class NotificationSettingsResolver {
  @FieldResolver(() => [NotificationSettingType], {
    nullable: true,
    description: "The kinds of email that apply to the person's role and whether each is on; only on `me`, null for anyone else.",
  })
  notificationSettings(@Root() user: User, @Ctx() ctx: Context) {
    return ctx.actor?.id === user.id ? notificationSettingsOf(ctx.ds.manager, user) : null;
  }

  @FieldResolver(() => [PriorityArea], {
    nullable: true,
    description: "The priority areas whose new documents the weekly digest lists (none: all); only on `me`, null for anyone else.",
  })
  digestPriorityAreas(@Root() user: User, @Ctx() ctx: Context) {
    return ctx.actor?.id === user.id ? digestPriorityAreasOf(ctx.ds.manager, user.id) : null;
  }

  @Mutation(() => [NotificationSettingType], {
    description: "Turns the caller's own kinds of email on or off; kinds not given keep their setting. Optionally sets the weekly digest's priority areas (an empty list: all).",
  })
  updateNotificationSettings(
    @Arg("settings", () => [NotificationSettingInput]) settings: NotificationSettingInput[],
    @Arg("digestPriorityAreaIds", () => [ID], { nullable: true }) digestPriorityAreaIds: string[] | null,
    @Ctx() ctx: Context,
  ) {
    authorize(ctx.actor, "account", "manageOwn");
    const actor = ctx.actor;
    return inTransaction(ctx, async (m) => {
      const result = await notificationSettingsUpdater(m, actor, settings);
      if (digestPriorityAreaIds) await digestPriorityAreasUpdater(m, actor, digestPriorityAreaIds);
      return result;
    });
  }
}
