import { z } from "zod";
import { LIMITS, parseDesignation, DESIGNATION_EXAMPLES } from "@remissbanken/schema";
import { badInput, type DomainReason } from "./errors.js";

/**
 * Parses input with a zod schema or throws BAD_USER_INPUT listing every problem. A
 * refinement may name a more specific reason in its issue's `params.reason`.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: issue.path.join(".") || "input",
    message: issue.message,
  }));
  const reason = result.error.issues
    .map((issue) => (issue.code === "custom" ? (issue.params?.reason as DomainReason | undefined) : undefined))
    .find(Boolean);
  throw badInput(fields.map((f) => `${f.field}: ${f.message}`).join("; "), fields, reason);
}

const trimmed = (max: number) =>
  z
    .string()
    .transform((s) => s.trim())
    .pipe(z.string().min(1, "must not be empty").max(max, `must be at most ${max} characters`));

export const v = {
  name: trimmed(LIMITS.nameLength),
  title: trimmed(LIMITS.titleLength),
  shortText: trimmed(LIMITS.shortTextLength),
  text: (max: number) => trimmed(max),
  /** Optional text: empty strings become null, so "clearing" a field works. */
  optionalText: (max: number) =>
    z
      .string()
      .max(max, `must be at most ${max} characters`)
      .transform((s) => (s.trim() === "" ? null : s.trim()))
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
