/**
 * The pages behind emailed links (invitation, password reset, sign-in link). The link's
 * token is read from the address only when the person submits the page's form: mail
 * scanners open links, and opening must never spend one.
 */
import { data, type HeadersFunction } from "@remix-run/node";
import { z } from "zod";
import { ApiError, type ApiResult } from "./api.server";
import { redirectWithFlash } from "./flash.server";
import { apiProblems, parseForm, problems } from "./forms.server";
import { NewPasswordForm } from "./passwords";
import { relayCookies } from "./session.server";

/**
 * Never send the address (with its token) to another site, and never keep the page in a
 * cache. Not "no-referrer": under it browsers send "Origin: null" with the page's own
 * forms, which the same-origin check (ours and Remix's) must refuse, and the pages would
 * not work without JavaScript. "same-origin" sends nothing to other sites either.
 */
export const linkPageHeaders: HeadersFunction = () => ({
  "Referrer-Policy": "same-origin",
  "Cache-Control": "no-store",
});

/** The token of the link this request came from, or null when it cannot be one (the API checks the rest). */
export function linkToken(request: Request): string | null {
  const token = new URL(request.url).searchParams.get("token");
  if (!token || token.length > 200 || !token.startsWith("rbl_")) return null;
  return token;
}

/** The page's answer when the API refused the link itself. */
export const invalidLinkAnswer = () => data({ invalidLink: true as const }, { status: 400 });

export function isInvalidLink(error: unknown): boolean {
  return error instanceof ApiError && error.reason === "INVALID_LINK";
}

/**
 * The action of the invitation and reset pages: a new password typed twice, sent with the
 * link's token; the API signs the person in and its cookie is relayed to the browser.
 */
export async function passwordFromLinkAction(
  request: Request,
  send: (token: string, password: string) => Promise<ApiResult<unknown>>,
  welcome: string,
) {
  const form = await request.formData();
  const parsed = parseForm(form, NewPasswordForm);
  // Typed passwords never come back to the page.
  if (!parsed.ok) return problems({ ...parsed.problems, values: {} });
  const token = linkToken(request);
  if (!token) return invalidLinkAnswer();
  try {
    const result = await send(token, parsed.value.password);
    return redirectWithFlash("/", { kind: "success", message: welcome }, relayCookies(result.setCookies));
  } catch (error) {
    if (isInvalidLink(error)) return invalidLinkAnswer();
    return apiProblems(error, {}, { password: "password" });
  }
}

const EmailForm = z.object({
  email: z.string().trim().min(1, "Skriv din e-postadress.").email("Skriv en giltig e-postadress, till exempel namn@kommun.se."),
});

/**
 * Asking for a link by email. The API answers the same whether or not the address has an
 * account, and so does this page.
 */
export async function requestLinkAction(request: Request, send: (email: string) => Promise<unknown>) {
  const form = await request.formData();
  const parsed = parseForm(form, EmailForm);
  if (!parsed.ok) return problems(parsed.problems);
  try {
    await send(parsed.value.email);
    return { sentTo: parsed.value.email };
  } catch (error) {
    return apiProblems(error, { email: parsed.value.email });
  }
}

/** The loader of every link page: whether the address holds a token at all. Opening spends nothing. */
export async function linkPageLoader({ request }: { request: Request }) {
  return { tokenPresent: linkToken(request) !== null };
}
