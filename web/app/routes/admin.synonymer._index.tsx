import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { graphql } from "~/graphql/graphql";
import { callApi } from "~/lib/api.server";
import { requireAdminUser } from "~/lib/admin.server";
import { load } from "~/lib/auth.server";
import { submitPhrases } from "~/lib/thesaurus.server";
import { PHRASES_HINT } from "~/lib/thesaurus-form";
import { FormError, TextArea } from "~/components/form";
import { RouteErrorBoundary } from "~/components/route-error";

export const meta: MetaFunction = () => [{ title: "Synonymer – Administration – Remissbanken" }];

const ThesaurusQuery = graphql(`
  query AdminThesaurus { thesaurus { id code phrases } }
`);
const AddSynonymGroup = graphql(`
  mutation AddSynonymGroup($input: AddSynonymGroupInput!) { addSynonymGroup(input: $input) { id phrases } }
`);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdminUser(request);
  return load(request, ThesaurusQuery, {});
}

export async function action({ request }: ActionFunctionArgs) {
  await requireAdminUser(request);
  return submitPhrases(await request.formData(), "tillagd", async (phrases) => {
    const { data } = await callApi(request, AddSynonymGroup, { input: { phrases } });
    return data.addSynonymGroup.phrases;
  });
}

export default function Thesaurus() {
  const { thesaurus } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const p = answer && "problems" in answer ? answer.problems : undefined;
  return (
    <div className="stack">
      <h1>Synonymer</h1>
      <p>
        Sökningen behandlar orden i en grupp som samma sak: den som söker på <strong>SCB</strong> hittar också texter
        som skriver <strong>Statistiska centralbyrån</strong>, och tvärtom. Böjningar räknas med (”äldreomsorgen” hör
        till ”äldreomsorg”). En ändring gäller i sökningen inom några sekunder.
      </p>
      <section className="card stack" aria-labelledby="add-title">
        <h2 id="add-title">Lägg till en grupp</h2>
        <Form method="post" className="stack" aria-describedby={p?.formError ? "form-error" : undefined}>
          <FormError problems={p} />
          <TextArea name="phrases" label="Ord och fraser" hint={PHRASES_HINT} problems={p} rows={4} required />
          <div className="actions">
            <button type="submit" disabled={navigation.state === "submitting"}>Lägg till</button>
          </div>
        </Form>
      </section>
      <section className="stack" aria-labelledby="groups-title">
        <h2 id="groups-title">Grupper ({thesaurus.length})</h2>
        {thesaurus.length === 0 ? (
          <p className="muted">Inga synonymer ännu. Sökningen hittar bara de ord som skrivs.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Synonymgrupper i sökningen</caption>
              <thead>
                <tr>
                  <th scope="col">Ord och fraser</th>
                  <th scope="col"><span className="visually-hidden">Åtgärder</span></th>
                </tr>
              </thead>
              <tbody>
                {thesaurus.map((group) => (
                  <tr key={group.id}>
                    <td>
                      <ul className="synonym-phrases">
                        {group.phrases.map((phrase) => <li key={phrase}>{phrase}</li>)}
                      </ul>
                    </td>
                    <td>
                      <Link to={`/admin/synonymer/${group.id}`}>
                        Ändra<span className="visually-hidden"> {group.phrases.join(", ")}</span>
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
