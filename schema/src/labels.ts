/* No imports: the web app bundles this for the browser. */
/** Swedish labels for people; the web app and exports use these. */
export const SWEDISH_LABELS = {
  role: { admin: "Administratör", staff: "Kansli", board: "Styrelse", member: "Medlemskommun" },
  documentKind: {
    directive: "Kommittédirektiv",
    supplementary_directive: "Tilläggsdirektiv",
    sou: "Betänkande (SOU)",
    ds: "Departementsserien (Ds)",
    proposition: "Proposition",
    committee_report: "Utskottsbetänkande",
    other: "Övrigt",
  },
  inquiryStatus: { ongoing: "Pågående", concluded: "Avslutad" },
  remissStatus: {
    monitoring: "Bevakas",
    to_answer: "Ska besvaras",
    declined: "Avstår",
    drafting: "Utkast",
    decided: "Beslutad av styrelsen",
    submitted: "Inskickad",
  },
  responseStatus: { draft: "Utkast", for_approval: "För beslut", approved: "Beslutad", submitted: "Inskickad" },
  responseEventKind: {
    requested_approval: "Skickad för beslut",
    returned_to_draft: "Återförvisad till utkast",
    approved: "Beslutad av styrelsen",
    submitted: "Inskickad",
  },
  memberInputStatus: { draft: "Utkast", submitted: "Inskickad", withdrawn: "Återkallad" },
  inputAnswerState: { answered: "Har svarat", draft: "Utkast, inte skickat", not_answered: "Har inte svarat" },
  responseKind: { response: "Remissvar", position: "Ställningstagande" },
  responseStance: {
    supports: "Tillstyrker",
    supports_with_changes: "Tillstyrker med ändringar",
    opposes: "Avstyrker",
    no_comment: "Inga synpunkter",
  },
  quoteSourceType: { response: "Remissvar", member_input: "Synpunkter från medlemskommun", document: "Dokument" },
  goalStatus: { not_started: "Ej påbörjat", in_progress: "Pågår", achieved: "Uppnått", not_achieved: "Ej uppnått" },
  importSource: { riksdagen: "Riksdagen", regeringen: "Regeringen.se" },
  importTrigger: { command: "Kommando", schedule: "Schemalagd", web: "Från länk" },
  importRunStatus: { running: "Pågår", succeeded: "Klar", failed: "Misslyckades" },
  savedSearchFrequency: { daily: "Varje morgon", weekly: "Varje måndag", never: "Aldrig (ingen e-post)" },
} as const;

/**
 * Search facets' values as people read them: the API labels its facet counts with these, and
 * the web app names a chosen value that has no hits (and so no count) the same way.
 */
export const SEARCH_FACET_LABELS: Record<"types" | "kinds" | "statuses", Record<string, string>> = {
  types: { document: "Dokument", inquiry: "Utredning", remiss: "Remiss", response: "Remissvar och ställningstaganden", member_input: "Synpunkt" },
  kinds: { ...SWEDISH_LABELS.documentKind, ...SWEDISH_LABELS.responseKind },
  statuses: {
    ...SWEDISH_LABELS.inquiryStatus, ...SWEDISH_LABELS.remissStatus, ...SWEDISH_LABELS.memberInputStatus, ...SWEDISH_LABELS.responseStatus,
  },
};
