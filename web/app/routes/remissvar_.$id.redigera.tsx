/**
 * Editing a remissvar (/remissvar/:id/redigera): letter fields, Sammanfattning and the
 * answer section by section. Each save is a new version made from the version loaded
 * (baseVersion); when someone else saved in between, the API refuses and the page shows
 * their version beside the user's text and lets the user choose, so nothing is silently
 * overwritten. Works without JavaScript: adding and removing sections are submit buttons.
 * With JavaScript the form also saves by itself (useAutosave, /remissvar/:id/autosparning).
 */
import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { load, notFoundResponse, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { formatDateTime } from "~/lib/format";
import { isId } from "~/lib/ids";
import { options } from "~/lib/labels";
import { draftFromSaved, emptySection, readDraft, type ResponseDraft } from "~/lib/response-editor";
import { attemptSave, type Conflict } from "~/lib/response-save.server";
import { useAutosave } from "~/lib/use-autosave";
import { remissMemberInputs, quoteIntent, searchQuotes } from "~/lib/editor-panel.server";
import { quoteSearchFrom, type QuoteSearch } from "~/lib/quote-search";
import { EditorPanel } from "~/components/editor-panel";
import { SectionQuotes, useSectionQuotes } from "~/components/editor-quotes";
import { restoreVersion } from "~/lib/response-versions.server";
import { SelectField, TextArea, TextField } from "~/components/form";
import { EditorStatus, RestoreOfferView } from "~/components/editor-status";
import { RouteErrorBoundary } from "~/components/route-error";
import { SectionsFromReport } from "~/components/report-outline";
import { withReportSections } from "~/lib/report-outline";
import { reportHeadings } from "~/lib/report-outline.server";
import styles from "~/styles/editor.css?url";
import panelStyles from "~/styles/editor-panel.css?url";
import archiveStyles from "~/styles/archive.css?url";
import autosaveStyles from "~/styles/autosave.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles }, { rel: "stylesheet", href: panelStyles }, { rel: "stylesheet", href: archiveStyles },
  { rel: "stylesheet", href: autosaveStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Redigera ${data.response.title} – Remissbanken` : "Redigera remissvar – Remissbanken" },
];

export const headers: HeadersFunction = () => ({ "Cache-Control": "private, no-store" });

const EditorQuery = graphql(`
  query ResponseEditor($id: ID!) {
    response(id: $id) {
      id
      title
      status
      currentVersion
      signatory
      presenter
      letterDate
      summary
      sections { number heading stance body quotes { sourceType sourceId label text } }
      abilities { canEdit canReadVersions }
      versions { number comment createdAt author { name } sections { heading } }
    }
  }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  if (!isId(params.id)) throw notFoundResponse();
  const { response } = await load(request, EditorQuery, { id: params.id });
  // Those who may not edit see no editor at all, as if it did not exist.
  if (!response || !response.abilities.canEdit) throw notFoundResponse();
  const url = new URL(request.url);
  const [memberInputs, quoteSearch, reportHeadingList] = await Promise.all([
    remissMemberInputs(request, response.id),
    searchQuotes(request, quoteSearchFrom((name) => url.searchParams.get(name)), response.id),
    reportHeadings(request, params.id),
  ]);
  return { response, memberInputs, quoteSearch, reportHeadings: reportHeadingList };
}

interface EditorAnswer {
  draft: ResponseDraft;
  baseVersion: number;
  formError?: string;
  fieldErrors: Record<string, string>;
  conflict?: Conflict;
  /** The panel's search, answered with the draft when its buttons submit the form (without JavaScript). */
  quoteSearch?: QuoteSearch | null;
  /** Changes on every answer so the form shows the draft returned, not what the browser kept. */
  revision: string;
}

/** The editor form's id: the panel beside it submits with it (see components/editor-panel). */
const EDITOR_FORM = "response-editor";

function answer(draft: ResponseDraft, baseVersion: number, rest: Partial<EditorAnswer> = {}, status = 200) {
  const body: EditorAnswer = { draft, baseVersion, fieldErrors: {}, revision: crypto.randomUUID(), ...rest };
  return data(body, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request);
  if (!isId(params.id)) throw notFoundResponse();
  const id = params.id;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "save");
  const draft = readDraft(form);
  const baseVersion = Number(form.get("baseVersion"));
  if (!Number.isInteger(baseVersion) || baseVersion < 1) throw new Response("Felaktig förfrågan", { status: 400 });

  const panel = await quoteIntent(request, id, intent, form, draft);
  if (panel) return answer(panel.draft, baseVersion, { quoteSearch: panel.quoteSearch });

  if (intent === "add-section") {
    return answer({ ...draft, sections: [...draft.sections, emptySection()] }, baseVersion);
  }
  if (intent === "sections-from-report") {
    const sections = withReportSections(draft.sections, await reportHeadings(request, id), form.getAll("reportSection"));
    return answer({ ...draft, sections }, baseVersion);
  }
  const removed = /^remove-section:(\d{1,3})$/.exec(intent);
  if (removed) {
    const index = Number(removed[1]);
    return answer({ ...draft, sections: draft.sections.filter((_, i) => i !== index) }, baseVersion);
  }

  if (intent === "restore") {
    const number = Number(form.get("version"));
    if (!Number.isInteger(number) || number < 1) throw new Response("Felaktig förfrågan", { status: 400 });
    const result = await restoreVersion(request, id, number);
    return result.ok
      ? redirectWithFlash(`/remissvar/${id}`, { kind: "success", message: `Version ${number} är återställd som version ${result.version}.` })
      : redirectWithFlash(`/remissvar/${id}/redigera`, { kind: "error", message: result.message });
  }

  // "Behåll min text" saves over the version the user has now seen in the conflict view.
  const from = intent === "keep-mine" ? Number(form.get("theirVersion")) : baseVersion;
  if (!Number.isInteger(from) || from < 1) throw new Response("Felaktig förfrågan", { status: 400 });
  return save(request, id, draft, from);
}

async function save(request: Request, id: string, draft: ResponseDraft, baseVersion: number) {
  const attempt = await attemptSave(request, id, draft, baseVersion);
  if (attempt.kind === "refused") {
    const { status, kind: _kind, ...refusal } = attempt;
    return answer(draft, baseVersion, refusal, status);
  }
  return redirectWithFlash(`/remissvar/${id}`, { kind: "success", message: `Version ${attempt.version} är sparad.` });
}

export default function EditResponsePage() {
  const { response, memberInputs, quoteSearch, reportHeadings } = useLoaderData<typeof loader>();
  const answered = useActionData<typeof action>() as EditorAnswer | undefined;
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const autosave = useAutosave<Conflict>({ responseId: response.id, enabled: response.status !== "APPROVED", answered });
  const draft = autosave.restored?.draft ?? answered?.draft ?? draftFromSaved(response);
  const baseVersion = autosave.baseVersion ?? answered?.baseVersion ?? response.currentVersion;
  const errors = autosave.fieldErrors ?? answered?.fieldErrors ?? {};
  const conflict = autosave.conflict ?? answered?.conflict;
  const problems = { fieldErrors: errors, values: {} };
  const stances = [{ value: "", label: "Inget valt" }, ...options("responseStance")];
  const formKey = `${response.currentVersion}-${answered?.revision ?? ""}-${autosave.restored?.revision ?? ""}`;
  const quotes = useSectionQuotes(formKey, draft);

  return (
    <article className="editor" aria-labelledby="editor-title">
      <nav className="breadcrumbs" aria-label="Du är här">
        <ol>
          <li><Link to="/">Start</Link></li>
          <li><Link to={`/remissvar/${response.id}`}>{response.title}</Link></li>
          <li aria-current="page">Redigera</li>
        </ol>
      </nav>
      <h1 id="editor-title">Redigera: {response.title}</h1>
      <p className="muted">
        Du utgår från version {baseVersion}. Varje gång du sparar blir det en ny version.
      </p>
      {response.status === "APPROVED" && (
        <p className="editor-notice" role="note">
          Version {response.currentVersion} är beslutad av styrelsen och låst. Sparar du en ändring upphävs beslutet och svaret blir ett utkast som måste beslutas på nytt.
        </p>
      )}

      <div className="layout-two">
        <Form method="post" id={EDITOR_FORM} className="editor-form stack" key={formKey} ref={autosave.formRef} aria-labelledby="editor-title" noValidate>
          {/* Enter in a field saves, rather than pressing the first remove button. */}
          <button type="submit" name="intent" value="save" className="editor-default-submit" hidden tabIndex={-1}>Spara</button>
          <input type="hidden" name="baseVersion" value={baseVersion} />

          {answered?.formError && (
            <div className="form-error" role="alert" id="form-error">
              <p className="form-error-title">{answered.formError}</p>
              {Object.values(errors).some((message) => message !== answered.formError) && (
                <ul>{Object.entries(errors).map(([name, message]) => <li key={name}>{message}</li>)}</ul>
              )}
            </div>
          )}
          {conflict && <ConflictView conflict={conflict} responseId={response.id} onUseTheirs={autosave.abandon} />}
          {autosave.offer && <RestoreOfferView offer={autosave.offer} onRestore={autosave.restore} onDiscard={autosave.discard} />}

          <fieldset className="editor-letter">
            <legend>Brevet</legend>
            <div className="editor-row">
              <TextField name="signatory" label="Undertecknas av" hint="Till exempel Anna Andersson, ordförande" defaultValue={draft.signatory} problems={problems} />
              <TextField name="presenter" label="Föredragande" defaultValue={draft.presenter} problems={problems} />
              <TextField name="letterDate" label="Datum på svaret" type="date" hint="ÅÅÅÅ-MM-DD" defaultValue={draft.letterDate} problems={problems} />
            </div>
            <TextArea name="summary" label="Sammanfattning" rows={5} defaultValue={draft.summary} problems={problems} />
          </fieldset>

          <section aria-labelledby="sections-title" className="stack">
            <h2 id="sections-title">Avsnitt</h2>
            {draft.sections.length === 0 && <p className="muted">Inga avsnitt än. Lägg till ett avsnitt för varje del av betänkandet ni svarar på.</p>}
            {draft.sections.map((section, i) => (
              <fieldset key={i} className="editor-section card">
                <legend>Avsnitt {i + 1}</legend>
                <div className="editor-row">
                  <TextField name={`sections.${i}.number`} label="Avsnittsnummer" hint="Som i betänkandet, t.ex. 5.3" defaultValue={section.number} problems={problems} className="editor-number" />
                  <TextField name={`sections.${i}.heading`} label="Rubrik" defaultValue={section.heading} problems={problems} />
                  <SelectField name={`sections.${i}.stance`} label="Ställningstagande" options={stances} defaultValue={section.stance} problems={problems} />
                </div>
                <TextArea name={`sections.${i}.body`} label="Text" rows={8} defaultValue={section.body} problems={problems} />
                <SectionQuotes section={i} quotes={quotes.quotes[i] ?? []} onRemove={(j) => quotes.remove(i, j)} />
                <div className="actions">
                  <button type="submit" name="intent" value={`remove-section:${i}`} className="button button-secondary button-small">
                    Ta bort avsnitt {i + 1}
                  </button>
                </div>
              </fieldset>
            ))}
            <div className="actions">
              <button type="submit" name="intent" value="add-section" className="button button-secondary">Lägg till avsnitt</button>
            </div>
            <SectionsFromReport headings={reportHeadings} sections={draft.sections} />
          </section>

          <TextField name="comment" label="Vad ändrades?" hint="Syns i versionshistoriken" defaultValue={draft.comment} problems={problems} />
          <div className="editor-save-bar">
            <div className="actions">
              <button type="submit" name="intent" value="save" className="button" disabled={busy}>
                {busy ? "Sparar…" : "Spara"}
              </button>
              <Link to={`/remissvar/${response.id}`} className="button button-secondary">Avbryt</Link>
            </div>
            <EditorStatus status={autosave.status} />
          </div>
        </Form>

        <div className="editor-side stack">
          <EditorPanel
            responseId={response.id}
            formId={EDITOR_FORM}
            sections={draft.sections}
            memberInputs={memberInputs}
            search={answered?.quoteSearch !== undefined ? answered.quoteSearch : quoteSearch}
            onInsert={quotes.add}
          />
          {response.abilities.canReadVersions && <History response={response} />}
        </div>
      </div>
    </article>
  );
}

function ConflictView({ conflict, responseId, onUseTheirs }: { conflict: Conflict; responseId: string; onUseTheirs?: () => void }) {
  return (
    <section className="editor-conflict card" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">Någon annan har sparat under tiden</h2>
      <p>
        {conflict.author ?? "Någon"} sparade version {conflict.version} {formatDateTime(conflict.savedAt)}
        {conflict.comment ? ` (”${conflict.comment}”)` : ""}. Din text är inte sparad. Jämför och välj.
      </p>
      <input type="hidden" name="theirVersion" value={conflict.version} />
      {conflict.differences.length === 0 ? (
        <p>Texterna är lika.</p>
      ) : (
        <div className="table-wrap">
          <table className="editor-compare">
            <caption className="visually-hidden">Deras version och din text</caption>
            <thead>
              <tr>
                <th scope="col">Fält</th>
                <th scope="col">Deras version ({conflict.version})</th>
                <th scope="col">Din text</th>
              </tr>
            </thead>
            <tbody>
              {conflict.differences.map((d) => (
                <tr key={d.label}>
                  <th scope="row">{d.label}</th>
                  <td className="editor-compare-text">{d.theirs || "(tomt)"}</td>
                  <td className="editor-compare-text">{d.mine || "(tomt)"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="actions">
        <button type="submit" name="intent" value="keep-mine" className="button">Behåll min text</button>
        <Link to={`/remissvar/${responseId}/redigera`} reloadDocument onClick={onUseTheirs} className="button button-secondary">Använd deras version</Link>
      </div>
    </section>
  );
}

type Loaded = ReturnType<typeof useLoaderData<typeof loader>>["response"];

function History({ response }: { response: Loaded }) {
  const versions = [...response.versions].reverse();
  return (
    <aside className="editor-history" aria-labelledby="history-title">
      <h2 id="history-title">Versioner</h2>
      <p><Link to={`/remissvar/${response.id}/versioner`}>Versionshistorik och jämförelse</Link></p>
      {versions.length === 0 ? (
        <p className="muted">Inga sparade versioner.</p>
      ) : (
        <ol className="editor-versions" reversed>
          {versions.map((v) => (
            <li key={v.number}>
              <p className="editor-version-head">
                <strong>Version {v.number}</strong>
                {v.number === response.currentVersion && <span className="badge">Senaste</span>}
              </p>
              <p className="muted">{v.author?.name ?? "Okänd"}, {formatDateTime(v.createdAt)}</p>
              {v.comment && <p>{v.comment}</p>}
              {v.number !== response.currentVersion && v.sections.length > 0 && (
                <Form method="post">
                  <input type="hidden" name="baseVersion" value={response.currentVersion} />
                  <input type="hidden" name="version" value={v.number} />
                  <button type="submit" name="intent" value="restore" className="button button-secondary button-small">
                    Återställ version {v.number}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
