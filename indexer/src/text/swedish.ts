/**
 * Swedish analysis that Meilisearch lacks: it neither stems Swedish nor splits compounds.
 *
 * At index time every word of a passage becomes its term (the Snowball stem of its dictionary
 * form) followed by the terms of its compound parts, stored in a searchable `terms` attribute.
 * At query time every word becomes its term too, so "strandskydd" meets "Strandskyddsutredningen"
 * and "strandskyddet" in `terms`. Dictionary forms come from the Hunspell dictionary because
 * Snowball alone leaves some inflections apart (strandskyddet → strandskyddet, strandskydd → strandskyd).
 */
import { stemmer } from "@orama/stemmers/swedish";
import dictionary from "dictionary-sv";
import { HunspellLexicon } from "./hunspell.js";
import { eachWord } from "./words.js";

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Function words that carry nothing in a search. They get no term at all, in the index and
 * in queries, so that the words around them are neighbours: a phrase of the thesaurus ("vatten
 * och avlopp") then matches as Meilisearch's synonyms compare phrases, word after word.
 */
export const STOP_WORDS = [
  "och", "i", "att", "det", "som", "en", "på", "är", "av", "för", "med", "till", "den", "har", "de", "inte", "om",
  "ett", "men", "var", "vi", "så", "kan", "eller", "sig", "från", "vid", "ska", "skall", "detta", "dessa", "när",
  "också", "samt", "även", "mot", "sin", "sina", "sitt", "där", "denna", "dem", "man", "hur", "vad",
];
const STOP = new Set(STOP_WORDS);

/**
 * Terms are written with å, ä and ö as q, x and z. Meilisearch keeps å, ä and ö apart from a
 * and o only in attributes localized as Swedish; it normalizes synonyms without a locale and
 * folds them (äldrevård → aldrevard), so a synonym with å, ä or ö never met a term. Letters
 * it leaves alone meet on both sides. Swedish words with q, x or z are few, and none becomes
 * another word this way.
 */
const ENCODED: Record<string, string> = { å: "q", ä: "x", ö: "z" };
const encode = (term: string) => term.replace(/[åäö]/g, (c) => ENCODED[c]);
const MIN_PART = 3;
const MAX_COMPOUND_LENGTH = 60;
const CACHE_LIMIT = 200_000;

interface CompoundHead {
  lemma: string;
  canBegin: boolean;
}

let lexicon: HunspellLexicon | undefined;
let compoundHeads: Map<string, CompoundHead> | undefined;
const termsCache = new Map<string, string>();
const termListCache = new Map<string, readonly string[]>();
/** A word as written (any case) → what analyzeForIndex writes for it; "" for a function word. */
const indexTermsCache = new Map<string, string>();
const stemCache = new Map<string, string>();

/** `cache`'s value for `key`, computed once; a full cache starts over (words repeat far more than they vary). */
function remembered<T>(cache: Map<string, T>, key: string, compute: (key: string) => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, value);
  }
  return value;
}

function getLexicon(): HunspellLexicon {
  lexicon ??= HunspellLexicon.parse(new TextDecoder().decode(dictionary.aff), new TextDecoder().decode(dictionary.dic));
  return lexicon;
}

/** Every form that may begin or continue a compound, precomputed: splitting tries many cuts per word. */
function getCompoundHeads(): Map<string, CompoundHead> {
  if (compoundHeads) return compoundHeads;
  const { begin, middle } = getLexicon().compoundFlags;
  compoundHeads = new Map();
  for (const { form, lemma, formFlags } of getLexicon().forms((flags) => flags.includes(begin) || flags.includes(middle))) {
    const canBegin = formFlags.includes(begin);
    const known = compoundHeads.get(form);
    if (!known || (canBegin && !known.canBegin)) compoundHeads.set(form, { lemma, canBegin });
  }
  return compoundHeads;
}

/**
 * The search term of one word: Snowball stem of its dictionary form (å, ä, ö encoded).
 * Cached: every search compares its words with every phrase of the thesaurus (thesaurusMatches),
 * which without the cache was a dictionary analysis of some 200 words a search.
 */
export function stem(word: string): string {
  return remembered(stemCache, word.toLowerCase(), (lower) => encode(analyzeWord(lower).term));
}

/**
 * The parts of a compound in dictionary form, e.g. strandskyddsutredningen → [strandskydd, utredning];
 * [] when the word is not a compound the dictionary can explain.
 */
export function decompound(word: string): string[] {
  return splitCompound(word.toLowerCase())?.map((part) => part.lemma) ?? [];
}

// What the caches compute, defined once: analyzeForIndex calls for every word of every passage.
const indexTermsOf = (word: string) => {
  const lower = word.toLowerCase();
  return STOP.has(lower) ? "" : wordTerms(lower);
};
const termListOf = (lower: string): readonly string[] => (STOP.has(lower) ? [] : wordTerms(lower).split(" "));

/** The value of the `terms` attribute for a text. */
export function analyzeForIndex(text: string): string {
  let terms = "";
  eachWord(text, (start, end) => {
    const written = remembered(indexTermsCache, text.slice(start, end), indexTermsOf);
    if (written) terms = terms ? `${terms} ${written}` : written;
  });
  return terms;
}

/**
 * The terms analyzeForIndex writes for one lower-case word, as a list: none for a function
 * word. Cached, for snippets, which look up every word of every passage shown.
 */
export function wordTermList(lower: string): readonly string[] {
  return remembered(termListCache, lower, termListOf);
}

/**
 * Whether a compound the dictionary knows is also sent as its parts. Measured on the labelled
 * set (docs/search.md, "How people ask").
 */
export const SPLIT_KNOWN_COMPOUNDS = false;

/**
 * The query to send: each word replaced by its term, quotes and other operators kept. A
 * compound the dictionary does not know is sent as its parts, which the index holds for
 * every compound containing them: "stabiliseringsfond" finds "kommunstabiliseringsfonden".
 */
export function analyzeQuery(query: string, { splitKnownCompounds = SPLIT_KNOWN_COMPOUNDS } = {}): string {
  // Inside a quoted phrase words are written as the index writes them, each compound followed
  // by its parts, so that the phrase's words stand next to each other as they do in the index.
  const analysed = query.split('"').map((segment, i) =>
    segment.replace(WORD, (word) => {
      const lower = word.toLowerCase();
      if (STOP.has(lower)) return "";
      if (i % 2 === 1) return wordTerms(lower);
      const { term, parts, known } = analyzeWord(lower);
      return encode((splitKnownCompounds || !known) && parts && parts.length > 1 ? parts.map(({ lemma }) => stemmer(lemma)).join(" ") : term);
    }),
  );
  return analysed.join("\"").replace(/ {2,}/g, " ").trim();
}

/** The word's own term, then the terms of its parts and of their parts: strandskyddsutredning strandskyd strand skydd utredning. */
function wordTerms(word: string): string {
  return remembered(termsCache, word, (key) => {
    const { term, parts } = analyzeWord(key);
    const all = new Set([term]);
    addPartTerms(parts, all);
    return encode([...all].join(" "));
  });
}

function addPartTerms(parts: Part[] | undefined, terms: Set<string>): void {
  for (const { lemma } of parts ?? []) {
    const term = stemmer(lemma);
    if (terms.has(term)) continue;
    terms.add(term);
    addPartTerms(splitCompound(lemma), terms);
  }
}

function analyzeWord(word: string): { term: string; parts: Part[] | undefined; known: boolean } {
  const { onlyInCompound } = getLexicon().compoundFlags;
  const known = getLexicon()
    .analyze(word)
    .find(({ formFlags }) => !formFlags.includes(onlyInCompound));
  const parts = splitCompound(word);
  const last = parts?.at(-1);
  // An unknown compound inflects like its last part: strandskyddsreglerna → strandskyddsregel.
  // Abbreviations are also listed as compound beginnings ("SCB-"): the hyphen is no part of the term.
  const lemma = (known?.lemma ?? (last ? word.slice(0, last.start) + last.lemma : word)).replace(/-/g, "");
  return { term: stemmer(lemma), parts, known: known !== undefined };
}

interface Part {
  lemma: string;
  start: number;
}

function splitCompound(word: string): Part[] | undefined {
  if (word.length < 2 * MIN_PART || word.length > MAX_COMPOUND_LENGTH) return undefined;
  const parts = new CompoundSplitter(getLexicon(), getCompoundHeads(), word).split();
  return parts && parts.length > 1 ? parts : undefined;
}

/** Splits one word into BEGIN (MIDDLE)* END parts as the dictionary's compound flags allow, preferring fewer parts. */
class CompoundSplitter {
  private readonly endings = new Map<number, string | null>();
  private readonly tails = new Map<number, Part[] | null>();

  constructor(
    private readonly lexicon: HunspellLexicon,
    private readonly heads: Map<string, CompoundHead>,
    private readonly word: string,
  ) {}

  split(): Part[] | null {
    return this.partsFrom(0);
  }

  /** The fewest parts covering the word from `start`; at 0 the first part must be able to begin a compound. */
  private partsFrom(start: number): Part[] | null {
    if (start > 0) {
      const ending = this.ending(start);
      if (ending) return [{ lemma: ending, start }];
      if (this.tails.has(start)) return this.tails.get(start)!;
    }
    const cuts: Array<{ cut: number; head: string }> = [];
    for (let cut = this.word.length - MIN_PART; cut - start >= MIN_PART; cut--) {
      const head = this.heads.get(this.word.slice(start, cut));
      if (!head || (start === 0 && !head.canBegin)) continue;
      // Two parts beat any longer split, so try head + ending at every cut before going deeper.
      const ending = this.ending(cut);
      if (ending) return [{ lemma: head.lemma, start }, { lemma: ending, start: cut }];
      cuts.push({ cut, head: head.lemma });
    }
    let best: Part[] | null = null;
    for (const { cut, head } of cuts) {
      const tail = this.partsFrom(cut);
      if (tail && (!best || tail.length + 1 < best.length)) best = [{ lemma: head, start }, ...tail];
    }
    this.tails.set(start, best);
    return best;
  }

  /** The lemma when the word from `start` on can end a compound. */
  private ending(start: number): string | null {
    let lemma = this.endings.get(start);
    if (lemma === undefined) {
      const { end, onlyInCompound, needAffix } = this.lexicon.compoundFlags;
      const analysis = this.lexicon
        .analyze(this.word.slice(start))
        .find(
          ({ lemmaFlags, formFlags }) =>
            lemmaFlags.includes(end) && !formFlags.includes(onlyInCompound) && !formFlags.includes(needAffix),
        );
      lemma = analysis?.lemma ?? null;
      this.endings.set(start, lemma);
    }
    return lemma;
  }
}
