import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql, type ResultOf } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { load, notFoundResponse } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, formValues } from "~/lib/forms.server";
import { formatDate, todayInStockholm } from "~/lib/format";
import { label } from "~/lib/labels";
import { isSmakom } from "~/lib/remiss-form";
import { saveSummary, saveTracking } from "~/lib/remiss-tracking.server";
import { StaffOptionsQuery, staffOptions } from "~/lib/remiss-staff.server";
import { createMemberInput, editMemberInput, withdrawMemberInput } from "~/lib/member-input.server";
import { FormError } from "~/components/form";
import { RouteErrorBoundary } from "~/components/route-error";
import { PriorityAreaFacts } from "~/components/priority-area-facts";
import { RemissStatusBadge } from "~/components/remiss";
import { Deadline, SAME_AS_DEADLINE } from "~/components/start/deadline";
import { documentTitle } from "~/components/start/document-title";
import { TrackingForms, SummaryForm, type AnswerData } from "~/components/remiss-tracking";
import { MemberInputArea, SubmittedInputs } from "~/components/member-input";
import { PublishedResponses } from "~/components/published-responses";
import styles from "~/styles/remiss.css?url";
import importStyles from "~/styles/imports.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }, { rel: "stylesheet", href: importStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${documentTitle(data.remiss.document)} – Remiss – Remissbanken` : "Remiss – Remissbanken" },
];

const RemissPageQuery = graphql(`
  query RemissPage($id: ID!) {
    me { id role name municipality { id name } }
    remiss(id: $id) {
      id version diarienummer ministry deadline memberInputDeadline status notes referralBodies smakomIsReferralBody
      sourceUrl archivedAt
      owner { id name }
      document { id designation title inquiry { id name } priorityAreas { id name year } }
      abilities { canEdit canReadNotes canCreateResponse canWriteMemberInput }
      memberInputSummary { text publishedAt }
      inputRequest { id intro publishedAt questions { id text } }
      memberInputs {
        id text status submittedAt updatedAt version
        answers { questionId text }
        municipality { id name }
        author { id name }
        abilities { canEdit canSubmit canWithdraw }
      }
      responses { id title status kind }
      publishedResponses { id organisation url }
    }
    municipalities(first: 100) { nodes { id name } }
  }
`);

export type RemissPageData = ResultOf<typeof RemissPageQuery>;
export type RemissData = NonNullable<RemissPageData["remiss"]>;

const RemissTitle = graphql(`
  query RemissTitle($id: ID!) {
    remiss(id: $id) { id document { designation title } }
  }
`);

const StartResponse = graphql(`
  mutation StartResponse($input: CreateResponseInput!) {
    createResponse(input: $input) { id }
  }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const data = await load(request, RemissPageQuery, { id: params.id! });
  if (!data.remiss || !data.me) throw notFoundResponse();
  const staff = data.remiss.abilities.canEdit ? staffOptions(await load(request, StaffOptionsQuery)) : [];
  return { me: data.me, remiss: data.remiss, municipalities: data.municipalities.nodes.map((m) => m.name), staff, today: todayInStockholm() };
}

const SAVED: Record<string, string> = {
  status: "Statusen är sparad.",
  owner: "Ansvarig är sparad.",
  memberDeadline: "Sista dag för medlemmarnas synpunkter är sparad.",
  notes: "Anteckningarna är sparade.",
};

export async function action({ request, params }: ActionFunctionArgs) {
  const id = params.id!;
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  // Only forms rendered after hydration carry it: they stay on the page and want data back.
  const inPlace = form.get("_inPlace") === "1";
  const here = `/remisser/${id}`;
  switch (intent) {
    case "status":
    case "owner":
    case "memberDeadline":
    case "notes": {
      const answer = await saveTracking(request, id, intent, form);
      if ("saved" in answer.data && !inPlace) return redirectWithFlash(`${here}#bevakning`, { kind: "success", message: SAVED[intent] });
      return answer;
    }
    case "summary": {
      const answer = await saveSummary(request, id, form);
      if ("saved" in answer.data && !inPlace) {
        const message = form.get("publish") === "1" ? "Sammanställningen är publicerad för medlemmarna." : "Sammanställningen är sparad.";
        return redirectWithFlash(`${here}#synpunkter`, { kind: "success", message });
      }
      return answer;
    }
    case "startResponse":
      return startResponse(request, id, form);
    case "createInput":
      return createMemberInput(request, id, form);
    case "editInput":
      return editMemberInput(request, id, form);
    case "withdrawInput":
      return withdrawMemberInput(request, id, form);
    default:
      throw new Response("Okänt formulär", { status: 400 });
  }
}

async function startResponse(request: Request, id: string, form: FormData) {
  try {
    const remiss = (await callApi(request, RemissTitle, { id })).data.remiss;
    if (!remiss) throw notFoundResponse();
    const created = await callApi(request, StartResponse, {
      input: { remissId: id, kind: "RESPONSE", title: `Remissvar: ${documentTitle(remiss.document)}` },
    });
    return redirectWithFlash(`/remissvar/${created.data.createResponse.id}/redigera`, { kind: "success", message: "Remissvaret är påbörjat. Skriv sammanfattningen och avsnitten." });
  } catch (error) {
    if (error instanceof Response) throw error;
    return apiProblems(error, formValues(form));
  }
}

/** A referral body that is a member municipality: "Forshaga kommun" for Forshaga. */
function memberMunicipality(body: string, municipalities: string[]): string | null {
  const text = body.toLowerCase().replace(/s? kommun$/, "").trim();
  return municipalities.find((name) => name.toLowerCase() === text) ?? null;
}

function ReferralBodies({ remiss, municipalities }: { remiss: RemissData; municipalities: string[] }) {
  const smakomListed = remiss.smakomIsReferralBody || remiss.referralBodies.some(isSmakom);
  const members = remiss.referralBodies.map((b) => memberMunicipality(b, municipalities)).filter((m): m is string => m !== null);
  return (
    <section aria-labelledby="instanser-title" className="card">
      <h2 id="instanser-title">Remissinstanser</h2>
      <p>
        {smakomListed ? "SmåKom är remissinstans." : "SmåKom står inte bland remissinstanserna men kan svara ändå."}{" "}
        {members.length > 0
          ? `Medlemskommuner bland remissinstanserna: ${members.join(", ")}.`
          : "Ingen medlemskommun står bland remissinstanserna."}
      </p>
      {remiss.referralBodies.length === 0 ? (
        <p className="muted">Remissinstanserna är inte inlagda.</p>
      ) : (
        <ul className="referral-bodies">
          {remiss.referralBodies.map((body) => (
            <li key={body}>
              {body}
              {isSmakom(body) && <span className="badge badge-ok">SmåKom</span>}
              {memberMunicipality(body, municipalities) && <span className="badge">Medlemskommun</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Responses({ remiss }: { remiss: RemissData }) {
  const navigation = useNavigation();
  const answer = useActionData<typeof action>();
  const p = answer && "problems" in answer && answer.problems.values.intent === "startResponse" ? answer.problems : null;
  const starting = navigation.state !== "idle" && navigation.formData?.get("intent") === "startResponse";
  return (
    <section aria-labelledby="remissvar-title" className="card">
      <h2 id="remissvar-title">Remissvar</h2>
      <FormError problems={p} />
      {remiss.responses.length > 0 ? (
        <ul>
          {remiss.responses.map((r) => (
            <li key={r.id}>
              <Link to={`/remissvar/${r.id}`}>{r.title}</Link> <span className="badge">{label("responseStatus", r.status)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">SmåKom har inte påbörjat något remissvar.</p>
      )}
      {remiss.responses.length === 0 && remiss.abilities.canCreateResponse && (
        <Form method="post">
          <input type="hidden" name="intent" value="startResponse" />
          <button type="submit" disabled={starting}>{starting ? "Påbörjar…" : "Påbörja remissvar"}</button>
        </Form>
      )}
    </section>
  );
}

export default function RemissPage() {
  const { me, remiss, municipalities, staff, today } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>() as AnswerData | undefined;
  const isMember = me.role === "MEMBER";
  const memberDeadline = remiss.memberInputDeadline ?? remiss.deadline;
  const asked = remiss.inputRequest?.publishedAt ? remiss.inputRequest : null;
  const { document } = remiss;
  return (
    <>
      <nav aria-label="Brödsmulor" className="breadcrumbs">
        <ol>
          <li><Link to="/remisser">Remisser</Link></li>
          <li aria-current="page">{document.designation ?? "Remiss"}</li>
        </ol>
      </nav>
      <div className="page-head">
        <h1>Remiss: {documentTitle(document)}</h1>
        <RemissStatusBadge status={remiss.status} />
      </div>
      {remiss.archivedAt && <p className="notice">Remissen är arkiverad.</p>}

      <div className="remiss-sections">
        <section aria-labelledby="fakta-title" className="card">
          <h2 id="fakta-title">Om remissen</h2>
          <dl className="facts">
            <dt>Betänkande</dt>
            <dd><Link to={`/dokument/${document.id}`}>{documentTitle(document)}</Link></dd>
            <dt>Utredning</dt>
            <dd>{document.inquiry ? <Link to={`/utredningar/${document.inquiry.id}`}>{document.inquiry.name}</Link> : <span className="muted">Ingen angiven</span>}</dd>
            <dt>Departement</dt>
            <dd>{remiss.ministry}</dd>
            <dt>Diarienummer</dt>
            <dd>{remiss.diarienummer ?? <span className="muted">Inget angivet</span>}</dd>
            <dt>Sista svarsdag</dt>
            <dd><Deadline date={remiss.deadline} today={today} /></dd>
            <dt>Medlemmarnas sista dag</dt>
            <dd>
              <Deadline date={remiss.memberInputDeadline} today={today} missing={SAME_AS_DEADLINE} />
            </dd>
            <dt>Status</dt>
            <dd>{label("remissStatus", remiss.status)}</dd>
            <dt>Ansvarig</dt>
            <dd>{remiss.owner?.name ?? <span className="muted">Ingen ansvarig ännu</span>}</dd>
            {remiss.sourceUrl && (
              <>
                <dt>Källa</dt>
                <dd><a href={remiss.sourceUrl} rel="noreferrer">Remissen hos regeringen</a></dd>
              </>
            )}
            <PriorityAreaFacts areas={remiss.document.priorityAreas} editHref={remiss.abilities.canEdit ? `/prioriterade-fragor/taggar?remiss=${remiss.id}` : undefined} />
          </dl>
        </section>

        {remiss.abilities.canEdit ? (
          <TrackingForms remiss={remiss} staff={staff} answer={answer} />
        ) : (
          remiss.abilities.canReadNotes && (
            <section aria-labelledby="anteckningar-title" className="card">
              <h2 id="anteckningar-title">Anteckningar</h2>
              {remiss.notes ? <p className="summary-text">{remiss.notes}</p> : <p className="muted">Inga anteckningar.</p>}
            </section>
          )
        )}

        <ReferralBodies remiss={remiss} municipalities={municipalities} />
        <Responses remiss={remiss} />
        <PublishedResponses responses={remiss.publishedResponses} imported={Boolean(remiss.sourceUrl)} />

        <section aria-labelledby="synpunkter-title" id="synpunkter" className="card">
          <h2 id="synpunkter-title">Synpunkter från medlemmarna</h2>
          {isMember ? (
            <MemberInputArea remiss={remiss} asked={asked} me={me} memberDeadline={memberDeadline} today={today} answer={answer} />
          ) : (
            <>
              <p>Sista dag för medlemmarnas synpunkter: <Deadline date={memberDeadline} today={today} /></p>
              <InputRequestStatus remiss={remiss} />
              <SubmittedInputs inputs={remiss.memberInputs} />
              {remiss.abilities.canEdit ? (
                <SummaryForm remiss={remiss} answer={answer} />
              ) : (
                <SummaryView summary={remiss.memberInputSummary} forStaffOrBoard />
              )}
            </>
          )}
          {isMember && <SummaryView summary={remiss.memberInputSummary} />}
        </section>
      </div>
    </>
  );
}

/** Staff's questions to the members, for staff and board: where to write them and where the answers are. */
function InputRequestStatus({ remiss }: { remiss: RemissData }) {
  const request = remiss.inputRequest;
  const canAsk = remiss.abilities.canEdit && !remiss.archivedAt;
  return (
    <section aria-labelledby="fragor-title" className="input-request-status">
      <h3 id="fragor-title">Frågor till medlemmarna</h3>
      {!request ? (
        <p className="muted">Inga frågor är ställda. Medlemmarna skriver sina synpunkter som fritext.</p>
      ) : request.publishedAt ? (
        <p>
          {request.questions.length === 1 ? "En fråga" : `${request.questions.length} frågor`} ställdes till medlemskommunerna{" "}
          {formatDate(request.publishedAt)}.
        </p>
      ) : (
        <p>Frågorna är sparade men inte skickade till medlemmarna ännu.</p>
      )}
      <p className="actions">
        {request?.publishedAt && <Link to={`/remisser/${remiss.id}/fragor/svar`} className="button button-small">Svar per fråga</Link>}
        {canAsk && (
          <Link to={`/remisser/${remiss.id}/fragor`} className="button button-secondary button-small">
            {!request ? "Ställ frågor till medlemmarna" : request.publishedAt ? "Ändra frågorna" : "Ändra och skicka frågorna"}
          </Link>
        )}
      </p>
    </section>
  );
}

function SummaryView({ summary, forStaffOrBoard = false }: { summary: RemissData["memberInputSummary"]; forStaffOrBoard?: boolean }) {
  if (!summary) return forStaffOrBoard ? <p className="muted">Kansliet har inte skrivit någon sammanställning ännu.</p> : null;
  return (
    <section aria-labelledby="sammanstallning-title">
      <h3 id="sammanstallning-title">Kansliets sammanställning</h3>
      <p className="muted">
        {summary.publishedAt ? `Publicerad ${formatDate(summary.publishedAt)}.` : "Utkast – visas inte för medlemmarna ännu."}
      </p>
      <p className="summary-text">{summary.text}</p>
    </section>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
