/**
 * The form that starts a ställningstagande without a remiss (/stallningstaganden/ny):
 * a title, the priority areas it serves and, if any, the inquiry and documents it is about.
 */
import { z } from "zod";
import { parseDesignation } from "@remissbanken/schema/designation";
import { LIMITS } from "@remissbanken/schema/limits";
import { isId } from "./ids";

/** Most documents one position links by designation; more is a sign of a pasted list gone wrong. */
export const MAX_LINKED_DOCUMENTS = 20;

export const NewPositionForm = z.object({
  title: z
    .string({ error: "Skriv en titel." })
    .trim()
    .min(1, "Skriv en titel.")
    .max(LIMITS.titleLength, `Titeln får vara högst ${LIMITS.titleLength} tecken.`),
  inquiryId: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null)
    .refine((v) => v === null || isId(v), "Välj en utredning i listan."),
  designations: z
    .string()
    .optional()
    .transform((text, ctx) => {
      const lines = designationLines(text ?? "");
      const unreadable = lines.filter((line) => !parseDesignation(line));
      if (unreadable.length) ctx.addIssue({ code: "custom", message: `Beteckningen ${unreadable[0]} kunde inte tolkas. Skriv till exempel SOU 2011:59.` });
      if (lines.length > MAX_LINKED_DOCUMENTS) ctx.addIssue({ code: "custom", message: `Högst ${MAX_LINKED_DOCUMENTS} dokument.` });
      return lines;
    }),
});

/** One designation a line; empty lines dropped, repeats kept once. */
export function designationLines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))];
}

/** The priority areas ticked: only ids, each once. */
export function pickedIds(values: FormDataEntryValue[]): string[] {
  return [...new Set(values.filter((v): v is string => typeof v === "string" && isId(v)))];
}
