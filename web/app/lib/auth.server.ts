/** Who is signed in, and the redirects and refusals loaders need. */
import { redirect } from "@remix-run/node";
import { graphql, type ResultOf } from "~/graphql/graphql";
import { ApiError, ApiUnavailableError, callApi, query } from "./api.server";

export const MeQuery = graphql(`
  query Me {
    me { id name email role municipality { id name } }
  }
`);

export type CurrentUser = NonNullable<ResultOf<typeof MeQuery>["me"]>;
export type Role = CurrentUser["role"];

/** The signed-in user, or null for an anonymous visitor. */
export async function currentUser(request: Request): Promise<CurrentUser | null> {
  return (await query(request, MeQuery)).me;
}

/** The path to come back to after signing in; only paths on this site. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

export function signInUrl(request: Request): string {
  const url = new URL(request.url);
  return `/logga-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}

/** The signed-in user; anonymous visitors go to the sign-in page and come back. */
export async function requireUser(request: Request, roles?: Role[]): Promise<CurrentUser> {
  const user = await currentUser(request).catch((error) => {
    throw toHttpError(request, error);
  });
  if (!user) throw redirect(signInUrl(request));
  if (roles && !roles.includes(user.role)) throw forbiddenResponse();
  return user;
}

export const notFoundResponse = () => new Response("Sidan finns inte", { status: 404 });
export const forbiddenResponse = () => new Response("Ingen behörighet", { status: 403 });

/**
 * Turns the API's refusals into what the route's error boundary shows: sign-in for
 * UNAUTHENTICATED, 403, 404, 503 when the API cannot be reached. Other errors pass.
 */
export function toHttpError(request: Request, error: unknown): unknown {
  if (error instanceof ApiUnavailableError) return new Response("Tillfälligt otillgänglig", { status: 503 });
  if (!(error instanceof ApiError)) return error;
  switch (error.code) {
    case "UNAUTHENTICATED":
      return redirect(signInUrl(request));
    case "FORBIDDEN":
      return forbiddenResponse();
    case "NOT_FOUND":
      return notFoundResponse();
    case "SERVICE_UNAVAILABLE":
      // The API runs but its database is away (restarting): the same page as an API that is down.
      return new Response("Tillfälligt otillgänglig", { status: 503 });
    case "TOO_MANY_REQUESTS":
      return new Response("För många försök", { status: 429 });
    case "BAD_USER_INPUT":
      return new Response("Felaktig förfrågan", { status: 400 });
    default:
      return error;
  }
}

/** `query` for loaders: the API's refusals become the right page. */
export async function load<Result, Variables>(
  request: Request,
  document: Parameters<typeof query<Result, Variables>>[1],
  variables?: Variables,
): Promise<Result> {
  try {
    return (await callApi(request, document, variables)).data;
  } catch (error) {
    throw toHttpError(request, error);
  }
}
