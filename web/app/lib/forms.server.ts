/**
 * Actions: validate a form with zod, call the API, and answer either with the problems
 * (HTTP 400, field by field, in Swedish) or with a redirect.
 */
import { data } from "@remix-run/node";
import type { z } from "zod";
import { ApiError, ApiUnavailableError } from "./api.server";
import { messageFor } from "./errors";

export interface FormProblems {
  /** A message for the whole form. */
  formError?: string;
  /** Messages per field name. */
  fieldErrors: Record<string, string>;
  /** What was typed, so nothing is lost when the form comes back. */
  values: Record<string, string>;
}

export function formValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string" && !(key in values)) values[key] = value;
  return values;
}

/** Parses a form with a zod schema whose messages are Swedish. */
export function parseForm<S extends z.ZodType>(form: FormData, schema: S): { ok: true; value: z.output<S> } | { ok: false; problems: FormProblems } {
  const values = formValues(form);
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, value: result.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? "");
    if (key && !fieldErrors[key]) fieldErrors[key] = issue.message;
  }
  return { ok: false, problems: { formError: "Några uppgifter behöver rättas.", fieldErrors, values } };
}

/** The form answered with its problems and HTTP 400 (or the API's refusal's status). */
export function problems(p: FormProblems, status = 400) {
  return data({ problems: p }, { status });
}

const STATUS: Record<string, number> = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, TOO_MANY_REQUESTS: 429 };

/**
 * An API refusal as form problems: the Swedish message for its reason, and the fields it
 * names (API field names map to form names through `fieldNames`).
 */
export function apiProblems(error: unknown, values: Record<string, string>, fieldNames: Record<string, string> = {}) {
  if (error instanceof ApiUnavailableError) {
    return problems({ formError: messageFor("SERVICE_UNAVAILABLE"), fieldErrors: {}, values }, 503);
  }
  if (!(error instanceof ApiError)) throw error;
  const fieldErrors: Record<string, string> = {};
  for (const field of error.fields) {
    const name = fieldNames[field.field] ?? field.field.split(".").pop() ?? field.field;
    fieldErrors[name] ??= messageFor(error.code, error.reason);
  }
  return problems({ formError: messageFor(error.code, error.reason), fieldErrors, values }, STATUS[error.code] ?? 500);
}
