/** The synonym group form of /admin/synonymer: one word or phrase per line. */
import { LIMITS } from "@remissbanken/schema/limits";
import type { FormProblems } from "./forms.server";

const { synonymPhrasesMin: MIN, synonymPhrasesMax: MAX, synonymPhraseLength: LENGTH } = LIMITS;

export const PHRASES_HINT = `En per rad, ${MIN}–${MAX} rader, högst ${LENGTH} tecken per rad. Till exempel en förkortning och vad den står för.`;

/** The lines of the textarea as phrases, or the Swedish problem with them. */
export function parsePhrases(text: string): { ok: true; phrases: string[] } | { ok: false; message: string } {
  const phrases = text.split(/\r?\n/).map((line) => line.replace(/\s+/g, " ").trim()).filter(Boolean);
  if (phrases.length < MIN) return { ok: false, message: `Skriv minst ${MIN} ord eller fraser, en per rad.` };
  if (phrases.length > MAX) return { ok: false, message: `En grupp får ha högst ${MAX} ord eller fraser. Dela upp den i flera grupper.` };
  const long = phrases.find((phrase) => phrase.length > LENGTH);
  if (long) return { ok: false, message: `”${long.slice(0, 30)}…” är längre än ${LENGTH} tecken.` };
  const wordless = phrases.find((phrase) => !/[\p{L}\p{N}]/u.test(phrase));
  if (wordless) return { ok: false, message: `”${wordless}” innehåller inga bokstäver eller siffror, så sökningen kan inte använda den.` };
  const seen = new Set<string>();
  for (const phrase of phrases) {
    const key = phrase.toLocaleLowerCase("sv-SE");
    if (seen.has(key)) return { ok: false, message: `”${phrase}” står två gånger.` };
    seen.add(key);
  }
  return { ok: true, phrases };
}

/** The API names a phrase's field by its index ("phrases.3"); the form has one field for all. */
export const PHRASE_FIELDS: Record<string, string> = Object.fromEntries(Array.from({ length: MAX + 1 }, (_, i) => [`phrases.${i}`, "phrases"]));

export const DUPLICATE_MESSAGE =
  "Ett av orden betyder samma sak som ett annat i gruppen, eller står redan i en annan grupp. Ett ord kan bara stå i en grupp.";

/**
 * The API's DUPLICATE refusal in Swedish, naming the phrase: it names the phrase's field
 * ("phrases.2") and quotes the phrase it clashes with, in this group (`inGroup`) or in another.
 */
export function duplicateMessage(phrases: string[], field: { field: string; message?: string } | undefined, inGroup: boolean): string {
  const typed = field && /^phrases\.(\d+)$/.exec(field.field) ? phrases[Number(field.field.split(".")[1])] : undefined;
  const other = field?.message ? /"(.+)"/.exec(field.message)?.[1] : undefined;
  if (!typed || !other) return DUPLICATE_MESSAGE;
  return inGroup
    ? `”${typed}” och ”${other}” är samma ord för sökningen (böjningar räknas som samma ord). Ta bort den ena raden.`
    : `”${typed}” står redan i gruppen ”${other}”. Ett ord kan bara stå i en grupp: ta bort det här eller ändra den andra gruppen.`;
}

/**
 * The API's refusal of a phrase without a word search can use (only small words such as "och"
 * and "i", which search ignores) in Swedish, or undefined when the refusal is another.
 */
export function noWordMessage(phrases: string[], fields: Array<{ field: string; message?: string }>): string | undefined {
  const field = fields.find((f) => /^phrases\.\d+$/.test(f.field) && f.message === "must contain a word");
  const phrase = field ? phrases[Number(field.field.split(".")[1])] : undefined;
  if (phrase === undefined) return undefined;
  return `”${phrase}” består bara av småord som sökningen bortser från (som ”och” och ”i”). Skriv ett ord som säger något.`;
}

/** The problems of a phrases form whose text was refused with `message`. */
export function phraseProblems(message: string, values: Record<string, string>): FormProblems {
  // Said once, beside the field; the summary above the form only points to it.
  return { formError: "Gruppen kunde inte sparas. Se vad som behöver ändras under ”Ord och fraser”.", fieldErrors: { phrases: message }, values };
}
