import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import { z } from "zod";
import { Inquiry, InquiryFollow } from "@remissbanken/schema";
import type { Context } from "../context.js";
import type { Loaders } from "../loaders.js";
import { authorize } from "../auth/policy.js";
import { inTransaction } from "../common/transaction.js";
import { parseInput } from "../common/validation.js";
import { v } from "../common/validation.js";
import { followedLoader, followInquiry, myFollows, unfollowInquiry } from "./follow.service.js";

const inquiryIdSchema = z.object({ inquiryId: v.uuid });
/** Per request, like the other loaders: keyed by the request's loaders object. */
const followed = new WeakMap<Loaders, ReturnType<typeof followedLoader>>();

@Resolver(() => InquiryFollow)
export class FollowResolver {
  @Query(() => [InquiryFollow], { description: "The inquiries you follow, latest first." })
  myFollows(@Ctx() ctx: Context) {
    authorize(ctx.actor, "account", "manageOwn");
    return myFollows(ctx.ds, ctx.actor);
  }

  @Mutation(() => InquiryFollow, { description: "Follow an inquiry: you are emailed new documents in its chain, new remisser and moved deadlines." })
  followInquiry(@Arg("inquiryId", () => ID) inquiryId: string, @Ctx() ctx: Context) {
    authorize(ctx.actor, "account", "manageOwn");
    const actor = ctx.actor;
    const input = parseInput(inquiryIdSchema, { inquiryId });
    return inTransaction(ctx, (m) => followInquiry(m, actor, input.inquiryId));
  }

  @Mutation(() => Boolean, { description: "Stop following an inquiry; true when you followed it." })
  unfollowInquiry(@Arg("inquiryId", () => ID) inquiryId: string, @Ctx() ctx: Context) {
    authorize(ctx.actor, "account", "manageOwn");
    const actor = ctx.actor;
    const input = parseInput(inquiryIdSchema, { inquiryId });
    return inTransaction(ctx, (m) => unfollowInquiry(m, actor, input.inquiryId));
  }

  @FieldResolver(() => Inquiry)
  async inquiry(@Root() follow: InquiryFollow, @Ctx() ctx: Context) {
    return ctx.loaders.inquiry.load(follow.inquiryId);
  }
}

@Resolver(() => Inquiry)
export class InquiryFollowedResolver {
  @FieldResolver(() => Boolean, { description: "Whether you follow it; false when not signed in." })
  followedByMe(@Root() inquiry: Inquiry, @Ctx() ctx: Context) {
    if (!ctx.actor) return false;
    let loader = followed.get(ctx.loaders);
    if (!loader) followed.set(ctx.loaders, (loader = followedLoader(ctx.ds, ctx.actor)));
    return loader.load(inquiry.id);
  }
}
