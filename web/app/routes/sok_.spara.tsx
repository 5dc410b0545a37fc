/**
 * Saves the search the search page shows (its words and filters in this route's address).
 * Success goes back to the search with a message; a name that needs fixing comes back on
 * this route's own page with what was typed, so it works without JavaScript.
 */
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, parseForm, problems } from "~/lib/forms.server";
import { isSearch, searchArguments, searchHref, searchStateFromUrl } from "~/lib/search";
import { RouteErrorBoundary } from "~/components/route-error";
import { SaveSearchForm } from "~/components/save-search";
import styles from "~/styles/watch.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "Spara sökning – Remissbanken" }];
export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const SaveSearch = graphql(`
  mutation SaveSearch($input: SaveSearchInput!) { saveSearch(input: $input) { id name } }
`);

const SaveForm = z.object({
  name: z.string().trim().min(1, "Ge sökningen ett namn.").max(200, "Namnet får ha högst 200 tecken."),
  frequency: z.enum(["DAILY", "WEEKLY", "NEVER"], { message: "Välj hur ofta du vill få e-post." }),
});

/** The form on a page of its own, for the search in the address. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const state = searchStateFromUrl(new URL(request.url));
  if (!isSearch(state)) throw redirect("/sok");
  return { state };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const form = await request.formData();
  const state = searchStateFromUrl(new URL(request.url));
  const { query, filter: filters } = searchArguments(state);
  if (!isSearch(state)) {
    return problems({ formError: "Sök först, och spara sedan sökningen.", fieldErrors: {}, values: {} });
  }
  const parsed = parseForm(form, SaveForm);
  if (!parsed.ok) return problems(parsed.problems);
  try {
    const { data } = await callApi(request, SaveSearch, { input: { name: parsed.value.name, frequency: parsed.value.frequency, query, filters } });
    const often = { DAILY: "varje morgon", WEEKLY: "på måndagar", NEVER: "" }[parsed.value.frequency];
    return redirectWithFlash(searchHref(state), {
      kind: "success",
      message: often
        ? `Sökningen ”${data.saveSearch.name}” är sparad. Du får e-post ${often} när den hittar något nytt.`
        : `Sökningen ”${data.saveSearch.name}” är sparad.`,
    });
  } catch (error) {
    return apiProblems(error, { name: parsed.value.name, frequency: parsed.value.frequency }, { "filters.statuses": "name", "filters.kinds": "name", "filters.priorityAreaIds": "name" });
  }
}

export default function SaveSearchPage() {
  const { state } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <div className="stack narrow">
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li><Link to={searchHref(state)}>Sök</Link></li>
          <li aria-current="page">Spara sökning</li>
        </ol>
      </nav>
      <h1>Spara sökning</h1>
      <p>
        Sökningen: {state.q ? <strong>”{state.q}”</strong> : "inga sökord"}
        {Object.values(state.filters).some((values) => values.length) ? ", med filter" : ""}.
      </p>
      <SaveSearchForm state={state} problems={answer && "problems" in answer ? answer.problems : null} />
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
