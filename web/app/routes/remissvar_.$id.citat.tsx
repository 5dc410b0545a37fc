/**
 * The editor panel's search with JavaScript (`/remissvar/:id/citat?citat=…&citattyp=…`):
 * the passages to quote as JSON. Without JavaScript the editor's own form searches.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { notFoundResponse, requireUser } from "~/lib/auth.server";
import { searchQuotes } from "~/lib/editor-panel.server";
import { isId } from "~/lib/ids";
import { quoteSearchFrom } from "~/lib/quote-search";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  if (!isId(params.id)) throw notFoundResponse();
  const url = new URL(request.url);
  const search = await searchQuotes(request, quoteSearchFrom((name) => url.searchParams.get(name)), params.id);
  // What a search finds depends on who asks: never kept by a shared cache.
  return data(search, { headers: { "Cache-Control": "private, no-store" } });
}
