/**
 * The remissvar editor's form model, shared by its loader, action and tests: the form is
 * flat (`sections.2.heading`) so that it works without JavaScript, and everything typed
 * travels back as a draft when the save is refused, so that nothing is lost.
 */
import { z } from "zod";
import { LIMITS } from "@remissbanken/schema/limits";
import { REASON_MESSAGES } from "./errors";

export interface SectionDraft {
  number: string;
  heading: string;
  stance: string;
  body: string;
  /** The section's quotes as JSON: the editor does not edit them but must not drop them. */
  quotes: string;
}

export interface ResponseDraft {
  signatory: string;
  presenter: string;
  letterDate: string;
  summary: string;
  comment: string;
  sections: SectionDraft[];
}

export const STANCES = ["SUPPORTS", "SUPPORTS_WITH_CHANGES", "OPPOSES", "NO_COMMENT"] as const;
type Stance = (typeof STANCES)[number];

interface SavedQuote { sourceType: string; sourceId: string; label: string; text: string }
interface SavedSection { number: string | null; heading: string; stance: string | null; body: string; quotes: SavedQuote[] }
export interface SavedContent {
  signatory: string | null;
  presenter: string | null;
  letterDate: string | null;
  summary: string;
  sections: SavedSection[];
}

export const emptySection = (): SectionDraft => ({ number: "", heading: "", stance: "", body: "", quotes: "[]" });

/** A saved version as the form shows it. */
export function draftFromSaved(saved: SavedContent): ResponseDraft {
  return {
    signatory: saved.signatory ?? "",
    presenter: saved.presenter ?? "",
    letterDate: saved.letterDate ?? "",
    summary: saved.summary,
    comment: "",
    sections: saved.sections.map((s) => ({
      number: s.number ?? "",
      heading: s.heading,
      stance: s.stance ?? "",
      body: s.body,
      quotes: JSON.stringify(s.quotes.map(({ sourceType, sourceId, label, text }) => ({ sourceType, sourceId, label, text }))),
    })),
  };
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** What the form holds, sections in the order they were shown. */
export function readDraft(form: FormData): ResponseDraft {
  const indexes = new Set<number>();
  for (const key of form.keys()) {
    const match = /^sections\.(\d{1,3})\.heading$/.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  const sections = [...indexes]
    .sort((a, b) => a - b)
    .slice(0, LIMITS.sectionsPerResponse + 1)
    .map((i) => ({
      number: text(form, `sections.${i}.number`),
      heading: text(form, `sections.${i}.heading`),
      stance: text(form, `sections.${i}.stance`),
      body: text(form, `sections.${i}.body`),
      quotes: text(form, `sections.${i}.quotes`) || "[]",
    }));
  return {
    signatory: text(form, "signatory"),
    presenter: text(form, "presenter"),
    letterDate: text(form, "letterDate"),
    summary: text(form, "summary"),
    comment: text(form, "comment"),
    sections,
  };
}

const QUOTES_UNREADABLE = "Citaten i avsnittet kunde inte läsas. Ladda om sidan.";
const tooLong = (max: number) => `Texten är för lång: högst ${max.toLocaleString("sv-SE")} tecken.`;
// Lengths are counted as the API counts them: before trimming, except where it trims first (heading, number).
const optional = (max: number) => z.string().max(max, tooLong(max)).transform((s) => s.trim() || null);
const isRealDate = (d: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return true; // empty, or the pattern's message says it
  const date = new Date(`${d}T12:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(d);
};

const quotes = z
  .string()
  .transform((raw, ctx) => {
    try {
      return JSON.parse(raw) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: QUOTES_UNREADABLE });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(
        z.object({ sourceType: z.enum(["DOCUMENT", "RESPONSE", "MEMBER_INPUT"]), sourceId: z.string(), label: z.string(), text: z.string() }),
        { error: QUOTES_UNREADABLE },
      )
      .max(LIMITS.quotesPerSection, `Ett avsnitt kan ha högst ${LIMITS.quotesPerSection} citat. Ta bort något.`),
  );

const section = z.object({
  number: z
    .string()
    .trim()
    .max(LIMITS.sectionNumberLength, tooLong(LIMITS.sectionNumberLength))
    .regex(/^(\d{1,3}(\.\d{1,3})*)?$/, "Skriv avsnittets nummer som i betänkandet, till exempel 5 eller 5.3.2.")
    .transform((n) => n || null),
  heading: z
    .string()
    .trim()
    .min(1, "Skriv en rubrik för avsnittet.")
    .max(LIMITS.sectionHeadingLength, tooLong(LIMITS.sectionHeadingLength)),
  stance: z
    .string()
    .refine((s) => s === "" || (STANCES as readonly string[]).includes(s), "Välj ett ställningstagande i listan.")
    .transform((s) => (s ? (s as Stance) : null)),
  body: z.string().max(LIMITS.sectionBodyLength, tooLong(LIMITS.sectionBodyLength)),
  quotes,
});

/** The draft as saveResponseVersion's input (less responseId and baseVersion), with Swedish messages. */
export const draftSchema = z.object({
  signatory: optional(LIMITS.shortTextLength),
  presenter: optional(LIMITS.shortTextLength),
  letterDate: z
    .string()
    .trim()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/, "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2026-03-15.")
    .refine(isRealDate, "Datumet finns inte i kalendern.")
    .transform((d) => d || null),
  summary: z.string().max(LIMITS.summaryLength, tooLong(LIMITS.summaryLength)).transform((s) => s.trim()),
  comment: optional(LIMITS.shortTextLength),
  sections: z
    .array(section)
    .min(1, "Skriv minst ett avsnitt innan du sparar.")
    .max(LIMITS.sectionsPerResponse, `Högst ${LIMITS.sectionsPerResponse} avsnitt.`)
    .superRefine((list, ctx) => {
      // Each of the report's sections is answered once: point at the repeat, not the first.
      const seen = new Set<string>();
      list.forEach(({ number }, index) => {
        if (number === null) return;
        if (seen.has(number)) ctx.addIssue({ code: "custom", path: [index, "number"], message: REASON_MESSAGES.DUPLICATE_SECTION_NUMBER });
        seen.add(number);
      });
    }),
});

export type DraftInput = z.output<typeof draftSchema>;

/** Validates a draft; field errors are keyed by the form's field names. */
export function validateDraft(draft: ResponseDraft): { ok: true; input: DraftInput } | { ok: false; fieldErrors: Record<string, string> } {
  const result = draftSchema.safeParse(draft);
  if (result.success) return { ok: true, input: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const name = issue.path.join(".") || "form";
    fieldErrors[name] ??= issue.message;
  }
  return { ok: false, fieldErrors };
}

/**
 * The API's field problems under the form's names: its paths are the input's
 * (`sections.1.number`); a length limit gets the same message as the form's own check.
 */
export function apiFieldErrors(fields: { field: string; message?: string }[], reason: string | undefined): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, message } of fields) {
    const name = field.replace(/^input\./, "");
    const max = /at most (\d+)/.exec(message ?? "")?.[1];
    errors[name] ??= reason && REASON_MESSAGES[reason] && reason !== "INVALID_INPUT"
      ? REASON_MESSAGES[reason]
      : max
        ? tooLong(Number(max))
        : "Kontrollera uppgiften.";
  }
  return errors;
}

export interface FieldDifference {
  label: string;
  theirs: string;
  mine: string;
}

/** The fields where the other person's saved version and the user's text differ, for the conflict view. */
export function differences(theirs: ResponseDraft, mine: ResponseDraft, stanceLabel: (s: string) => string): FieldDifference[] {
  const out: FieldDifference[] = [];
  const add = (label: string, a: string, b: string) => {
    if (a.trim() !== b.trim()) out.push({ label, theirs: a, mine: b });
  };
  add("Undertecknas av", theirs.signatory, mine.signatory);
  add("Föredragande", theirs.presenter, mine.presenter);
  add("Datum på svaret", theirs.letterDate, mine.letterDate);
  add("Sammanfattning", theirs.summary, mine.summary);
  const count = Math.max(theirs.sections.length, mine.sections.length);
  for (let i = 0; i < count; i++) {
    const a = theirs.sections[i];
    const b = mine.sections[i];
    add(`Avsnitt ${i + 1}`, a ? sectionText(a, stanceLabel) : "(finns inte)", b ? sectionText(b, stanceLabel) : "(finns inte)");
  }
  return out;
}

function sectionText(s: SectionDraft, stanceLabel: (s: string) => string): string {
  const head = [s.number, s.heading].filter(Boolean).join(" ");
  const stance = s.stance ? `Ställningstagande: ${stanceLabel(s.stance)}` : "";
  return [head, stance, s.body].filter(Boolean).join("\n");
}
