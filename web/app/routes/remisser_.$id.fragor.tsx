/**
 * Staff write the questions they ask the member municipalities about a remiss, and send
 * them. The last day to answer is the remiss's member deadline, set on the remiss page.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { load, notFoundResponse, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, formValues, problems } from "~/lib/forms.server";
import { formatDate, todayInStockholm } from "~/lib/format";
import { isId } from "~/lib/ids";
import { questionField, questionIdField, questionRows, readQuestionsForm } from "~/lib/input-request";
import { FormError, TextArea, type FormProblemsView } from "~/components/form";
import { SaveOrSendButtons } from "~/components/member-input";
import { RouteErrorBoundary } from "~/components/route-error";
import { Deadline } from "~/components/start/deadline";
import { documentTitle } from "~/components/start/document-title";
import styles from "~/styles/input-request.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Frågor till medlemmarna – ${documentTitle(data.remiss.document)} – Remissbanken` : "Frågor till medlemmarna – Remissbanken" },
];

const QuestionsPage = graphql(`
  query InputRequestQuestions($id: ID!) {
    remiss(id: $id) {
      id deadline memberInputDeadline archivedAt
      document { designation title }
      inputRequest { id version intro publishedAt questions { id text } abilities { canEdit canPublish } }
    }
  }
`);

const SaveQuestions = graphql(`
  mutation SaveInputRequest($input: SaveInputRequestInput!) {
    saveInputRequest(input: $input) { id publishedAt }
  }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, ["STAFF", "ADMIN"]);
  if (!isId(params.id)) throw notFoundResponse();
  const { remiss } = await load(request, QuestionsPage, { id: params.id });
  if (!remiss) throw notFoundResponse();
  return { remiss, today: todayInStockholm() };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireUser(request, ["STAFF", "ADMIN"]);
  if (!isId(params.id)) throw notFoundResponse();
  const form = await request.formData();
  const values = formValues(form);
  const parsed = readQuestionsForm(values);
  if (!parsed.ok) return problems({ formError: parsed.formError, fieldErrors: parsed.fieldErrors, values });
  const publish = values.publish === "1";
  const expectedVersion = values.expectedVersion ? Number(values.expectedVersion) : null;
  try {
    await callApi(request, SaveQuestions, {
      input: { remissId: params.id, expectedVersion, intro: parsed.value.intro, questions: parsed.value.questions, publish },
    });
  } catch (error) {
    return apiProblems(error, values, { intro: "intro", questions: "form" });
  }
  if (publish) {
    return redirectWithFlash(`/remisser/${params.id}`, {
      kind: "success",
      message: "Frågorna är skickade till medlemskommunerna. De får ett mejl och svarar på remissens sida.",
    });
  }
  return redirectWithFlash(`/remisser/${params.id}/fragor`, { kind: "success", message: "Frågorna är sparade." });
}

export default function QuestionsRoute() {
  const { remiss, today } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const problems: FormProblemsView | null = answer && "problems" in answer ? answer.problems : null;
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && !!navigation.formAction?.endsWith("/fragor");
  const request = remiss.inputRequest;
  const published = !!request?.publishedAt;
  const canEdit = request ? request.abilities.canEdit : !remiss.archivedAt;
  const memberDeadline = remiss.memberInputDeadline ?? remiss.deadline;
  const saved = request?.questions ?? [];
  // After a refused save the rows come back as typed, including any the user added.
  const typedRows = problems ? Object.keys(problems.values).filter((k) => k.startsWith("fraga.") && problems.values[k].trim()).length : 0;
  const rows = questionRows(Math.max(saved.length, typedRows));
  return (
    <>
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li><Link to="/remisser">Remisser</Link></li>
          <li><Link to={`/remisser/${remiss.id}`}>{remiss.document.designation ?? "Remiss"}</Link></li>
          <li aria-current="page">Frågor till medlemmarna</li>
        </ol>
      </nav>
      <h1>Frågor till medlemmarna: {documentTitle(remiss.document)}</h1>
      <section aria-labelledby="om-fragorna" className="card narrow">
        <h2 id="om-fragorna">Om frågorna</h2>
        <p>
          Sista dag för medlemmarna att svara är remissens sista dag för synpunkter:{" "}
          <Deadline date={memberDeadline} today={today} />. Ändra den på <Link to={`/remisser/${remiss.id}#bevakning`}>remissens sida</Link>.
        </p>
        <p>
          {published
            ? `Frågorna skickades till medlemskommunerna ${formatDate(request!.publishedAt)}. Ändringar syns direkt för dem; svar som redan är skrivna följer med frågan när du formulerar om den.`
            : "Medlemmarna ser frågorna först när du skickar dem. De får då ett mejl med frågorna och en länk till remissen, där de svarar."}
        </p>
        {published && <p><Link to={`/remisser/${remiss.id}/fragor/svar`}>Se svaren per fråga</Link></p>}
      </section>

      {!canEdit ? (
        <p className="notice" role="note">
          {remiss.archivedAt ? "Remissen är arkiverad." : "Sista dagen för medlemmarnas synpunkter har passerat."} Frågorna kan inte längre ändras.
        </p>
      ) : (
        // Keyed by the saved version: after a save the rows are built anew from what the API
        // stored (empty rows dropped, the rest moved up), never left showing what was typed where.
        <Form key={request?.version ?? "new"} method="post" className="card stack narrow" aria-describedby={problems?.formError ? "form-error" : undefined}>
          <h2>{request ? "Frågorna" : "Nya frågor"}</h2>
          {request && <input type="hidden" name="expectedVersion" value={request.version} />}
          <FormError problems={problems} />
          <TextArea
            name="intro" label="Inledning (valfri)" rows={3} defaultValue={request?.intro ?? ""} problems={problems}
            hint="Några rader till medlemmarna före frågorna, till exempel vad SmåKom särskilt vill veta."
          />
          <fieldset className="stack">
            <legend>Frågor (högst 10, varje högst 500 tecken)</legend>
            <p className="muted">Lämna en rad tom om du inte behöver den. Töm en rad för att ta bort frågan; en fråga som redan har svar kan bara formuleras om.</p>
            <ol className="input-questions">
              {Array.from({ length: rows }, (_, row) => (
                <li key={row}>
                  <input type="hidden" name={questionIdField(row)} value={problems?.values[questionIdField(row)] ?? saved[row]?.id ?? ""} />
                  <TextArea name={questionField(row)} label={`Fråga ${row + 1}`} rows={2} maxLength={500} defaultValue={saved[row]?.text ?? ""} problems={problems} />
                </li>
              ))}
            </ol>
          </fieldset>
          <SaveOrSendButtons name="publish" sent={published} busy={busy} sendLabel="Skicka frågorna till medlemmarna" savedLabel="Spara frågorna" />
        </Form>
      )}
    </>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
