import { Form, Link } from "@remix-run/react";
import { label, options } from "~/lib/labels";
import { describeMunicipalityCount, isClosed, OWNER_PARAM, STATUS_PARAM, type BoardFilter } from "~/lib/deadline-board";
import { Deadline, SAME_AS_DEADLINE } from "./deadline";
import { documentTitle } from "./document-title";
import type { StartView } from "./types";

/** The URL of the board with one filter changed, the other kept. */
function boardUrl(filter: BoardFilter, change: Partial<Record<typeof STATUS_PARAM | typeof OWNER_PARAM, string>>) {
  const params = new URLSearchParams();
  const status = change[STATUS_PARAM] ?? (filter.status === "open" ? "" : filter.status === "all" ? "alla" : filter.status);
  const owner = change[OWNER_PARAM] ?? (filter.owner === "all" ? "" : filter.owner === "mine" ? "mina" : filter.owner);
  if (status) params.set(STATUS_PARAM, status);
  if (owner) params.set(OWNER_PARAM, owner);
  const query = params.toString();
  return query ? `/?${query}` : "/";
}

function Filters({ filter, owners }: Pick<StartView<"staff">, "filter" | "owners">) {
  const status = filter.status === "open" ? "" : filter.status === "all" ? "alla" : filter.status;
  const owner = filter.owner === "all" ? "" : filter.owner === "mine" ? "mina" : filter.owner;
  return (
    <Form method="get" action="/" className="board-filters" aria-label="Filtrera remisser">
      <div className="field">
        <label htmlFor="board-status">Status</label>
        <select id="board-status" name={STATUS_PARAM} defaultValue={status}>
          <option value="">Alla pågående</option>
          {options("remissStatus").map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          <option value="alla">Alla, även avstådda och inskickade</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="board-owner">Ansvarig</label>
        <select id="board-owner" name={OWNER_PARAM} defaultValue={owner}>
          <option value="">Alla</option>
          <option value="mina">Mina remisser</option>
          {owners.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </div>
      <button type="submit" className="button-secondary">Visa</button>
    </Form>
  );
}

export function StaffStart({ filter, owners, remisser, total, today }: StartView<"staff">) {
  const shown = remisser.length;
  const mineOnly = filter.owner === "mine";
  return (
    <>
      <div className="page-heading">
        <h1>Remisser och sista svarsdagar</h1>
        <Link className="button" to="/remisser/ny">Ny remiss</Link>
      </div>
      <nav aria-label="Snabbval" className="board-shortcuts">
        <ul>
          <li><Link to={boardUrl(filter, { [OWNER_PARAM]: "" })} aria-current={!mineOnly && filter.owner === "all" ? "page" : undefined}>Alla remisser</Link></li>
          <li><Link to={boardUrl(filter, { [OWNER_PARAM]: "mina" })} aria-current={mineOnly ? "page" : undefined}>Mina remisser</Link></li>
        </ul>
      </nav>
      <Filters filter={filter} owners={owners} />
      <section aria-labelledby="board-title">
        <h2 id="board-title" className="visually-hidden">Remisser</h2>
        <p className="muted" aria-live="polite">
          {shown === 0
            ? ""
            : shown < total
              ? `Visar ${shown} av ${total} remisser. Smalna av med filtren för att se resten.`
              : `${total} ${total === 1 ? "remiss" : "remisser"}. Försenade och de som ska in inom en vecka står först.`}
        </p>
        {shown === 0 ? (
          <div className="card empty">
            <p>Inga remisser matchar filtret.</p>
            <p>
              <Link to="/">Visa alla pågående remisser</Link> eller <Link to="/remisser/ny">lägg upp en ny remiss</Link>.
            </p>
          </div>
        ) : (
          <div className="table-wrap">
            <table className="deadline-board">
              <caption className="visually-hidden">Bevakade remisser med sista svarsdag, sista dag för synpunkter, status, ansvarig och inkomna synpunkter</caption>
              <thead>
                <tr>
                  <th scope="col">Remiss</th>
                  <th scope="col">Sista svarsdag</th>
                  <th scope="col">Synpunkter senast</th>
                  <th scope="col">Status</th>
                  <th scope="col">Ansvarig</th>
                  <th scope="col">Synpunkter från</th>
                </tr>
              </thead>
              <tbody>
                {remisser.map((r) => {
                  const closed = isClosed(r.status);
                  return (
                    <tr key={r.id}>
                      <th scope="row">
                        <Link to={`/remisser/${r.id}`}>{documentTitle(r.document)}</Link>
                        <span className="row-meta">{[r.ministry, r.diarienummer].filter(Boolean).join(", ")}</span>
                      </th>
                      <td><Deadline date={r.deadline} today={today} closed={closed} /></td>
                      <td><Deadline date={r.memberInputDeadline} today={today} missing={SAME_AS_DEADLINE} closed={closed} /></td>
                      <td>{label("remissStatus", r.status)}</td>
                      <td>{r.owner?.name ?? <span className="muted">Ingen</span>}</td>
                      <td>{describeMunicipalityCount(r.submittedInputMunicipalityCount)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
