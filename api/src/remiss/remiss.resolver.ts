import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { DateTime, Document, MemberInput, Remiss, Response, User } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize, can } from "../auth/policy.js";
import { badInput } from "../common/errors.js";
import { ConnectionType } from "../common/pagination.js";
import { inTransaction } from "../common/transaction.js";
import { CreateRemissInput, RemisserArgs, UpdateRemissInput } from "./remiss.inputs.js";
import {
  archiveRemiss, createRemiss, findRemissByDiarienummer, listRemisser, memberInputSummarySaver, updateRemiss,
} from "./remiss.service.js";

export const RemissConnection = ConnectionType(Remiss);

@ObjectType({ description: "Staff's summary (sammanställning) of the member input on a remiss." })
class MemberInputSummary {
  @Field(() => String) text: string;
  @Field(() => DateTime, { nullable: true, description: "When it was published to members; null while a draft." })
  publishedAt: Date | null;
}

@Resolver(() => Remiss)
export class RemissResolver {
  @Query(() => RemissConnection, { description: "Remisser, earliest deadline first." })
  remisser(@Args(() => RemisserArgs) args: RemisserArgs, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "read");
    return listRemisser(ctx.ds, args.filter, args);
  }

  @Query(() => Remiss, { nullable: true, description: "A remiss by id or by diarienummer." })
  async remiss(
    @Ctx() ctx: Context,
    @Arg("id", () => ID, { nullable: true }) id?: string,
    @Arg("diarienummer", () => String, { nullable: true }) diarienummer?: string,
  ) {
    authorize(ctx.actor, "catalog", "read");
    if ((id ? 1 : 0) + (diarienummer ? 1 : 0) !== 1) throw badInput("Give either id or diarienummer.");
    return id ? ctx.loaders.remiss.load(id) : findRemissByDiarienummer(ctx.ds, diarienummer!);
  }

  @Mutation(() => Remiss)
  createRemiss(@Arg("input", () => CreateRemissInput) input: CreateRemissInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "write");
    return inTransaction(ctx, (m) => createRemiss(m, input));
  }

  @Mutation(() => Remiss)
  updateRemiss(@Arg("input", () => UpdateRemissInput) input: UpdateRemissInput, @Ctx() ctx: Context) {
    authorize(ctx.actor, "catalog", "write");
    return inTransaction(ctx, (m) => updateRemiss(m, input));
  }

  @Mutation(() => Remiss)
  archiveRemiss(
    @Arg("id", () => ID) id: string,
    @Arg("expectedVersion", () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ) {
    authorize(ctx.actor, "catalog", "write");
    return inTransaction(ctx, (m) => archiveRemiss(m, id, expectedVersion));
  }

  @Mutation(() => Remiss, {
    description: "Saves staff's summary of the member input; publish: true lets members read it. An empty text removes it.",
  })
  saveMemberInputSummary(
    @Arg("remissId", () => ID) remissId: string,
    @Arg("text", () => String) text: string,
    @Arg("publish", () => Boolean) publish: boolean,
    @Arg("expectedVersion", () => Int, { nullable: true }) expectedVersion: number | null,
    @Ctx() ctx: Context,
  ) {
    authorize(ctx.actor, "memberInputSummary", "write");
    return inTransaction(ctx, (m) => memberInputSummarySaver(m, { remissId, text, publish, expectedVersion }));
  }

  @FieldResolver(() => MemberInputSummary, {
    nullable: true,
    description: "Members read it once published; they never read other municipalities' input itself.",
  })
  memberInputSummary(@Root() remiss: Remiss, @Ctx() ctx: Context): MemberInputSummary | null {
    if (!remiss.memberInputSummary || !can(ctx.actor, "memberInputSummary", "read", remiss)) return null;
    return { text: remiss.memberInputSummary, publishedAt: remiss.memberInputSummaryPublishedAt };
  }

  @FieldResolver(() => Document)
  document(@Root() remiss: Remiss, @Ctx() ctx: Context) {
    return ctx.loaders.document.load(remiss.documentId);
  }

  @FieldResolver(() => User, { nullable: true })
  owner(@Root() remiss: Remiss, @Ctx() ctx: Context) {
    return remiss.ownerId ? ctx.loaders.visibleUser.load(remiss.ownerId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Staff's internal notes; null for members." })
  notes(@Root() remiss: Remiss, @Ctx() ctx: Context) {
    return can(ctx.actor, "catalog", "readNotes") ? remiss.notes : null;
  }

  @FieldResolver(() => [Response], { description: "Responses to the remiss that you may read." })
  responses(@Root() remiss: Remiss, @Ctx() ctx: Context) {
    return ctx.loaders.responsesByRemiss.load(remiss.id);
  }

  @FieldResolver(() => Int, {
    description: "How many member municipalities have submitted input on the remiss that you may read (a member counts only their own).",
  })
  submittedInputMunicipalityCount(@Root() remiss: Remiss, @Ctx() ctx: Context) {
    return ctx.loaders.submittedInputMunicipalitiesByRemiss.load(remiss.id);
  }

  @FieldResolver(() => [MemberInput], { description: "Member input on the remiss that you may read." })
  memberInputs(@Root() remiss: Remiss, @Ctx() ctx: Context) {
    return ctx.loaders.memberInputsByRemiss.load(remiss.id);
  }
}
