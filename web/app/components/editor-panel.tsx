/**
 * The panel beside the remissvar editor: search what SmåKom has said before, what members
 * wrote and the documents, see the member input on this remiss, and insert a passage as a
 * quote in a section. Its fields belong to the editor's form (the `form` attribute), so
 * without JavaScript every button submits the draft too and nothing typed is lost; with
 * JavaScript the search asks a resource route and inserting changes the page's state.
 */
import { useFetcher } from "@remix-run/react";
import { useRef, useState, type KeyboardEvent, type MouseEvent } from "react";
import { QUOTE_SEARCH_TYPES, quoteSearchHref, sourceField, type QuoteCandidate, type QuoteSearch, type QuoteSearchParams } from "~/lib/quote-search";
import type { Quote } from "~/lib/quotes";
import { MAX_QUERY_LENGTH } from "~/lib/search";
import type { SectionDraft } from "~/lib/response-editor";
import { SourceLink } from "./editor-quotes";
import { Snippet } from "./snippet";

interface PanelProps {
  responseId: string;
  /** The id of the editor's <form>, which the panel's fields and buttons belong to. */
  formId: string;
  sections: SectionDraft[];
  /** The member input on the response's remiss; null when it answers no remiss. */
  memberInputs: QuoteCandidate[] | null;
  /** The search the server answered (the address's `citat`, or the search button without JavaScript). */
  search: QuoteSearch | null;
  onInsert: (section: number, quote: Quote) => void;
}

export function EditorPanel({ responseId, formId, sections, memberInputs, search: answered, onInsert }: PanelProps) {
  const fetcher = useFetcher<QuoteSearch | null>();
  const words = useRef<HTMLInputElement>(null);
  const type = useRef<HTMLSelectElement>(null);
  const [target, setTarget] = useState(0);
  const [message, setMessage] = useState("");
  const search = fetcher.data !== undefined ? fetcher.data : answered;
  const section = Math.min(target, Math.max(sections.length - 1, 0));
  const searching = fetcher.state !== "idle";

  function load(params: QuoteSearchParams) {
    setMessage("");
    fetcher.load(quoteSearchHref(responseId, params));
  }
  function runSearch(event: MouseEvent | KeyboardEvent) {
    event.preventDefault();
    load({ q: words.current?.value.trim() ?? "", typ: type.current?.value ?? QUOTE_SEARCH_TYPES[0].value, source: null });
  }
  const passagesOf = (c: QuoteCandidate) => (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    if (search) load({ q: search.q, typ: search.typ, source: { type: c.quote.sourceType, id: c.quote.sourceId } });
  };
  // Enter in the search box searches; left alone it would press the form's default button, Spara.
  const searchOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") runSearch(event);
  };
  const insert = (quote: Quote) => (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    onInsert(section, quote);
    setMessage(`Citatet från ${quote.label} är infogat i avsnitt ${section + 1}.`);
  };

  const list = (candidates: QuoteCandidate[]) => (
    <ol className="editor-panel-hits">
      {candidates.map((c) => (
        <li key={c.key} className="editor-panel-hit">
          <h4><SourceLink quote={{ ...c.quote, label: c.title }} /></h4>
          {c.context && <p className="muted">{c.context}</p>}
          <p className="editor-panel-text">{c.snippet === null ? c.quote.text : <Snippet html={c.snippet} />}</p>
          <input type="hidden" form={formId} name={`candidate.${c.key}`} value={JSON.stringify(c.quote)} />
          <div className="editor-panel-actions">
            <button
              type="submit"
              form={formId}
              name="intent"
              value={`insert-quote:${c.key}`}
              className="button button-secondary button-small"
              disabled={sections.length === 0}
              aria-label={`Infoga som citat: ${c.quote.label}`}
              onClick={insert(c.quote)}
            >
              Infoga som citat
            </button>
            {c.morePassages && (
              <button
                type="submit"
                form={formId}
                name="intent"
                value={`quote-passages:${sourceField({ type: c.quote.sourceType, id: c.quote.sourceId })}`}
                className="button button-link"
                aria-label={`Fler ställen i ${c.title}`}
                onClick={passagesOf(c)}
              >
                Fler ställen
              </button>
            )}
          </div>
        </li>
      ))}
    </ol>
  );

  return (
    <aside className="editor-panel stack" aria-labelledby="panel-title">
      <h2 id="panel-title">Citat och källor</h2>
      {sections.length === 0 ? (
        <p className="muted">Lägg till ett avsnitt för att kunna infoga citat.</p>
      ) : (
        <div className="field">
          <label htmlFor="quote-section">Infoga citat i</label>
          <select id="quote-section" name="quoteSection" form={formId} value={section} onChange={(e) => setTarget(Number(e.currentTarget.value))}>
            {sections.map((s, i) => (
              <option key={i} value={i}>
                Avsnitt {i + 1}{s.heading ? `: ${s.heading}` : ""}
              </option>
            ))}
          </select>
        </div>
      )}
      <p role="status" className="editor-panel-status">{message}</p>

      <section aria-labelledby="quote-search-title" className="stack">
        <h3 id="quote-search-title">Sök i tidigare material</h3>
        <div role="search" aria-labelledby="quote-search-title" className="stack">
          <div className="field">
            <label htmlFor="citat">Sökord</label>
            <input
              ref={words}
              id="citat"
              type="search"
              name="citat"
              form={formId}
              defaultValue={answered?.q ?? ""}
              maxLength={MAX_QUERY_LENGTH}
              autoComplete="off"
              onKeyDown={searchOnEnter}
            />
          </div>
          <div className="field">
            <label htmlFor="citattyp">Sök bland</label>
            <select ref={type} id="citattyp" name="citattyp" form={formId} defaultValue={answered?.typ ?? QUOTE_SEARCH_TYPES[0].value}>
              {QUOTE_SEARCH_TYPES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
            </select>
          </div>
          <div>
            <button type="submit" form={formId} name="intent" value="search-quotes" className="button button-small" onClick={runSearch}>
              {searching ? "Söker…" : "Sök"}
            </button>
          </div>
        </div>
        <div aria-busy={searching} className="stack">
          <p role="status" aria-live="polite">{countText(search)}</p>
          {search?.source && (
            <>
              <input type="hidden" form={formId} name="citatkalla" value={sourceField(search.source)} />
              <div>
                <button type="submit" form={formId} name="intent" value="search-quotes" className="button button-link" onClick={(e) => { e.preventDefault(); load({ ...search, source: null }); }}>
                  Tillbaka till alla träffar
                </button>
              </div>
            </>
          )}
          {search?.problem && <p className="form-error">{search.problem}</p>}
          {search?.degraded && <p className="muted">Sökningen körs i ett enklare läge just nu: sammansatta ord delas inte upp.</p>}
          {search && search.hits.length > 0 && list(search.hits)}
        </div>
      </section>

      {memberInputs && (
        <section aria-labelledby="panel-inputs-title" className="stack">
          <h3 id="panel-inputs-title">Synpunkter från medlemmarna</h3>
          {memberInputs.length === 0 ? <p className="muted">Ingen medlemskommun har skickat synpunkter på remissen ännu.</p> : list(memberInputs)}
        </section>
      )}
    </aside>
  );
}

function countText(search: QuoteSearch | null | undefined): string {
  if (!search) return "";
  const n = search.totalHits;
  if (search.source) return `${n} ${n === 1 ? "ställe" : "ställen"} i ${search.sourceTitle ?? "källan"} matchar ”${search.q}”.`;
  const shown = n > search.hits.length && search.hits.length > 0 ? ` Här visas de ${search.hits.length} bästa.` : "";
  return n === 0 ? `Inga träffar för ”${search.q}”.` : `${n} ${n === 1 ? "träff" : "träffar"} för ”${search.q}”.${shown}`;
}
