import { Arg, Args, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { ApiToken, DateTime, Municipality, User } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { can, requireActor } from "../auth/policy.js";
import { ConnectionType } from "../common/pagination.js";
import { inTransaction } from "../common/transaction.js";
import { CreateUserInput, UpdateUserInput, UsersArgs } from "./user.inputs.js";
import {
  apiTokenCreator, apiTokenRevoker, invitationResender, listUsers, userArchiver, userCreator, userInviter, userUpdater,
} from "./user.commands.js";

export const UserConnection = ConnectionType(User);

@ObjectType({ description: "What the caller may do with a user, from the server's policy." })
class UserAbilities {
  @Field(() => Boolean, { description: "Edit role, email, municipality; archive; invite." }) canManage: boolean;
  @Field(() => Boolean) canInvite: boolean;
}

@ObjectType({ description: "A new API token; the secret is shown only this once." })
class NewApiToken {
  @Field(() => ApiToken) token: ApiToken;
  @Field(() => String) secret: string;
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: "The signed-in user, or null." })
  me(@Ctx() ctx: Context) {
    return ctx.actor ? ctx.loaders.user.load(ctx.actor.id) : null;
  }

  @Query(() => UserConnection)
  users(@Args(() => UsersArgs) args: UsersArgs, @Ctx() ctx: Context) {
    return listUsers(ctx.ds, ctx.actor, args);
  }

  @Query(() => User, { nullable: true })
  async user(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    const user = await ctx.loaders.user.load(id);
    return user && can(actor, "user", "read", user) ? user : null;
  }

  @Mutation(() => User)
  createUser(@Arg("input", () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context) {
    return inTransaction(ctx, (m) => userCreator(m, ctx.actor, input));
  }

  @Mutation(() => User, { description: "Creates a user without a password and emails them an invitation link (valid 7 days)." })
  async inviteUser(@Arg("input", () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context) {
    const { user, send } = await inTransaction(ctx, (m) => userInviter(ctx, m, input));
    await send();
    return user;
  }

  @Mutation(() => Boolean, { description: "Emails a new invitation link to a user who has not set a password; earlier links stop working." })
  async sendInvitation(@Arg("userId", () => ID) userId: string, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    const send = await inTransaction(ctx, (m) => invitationResender(ctx, m, actor, userId));
    await send();
    return true;
  }

  @Mutation(() => User)
  updateUser(@Arg("input", () => UpdateUserInput) input: UpdateUserInput, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    return inTransaction(ctx, (m) => userUpdater(m, actor, input));
  }

  @Mutation(() => User, { description: "Deactivates a user; their authorship stays." })
  archiveUser(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    return inTransaction(ctx, (m) => userArchiver(m, actor, id));
  }

  @Mutation(() => NewApiToken, { description: "Creates a personal API token for scripts; the secret is shown once." })
  createApiToken(
    @Arg("name", () => String) name: string,
    @Arg("expiresInDays", () => Int, { defaultValue: 90 }) expiresInDays: number,
    @Ctx() ctx: Context,
  ) {
    const actor = requireActor(ctx.actor);
    return inTransaction(ctx, (m) => apiTokenCreator(m, actor, { name, expiresInDays }));
  }

  @Mutation(() => ApiToken)
  revokeApiToken(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    return inTransaction(ctx, (m) => apiTokenRevoker(m, actor, id));
  }

  @Query(() => [ApiToken], { description: "Your own API tokens (never their secrets)." })
  myApiTokens(@Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    return ctx.ds.getRepository(ApiToken).find({ where: { userId: actor.id }, order: { createdAt: "DESC" } });
  }

  @FieldResolver(() => Municipality, { nullable: true })
  municipality(@Root() user: User, @Ctx() ctx: Context) {
    return user.municipalityId ? ctx.loaders.municipality.load(user.municipalityId) : null;
  }

  @FieldResolver(() => UserAbilities)
  abilities(@Root() user: User, @Ctx() ctx: Context): UserAbilities {
    return { canManage: can(ctx.actor, "user", "archive", user), canInvite: can(ctx.actor, "user", "invite", user) };
  }

  @FieldResolver(() => DateTime, {
    nullable: true,
    description: "When the person last signed in; null for an invited person who has not yet. Only for those who manage the account and the person.",
  })
  lastSignedInAt(@Root() user: User, @Ctx() ctx: Context) {
    return ctx.actor && (ctx.actor.id === user.id || can(ctx.actor, "user", "manage", user)) ? user.lastSignedInAt : null;
  }

  @FieldResolver(() => String, { description: "Email address; only visible to staff, board and the user." })
  email(@Root() user: User, @Ctx() ctx: Context) {
    return can(ctx.actor, "user", "readEmail", user) ? user.email : "";
  }
}
