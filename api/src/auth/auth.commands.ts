import type { EntityManager } from "typeorm";
import { z } from "zod";
import { OneTimeToken, OneTimeTokenPurpose, Role, User } from "@remissbanken/schema";
import type { AuthServices, Context } from "../context.js";
import { badInput, DomainError } from "../common/errors.js";
import { parseInput, v } from "../common/validation.js";
import { inTransaction } from "../common/transaction.js";
import { setAuditActor } from "../audit/audit-scope.js";
import { writeAuditRow } from "../audit/audit.subscriber.js";
import { hashPassword, passwordSchema, PASSWORD_MAX_LENGTH, verifyAgainstDummy, verifyPassword } from "./passwords.js";
import { endAllSessions, endSession, startSession } from "./sessions.js";
import { revokeAccess } from "./access.js";
import { clearFailures, throttledCheck } from "./throttle.js";
import { consumeLink, issueLink, linkUrl } from "./one-time-links.js";
import { invitationMail, passwordResetMail, signInLinkMail } from "./auth.emails.js";
import { requireActor, type Actor } from "./policy.js";

/** A person asking for a link again within this time gets no new email (no mail bombing). */
const RESEND_INTERVAL_MS = 60_000;

const invalidCredentials = () => new DomainError("UNAUTHENTICATED", "INVALID_CREDENTIALS", "Wrong email or password.");
const invalidLink = () =>
  new DomainError("BAD_USER_INPUT", "INVALID_LINK", "The link is invalid, has expired or has already been used. Ask for a new one.");

export function requireAuthServices(ctx: Context): AuthServices {
  if (!ctx.auth) throw new Error("Authentication needs the HTTP server's services.");
  return ctx.auth;
}

const signInSchema = z.object({ email: v.email, password: z.string().min(1, "must not be empty").max(PASSWORD_MAX_LENGTH) });
const emailSchema = z.object({ email: v.email });
const linkSchema = z.object({ token: z.string().min(1).max(200), password: passwordSchema });

function findByEmail(manager: EntityManager, email: string): Promise<(User & { passwordHash: string | null }) | null> {
  return manager.getRepository(User).createQueryBuilder("u").addSelect("u.passwordHash").where("u.email = :email", { email }).getOne();
}

const isActive = (user: User) => user.active && !user.archivedAt;

/** Starts a session for the user and sets the cookie, replacing any session this browser had. */
async function signInAs(ctx: Context, manager: EntityManager, user: User): Promise<User> {
  const auth = requireAuthServices(ctx);
  setAuditActor(user.id);
  if (ctx.http.sessionSecret) await endSession(manager, ctx.http.sessionSecret);
  const session = await startSession(manager, user.id, auth.session);
  ctx.http.setSessionCookie(session);
  return user;
}

/**
 * Email and password sign-in. Unknown emails, wrong passwords and inactive
 * accounts get the same error after the same work, so the answer does not tell
 * whether an account exists; repeated failures are slowed, then locked.
 */
export async function passwordSignIn(ctx: Context, input: { email: string; password: string }): Promise<User> {
  const auth = requireAuthServices(ctx);
  const data = parseInput(signInSchema, input);
  const user = await throttledCheck(ctx.ds, data.email, ctx.http.ip, auth.throttle, async () => {
    const found = await findByEmail(ctx.ds.manager, data.email);
    const passwordMatches = found?.passwordHash ? await verifyPassword(found.passwordHash, data.password) : await verifyAgainstDummy(data.password);
    return passwordMatches && found && isActive(found) ? found : null;
  });
  if (!user) throw invalidCredentials();
  return inTransaction(ctx, (m) => signInAs(ctx, m, user));
}

/** Ends this browser's session and clears the cookie. */
export async function signOut(ctx: Context): Promise<boolean> {
  const secret = ctx.http.sessionSecret;
  ctx.http.clearSessionCookie();
  if (secret) await inTransaction(ctx, (m) => endSession(m, secret));
  return true;
}

/** Ends every session of the signed-in user, in all browsers. API tokens stay. */
export async function signOutEverywhere(ctx: Context, actor: Actor): Promise<boolean> {
  ctx.http.clearSessionCookie();
  await inTransaction(ctx, (m) => endAllSessions(m, actor.id));
  return true;
}

async function setPassword(manager: EntityManager, userId: string, password: string, how: "changed" | "set from invitation" | "reset"): Promise<void> {
  await manager.update(User, userId, { passwordHash: await hashPassword(password) });
  // A reset is how an owner takes back a compromised account: no session or API token an intruder
  // may hold survives it. A change proves the current password, so only the other sessions end.
  if (how === "reset") await revokeAccess(manager, userId);
  else await endAllSessions(manager, userId);
  // Never the hash itself; only that it changed, and how.
  await writeAuditRow(manager, { entityType: User.name, entityId: userId, before: null, after: { password: how } });
}

/** Changes the signed-in user's password; ends their other sessions. */
export async function passwordChanger(ctx: Context, input: { currentPassword: string; newPassword: string }): Promise<boolean> {
  const actor = requireActor(ctx.actor);
  const auth = requireAuthServices(ctx);
  const data = parseInput(z.object({ currentPassword: z.string().max(PASSWORD_MAX_LENGTH), newPassword: passwordSchema }), input);
  const user = await ctx.ds.getRepository(User).createQueryBuilder("u").addSelect("u.passwordHash").where("u.id = :id", { id: actor.id }).getOneOrFail();
  const ok = await throttledCheck(ctx.ds, user.email, ctx.http.ip, auth.throttle, async () =>
    user.passwordHash && (await verifyPassword(user.passwordHash, data.currentPassword)) ? true : null,
  );
  if (!ok) throw badInput("The current password is wrong.", [{ field: "currentPassword", message: "wrong password" }], "INVALID_CREDENTIALS");
  await inTransaction(ctx, async (m) => {
    await setPassword(m, user.id, data.newPassword, "changed");
    if (ctx.http.sessionSecret) await signInAs(ctx, m, user);
  });
  return true;
}

async function recentlyIssued(manager: EntityManager, userId: string, purpose: OneTimeTokenPurpose): Promise<boolean> {
  const count = await manager
    .getRepository(OneTimeToken)
    .createQueryBuilder("t")
    .where("t.user_id = :userId AND t.purpose = :purpose AND t.created_at > :since", { userId, purpose, since: new Date(Date.now() - RESEND_INTERVAL_MS) })
    .getCount();
  return count > 0;
}

/**
 * Issues a link and emails it in the background, so that neither the answer nor
 * its timing tells an anonymous caller whether the email belongs to anyone.
 */
async function emailLinkQuietly(
  ctx: Context,
  email: string,
  purpose: OneTimeTokenPurpose,
  eligible: (user: User) => boolean,
  mail: (user: User, url: string) => ReturnType<typeof passwordResetMail>,
): Promise<boolean> {
  const auth = requireAuthServices(ctx);
  const user = await findByEmail(ctx.ds.manager, email);
  if (!user || !isActive(user) || !eligible(user)) return true;
  const secret = await inTransaction(ctx, async (m) => {
    if (await recentlyIssued(m, user.id, purpose)) return null;
    return issueLink(m, user.id, purpose);
  });
  if (secret) {
    const log = ctx.log;
    void auth.mailer.send(mail(user, linkUrl(auth.publicUrl, purpose, secret))).catch((err: unknown) => log.error({ err, purpose }, "could not send mail"));
  }
  return true;
}

export async function passwordResetRequester(ctx: Context, email: string): Promise<boolean> {
  const data = parseInput(emailSchema, { email });
  return emailLinkQuietly(ctx, data.email, OneTimeTokenPurpose.PASSWORD_RESET, () => true, (user, url) => passwordResetMail(user.email, user.name, url));
}

/** Members open the system a few times a year; an emailed link spares them a password. */
export async function signInLinkRequester(ctx: Context, email: string): Promise<boolean> {
  const data = parseInput(emailSchema, { email });
  return emailLinkQuietly(
    ctx,
    data.email,
    OneTimeTokenPurpose.SIGN_IN_LINK,
    (user) => user.role === Role.MEMBER,
    (user, url) => signInLinkMail(user.email, user.name, url),
  );
}

/** Uses up a link and returns its active user, or refuses the link. */
async function userOfLink(manager: EntityManager, token: string, purpose: OneTimeTokenPurpose): Promise<User> {
  const userId = await consumeLink(manager, token, purpose);
  const user = userId ? await manager.getRepository(User).findOne({ where: { id: userId } }) : null;
  if (!user || !isActive(user)) throw invalidLink();
  return user;
}

/**
 * Sets a new password from a reset or invitation link, and signs the person in. A
 * reset also revokes the user's API tokens and ends all their sessions.
 */
export async function passwordFromLink(ctx: Context, purpose: OneTimeTokenPurpose, input: { token: string; password: string }): Promise<User> {
  const data = parseInput(linkSchema, input);
  const user = await inTransaction(ctx, async (m) => {
    const linked = await userOfLink(m, data.token, purpose);
    await setPassword(m, linked.id, data.password, purpose === OneTimeTokenPurpose.INVITATION ? "set from invitation" : "reset");
    return signInAs(ctx, m, linked);
  });
  // The owner has proven control of the mailbox; earlier failures no longer count.
  await clearFailures(ctx.ds, user.email);
  return user;
}

export function linkSignIn(ctx: Context, token: string): Promise<User> {
  const data = parseInput(z.object({ token: z.string().min(1).max(200) }), { token });
  return inTransaction(ctx, async (m) => signInAs(ctx, m, await userOfLink(m, data.token, OneTimeTokenPurpose.SIGN_IN_LINK)));
}

/** Emails an invitation link to a user who has no password yet. */
export async function invitationSender(ctx: Context, manager: EntityManager, user: User, inviter: Actor): Promise<() => Promise<void>> {
  const auth = requireAuthServices(ctx);
  const secret = await issueLink(manager, user.id, OneTimeTokenPurpose.INVITATION, inviter.id);
  const mail = invitationMail(user.email, user.name, inviter.name, linkUrl(auth.publicUrl, OneTimeTokenPurpose.INVITATION, secret));
  // Sent after commit by the caller, so the link works when it arrives.
  return () => auth.mailer.send(mail);
}
