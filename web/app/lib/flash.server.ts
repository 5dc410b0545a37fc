/** A one-time message shown after a redirect ("Synpunkterna är skickade"). */
import { createCookie, redirect } from "@remix-run/node";

const flashCookie = createCookie("rb_flash", { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 });

export interface Flash {
  kind: "success" | "error" | "info";
  message: string;
}

/** Redirects and shows `message` once on the next page. */
export async function redirectWithFlash(url: string, flash: Flash, headers: Headers = new Headers()): Promise<Response> {
  headers.append("Set-Cookie", await flashCookie.serialize(flash));
  return redirect(url, { headers });
}

/** The message waiting for this request, and the header that clears it. */
export async function readFlash(request: Request): Promise<{ flash: Flash | null; headers: Headers }> {
  const value = (await flashCookie.parse(request.headers.get("cookie"))) as Flash | null;
  const headers = new Headers();
  if (!value) return { flash: null, headers };
  headers.append("Set-Cookie", await flashCookie.serialize("", { maxAge: 0 }));
  const ok = typeof value === "object" && typeof value.message === "string" && ["success", "error", "info"].includes(value.kind);
  return { flash: ok ? { kind: value.kind, message: value.message.slice(0, 500) } : null, headers };
}
