import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { OneTimeTokenPurpose, User } from "@remissbanken/schema";
import { actAs, type Context } from "../context.js";
import { toActor } from "./tokens.js";
import { authorize } from "./policy.js";
import {
  linkSignIn, passwordChanger, passwordFromLink, passwordResetRequester, passwordSignIn, signInLinkRequester, signOut, signOutEverywhere,
} from "./auth.commands.js";

/**
 * Open to anonymous callers under the policy's "authentication" rule, except
 * where a signed-in account is needed. Sign-in for the web app: each mutation that signs someone in sets the
 * HTTP-only session cookie; scripts use personal API tokens instead.
 */
@Resolver()
export class AuthResolver {
  private async signedIn(ctx: Context, signingIn: Promise<User>): Promise<User> {
    const user = await signingIn;
    actAs(ctx, toActor(user));
    return user;
  }

  @Mutation(() => User, { description: "Signs in with email and password and sets the session cookie." })
  signIn(@Arg("email", () => String) email: string, @Arg("password", () => String) password: string, @Ctx() ctx: Context) {
    return this.signedIn(ctx, passwordSignIn(ctx, { email, password }));
  }

  @Mutation(() => Boolean, { description: "Ends this browser's session." })
  signOut(@Ctx() ctx: Context) {
    return signOut(ctx);
  }

  @Mutation(() => Boolean, { description: "Ends all your sessions in every browser; API tokens stay valid." })
  signOutEverywhere(@Ctx() ctx: Context) {
    authorize(ctx.actor, "account", "manageOwn");
    return signOutEverywhere(ctx, ctx.actor);
  }

  @Mutation(() => Boolean, { description: "Changes your password and ends your other sessions." })
  changePassword(
    @Arg("currentPassword", () => String) currentPassword: string,
    @Arg("newPassword", () => String) newPassword: string,
    @Ctx() ctx: Context,
  ) {
    authorize(ctx.actor, "account", "manageOwn");
    return passwordChanger(ctx, { currentPassword, newPassword });
  }

  @Mutation(() => Boolean, { description: "Emails a password reset link (valid 1 hour) if the address has an account. Always true." })
  requestPasswordReset(@Arg("email", () => String) email: string, @Ctx() ctx: Context) {
    return passwordResetRequester(ctx, email);
  }

  @Mutation(() => User, { description: "Sets a new password with a reset link's token and signs in." })
  resetPassword(@Arg("token", () => String) token: string, @Arg("password", () => String) password: string, @Ctx() ctx: Context) {
    return this.signedIn(ctx, passwordFromLink(ctx, OneTimeTokenPurpose.PASSWORD_RESET, { token, password }));
  }

  @Mutation(() => User, { description: "Sets the first password with an invitation link's token and signs in." })
  acceptInvitation(@Arg("token", () => String) token: string, @Arg("password", () => String) password: string, @Ctx() ctx: Context) {
    return this.signedIn(ctx, passwordFromLink(ctx, OneTimeTokenPurpose.INVITATION, { token, password }));
  }

  @Mutation(() => Boolean, { description: "Emails a member a one-time sign-in link (valid 15 minutes) if the address has a member account. Always true." })
  requestSignInLink(@Arg("email", () => String) email: string, @Ctx() ctx: Context) {
    return signInLinkRequester(ctx, email);
  }

  @Mutation(() => User, { description: "Signs in with a one-time link's token." })
  signInWithLink(@Arg("token", () => String) token: string, @Ctx() ctx: Context) {
    return this.signedIn(ctx, linkSignIn(ctx, token));
  }
}
