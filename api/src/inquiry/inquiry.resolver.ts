import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Document, Inquiry, MemberInput, PriorityArea, Response } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize } from "../auth/policy.js";
import { ConnectionType } from "../common/pagination.js";
import { inTransaction } from "../common/transaction.js";
import { CreateInquiryInput, InquiriesArgs, UpdateInquiryInput } from "./inquiry.inputs.js";
import { archiveInquiry, createInquiry, listInquiries, updateInquiry } from "./inquiry.service.js";

export const InquiryConnection = ConnectionType(Inquiry);

@Resolver(() => Inquiry)
export class InquiryResolver {
  // Inquiries are public records: no sign-in needed to read them (decision 003).
  @Query(() => InquiryConnection, { description: "Inquiries (utredningar), by name." })
  inquiries(@Args(() => InquiriesArgs) args: InquiriesArgs, @Ctx() ctx: Context) {
    return listInquiries(ctx.ds, args.filter, args);
  }

  @Query(() => Inquiry, { nullable: true })
  inquiry(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.inquiry.load(id);
  }

  @Mutation(() => Inquiry)
  createInquiry(@Arg("input", () => CreateInquiryInput) input: CreateInquiryInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "write");
    return inTransaction(ctx, (m) => createInquiry(m, input));
  }

  @Mutation(() => Inquiry)
  updateInquiry(@Arg("input", () => UpdateInquiryInput) input: UpdateInquiryInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "write");
    return inTransaction(ctx, (m) => updateInquiry(m, input));
  }

  @Mutation(() => Inquiry)
  archiveInquiry(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ) {
    authorize(ctx.actor, "catalog", "write");
    return inTransaction(ctx, (m) => archiveInquiry(m, id, expectedVersion));
  }

  @FieldResolver(() => [Document], { description: "Directives, reports and bills of this inquiry." })
  documents(@Root() inquiry: Inquiry, @Ctx() ctx: Context) {
    return ctx.loaders.documentsByInquiry.load(inquiry.id);
  }

  @FieldResolver(() => [PriorityArea], { description: "SmåKom's priority areas it touches; empty unless signed in." })
  priorityAreas(@Root() inquiry: Inquiry, @Ctx() ctx: Context) {
    return ctx.actor ? ctx.loaders.priorityAreasByInquiry.load(inquiry.id) : [];
  }

  @FieldResolver(() => [Response], { description: "Responses and positions on the inquiry that you may read." })
  responses(@Root() inquiry: Inquiry, @Ctx() ctx: Context) {
    return ctx.actor ? ctx.loaders.responsesByInquiry.load(inquiry.id) : [];
  }

  @FieldResolver(() => [MemberInput], { description: "Member input on the inquiry that you may read." })
  memberInputs(@Root() inquiry: Inquiry, @Ctx() ctx: Context) {
    return ctx.actor ? ctx.loaders.memberInputsByInquiry.load(inquiry.id) : [];
  }
}
