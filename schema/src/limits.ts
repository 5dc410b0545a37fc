/** Limits shared by the API, the indexer and the web app. */
export const LIMITS = {
  nameLength: 200,
  titleLength: 500,
  shortTextLength: 200,
  summaryLength: 20_000,
  notesLength: 20_000,
  memberInputLength: 50_000,
  /** An input request: at most this many questions, each this long; answers fit memberInputLength together. */
  inputQuestions: 10,
  inputQuestionLength: 500,
  inputRequestIntroLength: 5_000,
  inputAnswerLength: 4_000,
  sectionHeadingLength: 300,
  sectionBodyLength: 200_000,
  sectionsPerResponse: 200,
  /** The report's own section number, e.g. "5.3.2". */
  sectionNumberLength: 20,
  quotesPerSection: 20,
  quoteTextLength: 5_000,
  /** Why the board returned a response, and other notes on a workflow step. */
  workflowCommentLength: 2_000,
  /** An 800-page SOU is about 2.5 million characters; leave room for the largest. */
  fullTextLength: 20_000_000,
  urlLength: 2_000,
  referralBodies: 1_000,
  defaultPageSize: 20,
  maxPageSize: 100,
  upcomingDeadlineMaxDays: 366,
  /** A synonym group of the search thesaurus: how many phrases, and how long each. */
  synonymPhrasesMin: 2,
  synonymPhrasesMax: 10,
  synonymPhraseLength: 80,
  /** Saved searches per person: enough for every field one follows, few enough to run each morning. */
  savedSearchesPerUser: 50,
} as const;
