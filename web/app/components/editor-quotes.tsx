/**
 * A section's quotes in the remissvar editor: shown as blockquotes with their source
 * linked, carried in the section's hidden `quotes` field so the save sends them like any
 * other field. With JavaScript inserting and removing change the page's state; without it
 * the same buttons submit the form and the server answers the changed draft.
 */
import { useEffect, useRef, useState, type MouseEvent } from "react";
import { parseQuotes, quoteHref, quotesField, withoutQuote, withQuote, type Quote } from "~/lib/quotes";
import type { ResponseDraft } from "~/lib/response-editor";

export interface SectionQuotesState {
  quotes: Quote[][];
  add(section: number, quote: Quote): void;
  remove(section: number, index: number): void;
}

/**
 * Every section's quotes, starting over from the draft whenever the form does (`formKey`
 * changes with each answer of the server), so an answered draft is never overridden.
 */
export function useSectionQuotes(formKey: string, draft: ResponseDraft): SectionQuotesState {
  const initial = () => ({ formKey, quotes: draft.sections.map((s) => parseQuotes(s.quotes)) });
  const [state, setState] = useState(initial);
  const current = state.formKey === formKey ? state : initial();
  if (current !== state) setState(current);
  const change = (section: number, edit: (quotes: Quote[]) => Quote[]) =>
    setState((s) => ({ ...s, quotes: s.quotes.map((quotes, i) => (i === section ? edit(quotes) : quotes)) }));
  return {
    quotes: current.quotes,
    add: (section, quote) => change(section, (quotes) => withQuote(quotes, quote)),
    remove: (section, index) => change(section, (quotes) => withoutQuote(quotes, index)),
  };
}

export function SectionQuotes({ section, quotes, onRemove }: { section: number; quotes: Quote[]; onRemove: (index: number) => void }) {
  const remove = (index: number) => (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault();
    onRemove(index);
  };
  const value = quotesField(quotes);
  const field = useRef<HTMLInputElement>(null);
  const shown = useRef(value);
  // A hidden field changed by the page fires no event of its own: tell whoever watches the
  // form for changes (an autosave) that this one changed too.
  useEffect(() => {
    if (shown.current === value) return;
    shown.current = value;
    field.current?.dispatchEvent(new Event("change", { bubbles: true }));
  }, [value]);
  return (
    <div className="editor-quotes">
      <input ref={field} type="hidden" name={`sections.${section}.quotes`} value={value} />
      {quotes.length > 0 && (
        <>
          <h3 className="editor-quotes-title">Citat i avsnitt {section + 1}</h3>
          <ul className="editor-quote-list">
            {quotes.map((quote, j) => (
              <li key={`${quote.sourceId}-${j}`}>
                <blockquote className="response-quote">
                  <p>{quote.text}</p>
                  <footer>
                    Källa: <SourceLink quote={quote} />
                  </footer>
                </blockquote>
                <button
                  type="submit"
                  name="intent"
                  value={`remove-quote:${section}:${j}`}
                  className="button button-secondary button-small"
                  aria-label={`Ta bort citat ${j + 1} ur avsnitt ${section + 1} (${quote.label})`}
                  onClick={remove(j)}
                >
                  Ta bort citat
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The source in a new tab, so that following it leaves the draft as it is. */
export function SourceLink({ quote }: { quote: Quote }) {
  return (
    <a href={quoteHref(quote)} target="_blank" rel="noreferrer">
      {quote.label}
      <span className="visually-hidden"> (öppnas i en ny flik)</span>
    </a>
  );
}
