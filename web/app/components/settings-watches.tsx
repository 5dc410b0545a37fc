/**
 * The settings page's "Bevakningar": saved searches (open, change how often, delete) and
 * followed inquiries (stop following). Each is a plain form posting to
 * /installningar/bevakningar, which answers with a redirect back here and a message.
 */
import { Form, Link, useNavigation } from "@remix-run/react";
import { formatDate, formatDateTime } from "~/lib/format";
import { options } from "~/lib/labels";
import { describeFilters, savedSearchHref, type SavedFilters } from "~/lib/watch";

export const WATCHES_ACTION = "/installningar/bevakningar";

export interface SavedSearchRow {
  id: string;
  name: string;
  query: string;
  frequency: string;
  lastNotifiedAt?: string | null;
  filters: SavedFilters;
}

export interface FollowRow {
  id: string;
  createdAt: string;
  lastNotifiedAt?: string | null;
  inquiry: { id: string; name: string; archivedAt?: string | null };
}

function useBusy(key: string): boolean {
  const navigation = useNavigation();
  return navigation.state === "submitting" && navigation.formAction === WATCHES_ACTION && navigation.formData?.get("key") === key;
}

function SavedSearchItem({ search }: { search: SavedSearchRow }) {
  const busy = useBusy(search.id);
  const deleting = useBusy(`delete-${search.id}`);
  const selectId = `frequency-${search.id}`;
  return (
    <li className="watch-item">
      <div>
        <Link className="watch-name" to={savedSearchHref(search.query, search.filters)}>{search.name}</Link>
        <div className="muted">
          {search.query ? `”${search.query}”` : "Inga sökord"}
          {describeFilters(search.filters) ? ` · ${describeFilters(search.filters)}` : ""}
          {search.lastNotifiedAt ? ` · senaste e-post ${formatDateTime(search.lastNotifiedAt)}` : ""}
        </div>
      </div>
      <Form method="post" action={WATCHES_ACTION}>
        <input type="hidden" name="intent" value="frequency" />
        <input type="hidden" name="key" value={search.id} />
        <input type="hidden" name="id" value={search.id} />
        <label htmlFor={selectId} className="visually-hidden">E-post för {search.name}</label>
        <select id={selectId} name="frequency" defaultValue={search.frequency} key={search.frequency}>
          {options("savedSearchFrequency").map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
        <button type="submit" className="button-small button-secondary" disabled={busy}>
          Spara<span className="visually-hidden"> hur ofta för {search.name}</span>
        </button>
      </Form>
      <Form method="post" action={WATCHES_ACTION}>
        <input type="hidden" name="intent" value="delete-search" />
        <input type="hidden" name="key" value={`delete-${search.id}`} />
        <input type="hidden" name="id" value={search.id} />
        <button type="submit" className="button-small button-secondary" disabled={deleting}>
          Ta bort<span className="visually-hidden"> sökningen {search.name}</span>
        </button>
      </Form>
    </li>
  );
}

function FollowItem({ follow }: { follow: FollowRow }) {
  const busy = useBusy(follow.inquiry.id);
  return (
    <li className="watch-item">
      <div>
        <Link className="watch-name" to={`/utredningar/${follow.inquiry.id}`}>{follow.inquiry.name}</Link>
        <div className="muted">
          Följer sedan {formatDate(follow.createdAt)}
          {follow.lastNotifiedAt ? ` · senaste e-post ${formatDateTime(follow.lastNotifiedAt)}` : ""}
          {follow.inquiry.archivedAt ? " · arkiverad" : ""}
        </div>
      </div>
      <Form method="post" action={WATCHES_ACTION}>
        <input type="hidden" name="intent" value="unfollow" />
        <input type="hidden" name="key" value={follow.inquiry.id} />
        <input type="hidden" name="inquiryId" value={follow.inquiry.id} />
        <button type="submit" className="button-small button-secondary" disabled={busy}>
          Sluta följa<span className="visually-hidden"> {follow.inquiry.name}</span>
        </button>
      </Form>
    </li>
  );
}

/** Said where the list is when the person turned that kind of email off under E-post: the watch is kept, nothing is sent. */
function MailOff({ what }: { what: string }) {
  return <p className="watch-mail-off">E-post om {what} är avstängd under <a href="#e-post">E-post</a>: bevakningen finns kvar, men inget skickas.</p>;
}

export function SettingsWatches({ savedSearches, follows, mailOff }: {
  savedSearches: SavedSearchRow[];
  follows: FollowRow[];
  /** The kinds of email the person turned off. */
  mailOff: { savedSearch: boolean; follow: boolean };
}) {
  return (
    <section className="card stack" aria-labelledby="bevakningar-title" id="bevakningar">
      <h2 id="bevakningar-title">Bevakningar</h2>
      <p className="muted">
        Du får e-post om sådant som du har behörighet att läsa: nya eller ändrade träffar för dina sparade sökningar (varje morgon
        eller på måndagsmorgonen, som du väljer) och nya dokument, remisser och ändrade datum i utredningar som du följer.
      </p>
      <h3>Sparade sökningar</h3>
      {mailOff.savedSearch && savedSearches.length > 0 && <MailOff what="sparade sökningar" />}
      {savedSearches.length === 0 ? (
        <p>Du har inga sparade sökningar. Sök under <Link to="/sok">Sök</Link> och välj ”Spara sökningen”.</p>
      ) : (
        <ul className="watch-list" aria-label="Sparade sökningar">
          {savedSearches.map((search) => <SavedSearchItem key={search.id} search={search} />)}
        </ul>
      )}
      <h3>Utredningar du följer</h3>
      {mailOff.follow && follows.length > 0 && <MailOff what="utredningar du följer" />}
      {follows.length === 0 ? (
        <p>Du följer inga utredningar. Öppna en <Link to="/utredningar">utredning</Link> och välj ”Följ utredningen”.</p>
      ) : (
        <ul className="watch-list" aria-label="Utredningar du följer">
          {follows.map((follow) => <FollowItem key={follow.id} follow={follow} />)}
        </ul>
      )}
    </section>
  );
}

