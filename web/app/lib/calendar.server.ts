/**
 * A new calendar feed address, carried from the action that created it to the settings page
 * that shows it once. The API stores only a hash of the address's token, so this short-lived,
 * HTTP-only cookie of the person's own browser is the only copy; reading it clears it.
 */
import { createCookie } from "@remix-run/node";

const newFeedCookie = createCookie("rb_new_calendar_feed", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 120 });

/** What a feed address looks like; anything else in the cookie is ignored. */
export const FEED_PATH = /^\/kalender\/rbk_[A-Za-z0-9_-]{43}\.ics$/;

function isFeedUrl(value: unknown): value is string {
  if (typeof value !== "string" || value.length > 500) return false;
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && FEED_PATH.test(url.pathname) && !url.search && !url.hash;
  } catch {
    return false;
  }
}

/** The Set-Cookie line that hands the new address to the next page. */
export function keepNewFeedUrl(url: string): Promise<string> {
  return newFeedCookie.serialize(url);
}

/** The address created just before this request, if any, and the headers that forget it. */
export async function takeNewFeedUrl(request: Request): Promise<{ url: string | null; headers: Headers }> {
  const value: unknown = await newFeedCookie.parse(request.headers.get("cookie"));
  const headers = new Headers();
  if (value === null || value === undefined) return { url: null, headers };
  headers.append("Set-Cookie", await newFeedCookie.serialize("", { maxAge: 0 }));
  return { url: isFeedUrl(value) ? value : null, headers };
}
