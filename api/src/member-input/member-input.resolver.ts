import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { Inquiry, MemberInput, MemberInputStatus, Municipality, Remiss, User } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { can, requireActor } from "../auth/policy.js";
import { ConnectionType } from "../common/pagination.js";
import { inTransaction } from "../common/transaction.js";
import { CreateMemberInputInput, MemberInputsArgs, UpdateMemberInputInput } from "./member-input.inputs.js";
import {
  closedForInput, listMemberInputs, memberInputEditor, memberInputFinalizer, memberInputSubmitter, memberInputWithdrawer,
} from "./member-input.commands.js";
import { memberInputReadSql } from "../auth/visibility.js";
import { queueArrivalMail, sendMemberInputReceipt } from "./member-input.emails.js";

export const MemberInputConnection = ConnectionType(MemberInput);

@ObjectType()
class MemberInputAbilities {
  @Field(() => Boolean) canEdit: boolean;
  @Field(() => Boolean) canSubmit: boolean;
  @Field(() => Boolean) canWithdraw: boolean;
}

@Resolver(() => MemberInput)
export class MemberInputResolver {
  @Query(() => MemberInputConnection, { description: "Member input (synpunkter) you may read, newest first." })
  memberInputs(@Args(() => MemberInputsArgs) args: MemberInputsArgs, @Ctx() ctx: Context) {
    return listMemberInputs(ctx.ds, requireActor(ctx.actor), args.filter, args);
  }

  @Query(() => MemberInput, { nullable: true })
  async memberInput(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    const visibility = memberInputReadSql(actor, "mi");
    return ctx.ds
      .getRepository(MemberInput)
      .createQueryBuilder("mi")
      .where("mi.id = :id", { id })
      .andWhere(visibility.sql, visibility.params)
      .getOne();
  }

  @Mutation(() => MemberInput, { description: "A member writes input for their own municipality (draft, or submit: true)." })
  async createMemberInput(@Arg("input", () => CreateMemberInputInput) input: CreateMemberInputInput, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    const row = await inTransaction(ctx, (m) => memberInputSubmitter(m, actor, input).then((row) => queueArrivalMail(m, ctx, row)));
    if (row.status === MemberInputStatus.SUBMITTED) await sendMemberInputReceipt(ctx, row);
    return row;
  }

  @Mutation(() => MemberInput, { description: "Edits own input until the member deadline." })
  async updateMemberInput(@Arg("input", () => UpdateMemberInputInput) input: UpdateMemberInputInput, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    const row = await inTransaction(ctx, (m) => memberInputEditor(m, actor, input).then((row) => queueArrivalMail(m, ctx, row)));
    // What SmåKom has received changed: the sender gets a receipt of the new text.
    if (row.status === MemberInputStatus.SUBMITTED) await sendMemberInputReceipt(ctx, row, true);
    return row;
  }

  @Mutation(() => MemberInput, { description: "Submits a draft to SmåKom." })
  async submitMemberInput(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    const row = await inTransaction(ctx, (m) => memberInputFinalizer(m, actor, id).then((row) => queueArrivalMail(m, ctx, row)));
    await sendMemberInputReceipt(ctx, row);
    return row;
  }

  @Mutation(() => MemberInput, { description: "Withdraws own input until the member deadline." })
  withdrawMemberInput(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    return inTransaction(ctx, (m) => memberInputWithdrawer(m, actor, id));
  }

  @FieldResolver(() => Municipality)
  municipality(@Root() input: MemberInput, @Ctx() ctx: Context) {
    return ctx.loaders.municipality.load(input.municipalityId);
  }

  @FieldResolver(() => User, { nullable: true })
  author(@Root() input: MemberInput, @Ctx() ctx: Context) {
    return input.authorId ? ctx.loaders.visibleUser.load(input.authorId) : null;
  }

  @FieldResolver(() => Remiss, { nullable: true })
  remiss(@Root() input: MemberInput, @Ctx() ctx: Context) {
    return input.remissId ? ctx.loaders.remiss.load(input.remissId) : null;
  }

  @FieldResolver(() => Inquiry, { nullable: true })
  inquiry(@Root() input: MemberInput, @Ctx() ctx: Context) {
    return input.inquiryId ? ctx.loaders.inquiry.load(input.inquiryId) : null;
  }

  @FieldResolver(() => MemberInputAbilities)
  async abilities(@Root() input: MemberInput, @Ctx() ctx: Context): Promise<MemberInputAbilities> {
    const own = can(ctx.actor, "memberInput", "edit", input);
    const subject = input.remissId ? await ctx.loaders.remiss.load(input.remissId) : await ctx.loaders.inquiry.load(input.inquiryId!);
    const open = own && subject !== null && closedForInput(subject) === null;
    return {
      canEdit: open && input.status !== MemberInputStatus.WITHDRAWN,
      canSubmit: open && input.status === MemberInputStatus.DRAFT,
      canWithdraw: open && input.status === MemberInputStatus.SUBMITTED,
    };
  }
}
