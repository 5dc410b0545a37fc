/**
 * A response's version history (/remissvar/:id/versioner): every saved version with the
 * workflow's steps between them (sent for decision, returned with the board's comment,
 * decided), the words that changed between any two versions chosen with a plain GET
 * form (?fran=3&till=5; by default the one before the latest and the latest), and an
 * old version restored as a new one. Staff and board only, like the versions themselves.
 */
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { load, notFoundResponse, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/format";
import { isId } from "~/lib/ids";
import { chooseVersions, diffVersions, historyEntries } from "~/lib/response-versions";
import { restoreVersion, VersionsQuery } from "~/lib/response-versions.server";
import { RouteErrorBoundary } from "~/components/route-error";
import { VersionDiff } from "~/components/version-diff";
import styles from "~/styles/versions.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Versioner av ${data.response.title} – Remissbanken` : "Versioner – Remissbanken" },
];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  if (!isId(params.id)) throw notFoundResponse();
  const { response } = await load(request, VersionsQuery, { id: params.id });
  // Members may read a decided response but not its drafts: for them there is no history.
  if (!response || !response.abilities.canReadVersions) throw notFoundResponse();
  const { versions, events } = response;
  const chosen = chooseVersions(versions.map((v) => v.number), new URL(request.url).searchParams);
  const version = (n: number) => versions.find((v) => v.number === n)!;
  return {
    response: {
      id: response.id,
      title: response.title,
      currentVersion: response.currentVersion,
      boardReviewedVersion: response.boardReviewedVersion,
      canEdit: response.abilities.canEdit,
    },
    numbers: versions.map((v) => v.number),
    entries: historyEntries(
      versions.map(({ number, comment, createdAt, author }) => ({ number, comment, createdAt, author })),
      events,
    ),
    compare: chosen && { ...chosen, diffs: diffVersions(version(chosen.from), version(chosen.to)) },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request);
  if (!isId(params.id)) throw notFoundResponse();
  const form = await request.formData();
  const number = Number(form.get("version"));
  if (form.get("intent") !== "restore" || !Number.isInteger(number) || number < 1) throw new Response("Felaktig förfrågan", { status: 400 });
  const back = `/remissvar/${params.id}/versioner`;
  const result = await restoreVersion(request, params.id, number);
  return result.ok
    ? redirectWithFlash(back, { kind: "success", message: `Version ${number} är återställd som version ${result.version}.` })
    : redirectWithFlash(back, { kind: "error", message: result.message });
}

export default function VersionsPage() {
  const { response, numbers, entries, compare } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const restoring = navigation.state === "submitting" ? navigation.formData?.get("version") : null;
  const choices = [...numbers].reverse();
  return (
    <article className="versions" aria-labelledby="versions-title">
      <nav className="breadcrumbs" aria-label="Du är här">
        <ol>
          <li><Link to="/">Start</Link></li>
          <li><Link to={`/remissvar/${response.id}`}>{response.title}</Link></li>
          <li aria-current="page">Versioner</li>
        </ol>
      </nav>
      <h1 id="versions-title">Versioner: {response.title}</h1>
      <p className="muted">
        Senaste version är {response.currentVersion}.{" "}
        {response.boardReviewedVersion
          ? `Styrelsen beslutade senast om version ${response.boardReviewedVersion}.`
          : "Styrelsen har inte beslutat om svaret än."}
      </p>

      <section className="card stack" aria-labelledby="compare-title">
        <h2 id="compare-title">Jämför versioner</h2>
        {!compare || numbers.length < 2 ? (
          <p className="muted">Det finns bara en version än. När svaret har sparats igen kan du jämföra versionerna här.</p>
        ) : (
          <>
            <Form method="get" className="version-compare-form">
              <div className="field">
                <label htmlFor="fran">Från version</label>
                <select id="fran" name="fran" defaultValue={compare.from} key={`f${compare.from}`}>
                  {choices.map((n) => <option key={n} value={n}>Version {n}</option>)}
                </select>
              </div>
              <div className="field">
                <label htmlFor="till">Till version</label>
                <select id="till" name="till" defaultValue={compare.to} key={`t${compare.to}`}>
                  {choices.map((n) => <option key={n} value={n}>Version {n}</option>)}
                </select>
              </div>
              <button type="submit" className="button">Jämför</button>
            </Form>
            <div aria-live="polite" className="stack">
              <p>
                <strong>Ändringar från version {compare.from} till version {compare.to}.</strong>{" "}
                <span className="muted">Tillagd text är understruken, borttagen text är överstruken.</span>
              </p>
              <VersionDiff diffs={compare.diffs} />
            </div>
          </>
        )}
      </section>

      <section className="stack" aria-labelledby="history-title">
        <h2 id="history-title">Historik</h2>
        <ol className="version-history">
          {entries.map((entry) =>
            entry.type === "event" ? (
              <li key={`e${entry.at}${entry.event.kind}`} className="version-event">
                <p><strong>{entry.text}</strong></p>
                <p className="muted">{formatDateTime(entry.at)}</p>
              </li>
            ) : (
              <li key={`v${entry.version.number}`}>
                <p>
                  <strong>Version {entry.version.number}</strong>
                  {entry.version.number === response.currentVersion && <> <span className="badge">Senaste</span></>}
                </p>
                <p className="muted">{entry.version.author?.name ?? "Okänd"}, {formatDateTime(entry.at)}</p>
                {entry.version.comment && <p>{entry.version.comment}</p>}
                <div className="actions">
                  {entry.version.number > 1 && (
                    <Link to={`?fran=${entry.version.number - 1}&till=${entry.version.number}`} className="button-link">
                      Visa ändringarna i version {entry.version.number}
                    </Link>
                  )}
                  {response.canEdit && entry.version.number !== response.currentVersion && (
                    <Form method="post">
                      <input type="hidden" name="version" value={entry.version.number} />
                      <button type="submit" name="intent" value="restore" className="button button-secondary button-small" disabled={restoring === String(entry.version.number)}>
                        Återställ version {entry.version.number} som ny version
                      </button>
                    </Form>
                  )}
                </div>
              </li>
            ),
          )}
        </ol>
      </section>
    </article>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
