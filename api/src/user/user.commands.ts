import type { DataSource, EntityManager } from "typeorm";
import { ApiToken, Municipality, Role, User } from "@remissbanken/schema";
import type { Context } from "../context.js";
import { authorize, can, type Actor } from "../auth/policy.js";
import { badInput, conflict, forbidden, notFound } from "../common/errors.js";
import { assignDefined, ensureAllExist, loadForUpdate } from "../common/crud.js";
import { byColumn, byId, paginate } from "../common/pagination.js";
import { parseInput } from "../common/validation.js";
import { issueApiToken } from "../auth/tokens.js";
import { revokeAccess } from "../auth/access.js";
import { invitationSender } from "../auth/auth.commands.js";
import {
  apiTokenSchema, createUserSchema, updateUserSchema, type CreateUserInput, type UpdateUserInput, type UsersArgs,
} from "./user.inputs.js";

function checkMembership(role: Role, municipalityId: string | null | undefined): void {
  if (role === Role.MEMBER && !municipalityId) {
    throw badInput("A member user belongs to a municipality: give municipalityId.", [{ field: "municipalityId", message: "required for members" }]);
  }
  if (role !== Role.MEMBER && municipalityId) {
    throw badInput("Only member users belong to a municipality.", [{ field: "municipalityId", message: "only for members" }]);
  }
}

export function listUsers(ds: DataSource, actor: Actor | null, args: UsersArgs) {
  authorize(actor, "user", "list");
  const q = ds.getRepository(User).createQueryBuilder("u").where("u.archived_at IS NULL");
  if (args.role) q.andWhere("u.role = :role", { role: args.role });
  if (args.municipalityId) q.andWhere("u.municipality_id = :mid", { mid: args.municipalityId });
  return paginate(q, [byColumn("u", "name", "name"), byId("u")], args);
}

/** Validates a new user and saves it; the caller's transaction. */
async function newUser(manager: EntityManager, actor: Actor | null, input: CreateUserInput): Promise<{ user: User; actor: Actor }> {
  const data = parseInput(createUserSchema, input);
  authorize(actor, "user", "manage", { role: data.role });
  checkMembership(data.role, data.municipalityId);
  if (data.municipalityId) await ensureAllExist(manager, Municipality, "Municipality", [data.municipalityId]);
  const user = await manager.save(manager.create(User, { ...data, municipalityId: data.municipalityId ?? null, active: true, archivedAt: null }));
  return { user, actor };
}

export async function userCreator(manager: EntityManager, actor: Actor | null, input: CreateUserInput): Promise<User> {
  return (await newUser(manager, actor, input)).user;
}

/** Creates the user and returns the invitation to send once the transaction has committed. */
export async function userInviter(ctx: Context, manager: EntityManager, input: CreateUserInput) {
  const { user, actor } = await newUser(manager, ctx.actor, input);
  return { user, send: await invitationSender(ctx, manager, user, actor) };
}

export async function invitationResender(ctx: Context, manager: EntityManager, actor: Actor, userId: string) {
  const user = await manager.getRepository(User).createQueryBuilder("u").addSelect("u.passwordHash").where("u.id = :id", { id: userId }).getOne();
  if (!user || !can(actor, "user", "read", user)) throw notFound("User", userId);
  authorize(actor, "user", "manage", user);
  if (user.passwordHash) throw conflict("INVALID_TRANSITION", "The user has already set a password; they can reset it themselves.");
  if (!user.active || user.archivedAt) throw conflict("ARCHIVED", "The user is archived.");
  return invitationSender(ctx, manager, user, actor);
}

export async function userUpdater(manager: EntityManager, actor: Actor, input: UpdateUserInput): Promise<User> {
  const data = parseInput(updateUserSchema, input);
  const user = await loadForUpdate(manager, User, "User", data.id, data.expectedVersion);
  const wasActive = user.active;
  const changesAccess = data.role != null || data.municipalityId !== undefined || data.active != null || data.email != null;
  authorize(actor, "user", "update", { user, changesAccess, newRole: data.role ?? null });
  assignDefined(user, {
    name: data.name ?? undefined,
    email: data.email ?? undefined,
    role: data.role ?? undefined,
    municipalityId: data.municipalityId,
    active: data.active ?? undefined,
  });
  if (data.role && data.role !== Role.MEMBER && data.municipalityId === undefined) user.municipalityId = null;
  checkMembership(user.role, user.municipalityId);
  if (user.municipalityId) await ensureAllExist(manager, Municipality, "Municipality", [user.municipalityId]);
  // Deactivation signs the user out everywhere; a reactivated user signs in afresh, so
  // nothing from before (also tokens of users deactivated before this rule) comes back.
  if (data.active != null && data.active !== wasActive) await revokeAccess(manager, user.id);
  return manager.save(user);
}

export async function userArchiver(manager: EntityManager, actor: Actor, id: string): Promise<User> {
  const user = await loadForUpdate(manager, User, "User", id);
  if (!can(actor, "user", "archive", user)) throw forbidden(user.id === actor.id ? "You cannot archive yourself." : undefined);
  user.archivedAt ??= new Date();
  user.active = false;
  await revokeAccess(manager, user.id);
  return manager.save(user);
}

export async function apiTokenCreator(manager: EntityManager, actor: Actor, input: { name: string; expiresInDays: number }) {
  const data = parseInput(apiTokenSchema, input);
  const expiresAt = new Date(Date.now() + data.expiresInDays * 86_400_000);
  if (actor.tokenExpiresAt && expiresAt > actor.tokenExpiresAt) {
    throw badInput("A token cannot create a token that outlives it: choose fewer days.", [{ field: "expiresInDays", message: "outlives the token in use" }]);
  }
  return issueApiToken(manager, actor.id, data.name, expiresAt);
}

export async function apiTokenRevoker(manager: EntityManager, actor: Actor, id: string): Promise<ApiToken> {
  const token = await manager.getRepository(ApiToken).findOne({ where: { id, userId: actor.id } });
  if (!token) throw notFound("API token", id);
  token.revokedAt ??= new Date();
  return manager.save(token);
}
