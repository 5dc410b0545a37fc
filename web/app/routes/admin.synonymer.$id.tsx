import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { formInt, requireAdminUser } from "~/lib/admin.server";
import { load, notFoundResponse } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, formValues } from "~/lib/forms.server";
import { submitPhrases } from "~/lib/thesaurus.server";
import { PHRASES_HINT } from "~/lib/thesaurus-form";
import { FormError, TextArea } from "~/components/form";
import { RouteErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.group.phrases.join(", ") ?? "Synonymgrupp"} – Synonymer – Remissbanken` },
];

const ThesaurusQuery = graphql(`
  query AdminSynonymGroup { thesaurus { id code phrases version } }
`);
const UpdateSynonymGroup = graphql(`
  mutation UpdateSynonymGroup($input: UpdateSynonymGroupInput!) { updateSynonymGroup(input: $input) { id phrases } }
`);
const RemoveSynonymGroup = graphql(`
  mutation RemoveSynonymGroup($id: ID!) { removeSynonymGroup(id: $id) }
`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireAdminUser(request);
  // The thesaurus is a few dozen groups: the page reads them all and picks its own.
  const { thesaurus } = await load(request, ThesaurusQuery, {});
  const group = thesaurus.find((g) => g.id === params.id);
  if (!group) throw notFoundResponse();
  return { group };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireAdminUser(request);
  const id = params.id!;
  const form = await request.formData();
  if (form.get("intent") === "remove") {
    try {
      await callApi(request, RemoveSynonymGroup, { id });
      return redirectWithFlash("/admin/synonymer", { kind: "success", message: "Gruppen är borttagen ur sökningen." });
    } catch (error) {
      return apiProblems(error, formValues(form));
    }
  }
  return submitPhrases(form, "sparad", async (phrases) => {
    const { data } = await callApi(request, UpdateSynonymGroup, { input: { id, expectedVersion: formInt(form.get("expectedVersion")), phrases } });
    return data.updateSynonymGroup.phrases;
  });
}

export default function EditSynonymGroup() {
  const { group } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const p = answer && "problems" in answer ? answer.problems : undefined;
  const removing = p?.values.intent === "remove";
  return (
    <div className="stack">
      <nav className="breadcrumbs" aria-label="Du är här">
        <ol>
          <li><Link to="/admin">Administration</Link></li>
          <li><Link to="/admin/synonymer">Synonymer</Link></li>
          <li aria-current="page">{group.phrases[0]}</li>
        </ol>
      </nav>
      <h1>Ändra synonymgrupp</h1>
      <Form method="post" className="stack card" aria-describedby={p?.formError && !removing ? "form-error" : undefined}>
        <input type="hidden" name="intent" value="update" />
        <input type="hidden" name="expectedVersion" value={group.version} />
        <FormError problems={removing ? undefined : p} />
        <TextArea
          name="phrases" label="Ord och fraser" hint={PHRASES_HINT} problems={removing ? undefined : p}
          defaultValue={group.phrases.join("\n")} rows={Math.max(4, group.phrases.length + 1)} required
        />
        <p className="muted">Kod: <code>{group.code}</code> (ändras inte).</p>
        <div className="actions">
          <button type="submit" disabled={navigation.state === "submitting"}>Spara ändringar</button>
          <Link to="/admin/synonymer">Avbryt</Link>
        </div>
      </Form>
      <section className="card stack danger-zone" aria-labelledby="remove-title">
        <h2 id="remove-title">Ta bort</h2>
        <p className="muted">Sökningen slutar behandla orden som samma sak. Orden själva går fortfarande att söka på.</p>
        <Form method="post">
          <input type="hidden" name="intent" value="remove" />
          <FormError problems={removing ? p : undefined} />
          <button type="submit" className="button-danger">Ta bort gruppen</button>
        </Form>
      </section>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
