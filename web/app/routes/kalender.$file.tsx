/**
 * GET /kalender/<token>.ics: the calendar feed under the address people open (PUBLIC_URL),
 * passed on from the API, which builds it (decision: the API owns who may read what; the web
 * app only relays). Calendars send no cookie: the token in the address is the credential.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { webEnv } from "~/lib/env.server";

const FILE = /^rbk_[A-Za-z0-9_-]{43}\.ics$/;
/** The API's headers that describe the feed; nothing else of its answer is passed on. */
const RELAYED = ["content-type", "content-disposition", "cache-control", "etag", "referrer-policy", "x-robots-tag"];

const plain = (status: number, text: string) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const file = params.file ?? "";
  // The same answer as the API's for an unknown address, without asking it.
  if (!FILE.test(file)) return plain(404, "Not found");
  const ifNoneMatch = request.headers.get("if-none-match");
  try {
    const answer = await fetch(new URL(`/kalender/${file}`, webEnv().apiUrl), {
      headers: ifNoneMatch ? { "if-none-match": ifNoneMatch } : {},
      signal: AbortSignal.timeout(15_000),
      redirect: "manual",
    });
    if (![200, 304, 404].includes(answer.status)) return plain(503, "Kalendern kan inte visas just nu.");
    const headers = new Headers();
    for (const name of RELAYED) {
      const value = answer.headers.get(name);
      if (value) headers.set(name, value);
    }
    return new Response(answer.status === 304 ? null : await answer.text(), { status: answer.status, headers });
  } catch {
    return plain(503, "Kalendern kan inte visas just nu.");
  }
}
