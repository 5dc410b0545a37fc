/**
 * The browser's session is the API's own session cookie (decision 009): the web app reads
 * it from the request, sends it to the API and relays the API's Set-Cookie lines on
 * sign-in and sign-out, so the flags are exactly the API's.
 */
export const SESSION_COOKIE = "rb_session";

export function sessionSecret(request: Request): string | null {
  const header = request.headers.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === SESSION_COOKIE) {
      const value = rest.join("=");
      try {
        return decodeURIComponent(value) || null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** The session secret inside the API's Set-Cookie lines, if it set one. */
export function sessionFromSetCookies(lines: string[]): string | null {
  for (const line of lines) {
    const match = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(line);
    if (match?.[1]) return decodeURIComponent(match[1]);
  }
  return null;
}

/** Response headers that pass the API's cookies on to the browser. */
export function relayCookies(lines: string[], headers: Headers = new Headers()): Headers {
  for (const line of lines) headers.append("Set-Cookie", line);
  return headers;
}
