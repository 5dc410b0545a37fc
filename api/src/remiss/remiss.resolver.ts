import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { Document, MemberInput, Remiss, Response, User } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize, can } from "../auth/policy.js";
import { badInput } from "../common/errors.js";
import { ConnectionType } from "../common/pagination.js";
import { inTransaction } from "../common/transaction.js";
import { CreateRemissInput, RemisserArgs, UpdateRemissInput } from "./remiss.inputs.js";
import { archiveRemiss, createRemiss, findRemissByDiarienummer, listRemisser, updateRemiss } from "./remiss.service.js";

export const RemissConnection = ConnectionType(Remiss);

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

  @FieldResolver(() => Document)
  document(@Root() remiss: Remiss, @Ctx() ctx: Context) {
    return ctx.loaders.document.load(remiss.documentId);
  }

  @FieldResolver(() => User, { nullable: true })
  owner(@Root() remiss: Remiss, @Ctx() ctx: Context) {
    return remiss.ownerId ? ctx.loaders.user.load(remiss.ownerId) : null;
  }

  @FieldResolver(() => String, { nullable: true, description: "Staff's internal notes; null for members." })
  notes(@Root() remiss: Remiss, @Ctx() ctx: Context) {
    return can(ctx.actor, "catalog", "readNotes") ? remiss.notes : null;
  }

  @FieldResolver(() => [Response], { description: "Responses to the remiss that you may read." })
  responses(@Root() remiss: Remiss, @Ctx() ctx: Context) {
    return ctx.loaders.responsesByRemiss.load(remiss.id);
  }

  @FieldResolver(() => [MemberInput], { description: "Member input on the remiss that you may read." })
  memberInputs(@Root() remiss: Remiss, @Ctx() ctx: Context) {
    return ctx.loaders.memberInputsByRemiss.load(remiss.id);
  }
}
