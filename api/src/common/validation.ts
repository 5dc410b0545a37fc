import { z } from "zod";
import { LIMITS, parseDesignation, DESIGNATION_EXAMPLES } from "@remissbanken/schema";
import { badInput, type DomainReason } from "./errors.js";

/**
 * Parses input with a zod schema or throws BAD_USER_INPUT listing every problem. A
 * refinement may name a more specific reason in its issue's `params.reason`.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const malformed = malformedText(input);
  const result = schema.safeParse(input);
  if (result.success && malformed.length === 0) return result.data;
  const issues = result.success ? [] : result.error.issues;
  const fields = [
    ...malformed,
    ...issues
      .map((issue) => ({ field: issue.path.join(".") || "input", message: issue.message }))
      .filter((problem) => !malformed.some((m) => m.field === problem.field)),
  ];
  const reason = issues
    .map((issue) => (issue.code === "custom" ? (issue.params?.reason as DomainReason | undefined) : undefined))
    .find(Boolean);
  throw badInput(fields.map((f) => `${f.field}: ${f.message}`).join("; "), fields, reason);
}

/*
 * The text rule, one for every text field:
 * - Every string in any input must be well-formed Unicode: a lone UTF-16 surrogate
 *   (which PostgreSQL's driver would silently turn into U+FFFD) is refused, as is NUL,
 *   which PostgreSQL cannot store. parseInput checks this for the whole input, so
 *   fields declared as a plain z.string() obey it too.
 * - Required text must hold at least one visible character: zero-width, format and
 *   control characters and spaces alone do not make a title.
 * - One-line fields (names, titles, short texts) take no control characters at all;
 *   longer texts keep their line breaks and tabs.
 */
const LONE_SURROGATE = /\p{Surrogate}/u;
const NUL = /\u0000/;
const VISIBLE = /[^\p{Cc}\p{Cf}\p{Z}\p{Surrogate}\s]/u;
const CONTROL = /\p{Cc}/u;

/** What is wrong with one string under the rule that holds for all input, or null. */
export function malformedTextProblem(value: string): string | null {
  if (LONE_SURROGATE.test(value)) return "contains a lone surrogate (text that is not valid Unicode)";
  if (NUL.test(value)) return "contains a NUL character";
  return null;
}

/** Every string anywhere in the input that breaks the rule, by field path. */
function malformedText(value: unknown, path: (string | number)[] = []): { field: string; message: string }[] {
  if (typeof value === "string") {
    const problem = malformedTextProblem(value);
    return problem ? [{ field: path.join(".") || "input", message: problem }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => malformedText(item, [...path, index]));
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([key, item]) => malformedText(item, [...path, key]));
  }
  return [];
}

const requiredText = (max: number, { oneLine }: { oneLine: boolean }) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(
      z
        .string()
        .min(1, "must not be empty")
        .max(max, `must be at most ${max} characters`)
        // An empty text already has its message; one problem per field.
        .refine((s) => s === "" || VISIBLE.test(s), "must contain visible characters, not only spaces, zero-width or control characters")
        .refine((s) => !oneLine || !VISIBLE.test(s) || !CONTROL.test(s), "must not contain control characters such as line breaks or tabs"),
    );

export const v = {
  name: requiredText(LIMITS.nameLength, { oneLine: true }),
  title: requiredText(LIMITS.titleLength, { oneLine: true }),
  shortText: requiredText(LIMITS.shortTextLength, { oneLine: true }),
  text: (max: number) => requiredText(max, { oneLine: false }),
  /** A one-line text of at most `max` characters (a search phrase, a label). */
  line: (max: number) => requiredText(max, { oneLine: true }),
  /** Optional text: empty (or invisible-only) strings become null, so "clearing" a field works. */
  optionalText: (max: number) =>
    z
      .string()
      .max(max, `must be at most ${max} characters`)
      .transform((s) => (VISIBLE.test(s) ? s.trim() : null))
      .nullish(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD").refine(isRealDate, "is not a real date"),
  url: z
    .string()
    .max(LIMITS.urlLength)
    .url("must be a URL")
    .refine((u) => /^https?:\/\//i.test(u), "must start with http:// or https://"),
  uuid: z.string().uuid("must be an id"),
  year: z.number().int().min(1900).max(2100),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .email("must be an email address"),
  designation: z.string().max(40).transform((raw, ctx) => {
    const parsed = parseDesignation(raw);
    if (!parsed) {
      ctx.addIssue({ code: "custom", message: `"${raw}" is not a designation; write e.g. ${DESIGNATION_EXAMPLES}` });
      return z.NEVER;
    }
    return parsed;
  }),
};

function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}
