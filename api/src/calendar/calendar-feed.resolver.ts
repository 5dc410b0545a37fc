import { Ctx, Field, FieldResolver, Mutation, ObjectType, Resolver, Root } from "type-graphql";
import { CalendarFeed, User } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";
import { requireAuthServices } from "../auth/auth.commands.js";
import { inTransaction } from "../common/transaction.js";
import { calendarFeedOf, calendarFeedRegenerator, calendarFeedRevoker, calendarFeedTokenOf, calendarFeedUrl } from "./calendar-feed.commands.js";

@ObjectType({ description: "A new calendar feed address, the one `me { calendarFeedUrl }` gives from now on." })
class NewCalendarFeed {
  @Field(() => String, { description: "The secret address to subscribe to: PUBLIC_URL/kalender/<token>.ics." }) url: string;
  @Field(() => CalendarFeed) feed: CalendarFeed;
}

@Resolver(() => User)
export class CalendarFeedResolver {
  @FieldResolver(() => CalendarFeed, { nullable: true, description: "The person's calendar feed, if they have one; for themselves only (null for others)." })
  calendarFeed(@Root() user: User, @Ctx() ctx: Context) {
    return ctx.actor?.id === user.id ? calendarFeedOf(ctx.ds.manager, user.id) : null;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Your secret calendar feed address, PUBLIC_URL/kalender/<token>.ics, the same on every read until you replace or remove it; null until you create one, and for anyone but yourself.",
  })
  async calendarFeedUrl(@Root() user: User, @Ctx() ctx: Context): Promise<string | null> {
    // Only the caller's own: an admin reading a user never gets their address.
    if (ctx.actor?.id !== user.id) return null;
    const token = await calendarFeedTokenOf(ctx.ds.manager, user.id);
    return token && calendarFeedUrl(requireAuthServices(ctx).publicUrl, token);
  }

  @Mutation(() => NewCalendarFeed, {
    description: "Creates your calendar feed address, or replaces it: the old address stops working at once.",
  })
  async regenerateCalendarFeed(@Ctx() ctx: Context): Promise<NewCalendarFeed> {
    authorize(ctx.actor, "account", "manageOwn");
    const actor = ctx.actor;
    const { publicUrl } = requireAuthServices(ctx);
    const { feed, token } = await inTransaction(ctx, (m) => calendarFeedRegenerator(m, actor));
    return { url: calendarFeedUrl(publicUrl, token), feed };
  }

  @Mutation(() => Boolean, { description: "Ends your calendar feed: its address stops working. False when you had none." })
  revokeCalendarFeed(@Ctx() ctx: Context) {
    authorize(ctx.actor, "account", "manageOwn");
    const actor = ctx.actor;
    return inTransaction(ctx, (m) => calendarFeedRevoker(m, actor));
  }
}
