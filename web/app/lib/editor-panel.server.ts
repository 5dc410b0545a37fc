/**
 * The panel beside the remissvar editor: a search over past positions, responses, member
 * input and documents, and the member input on the response's own remiss, each passage
 * ready to insert as a quote (./quotes.ts). The API decides what the signed-in user may
 * read; the panel shows its answer and adds nothing of its own.
 */
import { graphql, readFragment, type FragmentOf } from "~/graphql/graphql";
import { ApiError, callApi } from "./api.server";
import { load, toHttpError } from "./auth.server";
import { addQuote, documentLabel, memberInputLabel, readQuote, removeQuote, responseLabel, snippetText } from "./quotes";
import { QUOTE_SEARCH_TYPES, quoteSearchFrom, readSource, type QuoteCandidate, type QuoteSearch, type QuoteSearchParams } from "./quote-search";
import type { ResponseDraft } from "./response-editor";
import { questionAnswers } from "./member-input";

const HITS = 10;
const PASSAGES = 20;

/** What a hit needs to become a quote with its source's label. */
const QuoteHit = graphql(`
  fragment QuoteHit on SearchHit {
    type
    id
    title
    snippet
    passage { page section }
    node {
      __typename
      ... on Document { designation title }
      ... on Response {
        responseKind: kind letterDate submittedAt approvedAt
        remiss { document { designation } }
        documents { designation }
      }
      ... on MemberInput { submittedAt municipality { name } remiss { document { designation title } } }
    }
  }
`);

const QuoteSearchQuery = graphql(
  `
  query QuoteSearch($query: String!, $filter: SearchFilter, $first: Int) {
    search(query: $query, filter: $filter, first: $first) { totalHits degraded hits { ...QuoteHit } }
  }
`,
  [QuoteHit],
);

const QuotePassagesQuery = graphql(
  `
  query QuotePassages($id: ID!, $query: String!, $type: SearchHitType!, $first: Int) {
    searchPassages(id: $id, query: $query, type: $type, first: $first) { totalHits degraded hits { ...QuoteHit } }
  }
`,
  [QuoteHit],
);

const RemissInputsQuery = graphql(`
  query EditorMemberInputs($id: ID!) {
    response(id: $id) {
      id
      remiss {
        id
        memberInputs { id text status submittedAt municipality { name } answers { questionId text } }
        inputRequest { questions { id text } }
      }
    }
  }
`);

/** A search hit as a passage to quote; hits of other kinds (a filter leaves none) are left out. */
function candidate(masked: FragmentOf<typeof QuoteHit>, index: number): QuoteCandidate | null {
  const hit = readFragment(QuoteHit, masked);
  const key = `s${index}`;
  const text = snippetText(hit.snippet);
  const node = hit.node;
  if (node.__typename === "Response") {
    const designation = node.remiss?.document.designation ?? node.documents.find((d) => d.designation)?.designation ?? null;
    const label = responseLabel({ kind: node.responseKind, letterDate: node.letterDate, submittedAt: node.submittedAt, approvedAt: node.approvedAt, designation });
    return { key, title: hit.title, context: label, snippet: hit.snippet, quote: { sourceType: "RESPONSE", sourceId: hit.id, label, text }, morePassages: true };
  }
  if (node.__typename === "MemberInput") {
    const label = memberInputLabel({ municipality: node.municipality.name, submittedAt: node.submittedAt });
    const on = node.remiss ? `Om ${node.remiss.document.designation ?? node.remiss.document.title}` : "";
    return { key, title: label, context: on, snippet: hit.snippet, quote: { sourceType: "MEMBER_INPUT", sourceId: hit.id, label, text }, morePassages: false };
  }
  if (node.__typename === "Document") {
    const label = documentLabel({ designation: node.designation, title: node.title, page: hit.passage.page });
    const where = [hit.passage.page ? `Sidan ${hit.passage.page}` : null, hit.passage.section].filter(Boolean).join(", ");
    return { key, title: node.designation ? `${node.designation} ${node.title}` : node.title, context: where, snippet: hit.snippet, quote: { sourceType: "DOCUMENT", sourceId: hit.id, label, text }, morePassages: true };
  }
  return null;
}

/** Runs the panel's search, leaving out the response being written; an empty query answers null. */
export async function searchQuotes(request: Request, params: QuoteSearchParams, responseId: string): Promise<QuoteSearch | null> {
  if (!params.q) return null;
  const types = QUOTE_SEARCH_TYPES.find((t) => t.value === params.typ)?.types ?? QUOTE_SEARCH_TYPES[0].types;
  try {
    if (params.source) {
      const { data } = await callApi(request, QuotePassagesQuery, { id: params.source.id, query: params.q, type: params.source.type, first: PASSAGES });
      const hits = data.searchPassages.hits.map(candidate).filter((c): c is QuoteCandidate => c !== null);
      const sourceTitle = hits[0]?.title;
      return { ...params, hits: hits.map((c) => ({ ...c, morePassages: false })), totalHits: data.searchPassages.totalHits, degraded: data.searchPassages.degraded, sourceTitle };
    }
    const { data } = await callApi(request, QuoteSearchQuery, { query: params.q, filter: { types: [...types] }, first: HITS });
    const found = data.search.hits.map(candidate).filter((c): c is QuoteCandidate => c !== null);
    const hits = found.filter((c) => c.quote.sourceId !== responseId);
    return { ...params, hits, totalHits: data.search.totalHits - (found.length - hits.length), degraded: data.search.degraded };
  } catch (error) {
    if (error instanceof ApiError && error.code === "BAD_USER_INPUT") {
      return { ...params, hits: [], totalHits: 0, degraded: false, problem: "Sökningen gick inte att göra. Ändra sökorden och försök igen." };
    }
    throw toHttpError(request, error);
  }
}

/**
 * The submitted member input on the response's remiss, newest first; null for a position
 * without a remiss. Input that answers staff's questions is offered answer by answer, so
 * one municipality's answer to one question can be quoted where the response takes it up.
 */
export async function remissMemberInputs(request: Request, responseId: string): Promise<QuoteCandidate[] | null> {
  const { response } = await load(request, RemissInputsQuery, { id: responseId });
  if (!response?.remiss) return null;
  const questions = response.remiss.inputRequest?.questions ?? [];
  return response.remiss.memberInputs
    .filter((input) => input.status === "SUBMITTED")
    .sort((a, b) => (b.submittedAt ?? "").localeCompare(a.submittedAt ?? ""))
    .flatMap((input) => {
      const label = memberInputLabel({ municipality: input.municipality.name, submittedAt: input.submittedAt });
      const passages = input.answers
        ? questionAnswers(questions, input.answers).map(({ number, question, text }) => ({ label: `${label}, fråga ${number}`, context: `Fråga ${number}: ${question}`, text }))
        : [{ label, context: "", text: input.text }];
      return passages.map((p) => ({ title: p.label, context: p.context, snippet: null, quote: { sourceType: "MEMBER_INPUT" as const, sourceId: input.id, label: p.label, text: p.text }, morePassages: false }));
    })
    .map((candidate, index) => ({ key: `m${index}`, ...candidate }));
}

/**
 * The panel's buttons when they reach the server (without JavaScript): search, insert a
 * quote, remove one. Each answers the draft as typed, changed by the step, and the search
 * as it stood so the results stay beside the draft. Null when the intent is not the panel's.
 */
export async function quoteIntent(
  request: Request,
  responseId: string,
  intent: string,
  form: FormData,
  draft: ResponseDraft,
): Promise<{ draft: ResponseDraft; quoteSearch: QuoteSearch | null } | null> {
  const removed = /^remove-quote:(\d{1,3}):(\d{1,3})$/.exec(intent);
  const inserted = /^insert-quote:([sm]\d{1,3})$/.exec(intent);
  const passages = /^quote-passages:(.+)$/.exec(intent);
  if (intent !== "search-quotes" && !removed && !inserted && !passages) return null;
  const params = quoteSearchFrom((name) => form.get(name));
  // The search button starts over among all hits; "Fler ställen" opens one source's passages.
  if (intent === "search-quotes") params.source = null;
  if (passages) params.source = readSource(passages[1]);
  const quoteSearch = await searchQuotes(request, params, responseId);
  if (removed) return { draft: removeQuote(draft, Number(removed[1]), Number(removed[2])), quoteSearch };
  if (inserted) {
    const quote = readQuote(String(form.get(`candidate.${inserted[1]}`) ?? ""));
    const section = Number(form.get("quoteSection"));
    if (quote && Number.isInteger(section)) return { draft: addQuote(draft, section, quote), quoteSearch };
  }
  return { draft, quoteSearch };
}
