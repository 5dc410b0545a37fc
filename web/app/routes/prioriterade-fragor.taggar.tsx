/**
 * /prioriterade-fragor/taggar?utredning=<id> or ?remiss=<id>: which priority areas an inquiry or
 * a remiss touches, chosen by staff. A remiss is tagged through its document (the report it is on),
 * as the API counts it. A page of its own so the inquiry and remiss pages only link to it.
 */
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { forbiddenResponse, load, notFoundResponse, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, formValues } from "~/lib/forms.server";
import { ADMIN_ROLES } from "~/lib/admin.server";
import { FormError } from "~/components/form";
import { PriorityAreaChoice, tickedAreas } from "~/components/priority-area-choice";
import { RouteErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Prioriterade frågor för ${data?.target.name ?? "…"} – Remissbanken` }];

const InquiryTags = graphql(`
  query InquiryTags($id: ID!) {
    inquiry(id: $id) { id name version archivedAt abilities { canEdit } priorityAreas { id } }
    priorityAreas(first: 100) { nodes { id name year } }
  }
`);
const RemissTags = graphql(`
  query RemissTags($id: ID!) {
    remiss(id: $id) {
      id archivedAt abilities { canEdit }
      document { id title designation version priorityAreas { id } }
    }
    priorityAreas(first: 100) { nodes { id name year } }
  }
`);
const TagInquiry = graphql(`
  mutation TagInquiry($input: UpdateInquiryInput!) { updateInquiry(input: $input) { id } }
`);
const TagDocument = graphql(`
  mutation TagDocument($input: UpdateDocumentInput!) { updateDocument(input: $input) { id } }
`);

interface Target {
  kind: "inquiry" | "remiss";
  /** The inquiry's or the remiss's id: where the page came from and goes back to. */
  id: string;
  name: string;
  /** The row the tags are stored on, and its version: the inquiry, or the remiss's document. */
  taggedId: string;
  version: number;
  backTo: string;
  selected: string[];
}

async function loadTarget(request: Request) {
  await requireUser(request, ADMIN_ROLES);
  const url = new URL(request.url);
  const inquiryId = url.searchParams.get("utredning");
  const remissId = url.searchParams.get("remiss");
  if (inquiryId) {
    const { inquiry, priorityAreas } = await load(request, InquiryTags, { id: inquiryId });
    if (!inquiry || inquiry.archivedAt) throw notFoundResponse();
    if (!inquiry.abilities.canEdit) throw forbiddenResponse();
    const target: Target = {
      kind: "inquiry", id: inquiry.id, name: inquiry.name, taggedId: inquiry.id, version: inquiry.version,
      backTo: `/utredningar/${inquiry.id}`, selected: inquiry.priorityAreas.map((a) => a.id),
    };
    return { target, areas: priorityAreas.nodes };
  }
  if (remissId) {
    const { remiss, priorityAreas } = await load(request, RemissTags, { id: remissId });
    if (!remiss || remiss.archivedAt) throw notFoundResponse();
    if (!remiss.abilities.canEdit) throw forbiddenResponse();
    const { document } = remiss;
    const target: Target = {
      kind: "remiss", id: remiss.id, name: document.designation ? `${document.title} (${document.designation})` : document.title,
      taggedId: document.id, version: document.version, backTo: `/remisser/${remiss.id}`, selected: document.priorityAreas.map((a) => a.id),
    };
    return { target, areas: priorityAreas.nodes };
  }
  throw notFoundResponse();
}

export async function loader({ request }: LoaderFunctionArgs) {
  return loadTarget(request);
}

export async function action({ request }: ActionFunctionArgs) {
  const { target } = await loadTarget(request);
  const form = await request.formData();
  const priorityAreaIds = form.getAll("priorityAreaIds").filter((v): v is string => typeof v === "string" && v !== "");
  const expectedVersion = Number(form.get("expectedVersion"));
  const input = { id: target.taggedId, expectedVersion: Number.isInteger(expectedVersion) ? expectedVersion : null, priorityAreaIds };
  try {
    if (target.kind === "inquiry") await callApi(request, TagInquiry, { input });
    else await callApi(request, TagDocument, { input });
    return redirectWithFlash(target.backTo, { kind: "success", message: "De prioriterade frågorna är sparade." });
  } catch (error) {
    return apiProblems(error, { ...formValues(form), priorityAreaIds: priorityAreaIds.join(",") });
  }
}

export default function PriorityAreaTags() {
  const { target, areas } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const p = answer?.problems;
  const ticked = tickedAreas(p?.values, target.selected);
  return (
    <div className="stack narrow">
      <nav className="breadcrumbs" aria-label="Du är här">
        <ol>
          <li><Link to={target.kind === "inquiry" ? "/utredningar" : "/remisser"}>{target.kind === "inquiry" ? "Utredningar" : "Remisser"}</Link></li>
          <li><Link to={target.backTo}>{target.name}</Link></li>
          <li aria-current="page">Prioriterade frågor</li>
        </ol>
      </nav>
      <h1>Prioriterade frågor för {target.name}</h1>
      <p className="muted">
        Välj de prioriterade frågor som {target.kind === "inquiry" ? "utredningen" : "remissen"} berör. I årsrapporten för frågans år
        räknas {target.kind === "inquiry" ? "utredningen om den pågår det året, och remissvar och synpunkter på den" : "remissvar och synpunkter på remissen"} som
        skickas det året.
        {target.kind === "remiss" && " Valet gäller betänkandet som remissen avser."}
      </p>
      <Form method="post" className="stack card" aria-describedby={p?.formError ? "form-error" : undefined}>
        <input type="hidden" name="expectedVersion" value={target.version} />
        <FormError problems={p} />
        {areas.length === 0 ? (
          <p>Det finns inga prioriterade frågor än. <Link to="/admin/prioriterade-fragor">Lägg upp årets frågor.</Link></p>
        ) : (
          <PriorityAreaChoice areas={areas} ticked={ticked} />
        )}
        <div className="actions">
          <button type="submit" disabled={navigation.state === "submitting"}>Spara</button>
          <Link to={target.backTo}>Avbryt</Link>
        </div>
      </Form>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
