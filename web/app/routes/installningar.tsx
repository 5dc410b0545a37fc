import type { ActionFunctionArgs, HeadersFunction, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { graphql } from "~/graphql/graphql";
import { ApiError, callApi } from "~/lib/api.server";
import { load, requireUser } from "~/lib/auth.server";
import { redirectWithFlash } from "~/lib/flash.server";
import { apiProblems, parseForm, problems } from "~/lib/forms.server";
import { formatDate, formatDateTime } from "~/lib/format";
import { label } from "~/lib/labels";
import { newPasswordFields } from "~/lib/passwords";
import { relayCookies, SESSION_COOKIE } from "~/lib/session.server";
import { NewPasswordFields } from "~/components/account";
import { FormError, SelectField, TextField } from "~/components/form";
import { RouteErrorBoundary } from "~/components/route-error";
import { digestAreaOptions, EmailSettingsSection } from "~/components/settings-email";
import { CalendarSettings } from "~/components/settings-calendar";
import { SettingsWatches } from "~/components/settings-watches";
import styles from "~/styles/admin.css?url";
import emailStyles from "~/styles/settings-email.css?url";
import calendarStyles from "~/styles/calendar.css?url";
import watchStyles from "~/styles/watch.css?url";

export const meta: MetaFunction = () => [{ title: "Inställningar – Remissbanken" }];
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles }, { rel: "stylesheet", href: emailStyles }, { rel: "stylesheet", href: calendarStyles },
  { rel: "stylesheet", href: watchStyles },
];
// A new API key's secret and the calendar feed address are on this page: no cache may keep it.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

const SettingsQuery = graphql(`
  query Settings {
    me {
      id name email role municipality { name }
      notificationSettings { kind enabled }
      digestPriorityAreas { id }
      calendarFeedUrl calendarFeed { createdAt lastUsedAt }
    }
    myApiTokens { id name createdAt expiresAt lastUsedAt revokedAt }
    priorityAreas(first: 100) { nodes { id name year archivedAt } }
    mySavedSearches { id name query frequency lastNotifiedAt filters { types kinds years departments priorityAreaIds statuses } }
    myFollows { id createdAt lastNotifiedAt inquiry { id name archivedAt } }
  }
`);

const ChangePassword = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);
const SignOutEverywhere = graphql(`mutation SignOutEverywhere { signOutEverywhere }`);
const CreateApiToken = graphql(`
  mutation CreateApiToken($name: String!, $expiresInDays: Int!) {
    createApiToken(name: $name, expiresInDays: $expiresInDays) { secret token { id name expiresAt } }
  }
`);
const RevokeApiToken = graphql(`
  mutation RevokeApiToken($id: ID!) { revokeApiToken(id: $id) { id name } }
`);

const ChangePasswordForm = z
  .object({ currentPassword: z.string().min(1, "Skriv ditt nuvarande lösenord."), ...newPasswordFields })
  .refine((f) => f.password === f.confirm, { path: ["confirm"], message: "Lösenorden är inte likadana. Skriv samma lösenord två gånger." });

const TOKEN_LIFETIMES = [
  { value: "30", label: "30 dagar" },
  { value: "90", label: "90 dagar" },
  { value: "180", label: "180 dagar" },
  { value: "365", label: "Ett år" },
];

const CreateTokenForm = z.object({
  name: z.string().trim().min(1, "Skriv vad nyckeln ska användas till.").max(200, "Namnet får ha högst 200 tecken."),
  expiresInDays: z.enum(["30", "90", "180", "365"], { message: "Välj hur länge nyckeln ska gälla." }).transform(Number),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return load(request, SettingsQuery);
}

export async function action({ request }: ActionFunctionArgs) {
  await requireUser(request);
  const form = await request.formData();
  const intent = form.get("intent");

  if (intent === "password") {
    const parsed = parseForm(form, ChangePasswordForm);
    if (!parsed.ok) return problems({ ...parsed.problems, values: { intent: "password" } });
    try {
      const result = await callApi(request, ChangePassword, { currentPassword: parsed.value.currentPassword, newPassword: parsed.value.password });
      // The API starts a new session for this browser and ends the others: relay its cookie.
      return redirectWithFlash("/installningar", { kind: "success", message: "Lösenordet är bytt. Du har loggats ut från andra webbläsare." }, relayCookies(result.setCookies));
    } catch (error) {
      if (error instanceof ApiError && error.reason === "INVALID_CREDENTIALS") {
        return problems({
          formError: "Det nuvarande lösenordet stämmer inte.",
          fieldErrors: { currentPassword: "Det nuvarande lösenordet stämmer inte." },
          values: { intent: "password" },
        });
      }
      return apiProblems(error, { intent: "password" }, { newPassword: "password" });
    }
  }

  if (intent === "sign-out-everywhere") {
    const headers = new Headers();
    try {
      relayCookies((await callApi(request, SignOutEverywhere)).setCookies, headers);
    } catch (error) {
      return apiProblems(error, { intent: "sign-out-everywhere" });
    }
    if (!headers.has("Set-Cookie")) headers.append("Set-Cookie", `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`);
    return redirectWithFlash("/", { kind: "info", message: "Du är utloggad från alla webbläsare." }, headers);
  }

  if (intent === "create-token") {
    const parsed = parseForm(form, CreateTokenForm);
    if (!parsed.ok) return problems({ ...parsed.problems, values: { ...parsed.problems.values, intent: "create-token" } });
    try {
      const { data } = await callApi(request, CreateApiToken, parsed.value);
      // Shown on this answer only: the API keeps no readable copy of the secret.
      return { created: { name: data.createApiToken.token.name, secret: data.createApiToken.secret, expiresAt: data.createApiToken.token.expiresAt } };
    } catch (error) {
      return apiProblems(error, { name: parsed.value.name, intent: "create-token" });
    }
  }

  if (intent === "revoke-token") {
    const id = String(form.get("id") ?? "");
    try {
      const { data } = await callApi(request, RevokeApiToken, { id });
      return redirectWithFlash("/installningar", { kind: "success", message: `API-nyckeln ”${data.revokeApiToken.name}” är återkallad.` });
    } catch (error) {
      return apiProblems(error, { intent: "revoke-token" });
    }
  }
  return problems({ formError: "Okänd åtgärd.", fieldErrors: {}, values: {} });
}

function tokenState(t: { expiresAt: string; revokedAt?: string | null }): { text: string; active: boolean } {
  if (t.revokedAt) return { text: `Återkallad ${formatDate(t.revokedAt)}`, active: false };
  if (new Date(t.expiresAt) <= new Date()) return { text: "Har gått ut", active: false };
  return { text: "Gäller", active: true };
}

function mailTurnedOff(settings: ReadonlyArray<{ kind: string; enabled: boolean }> | null | undefined, kind: string): boolean {
  return settings?.find((s) => s.kind === kind)?.enabled === false;
}

export default function SettingsPage() {
  const { me, myApiTokens, priorityAreas, mySavedSearches, myFollows } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" ? navigation.formData?.get("intent") : null;
  const p = answer && "problems" in answer ? answer.problems : undefined;
  const problemsOf = (intent: string) => (p?.values.intent === intent ? p : undefined);
  const created = answer && "created" in answer ? answer.created : undefined;
  if (!me) return null;

  return (
    <div className="stack">
      <h1>Inställningar</h1>
      <section className="card stack" aria-labelledby="account-title">
        <h2 id="account-title">Ditt konto</h2>
        <dl className="facts">
          <dt>Namn</dt><dd>{me.name}</dd>
          <dt>E-postadress</dt><dd>{me.email}</dd>
          <dt>Roll</dt><dd>{label("role", me.role)}{me.municipality ? `, ${me.municipality.name}` : ""}</dd>
        </dl>
      </section>

      <section className="card stack" aria-labelledby="password-title">
        <h2 id="password-title">Byt lösenord</h2>
        <p className="muted">När du byter lösenord loggas du ut från alla andra webbläsare.</p>
        <Form method="post" className="stack narrow">
          <input type="hidden" name="intent" value="password" />
          <FormError problems={problemsOf("password")} />
          <TextField
            name="currentPassword" label="Nuvarande lösenord" type="password" autoComplete="current-password" required
            problems={{ fieldErrors: problemsOf("password")?.fieldErrors ?? {}, values: {} }}
          />
          <NewPasswordFields problems={problemsOf("password")} />
          <div className="actions">
            <button type="submit" disabled={busy === "password"}>{busy === "password" ? "Sparar…" : "Byt lösenord"}</button>
          </div>
        </Form>
      </section>

      <CalendarSettings feed={me.calendarFeed} url={me.calendarFeedUrl} />

      <section className="card stack" aria-labelledby="tokens-title">
        <h2 id="tokens-title">API-nycklar</h2>
        <p className="muted">
          Personliga nycklar för skript och andra program som hämtar uppgifter ur Remissbanken i ditt namn. En nyckel ger
          samma behörighet som ditt konto; återkalla den när den inte längre behövs.
        </p>
        {created && (
          <div className="token-created stack" role="status">
            <p className="form-error-title">Nyckeln ”{created.name}” är skapad. Den visas bara den här gången – kopiera den nu.</p>
            <label htmlFor="new-token">Din nya API-nyckel (gäller till {formatDate(created.expiresAt)})</label>
            <input id="new-token" type="text" readOnly value={created.secret} className="token-secret" />
          </div>
        )}
        {myApiTokens.length === 0 ? (
          <p>Du har inga API-nycklar.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Dina API-nycklar</caption>
              <thead>
                <tr>
                  <th scope="col">Namn</th>
                  <th scope="col">Skapad</th>
                  <th scope="col">Gäller till</th>
                  <th scope="col">Senast använd</th>
                  <th scope="col">Status</th>
                  <th scope="col"><span className="visually-hidden">Åtgärd</span></th>
                </tr>
              </thead>
              <tbody>
                {myApiTokens.map((t) => {
                  const state = tokenState(t);
                  return (
                    <tr key={t.id}>
                      <th scope="row">{t.name}</th>
                      <td>{formatDate(t.createdAt)}</td>
                      <td>{formatDate(t.expiresAt)}</td>
                      <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : "Aldrig"}</td>
                      <td>{state.text}</td>
                      <td>
                        {state.active && (
                          <Form method="post">
                            <input type="hidden" name="intent" value="revoke-token" />
                            <input type="hidden" name="id" value={t.id} />
                            <button type="submit" className="button-small button-secondary">
                              Återkalla<span className="visually-hidden"> {t.name}</span>
                            </button>
                          </Form>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        <Form method="post" className="stack narrow">
          <h3>Skapa en ny nyckel</h3>
          <input type="hidden" name="intent" value="create-token" />
          <FormError problems={problemsOf("create-token")} />
          <TextField name="name" label="Vad ska nyckeln användas till?" hint="Till exempel ”Månadsrapport i Excel”." maxLength={200} required problems={problemsOf("create-token")} />
          <SelectField name="expiresInDays" label="Giltighetstid" options={TOKEN_LIFETIMES} defaultValue="90" problems={problemsOf("create-token")} />
          <div className="actions">
            <button type="submit" disabled={busy === "create-token"}>{busy === "create-token" ? "Skapar…" : "Skapa API-nyckel"}</button>
          </div>
        </Form>
        <FormError problems={problemsOf("revoke-token")} />
      </section>

      <EmailSettingsSection
        settings={me.notificationSettings ?? []}
        areas={digestAreaOptions(priorityAreas.nodes, (me.digestPriorityAreas ?? []).map((a) => a.id))}
        chosenAreaIds={(me.digestPriorityAreas ?? []).map((a) => a.id)}
        isMember={me.role === "MEMBER"}
      />

      <SettingsWatches
        savedSearches={mySavedSearches} follows={myFollows}
        mailOff={{ savedSearch: mailTurnedOff(me.notificationSettings, "savedSearch"), follow: mailTurnedOff(me.notificationSettings, "follow") }}
      />

      <section className="card stack" aria-labelledby="sessions-title">
        <h2 id="sessions-title">Logga ut överallt</h2>
        <p className="muted">Loggar ut dig från alla webbläsare och enheter, även den här. Dina API-nycklar fortsätter att gälla.</p>
        <Form method="post">
          <input type="hidden" name="intent" value="sign-out-everywhere" />
          <FormError problems={problemsOf("sign-out-everywhere")} />
          <button type="submit" className="button-secondary">Logga ut från alla webbläsare</button>
        </Form>
      </section>
    </div>
  );
}

export const ErrorBoundary = RouteErrorBoundary;
