import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import { z } from "zod";
import { ApiToken, Municipality, Role, User } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize, can, requireActor } from "../auth/policy.js";
import { badInput, conflict, forbidden, notFound } from "../common/errors.js";
import { assignDefined, ensureAllExist, loadForUpdate } from "../common/crud.js";
import { byColumn, byId, ConnectionType, paginate, PageArgs } from "../common/pagination.js";
import { inTransaction } from "../common/transaction.js";
import { parseInput, v } from "../common/validation.js";
import { issueApiToken } from "../auth/tokens.js";
import { revokeAccess } from "../auth/access.js";
import { invitationSender } from "../auth/auth.commands.js";

export const UserConnection = ConnectionType(User);

@InputType()
class CreateUserInput {
  @Field(() => String) name: string;
  @Field(() => String) email: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true, description: "Required for members, forbidden for others." })
  municipalityId?: string | null;
}

@InputType()
class UpdateUserInput {
  @Field(() => ID) id: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number | null;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) email?: string | null;
  @Field(() => Role, { nullable: true }) role?: Role | null;
  @Field(() => ID, { nullable: true }) municipalityId?: string | null;
  @Field(() => Boolean, { nullable: true }) active?: boolean | null;
}

@ObjectType({ description: "What the caller may do with a user, from the server's policy." })
class UserAbilities {
  @Field(() => Boolean, { description: "Edit role, email, municipality; archive; invite." }) canManage: boolean;
  @Field(() => Boolean) canInvite: boolean;
}

@ArgsType()
class UsersArgs extends PageArgs {
  @Field(() => Role, { nullable: true }) role?: Role | null;
  @Field(() => ID, { nullable: true }) municipalityId?: string | null;
}

@ObjectType({ description: "A new API token; the secret is shown only this once." })
class NewApiToken {
  @Field(() => ApiToken) token: ApiToken;
  @Field(() => String) secret: string;
}

const createSchema = z.object({ name: v.name, email: v.email, role: z.nativeEnum(Role), municipalityId: v.uuid.nullish() });
const updateSchema = z.object({
  id: v.uuid,
  expectedVersion: z.number().int().nullish(),
  name: v.name.nullish(),
  email: v.email.nullish(),
  role: z.nativeEnum(Role).nullish(),
  municipalityId: v.uuid.nullish(),
  active: z.boolean().nullish(),
});
const tokenSchema = z.object({ name: v.shortText, expiresInDays: z.number().int().min(1).max(366) });

function checkMembership(role: Role, municipalityId: string | null | undefined): void {
  if (role === Role.MEMBER && !municipalityId) {
    throw badInput("A member user belongs to a municipality: give municipalityId.", [{ field: "municipalityId", message: "required for members" }]);
  }
  if (role !== Role.MEMBER && municipalityId) {
    throw badInput("Only member users belong to a municipality.", [{ field: "municipalityId", message: "only for members" }]);
  }
}

@Resolver(() => User)
export class UserResolver {
  @Query(() => User, { nullable: true, description: "The signed-in user, or null." })
  me(@Ctx() ctx: Context) {
    return ctx.actor ? ctx.loaders.user.load(ctx.actor.id) : null;
  }

  @Query(() => UserConnection)
  users(@Args(() => UsersArgs) args: UsersArgs, @Ctx() ctx: Context) {
    authorize(ctx.actor, "user", "list");
    const q = ctx.ds.getRepository(User).createQueryBuilder("u").where("u.archived_at IS NULL");
    if (args.role) q.andWhere("u.role = :role", { role: args.role });
    if (args.municipalityId) q.andWhere("u.municipality_id = :mid", { mid: args.municipalityId });
    return paginate(q, [byColumn("u", "name", "name"), byId("u")], args);
  }

  @Query(() => User, { nullable: true })
  async user(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    const user = await ctx.loaders.user.load(id);
    return user && can(actor, "user", "read", user) ? user : null;
  }

  @Mutation(() => User)
  createUser(@Arg("input", () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context) {
    const data = parseInput(createSchema, input);
    authorize(ctx.actor, "user", "manage", { role: data.role });
    checkMembership(data.role, data.municipalityId);
    return inTransaction(ctx, async (m) => {
      if (data.municipalityId) await ensureAllExist(m, Municipality, "Municipality", [data.municipalityId]);
      return m.save(m.create(User, { ...data, municipalityId: data.municipalityId ?? null, active: true, archivedAt: null }));
    });
  }

  @Mutation(() => User, { description: "Creates a user without a password and emails them an invitation link (valid 7 days)." })
  async inviteUser(@Arg("input", () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Context) {
    const data = parseInput(createSchema, input);
    authorize(ctx.actor, "user", "manage", { role: data.role });
    const actor = ctx.actor;
    checkMembership(data.role, data.municipalityId);
    const { user, send } = await inTransaction(ctx, async (m) => {
      if (data.municipalityId) await ensureAllExist(m, Municipality, "Municipality", [data.municipalityId]);
      const user = await m.save(m.create(User, { ...data, municipalityId: data.municipalityId ?? null, active: true, archivedAt: null }));
      return { user, send: await invitationSender(ctx, m, user, actor) };
    });
    await send();
    return user;
  }

  @Mutation(() => Boolean, { description: "Emails a new invitation link to a user who has not set a password; earlier links stop working." })
  async sendInvitation(@Arg("userId", () => ID) userId: string, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    const send = await inTransaction(ctx, async (m) => {
      const user = await m.getRepository(User).createQueryBuilder("u").addSelect("u.passwordHash").where("u.id = :id", { id: userId }).getOne();
      if (!user || !can(actor, "user", "read", user)) throw notFound("User", userId);
      authorize(actor, "user", "manage", user);
      if (user.passwordHash) throw conflict("INVALID_TRANSITION", "The user has already set a password; they can reset it themselves.");
      if (!user.active || user.archivedAt) throw conflict("ARCHIVED", "The user is archived.");
      return invitationSender(ctx, m, user, actor);
    });
    await send();
    return true;
  }

  @Mutation(() => User)
  updateUser(@Arg("input", () => UpdateUserInput) input: UpdateUserInput, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    const data = parseInput(updateSchema, input);
    return inTransaction(ctx, async (m) => {
      const user = await loadForUpdate(m, User, "User", data.id, data.expectedVersion);
      const wasActive = user.active;
      const self = user.id === actor.id;
      const changesAccess = data.role != null || data.municipalityId !== undefined || data.active != null || data.email != null;
      // People may rename themselves; everything else needs the right to manage both the old and the new role.
      if (!(self && !changesAccess)) {
        authorize(actor, "user", "manage", user);
        if (data.role) authorize(actor, "user", "manage", { role: data.role });
      }
      assignDefined(user, {
        name: data.name ?? undefined,
        email: data.email ?? undefined,
        role: data.role ?? undefined,
        municipalityId: data.municipalityId,
        active: data.active ?? undefined,
      });
      if (data.role && data.role !== Role.MEMBER && data.municipalityId === undefined) user.municipalityId = null;
      checkMembership(user.role, user.municipalityId);
      if (user.municipalityId) await ensureAllExist(m, Municipality, "Municipality", [user.municipalityId]);
      // Deactivation signs the user out everywhere; a reactivated user signs in afresh, so
      // nothing from before (also tokens of users deactivated before this rule) comes back.
      if (data.active != null && data.active !== wasActive) await revokeAccess(m, user.id);
      return m.save(user);
    });
  }

  @Mutation(() => User, { description: "Deactivates a user; their authorship stays." })
  archiveUser(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    return inTransaction(ctx, async (m) => {
      const user = await loadForUpdate(m, User, "User", id);
      authorize(actor, "user", "manage", user);
      if (user.id === actor.id) throw forbidden("You cannot archive yourself.");
      user.archivedAt ??= new Date();
      user.active = false;
      await revokeAccess(m, user.id);
      return m.save(user);
    });
  }

  @Mutation(() => NewApiToken, { description: "Creates a personal API token for scripts; the secret is shown once." })
  createApiToken(
    @Arg("name", () => String) name: string,
    @Arg("expiresInDays", () => Int, { defaultValue: 90 }) expiresInDays: number,
    @Ctx() ctx: Context,
  ) {
    const actor = requireActor(ctx.actor);
    const data = parseInput(tokenSchema, { name, expiresInDays });
    const expiresAt = new Date(Date.now() + data.expiresInDays * 86_400_000);
    if (actor.tokenExpiresAt && expiresAt > actor.tokenExpiresAt) {
      throw badInput("A token cannot create a token that outlives it: choose fewer days.", [{ field: "expiresInDays", message: "outlives the token in use" }]);
    }
    return inTransaction(ctx, (m) => issueApiToken(m, actor.id, data.name, expiresAt));
  }

  @Mutation(() => ApiToken)
  revokeApiToken(@Arg("id", () => ID) id: string, @Ctx() ctx: Context) {
    const actor = requireActor(ctx.actor);
    return inTransaction(ctx, async (m) => {
      const token = await m.getRepository(ApiToken).findOne({ where: { id, userId: actor.id } });
      if (!token) throw notFound("API token", id);
      token.revokedAt ??= new Date();
      return m.save(token);
    });
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
    const manage = !!ctx.actor && ctx.actor.id !== user.id && can(ctx.actor, "user", "manage", user);
    return { canManage: manage, canInvite: manage && user.active && !user.archivedAt };
  }

  @FieldResolver(() => String, { description: "Email address; only visible to staff, board and the user." })
  email(@Root() user: User, @Ctx() ctx: Context) {
    return ctx.actor && (ctx.actor.id === user.id || ctx.actor.role !== Role.MEMBER) ? user.email : "";
  }
}
